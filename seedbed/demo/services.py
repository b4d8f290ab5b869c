"""Build the demo community into the selected database, or reuse the one built before.

The demo only goes into an empty database or one that holds nothing but an earlier demo,
recognised by the InstanceFact "demo" (seed and anchor date). Everything is written in one
transaction: an interrupted build leaves the database as it was.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group as AuthGroup
from django.db import transaction
from django.utils import timezone

from seedbed.activity.models import Activity, Source
from seedbed.core.bulk import delete_all, insert, next_id, reset_sequences
from seedbed.core.errors import SeedbedError
from seedbed.core.models import InstanceFact
from seedbed.demo.generate import DEMO_SEED, generate
from seedbed.demo.recognition import add_recognition
from seedbed.demo.records import PLATFORMS, Community
from seedbed.groups.models import Group, Membership
from seedbed.importers.progress import Progress, Silent
from seedbed.mentoring.models import Mentorship
from seedbed.people.merging import run_resolver
from seedbed.people.models import (
    DeclaredBreak,
    Identity,
    Interaction,
    KeepApart,
    MergeProposal,
    MergeRecord,
    Motivation,
    Note,
    Person,
    ResolutionKey,
)
from seedbed.recognition.models import Budget, Digest, Fund, Highlight, Nomination, Thanks

DEMO_PASSWORD = "demo"
DEMO_LOGINS: list[tuple[str, str]] = [
    ("steward", "community manager (staff): sees everything, can use the admin"),
    ("organiser", "organiser of a local team"),
    ("mentor", "a mentor with several mentees"),
    ("member", "an ordinary member, in that team and mentored by that mentor"),
]
FACT = "demo"
STEWARDS = "stewards"
# Rows that mean "this database is in use"; the demo never mixes with them.
IN_USE = {Person: "people", Identity: "identities", Activity: "activities", Source: "sources", Group: "groups",
          Mentorship: "mentorships"}
RECOGNITION = [Nomination, Thanks, Digest, Highlight, Budget, Fund]
# Emptied in this order on --rebuild, so nothing still points at a row being deleted.
WIPE = [Activity, MergeProposal, MergeRecord, KeepApart, ResolutionKey, Identity, Note, Interaction, Motivation, DeclaredBreak, Membership, Mentorship, Group,
        Person, Source]


class DemoRefused(SeedbedError):
    """The database holds data that is not the demo's; building the demo there would mix the two."""


@dataclass
class DemoResult:
    summary: str
    reused: bool
    seed: int
    anchor: dt.date
    counts: dict[str, int] = field(default_factory=dict)


def build_demo(
    rebuild: bool = False, progress: Progress | None = None, echo=print, *, today: dt.date | None = None,
    seed: int = DEMO_SEED, scale: float = 1.0,
) -> DemoResult:
    """Build the demo community (or reuse the earlier one); see the module docstring."""
    progress = progress or Silent()
    today = today or timezone.localdate()
    try:
        with transaction.atomic():
            fact = InstanceFact.objects.select_for_update().filter(key=FACT).first()
            if fact is not None and not rebuild:
                return _reused(fact, echo)
            if fact is None:
                _refuse_unless_empty()
            else:
                echo(f"Deleting the demo community built for {fact.value.get('anchor')} ...")
                _wipe()
            echo(f"Generating the demo community (seed {seed}, dates up to {today - dt.timedelta(days=1)}) ...")
            community = generate(today, seed, scale)
            counts = _write(community, progress)
            echo("Resolving identities ...")
            resolved = run_resolver(None)  # as after an import: merges what is safe, proposes the rest
            counts.update(resolver_merges=resolved.merged, resolver_proposals=resolved.proposed)
            echo("Suggesting highlights, thanking, writing digests ...")
            # Not in ``counts``: they follow calendar months, so they change with the build date.
            recognition = add_recognition(today)
            counts["people"] = Person.objects.current().count()
            InstanceFact.objects.update_or_create(key=FACT, defaults={"value": {
                "seed": seed, "anchor": today.isoformat(), "scale": scale, "built_at": timezone.now().isoformat(),
                "logins": [name for name, _ in DEMO_LOGINS], "recognition": recognition, **counts,
            }})
    finally:
        progress.finish()
    return DemoResult(summary="Built the demo community: " + _describe(counts), reused=False, seed=seed, anchor=today,
                      counts=counts)


