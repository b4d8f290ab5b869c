"""Who may see what of a person: the role x field table of PRODUCT.md, as data. Pure.

The viewer's *relations* to a person decide. A viewer can stand in several at once (an
organiser who also mentors someone, a steward looking at their own profile); each grants
what its column of the table grants, and the viewer sees what any of them grants.

| about a person                 | steward | organiser | mentor | self | other member | anonymous |
|--------------------------------|---------|-----------|--------|------|--------------|-----------|
| name and public profile        | yes     | yes       | yes    | yes  | if listed    | if listed |
| e-mails, merge history         | yes     | no        | no     | own  | no           | no        |
| usernames                      | yes     | yes       | yes    | own  | no           | no        |
| activity timeline              | yes     | yes       | yes    | own  | public items, if listed    |
| private notes, interactions    | yes     | those they wrote   | -    | no   | no           | no        |
| self-reported fields           | by the field's visibility, which the member sets                        |
| audit log                      | yes     | no        | no     | entries about them | no  | no        |
| groups, mentoring, consent     | yes     | yes       | yes    | yes  | no           | no        |

A member reads the notes about them in their data export, not on pages.
"""
from __future__ import annotations

from collections.abc import Collection
from enum import StrEnum


class Relation(StrEnum):
    STEWARD = "steward"
    ORGANISER = "organiser"  # the person is in a group the viewer organises
    MENTOR = "mentor"  # the person is the viewer's mentee
    SELF = "self"
    MEMBER = "member"  # logged in, none of the above
    ANONYMOUS = "anonymous"


class Field(StrEnum):
    PROFILE = "profile"  # name and public profile
    EMAILS = "emails"  # e-mail addresses and the merge history
    USERNAMES = "usernames"
    TIMELINE = "timeline"  # every activity item
    PUBLIC_TIMELINE = "public-timeline"  # the public items only
    NOTES = "notes"  # every private note and interaction
    OWN_NOTES = "own-notes"  # the notes and interactions the viewer wrote
    AUDIT = "audit"  # the audit log entries about the person
    CIRCLE = "circle"  # groups, mentorships and consent settings


class Visibility(StrEnum):
    """Who may see a self-reported field; the member chooses, stewards is the default."""

    ONLY_ME = "only-me"
    STEWARDS = "stewards"
    ORGANISERS = "organisers"  # also my organisers and mentor
    PUBLIC = "public"


R = Relation
_LEADS = frozenset({R.STEWARD, R.ORGANISER, R.MENTOR, R.SELF})
_ALWAYS: dict[Field, frozenset[Relation]] = {
    Field.PROFILE: _LEADS,
    Field.EMAILS: frozenset({R.STEWARD, R.SELF}),
    Field.USERNAMES: _LEADS,
    Field.TIMELINE: _LEADS,
    Field.PUBLIC_TIMELINE: _LEADS,
    Field.NOTES: frozenset({R.STEWARD}),
    Field.OWN_NOTES: frozenset({R.STEWARD, R.ORGANISER, R.MENTOR}),
    Field.AUDIT: frozenset({R.STEWARD, R.SELF}),
    Field.CIRCLE: _LEADS,
}
_IF_LISTED = frozenset({Field.PROFILE, Field.PUBLIC_TIMELINE})  # what others see of a listed person
_BY_VISIBILITY: dict[Visibility, frozenset[Relation]] = {
    Visibility.ONLY_ME: frozenset({R.SELF}),
    Visibility.STEWARDS: frozenset({R.SELF, R.STEWARD}),
    Visibility.ORGANISERS: frozenset({R.SELF, R.STEWARD, R.ORGANISER, R.MENTOR}),
    Visibility.PUBLIC: frozenset(Relation),
}


def may_see(relations: Collection[Relation], field: Field, *, listed: bool = False) -> bool:
    """May a viewer with these relations to a person see this field of theirs? ``listed``:
    the person consented to a public listing."""
    if not _ALWAYS[field].isdisjoint(relations):
        return True
    return listed and field in _IF_LISTED and bool(relations)


def may_see_self_reported(relations: Collection[Relation], visibility: str) -> bool:
    """A self-reported field (motivation, thanks preferences, availability, breaks, pronouns)
    as its owner set it; an unknown or missing setting counts as the default, stewards."""
    try:
        allowed = _BY_VISIBILITY[Visibility(visibility)]
    except ValueError:
        allowed = _BY_VISIBILITY[Visibility.STEWARDS]
    return not allowed.isdisjoint(relations)


def may_reach(relations: Collection[Relation], *, listed: bool = False) -> bool:
    """May the viewer open the person's page at all (they see at least the profile)?"""
    return may_see(relations, Field.PROFILE, listed=listed)
