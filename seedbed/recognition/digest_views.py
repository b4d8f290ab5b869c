"""Digest pages: stewards draft, edit and approve; anyone reads what was published. Thin."""
from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from seedbed.access import Audience, page
from seedbed.recognition import digests
from seedbed.recognition.forms import DigestForm, PeriodForm
from seedbed.recognition.models import Digest, DigestStatus
from seedbed.recognition.periods import Period
from seedbed.recognition.services import RecognitionError


@page(Audience.STEWARDS)
def digest_list(request):
    form = PeriodForm(request.POST or None, initial=PeriodForm.last_days(30))
    if request.method == "POST" and form.is_valid():
        digest = digests.create_draft(Period(form.cleaned_data["since"], form.cleaned_data["until"]), by=request.user)
        messages.success(request, f"Draft made with {digest.highlights.count()} confirmed highlights.")
        return redirect("recognition:digest_edit", pk=digest.pk)
    rows = Digest.objects.select_related("approved_by").order_by("-until", "-id")
    return render(request, "recognition/digests.html", {"digests": rows, "form": form})


@page(Audience.STEWARDS)
def digest_edit(request, pk: int):
    digest = get_object_or_404(Digest, pk=pk)
    form = DigestForm(request.POST or None, initial={"title": digest.title, "intro": digest.intro})
    if request.method == "POST":
        if digest.status != DigestStatus.DRAFT:
            messages.error(request, "A published digest cannot be changed.")
            return redirect("recognition:digest_edit", pk=pk)
        if form.is_valid():
            removed = [int(v) for v in request.POST.getlist("remove") if v.isdigit()]
            try:
                digests.update_draft(digest, title=form.cleaned_data["title"], intro=form.cleaned_data["intro"],
                                     removed=removed, refresh="refresh" in request.POST)
            except RecognitionError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Draft saved.")
                return redirect("recognition:digest_edit", pk=pk)
    story = digests.story_of(digest)
    included = digest.highlights.select_related("person").order_by("occurred_at", "id")
    return render(request, "recognition/digest_edit.html",
                  {"digest": digest, "form": form, "story": story, "included": included,
                   "markdown": digests.render_markdown(story)})


@page(Audience.STEWARDS)
@require_POST
def digest_publish(request, pk: int):
    digest = get_object_or_404(Digest, pk=pk)
    try:
        digests.publish(digest, by=request.user)
    except RecognitionError as exc:
        messages.error(request, f"Not published: {exc}")
    else:
        messages.success(request, "Approved and published: it is on the public digest page now.")
    return redirect("recognition:digest_edit", pk=pk)


@page(Audience.STEWARDS)
def digest_markdown(request, pk: int):
    digest = get_object_or_404(Digest, pk=pk)
    response = HttpResponse(digests.render_markdown(digests.story_of(digest)), content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="digest-{digest.since}-{digest.until}.md"'
    return response


def _published(pk: int) -> Digest:
    digest = Digest.objects.filter(pk=pk, status=DigestStatus.PUBLISHED).first()
    if digest is None:
        raise Http404("No published digest here.")
    return digest


@page(Audience.PUBLIC)
def public_digests(request):
    rows = Digest.objects.filter(status=DigestStatus.PUBLISHED).order_by("-until", "-id")
    return render(request, "recognition/public_digests.html", {"digests": rows})


@page(Audience.PUBLIC)
def public_digest(request, pk: int):
    digest = _published(pk)
    return render(request, "recognition/public_digest.html", {"digest": digest, "story": digests.story_of(digest)})
