"""The invitation pages. Thin: the use cases live in ``services.py``."""
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from seedbed.access import Audience, page
from seedbed.accounts import services
from seedbed.accounts.forms import ClaimForm, InviteForm
from seedbed.people.models import Person

# The backend that checks passwords; named because more than one is configured (login throttling).
PASSWORD_BACKEND = "django.contrib.auth.backends.ModelBackend"


@page(Audience.STEWARDS)
@require_POST
def invite(request, pk):
    person = get_object_or_404(Person, pk=pk)
    form = InviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, "The invitation was not sent: please give a valid e-mail address.")
        return redirect("people:detail", pk=person.pk)
    try:
        invitation = services.invite(person, form.cleaned_data["email"], request.user, request.build_absolute_uri("/"))
    except services.InvitationError as error:
        messages.error(request, f"The invitation was not sent. {error}.")
    else:
        messages.success(
            request, f"Invitation sent to {invitation.email}. The link works until "
            f"{services.expiry_text(invitation.expires_at)}; inviting again replaces it.")
    return redirect("people:detail", pk=person.pk)


def _private(response):
    """The token is in the page's address: no cache keeps the page, and no other site is told
    the address ("no-referrer" would make browsers send ``Origin: null``, which CSRF refuses)."""
    response["Referrer-Policy"] = "same-origin"
    response["Cache-Control"] = "no-store"
    return response


def _unusable(request, error: services.InvalidInvitation):
    status = 410 if error.reason == "expired" else 404
    return _private(render(request, "accounts/claim_invalid.html", {"error": error}, status=status))


@page(Audience.PUBLIC)
@require_http_methods(["GET", "HEAD", "POST"])
def claim(request, token):
    try:
        invitation = services.open_invitation(token)
    except services.InvalidInvitation as error:
        return _unusable(request, error)
    form = ClaimForm(request.POST if request.method == "POST" else None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.claim(token, form.cleaned_data["username"], form.cleaned_data["password1"])
        except services.InvalidInvitation as error:
            return _unusable(request, error)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error("password2" if field == "password" else field if field in form.fields else None, errors)
        else:
            login(request, user, backend=PASSWORD_BACKEND)
            messages.success(request, f"Welcome, {user.get_username()}! This is your page in Seedbed.")
            return redirect("people:detail", pk=invitation.person_id)
    return _private(render(request, "accounts/claim.html", {"person": invitation.person, "form": form}))
