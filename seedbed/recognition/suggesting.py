"""Use case: suggest highlights for a period from its quality signals.

Loads the period's activity from the ORM, finds help received in its conversations
(``gratitude``), asks ``signals`` for suggestions and saves the new ones. Idempotent: work
that already backs a highlight of the same kind (waiting, confirmed or dismissed), or a
nomination, is left out before suggestions are made, so a re-run adds nothing, a run over
an overlapping period adds only what the first left out, and a dismissed suggestion never
comes back.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from seedbed.activity.models import Activity
from seedbed.groups.models import GroupKind, Membership
from seedbed.mentoring.models import Mentorship
from seedbed.people.models import Identity, Person, PersonKind
from seedbed.recognition import gratitude, signals
from seedbed.recognition.models import Highlight, HighlightStatus
from seedbed.recognition.periods import Period
from seedbed.recognition.services import decision

CONVERSATION = ("post", "answer", "topic", "message", "chat", "comment", "issue", "review", "pull-request")
_FIELDS = ("id", "identity__person_id", "kind", "contribution_type", "occurred_at", "title", "channel", "parent_id",
           "merged", "accepted", "size", "extra", "parent__title")
_GROUP_PREFERENCE = [GroupKind.LOCAL_TEAM, GroupKind.WORKING_GROUP, GroupKind.USER_GROUP, GroupKind.AFFINITY_GROUP]
CHUNK = 500


@dataclass(frozen=True)
class Suggested:
    created: int
    already: int  # suggestions the signals made again that a highlight already covers
    confirmed: int  # with --confirm: waiting suggestions of the period confirmed


def humans() -> Q:
    """Activities of people, not of bots or of the erased contributor."""
    return Q(identity__is_bot=False) & ~Q(identity__person__kind__in=[PersonKind.BOT, PersonKind.ERASED])


def _work(row: dict) -> signals.Work:
    extra = row["extra"] or {}
    return signals.Work(
        id=row["id"], person=row["identity__person_id"], kind=row["kind"], contribution_type=row["contribution_type"],
        occurred_at=row["occurred_at"], title=row["title"], channel=row["channel"], parent=row["parent_id"],
        merged=row["merged"], accepted=row["accepted"], size=row["size"], state=str(extra.get("state", "")),
        completed=bool(extra.get("completed")), topic=row["parent__title"] or "",
    )


def load_evidence(period: Period) -> signals.Evidence:
    window = period.q()
    works = [_work(r) for r in Activity.objects.filter(window & humans()).values(*_FIELDS).iterator(chunk_size=2000)]
    ids = {w.id for w in works}
    pulls = [w.id for w in works if w.kind == "pull-request" and w.merged]
    context = [_work(r) for r in Activity.objects.filter(humans(), kind="review", parent_id__in=pulls)
               .exclude(id__in=ids).values(*_FIELDS)] if pulls else []
    thanked, replies = _help(period, window)
    context += [w for w in replies if w.id not in ids]
    people = {w.person for w in works} | {w.person for w in context} | {t.thanker for t in thanked}
    mentorships = [signals.Mentoring(m.mentor_id, m.mentee_id, m.started_on, m.ended_on)
                   for m in Mentorship.objects.all()]
    people |= {m.mentor for m in mentorships}
    names = dict(Person.objects.filter(pk__in=people).values_list("pk", "display_name"))
    return signals.Evidence(works, names, _firsts(works, period), mentorships,
                            _milestones(mentorships, ids), thanked, context)


def _firsts(works: list[signals.Work], period: Period) -> dict[int, int]:
    """Person -> their first contribution, for people whose first contribution is in the period."""
    first: dict[int, signals.Work] = {}
    for w in sorted(works, key=lambda w: (w.occurred_at, w.id)):
        if w.kind in signals.CONTRIBUTING_KINDS:
            first.setdefault(w.person, w)
    before = set()
    candidates = list(first)
    for i in range(0, len(candidates), CHUNK):
        before |= set(Activity.objects.filter(identity__person_id__in=candidates[i:i + CHUNK],
                                              occurred_at__lt=period.start, kind__in=signals.CONTRIBUTING_KINDS)
                      .values_list("identity__person_id", flat=True).distinct())
    return {p: w.id for p, w in first.items() if p not in before}


def _milestones(mentorships: list[signals.Mentoring], in_period: set[int]) -> dict[tuple[int, str], int]:
    """(mentee, milestone) -> the mentee's first activity of that milestone, if it is in the period."""
    mentees = {m.mentee for m in mentorships}
    kinds = ["pull-request", "answer", "post", "comment", "message", "chat", *signals.MILESTONES]
    rows = (Activity.objects.filter(identity__person_id__in=mentees, kind__in=kinds)
            .filter(Q(merged=True) | Q(accepted=True) | Q(kind__in=list(signals.MILESTONES)))
            .order_by("occurred_at", "id").values(*_FIELDS))
    first: dict[tuple[int, str], int] = {}
    for row in rows.iterator(chunk_size=2000):
        what = signals.milestone(_work(row))
        if what is not None:
            first.setdefault((row["identity__person_id"], what), row["id"])
    return {key: activity for key, activity in first.items() if activity in in_period}