def _describe(counts: dict[str, int]) -> str:
    resolved = ""
    if "resolver_merges" in counts:
        resolved = (f" Identity resolution merged {counts['resolver_merges']:,} people and proposed "
                    f"{counts['resolver_proposals']:,} merges for review.")
    return (f"{counts['people']:,} people, {counts['identities']:,} identities, {counts['activities']:,} activities, "
            f"{counts['groups']:,} groups, {counts['mentorships']:,} mentorships.{resolved}")


def _counts() -> dict[str, int]:
    return {"people": Person.objects.current().count(), "identities": Identity.objects.count(),
            "activities": Activity.objects.count(), "groups": Group.objects.count(),
            "mentorships": Mentorship.objects.count()}


def _reused(fact: InstanceFact, echo) -> DemoResult:
    anchor = dt.date.fromisoformat(fact.value.get("anchor", timezone.localdate().isoformat()))
    age = (timezone.localdate() - anchor).days
    stale = f"; it is {age} days old, `seedbed demo --rebuild` brings its dates up to today" if age > 7 else ""
    echo(f"Reusing the demo community built for {anchor} (seed {fact.value.get('seed')}){stale}.")
    counts = _counts()
    counts.update({k: fact.value[k] for k in ("resolver_merges", "resolver_proposals") if k in fact.value})
    return DemoResult(summary="Reused the demo community: " + _describe(counts), reused=True,
                      seed=fact.value.get("seed", DEMO_SEED), anchor=anchor, counts=counts)


def _refuse_unless_empty() -> None:
    User = get_user_model()
    found = [label for model, label in IN_USE.items() if model.objects.exists()]
    if User.objects.exists():
        found.append("user accounts")
    if found:
        raise DemoRefused(
            f"this database already holds {', '.join(found)} that are not Seedbed's demo; "
            "build the demo into an empty database (set SEEDBED_DB or DATABASE_URL to a new one)"
        )


def _wipe() -> None:
    Person.objects.filter(merged_into__isnull=False).update(merged_into=None)  # PROTECT would stop the ORM
    for model in RECOGNITION:  # few rows, with many-to-many links: the ORM deletes those too
        model.objects.all().delete()
    emptied: set = set()
    for model in WIPE:
        delete_all(model, emptied)
    get_user_model().objects.filter(username__in=[name for name, _ in DEMO_LOGINS]).delete()


