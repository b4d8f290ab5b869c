"""The member's own profile page. Thin: the use cases live in ``profile.py``."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import dateformat, timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from seedbed.access import Audience, page
from seedbed.accounts import profile
from seedbed.accounts.profile_forms import BreakForm, ProfileForm
from seedbed.people.models import Person


def _render(request, person, form, break_form, status=200):
    today = timezone.localdate()
    breaks = [(b, profile.has_ended(b, today)) for b in person.breaks.order_by("-starts_on", "-id")]
    context = {
        "person": person, "form": form, "break_form": break_form, "breaks": breaks,
        "time_zones": sorted(profile.time_zones()),
    }
    return render(request, "accounts/profile.html", context, status=status)


@page(Audience.MEMBER)
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def edit_profile(request):
    person = get_object_or_404(Person, pk=request.person_id)
    if request.method != "POST":
        return _render(request, person, ProfileForm(initial=ProfileForm.initial_for(person)), BreakForm())
    form = ProfileForm(request.POST, initial=ProfileForm.initial_for(person))
    if form.is_valid():
        try:
            changes = profile.update_profile(person.pk, form.changes())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            if changes:
                messages.success(request, f"Saved your changes to {changes.describe()}.")
            else:
                messages.info(request, "Nothing to save: your profile is as it was.")
            return redirect("accounts:profile")
    messages.error(request, "Nothing was saved: please correct what is marked below.")
    return _render(request, person, form, BreakForm(), status=400)


@page(Audience.MEMBER)
@require_POST
def edit_breaks(request):
    """Add a break (``from``/``to``/``note``) or remove one (``remove``: its id)."""
    person = get_object_or_404(Person, pk=request.person_id)
    if "remove" in request.POST:
        try:
            removed = profile.remove_break(person.pk, int(request.POST["remove"]))
        except (ValueError, ValidationError) as error:
            messages.error(request, " ".join(getattr(error, "messages", ["There is no such break on your profile."])))
        else:
            messages.success(request, f"Removed your break from {dateformat.format(removed.starts_on, 'j M Y')}.")
        return redirect("accounts:profile")
    break_form = BreakForm(request.POST)
    if break_form.is_valid():
        data = break_form.cleaned_data
        try:
            profile.add_break(person.pk, data["starts_on"], data["ends_on"], data["note"])
        except ValidationError as error:
            break_form.add_service_errors(error)
        else:
            messages.success(request, "Your break was added.")
            return redirect("accounts:profile")
    messages.error(request, "The break was not added: please correct what is marked below.")
    form = ProfileForm(initial=ProfileForm.initial_for(person))
    return _render(request, person, form, break_form, status=400)