def _help(period: Period, window: Q) -> tuple[list[signals.Thanked], list[signals.Work]]:
    """Help received in the period's conversations, and the helpers' replies it points at."""
    threads = set(Activity.objects.filter(window, kind__in=CONVERSATION).exclude(thread_key="")
                  .values_list("platform", "thread_key").distinct())
    by_platform: dict[str, list[str]] = defaultdict(list)
    for platform, key in threads:
        by_platform[platform].append(key)
    thanked: list[signals.Thanked] = []
    replies: list[signals.Work] = []
    for platform, keys in by_platform.items():
        for i in range(0, len(keys), CHUNK):
            rows = list(Activity.objects.filter(platform=platform, thread_key__in=keys[i:i + CHUNK],
                                                occurred_at__lt=period.end)
                        .order_by("thread_key", "occurred_at", "id")
                        .values(*_FIELDS, "thread_key", "body", "parent__key", "key", "identity__is_bot",
                                "identity__person__kind"))
            found, helpers = _thank_yous(rows, period)
            thanked += found
            replies += helpers
    return thanked, replies


def _thank_yous(rows: list[dict], period: Period) -> tuple[list[signals.Thanked], list[signals.Work]]:
    names = _addresses({r["identity__person_id"] for r in rows})
    threads: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        threads[r["thread_key"]].append(r)
    by_key = {r["key"]: r for r in rows}
    thanked, replies = [], []
    for thread in threads.values():
        topic = next((r["title"] for r in thread if r["title"]), "")
        messages = [gratitude.Message(
            r["key"], str(r["identity__person_id"]), r["body"] or r["title"], r["parent__key"],
            names.get(r["identity__person_id"], ()),
            bot=r["identity__is_bot"] or r["identity__person__kind"] in (PersonKind.BOT, PersonKind.ERASED),
        ) for r in thread]
        for found in gratitude.find_help(messages):
            thanks, reply = by_key[found.thanks], by_key[found.helper_message]
            if period.start <= thanks["occurred_at"] < period.end:
                thanked.append(signals.Thanked(reply["id"], thanks["identity__person_id"], found.excerpt,
                                               thanks["occurred_at"], topic))
                replies.append(_work(reply))
    return thanked, replies


def _addresses(people: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """How people are addressed in conversation: their handles and names."""
    found: dict[int, set[str]] = defaultdict(set)
    people = list(people)
    for pk, name in Person.objects.filter(pk__in=people).values_list("pk", "display_name"):
        found[pk].add(name)
    for pk, username, name in Identity.objects.filter(person_id__in=people).values_list("person_id", "username", "name"):
        found[pk].update(v for v in (username, name) if v)
    return {pk: tuple(sorted(v)) for pk, v in found.items()}


def _groups(people: Iterable[int], day: dt.date) -> dict[int, int]:
    """Person -> the group their work is told under: a local team first, then a working group..."""
    rank = {k: i for i, k in enumerate(_GROUP_PREFERENCE)}
    best: dict[int, tuple] = {}
    rows = Membership.objects.on(day).filter(person_id__in=list(people)).values_list(
        "person_id", "group_id", "group__kind", "group__name")
    for person, group, kind, name in rows:
        key = (rank.get(kind, len(rank)), name, group)
        if person not in best or key < best[person]:
            best[person] = key
    return {person: key[2] for person, key in best.items()}


def _covered(activities: Iterable[int]) -> frozenset[tuple[str, int]]:
    """(kind, activity) pairs that already back a highlight, whatever its status; a
    nomination covers its work for every kind ("*")."""
    ids = list(activities)
    found: set[tuple[str, int]] = set()
    through = Highlight.activities.through.objects
    for i in range(0, len(ids), CHUNK):
        for kind, activity in through.filter(activity_id__in=ids[i:i + CHUNK]).values_list("highlight__kind", "activity_id"):
            found.add(("*" if kind == "nomination" else kind, activity))
    return frozenset(found)


@transaction.atomic
def suggest_highlights(period: Period, *, confirm: bool = False, actor=None, actor_label: str = "") -> Suggested:
    evidence = load_evidence(period)
    evidence.covered = _covered({w.id for w in (*evidence.works, *evidence.context)})
    fresh = signals.suggest(evidence)
    everything = signals.suggest(dataclasses.replace(evidence, covered=frozenset())) if evidence.covered else []
    already = sum(1 for s in everything if not any(evidence.free(s.kind, a) for a in s.activities))
    groups = _groups({s.person for s in fresh}, period.until)
    now = timezone.now()
    decided = decision(HighlightStatus.CONFIRMED, actor, actor_label) if confirm else {}
    made = Highlight.objects.bulk_create([
        Highlight(kind=s.kind, person_id=s.person, contribution_type=s.contribution_type,
                  group_id=groups.get(s.person), mentor_id=s.mentor, title=s.title[:300], why=s.why, reason=s.reason,
                  occurred_at=s.occurred_at, signal_key=s.signal_key, created_at=now, **decided)
        for s in fresh
    ])
    if not made or made[0].pk is None:  # backends that do not return ids from bulk inserts
        made = list(Highlight.objects.filter(signal_key__in=[s.signal_key for s in fresh]).order_by("id"))
    by_key = {h.signal_key: h.pk for h in made}
    Highlight.activities.through.objects.bulk_create([
        Highlight.activities.through(highlight_id=by_key[s.signal_key], activity_id=a)
        for s in fresh for a in s.activities
    ])
    confirmed = 0
    if confirm:
        confirmed = Highlight.objects.filter(period.q(), status=HighlightStatus.SUGGESTED).update(**decided)
    return Suggested(created=len(fresh), already=already, confirmed=confirmed + (len(fresh) if confirm else 0))
