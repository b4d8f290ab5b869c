"""Everything Seedbed holds about one person, as one JSON-ready document (the member's own
data export). Includes what the member does not see on pages: the notes and interactions
stewards, organisers and mentors keep about them."""
from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from seedbed.activity.models import Activity
from seedbed.core.models import AuditEntry
from seedbed.people.models import MergeRecord, Person

FORMAT = "seedbed-person-export/1"
PROFILE_FIELDS = (
    "display_name", "pronouns", "time_zone", "region", "languages", "interests", "skills", "bio", "availability",
    "kind", "thanks_preferences", "thanks_note", "consent_public_listing", "consent_contact", "consent_updated_at",
    "field_visibility", "first_seen", "last_seen", "created_at",
)


def _when(value):
    return value.isoformat() if value else None


def _user(user) -> str | None:
    return user.get_username() if user is not None else None


def person_data(person: Person) -> dict:
    """The whole export for ``person`` (a current person: merged identities are theirs now)."""
    profile = {f: getattr(person, f) for f in PROFILE_FIELDS}
    for f in ("consent_updated_at", "first_seen", "last_seen", "created_at"):
        profile[f] = _when(profile[f])
    identities = list(person.identities.order_by("source_kind", "id"))
    activities = Activity.objects.filter(identity__person=person).order_by("occurred_at", "id")
    return {
        "format": FORMAT,
        "exported_at": timezone.now().isoformat(),
        "person": {"id": person.pk, **profile},
        "identities": [
            {"source": i.source_kind, "instance": i.source_instance, "name": i.name, "email": i.email,
             "username": i.username, "first_seen": _when(i.first_seen), "last_seen": _when(i.last_seen),
             "why_linked": i.link_reason}
            for i in identities
        ],
        "activities": [
            {"platform": a.platform, "kind": a.kind, "contribution_type": a.contribution_type,
             "occurred_at": _when(a.occurred_at), "channel": a.channel, "title": a.title, "url": a.url}
            for a in activities.only("platform", "kind", "contribution_type", "occurred_at", "channel", "title", "url")
        ],
        "notes_about_you": [
            {"written_by": _user(n.author), "written_at": _when(n.created_at), "text": n.body}
            for n in person.notes.select_related("author").order_by("created_at", "id")
        ],
        "interactions": [
            {"with": _user(i.by), "at": _when(i.occurred_at), "channel": i.channel, "about": i.topic}
            for i in person.interactions.select_related("by").order_by("occurred_at", "id")
        ],
        "motivation": [
            {"motive": m.motive, "importance": m.importance, "reported_at": _when(m.reported_at), "source": m.source}
            for m in person.motivations.order_by("reported_at", "id")
        ],
        "breaks": [
            {"from": _when(b.starts_on), "to": _when(b.ends_on), "note": b.note} for b in person.breaks.order_by("starts_on")
        ],
        "groups": [
            {"group": m.group.name, "role": m.role, "joined_on": _when(m.joined_on), "left_on": _when(m.left_on)}
            for m in person.memberships.select_related("group").order_by("joined_on", "id")
        ],
        "mentoring": [
            {"mentor": m.mentor.display_name, "mentee": m.mentee.display_name, "started_on": _when(m.started_on),
             "ended_on": _when(m.ended_on), "outcome": m.outcome, "goal": m.goal}
            for m in (person.mentorships_given.all() | person.mentorships_received.all()).select_related("mentor", "mentee")
        ],
        "merges": [
            {"at": _when(r.created_at), "method": r.method, "why": r.reason, "confidence": r.confidence,
             "by": _user(r.actor) or r.actor_label, "undone_at": _when(r.undone_at)}
            for r in MergeRecord.objects.filter(Q(survivor=person) | Q(absorbed=person)).select_related("actor")
        ],
        "invitations": [
            {"email": i.email, "sent_at": _when(i.created_at), "accepted_at": _when(i.accepted_at)}
            for i in person.invitations.order_by("created_at")
        ],
        "audit_log": [
            {"at": _when(e.at), "who": e.actor_label, "what": e.get_action_display(), "record": e.detail}
            for e in AuditEntry.objects.filter(person=person).order_by("at", "id")
        ],
    }
