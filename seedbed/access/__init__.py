"""Who may see what: the one place the web pages ask.

Until roles land, the pages are for stewards only: a user who is staff or belongs to
the Django auth group "stewards". Anonymous users are sent to the login page; anyone
else gets a friendly 403 page (Django's ``403.html``).
"""
from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from seedbed.people.models import Visibility

STEWARDS_GROUP = "stewards"


def is_steward(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff or user.is_superuser:
        return True
    # Cached on the user object: a page may ask more than once (view, then template).
    cached = getattr(user, "_seedbed_is_steward", None)
    if cached is None:
        cached = user.groups.filter(name=STEWARDS_GROUP).exists()
        user._seedbed_is_steward = cached
    return cached


def steward_required(view):
    """Decorate a view so that only stewards reach it."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_steward(request.user):
            raise PermissionDenied("This page is for community stewards.")
        return view(request, *args, **kwargs)

    return wrapped


def may_see_self_reported(user, person, field: str) -> bool:
    """A self-reported field (pronouns, availability, ...) as its owner allowed.

    Stewards see every field except those the member keeps to themselves; the member
    always sees their own.
    """
    if person.user_id is not None and person.user_id == getattr(user, "pk", None):
        return True
    visibility = person.visibility_of(field)
    if is_steward(user):
        return visibility != Visibility.ONLY_ME
    return False