def _write(c: Community, progress: Progress) -> dict[str, int]:
    total = len(c.people) + len(c.identities) + len(c.activities) + len(c.memberships) + len(c.motivations)
    progress.start(total, "rows")
    users = _logins()
    user_of = {c.logins[name]: user.pk for name, user in users.items()}
    sources = {platform: Source.objects.get_or_create(kind="demo", location=f"demo:{platform}:{instance or 'local'}",
                                                      defaults={"name": label, "status": "ok"})[0].pk
               for platform, (_, instance, label) in PLATFORMS.items()}
    p0, i0, a0 = next_id(Person), next_id(Identity), next_id(Activity)
    insert(Person, [{
        "display_name": p.display_name, "pronouns": p.pronouns, "time_zone": p.time_zone, "region": p.region,
        "languages": p.languages, "interests": p.interests, "skills": p.skills, "bio": p.bio,
        "availability": p.availability, "kind": p.kind, "thanks_preferences": p.thanks_preferences,
        "thanks_note": p.thanks_note, "consent_public_listing": p.consent_public_listing,
        "consent_contact": p.consent_contact, "consent_updated_at": p.consent_updated_at,
        "field_visibility": p.field_visibility, "first_seen": p.first_seen, "last_seen": p.last_seen,
        "user_id": user_of.get(n), "merged_into_id": None if p.merged_into is None else p0 + p.merged_into,
    } for n, p in enumerate(c.people)], p0, progress)
    insert(Identity, [{
        "person_id": p0 + i.person, "source_kind": i.source_kind, "source_instance": i.source_instance, "key": i.key,
        "username": i.username, "email": i.email, "name": i.name, "external_id": i.external_id,
        "email_key": i.email_key, "raw_encoding": i.raw_encoding, "is_bot": i.is_bot, "link_reason": i.link_reason,
        "first_seen": i.first_seen, "last_seen": i.last_seen,
    } for i in c.identities], i0, progress)
    insert(Activity, [{
        "platform": a.platform, "key": a.key, "identity_id": i0 + a.identity, "source_id": sources[a.platform],
        "kind": a.kind, "contribution_type": a.contribution_type, "occurred_at": a.occurred_at, "channel": a.channel,
        "parent_key": a.parent_key, "thread_key": a.thread_key, "parent_id": None if a.parent is None else a0 + a.parent,
        "title": a.title, "body": a.body, "url": a.url, "size": a.size, "files_changed": a.files_changed,
        "lines_added": a.lines_added, "lines_removed": a.lines_removed, "merged": a.merged, "accepted": a.accepted,
        "reactions": a.reactions, "replies_received": a.replies_received, "reviewed_by": a.reviewed_by,
        "committer_id": None if a.committer is None else i0 + a.committer, "extra": a.extra,
    } for a in c.activities], a0, progress)
    g0 = next_id(Group)
    insert(Group, [{"name": g.name, "slug": g.slug, "kind": g.kind, "description": g.description, "region": g.region,
                    "time_zone": g.time_zone, "self_joined": g.self_joined, "created_at": g.created_at} for g in c.groups], g0)
    insert(Membership, [{"group_id": g0 + m.group, "person_id": p0 + m.person, "role": m.role, "joined_on": m.joined_on,
                         "left_on": m.left_on} for m in c.memberships], next_id(Membership), progress)
    insert(Mentorship, [{"mentor_id": p0 + m.mentor, "mentee_id": p0 + m.mentee, "started_on": m.started_on,
                         "ended_on": m.ended_on, "outcome": m.outcome, "goal": m.goal} for m in c.mentorships],
           next_id(Mentorship))
    insert(Motivation, [{"person_id": p0 + m.person, "motive": m.motive, "importance": m.importance,
                         "orientation": m.orientation, "reported_at": m.reported_at, "source": m.source}
                        for m in c.motivations], next_id(Motivation), progress)
    insert(DeclaredBreak, [{"person_id": p0 + b.person, "starts_on": b.starts_on, "ends_on": b.ends_on, "note": b.note}
                           for b in c.breaks], next_id(DeclaredBreak))
    steward = users["steward"].pk
    insert(Note, [{"person_id": p0 + n.person, "author_id": steward, "body": n.body, "created_at": n.created_at,
                   "updated_at": n.created_at} for n in c.notes], next_id(Note))
    insert(Interaction, [{"person_id": p0 + i.person, "by_id": steward, "occurred_at": i.occurred_at,
                          "channel": i.channel, "topic": i.topic, "created_at": i.occurred_at} for i in c.interactions],
           next_id(Interaction))
    insert(MergeRecord, [{
        "survivor_id": p0 + m.survivor, "absorbed_id": p0 + m.absorbed, "method": m.method, "reason": m.reason,
        "confidence": m.confidence, "confirmed": m.confirmed, "actor_id": None, "actor_label": m.actor_label,
        "moved": {"people.identity": {"person": [i0 + i for i in m.identities]}}, "created_at": m.created_at,
        "undone_at": None, "undone_by_id": None,
    } for m in c.merges], next_id(MergeRecord))
    reset_sequences([Person, Identity, Activity, Group, Membership, Mentorship, Motivation, DeclaredBreak, Note,
                     Interaction, MergeRecord])
    return {"people": len(c.people), "identities": len(c.identities), "activities": len(c.activities),
            "groups": len(c.groups), "mentorships": len(c.mentorships)}


def _logins() -> dict:
    """The four demo accounts, all with the password "demo"."""
    User = get_user_model()
    password = make_password(DEMO_PASSWORD)  # hashed once: each hash costs about half a second by design
    users = {}
    for username, _ in DEMO_LOGINS:
        users[username] = User.objects.create(
            username=username, password=password, email=f"{username}@seedbed-demo.org",
            is_staff=username == "steward", is_superuser=username == "steward",
        )
    stewards, _ = AuthGroup.objects.get_or_create(name=STEWARDS)
    users["steward"].groups.add(stewards)
    return users
