"""The highlights pages: the stewards' queue of suggestions, and a member's nomination. Thin."""
from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from seedbed.access import Audience, page
from seedbed.activity.models import Activity
from seedbed.recognition import services
from seedbed.recognition.forms import HighlightForm, NominationForm, PeriodForm
from seedbed.recognition.kinds import HIGHLIGHT_KINDS
from seedbed.recognition.models import Highlight
from seedbed.recognition.periods import Period
from seedbed.recognition.suggesting import suggest_highlights

PAGE_SIZE = 25
STATUSES = {"suggested": "Waiting", "confirmed": "Confirmed", "dismissed": "Dismissed"}


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _queue(status: str, kind: str):
    rows = (Highlight.objects.filter(status=status).select_related("person", "group", "decided_by")
            .prefetch_related("activities", "nominations__by"))
    if kind in HIGHLIGHT_KINDS:
        rows = rows.filter(kind=kind)
    # The newest work first, as it happened: never ordered by person or by how much they did.
    return rows.order_by("-occurred_at", "-id")


def _tabs() -> list[tuple[str, str, int]]:
    counts = dict(Highlight.objects.values_list("status").annotate(n=Count("id")))
    return [(s, label, counts.get(s, 0)) for s, label in STATUSES.items()]


@page(Audience.STEWARDS)
def highlight_queue(request):
    status = request.GET.get("status", "suggested")
    status = status if status in STATUSES else "suggested"
    kind = request.GET.get("kind", "")
    page_ = Paginator(_queue(status, kind), PAGE_SIZE).get_page(request.GET.get("page"))
    for h in page_.object_list:
        h.form = HighlightForm(initial={"title": h.title, "why": h.why, "contribution_type": h.contribution_type},
                               prefix=f"h{h.pk}")
    context = {"page": page_, "status": status, "kind": kind, "kinds": HIGHLIGHT_KINDS, "tabs": _tabs(),
               "period_form": PeriodForm(initial=PeriodForm.last_days(30))}
    return render(request, "recognition/highlights.html", context)


@page(Audience.STEWARDS)
@require_POST
def highlight_suggest(request):
    form = PeriodForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give a period: " + " ".join(e for errs in form.errors.values() for e in errs))
        return redirect("recognition:highlights")
    period = Period(form.cleaned_data["since"], form.cleaned_data["until"])
    result = suggest_highlights(period)
    messages.success(request, f"{period}: {result.created} new suggestion{'s' if result.created != 1 else ''}"
                              f" ({result.already} made before).")
    return redirect("recognition:highlights")


@page(Audience.STEWARDS)
@require_POST
def highlight_decide(request, pk: int, action: str):
    highlight = get_object_or_404(Highlight, pk=pk)
    error = None
    if action == "confirm":
        form = HighlightForm(request.POST, prefix=f"h{pk}")
        if form.is_valid():
            try:
                services.confirm_highlight(highlight, actor=request.user, **form.cleaned_data)
            except services.RecognitionError as exc:
                error = str(exc)
        else:
            error = "; ".join(f"{form.fields[f].label or f}: {' '.join(e)}" for f, e in form.errors.items())
    elif action == "dismiss":
        services.dismiss_highlight(highlight, actor=request.user)
    elif action == "reopen":
        services.reopen_highlight(highlight)
    else:
        raise Http404("No such action.")
    highlight = (Highlight.objects.select_related("person", "group", "decided_by")
                 .prefetch_related("activities", "nominations__by").get(pk=pk))
    highlight.form = HighlightForm(request.POST if error else None, prefix=f"h{pk}",
                                   initial={"title": highlight.title, "why": highlight.why,
                                            "contribution_type": highlight.contribution_type})
    if not _is_htmx(request):
        if error:
            messages.error(request, f"Could not {action}: {error}")
        else:
            messages.success(request, f"{highlight.title}: {highlight.get_status_display().lower()}.")
        back = request.POST.get("from", "suggested")
        return redirect(f"{reverse('recognition:highlights')}?status={back if back in STATUSES else 'suggested'}")
    back = request.POST.get("from", "suggested")
    # the card, and the status counts out of band, so the tabs stay true without a reload
    return render(request, "recognition/_highlight_card.html", {
        "h": highlight, "error": error, "oob": True, "tabs": _tabs(), "status": back if back in STATUSES else "suggested"})


@page(Audience.MEMBER)
def nominate(request):
    """Any member points at a contribution by its link and says why it deserves a highlight."""
    form = NominationForm(request.POST or None, initial={"link": request.GET.get("link", "")})
    highlight = None
    if request.method == "POST" and form.is_valid():
        link = form.cleaned_data["link"].strip()
        activity = Activity.objects.filter(url=link).select_related("identity__person").order_by("pk").first()
        if activity is None:
            form.add_error("link", "Seedbed has no contribution with this link: copy it from the page of the work.")
        else:
            try:
                highlight = services.nominate(activity, request.user, form.cleaned_data["sentence"])
            except services.RecognitionError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Thank you: your nomination waits for a steward, who will confirm it.")
                return redirect("recognition:nominate")
    return render(request, "recognition/nominate.html", {"form": form, "highlight": highlight})

