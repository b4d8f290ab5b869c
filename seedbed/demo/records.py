"""The plain records the demo generator returns; seedbed.demo.services turns them into rows.

Records point at each other by list index (``person``, ``identity``, ``parent``, ``group``),
never by database id, so the generator needs no database. Field names follow the models.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# platform -> (Identity.source_kind, Identity.source_instance, Source name)
PLATFORMS: dict[str, tuple[str, str, str]] = {
    "git": ("git", "", "Marigold repositories (git)"),
    "github": ("github", "github.com", "github.com/seedbed-demo"),
    "discourse": ("discourse", "forum.seedbed-demo.org", "Marigold forum"),
    "mbox": ("mbox", "dev@lists.seedbed-demo.org", "dev@ mailing list"),
    "zulip": ("zulip", "chat.seedbed-demo.org", "Marigold chat (Zulip)"),
    "weblate": ("weblate", "translate.seedbed-demo.org", "Marigold translations (Weblate)"),
    "events": ("events", "events.seedbed-demo.org", "Marigold events"),
}


@dataclass(slots=True)
class PersonRecord:
    display_name: str
    kind: str = "member"
    pronouns: str = ""
    time_zone: str = ""
    region: str = ""
    languages: list = field(default_factory=list)
    interests: list = field(default_factory=list)
    skills: list = field(default_factory=list)
    bio: str = ""
    availability: str = ""
    thanks_preferences: list = field(default_factory=list)
    thanks_note: str = ""
    consent_public_listing: bool = False
    consent_contact: bool = False
    consent_updated_at: dt.datetime | None = None
    field_visibility: dict = field(default_factory=dict)
    first_seen: dt.datetime | None = None
    last_seen: dt.datetime | None = None
    merged_into: int | None = None
    # How the generator shaped this person; not stored, but tests and ground truth use it.
    culture: str = ""
    lifecycle: str = ""
    persona: str = ""


@dataclass(slots=True)
class IdentityRecord:
    person: int
    source_kind: str
    source_instance: str
    key: str
    username: str = ""
    email: str = ""
    name: str = ""
    external_id: str = ""
    email_key: str = ""
    raw_encoding: str = ""
    is_bot: bool = False
    link_reason: str = ""
    first_seen: dt.datetime | None = None
    last_seen: dt.datetime | None = None


@dataclass(slots=True)
class ActivityRecord:
    platform: str
    key: str
    identity: int
    kind: str
    contribution_type: str
    occurred_at: dt.datetime
    channel: str = ""
    parent_key: str = ""
    thread_key: str = ""
    parent: int | None = None
    title: str = ""
    body: str = ""
    url: str = ""
    size: int = 0
    files_changed: int = 0
    lines_added: int = 0
    lines_removed: int = 0
    merged: bool | None = None
    accepted: bool | None = None
    reactions: int = 0
    replies_received: int = 0
    reviewed_by: list = field(default_factory=list)
    committer: int | None = None
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class GroupRecord:
    name: str
    slug: str
    kind: str
    description: str = ""
    region: str = ""
    time_zone: str = ""
    self_joined: bool = False
    created_at: dt.datetime | None = None


@dataclass(slots=True)
class MembershipRecord:
    group: int
    person: int
    role: str
    joined_on: dt.date
    left_on: dt.date | None = None


@dataclass(slots=True)
class MentorshipRecord:
    mentor: int
    mentee: int
    started_on: dt.date
    ended_on: dt.date | None
    outcome: str
    goal: str = ""


@dataclass(slots=True)
class MotivationRecord:
    person: int
    motive: str
    importance: int
    orientation: int
    reported_at: dt.datetime
    source: str = "self"


@dataclass(slots=True)
class BreakRecord:
    person: int
    starts_on: dt.date
    ends_on: dt.date | None
    note: str = ""


@dataclass(slots=True)
class NoteRecord:
    person: int
    body: str
    created_at: dt.datetime


@dataclass(slots=True)
class InteractionRecord:
    person: int
    occurred_at: dt.datetime
    channel: str
    topic: str


@dataclass(slots=True)
class MergeRecord:
    """A merge a steward or a .mailmap already made: ``identities`` moved from absorbed to survivor."""

    survivor: int
    absorbed: int
    method: str
    reason: str
    identities: list[int]
    created_at: dt.datetime
    confidence: float = 1.0
    confirmed: bool = True
    actor_label: str = ""


@dataclass
class Truth:
    """What really happened, for the features that must find it out from the data alone.

    help: (thanking activity, activity that helped) — a reply that thanks someone for help.
    not_help: activities that say thanks (or thanks in advance, no thanks...) but credit no helper.
    same_human: (person, person, how) — separate Person rows that are one human.
    """

    help: list[tuple[int, int]] = field(default_factory=list)
    not_help: list[int] = field(default_factory=list)
    same_human: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass
class Community:
    today: dt.date
    seed: int
    anchor: dt.datetime  # midnight UTC starting ``today``: every activity happened before it
    people: list[PersonRecord] = field(default_factory=list)
    identities: list[IdentityRecord] = field(default_factory=list)
    activities: list[ActivityRecord] = field(default_factory=list)
    groups: list[GroupRecord] = field(default_factory=list)
    memberships: list[MembershipRecord] = field(default_factory=list)
    mentorships: list[MentorshipRecord] = field(default_factory=list)
    motivations: list[MotivationRecord] = field(default_factory=list)
    breaks: list[BreakRecord] = field(default_factory=list)
    notes: list[NoteRecord] = field(default_factory=list)
    interactions: list[InteractionRecord] = field(default_factory=list)
    merges: list[MergeRecord] = field(default_factory=list)
    # demo login -> person index ("steward", "organiser", "mentor", "member")
    logins: dict[str, int] = field(default_factory=dict)
    truth: Truth = field(default_factory=Truth)
