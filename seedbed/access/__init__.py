"""Who may see and do what: the one place every page asks.

Each view declares its audience with ``@page(...)`` (a test walks every URL the site has and
fails on a view without one). The audience decides who reaches the view at all; what a
viewer then sees of a person follows from their relations to that person
(``Viewer.relations_to``) and the role x field table in ``seedbed.access.rules``.

Anonymous visitors who may not reach a page are sent to the login page; anyone else gets
a friendly 403 page (Django's ``403.html``).
"""
from __future__ import annotations

from enum import StrEnum
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from seedbed.access import rules
from seedbed.access.rules import Relation

STEWARDS_GROUP = "stewards"


class Audience(StrEnum):
    PUBLIC = "public"  # anyone, logged in or not
    STEWARDS = "stewards"  # stewards only
    PERSON = "person"  # whoever may see the person in the URL (``pk``): see ``rules.may_reach``
    MEMBER = "member"  # a login linked to a person, on their own data (``request.person_id``)


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


class Viewer:
    """A user as the access rules see them: steward or not, their own person, the people in
    the groups they organise and their current mentees. Looked up once per request."""

    def __init__(self, user):
        self.user = user
        self.active = bool(user.is_authenticated and user.is_active)
        self.steward = is_steward(user)
        self._person_id: int | None | bool = False  # False: not looked up yet
        self._organised: frozenset[int] | None = None
        self._mentees: frozenset[int] | None = None

    @property
    def person_id(self) -> int | None:
        if self._person_id is False:
            from seedbed.people.models import Person

            self._person_id = (
                Person.objects.filter(user=self.user).values_list("pk", flat=True).first() if self.active else None
            )
        return self._person_id

    def organised(self) -> frozenset[int]:
        """People in the groups this viewer organises now."""
        if self._organised is None:
            from seedbed.groups.models import Membership, MembershipRole

            led = Membership.objects.filter(person_id=self.person_id, role=MembershipRole.ORGANISER, left_on__isnull=True)
            self._organised = frozenset(
                Membership.objects.filter(group__in=led.values("group"), left_on__isnull=True)
                .values_list("person_id", flat=True)
            ) if self.person_id else frozenset()
        return self._organised

    def mentees(self) -> frozenset[int]:
        """This viewer's current mentees."""
        if self._mentees is None:
            from seedbed.mentoring.models import Mentorship

            self._mentees = frozenset(
                Mentorship.objects.filter(mentor_id=self.person_id, ended_on__isnull=True).values_list("mentee_id", flat=True)
            ) if self.person_id else frozenset()
        return self._mentees

    def relations_to(self, person_id: int) -> frozenset[Relation]:
        if not self.active:
            return frozenset({Relation.ANONYMOUS})
        found = set()
        if self.steward:
            found.add(Relation.STEWARD)
        if self.person_id is not None and person_id == self.person_id:
            found.add(Relation.SELF)
        if person_id in self.organised():
            found.add(Relation.ORGANISER)
        if person_id in self.mentees():
            found.add(Relation.MENTOR)
        return frozenset(found or {Relation.MEMBER})


def viewer(request_or_user) -> Viewer:
    """The ``Viewer`` for a request (or a user), made once and kept on it."""
    holder = request_or_user
    found = getattr(holder, "_seedbed_viewer", None)
    if found is None:
        found = Viewer(getattr(holder, "user", holder))
        holder._seedbed_viewer = found
    return found


def _refuse(request, why: str):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied(why)


def page(audience: Audience):
    """Declare (and enforce) who may reach a view. For ``Audience.PERSON`` the view gets
    ``request.relations``: the viewer's relations to the person in the URL; for
    ``Audience.MEMBER``, ``request.person_id``: the viewer's own person."""

    def declare(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if audience == Audience.STEWARDS and not viewer(request).steward:
                return _refuse(request, "This page is for community stewards.")
            if audience == Audience.MEMBER:
                if viewer(request).person_id is None:
                    return _refuse(request, "This page is for members whose login is linked to their profile.")
                request.person_id = viewer(request).person_id
            if audience == Audience.PERSON:
                from seedbed.people.models import Person

                pk = kwargs["pk"]
                relations = viewer(request).relations_to(pk)
                if not rules.may_reach(relations) and not (
                    rules.may_reach(relations, listed=True)
                    and Person.objects.filter(pk=pk, consent_public_listing=True).exists()
                ):
                    return _refuse(request, "This page is for the person, their stewards, organisers and mentor.")
                request.relations = relations
            return view(request, *args, **kwargs)

        wrapped.audience = audience
        return wrapped

    return declare


def steward_required(view):
    """Decorate a view so that only stewards reach it (``page(Audience.STEWARDS)``)."""
    return page(Audience.STEWARDS)(view)


def may_see_self_reported(request_or_user, person, field: str) -> bool:
    """A self-reported field (pronouns, availability, ...) as its owner allowed."""
    return rules.may_see_self_reported(viewer(request_or_user).relations_to(person.pk), person.visibility_of(field))
