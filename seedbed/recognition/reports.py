"""Use cases that read: the fairness view of a period and the knowledge sharers in it."""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from django.db.models import Count

from seedbed.activity.models import Activity
from seedbed.activity.taxonomy import CONTRIBUTION_TYPES
from seedbed.groups.models import Membership, MembershipRole
from seedbed.mentoring.models import Mentorship
from seedbed.people.models import Person, PersonKind
from seedbed.recognition import fairness, sharers
from seedbed.recognition.ledger import never_thanked
from seedbed.recognition.models import Highlight, HighlightStatus, Thanks
from seedbed.recognition.periods import Period
from seedbed.recognition.suggesting import humans

NEWCOMER = dt.timedelta(days=90)  # first seen this recently before the period ends


def confirmed_in(period: Period):
    return Highlight.objects.filter(period.q(), status=HighlightStatus.CONFIRMED).exclude(
        person__kind__in=[PersonKind.BOT, PersonKind.ERASED])


def assess(period: Period) -> fairness.Fairness:
    acts = Activity.objects.filter(period.q() & humans())
    activity = dict(acts.values_list("identity__person_id").annotate(n=Count("id")))
    highlights = list(confirmed_in(period).values("person_id", "contribution_type", "group__name",
                                                  "person__region", "person__first_seen"))
    recognition = Counter(h["person_id"] for h in highlights)
    unthanked = never_thanked(activity)
    ever = set(activity) - unthanked
    by_type = dict(acts.values_list("contribution_type").annotate(n=Count("id")))
    by_region: Counter = Counter()
    by_newcomer: Counter = Counter()
    for person, region, first_seen in Person.objects.filter(pk__in=list(activity)).values_list("pk", "region", "first_seen"):
        by_region[region or "no region given"] += activity[person]
        by_newcomer[_cohort(first_seen, period)] += activity[person]
    groups = _group_activity(activity, period)
    dimensions = [
        ("contribution type", {CONTRIBUTION_TYPES.get(t, t): n for t, n in by_type.items()},
         Counter(CONTRIBUTION_TYPES.get(h["contribution_type"], h["contribution_type"]) for h in highlights)),
        ("group", groups, Counter(h["group__name"] for h in highlights if h["group__name"])),
        ("region", dict(by_region), Counter(h["person__region"] or "no region given" for h in highlights)),
        ("newcomers", dict(by_newcomer), Counter(_cohort(h["person__first_seen"], period) for h in highlights)),
    ]
    return fairness.assess(activity, recognition, ever, dimensions,
                           [h["contribution_type"] for h in highlights])


def _cohort(first_seen: dt.datetime | None, period: Period) -> str:
    if first_seen is not None and first_seen >= period.end - NEWCOMER:
        return "newcomers (first seen in the last 90 days)"
    return "everyone else"


def _group_activity(activity: dict[int, int], period: Period) -> dict[str, int]:
    """Activities per group, counting each member's activities for every group they were in at
    the end of the period (as highlights are told under the group of that day)."""
    out: Counter = Counter()
    rows = Membership.objects.on(period.until).filter(person_id__in=list(activity)).values_list(
        "person_id", "group__name").distinct()
    for person, group in rows:
        out[group] += activity.get(person, 0)
    return dict(out)


def recognition_of(person_id: int, *, with_thanks: bool, limit: int = 10) -> dict:
    """For a person's page: their confirmed highlights, and (for stewards) the thanks they received."""
    highlights = list(Highlight.objects.filter(person_id=person_id, status=HighlightStatus.CONFIRMED)
                      .order_by("-occurred_at", "-id")[:limit])
    thanks = list(Thanks.objects.filter(person_id=person_id).order_by("-given_on", "-id")[:limit]) if with_thanks else []
    return {"highlights": highlights, "thanks": thanks}


def knowledge_sharers(period: Period) -> list[sharers.Sharer]:
    rows = (Activity.objects.filter(period.q() & humans())
            .values_list("identity__person_id", "contribution_type").annotate(n=Count("id")))
    work: dict[int, dict[str, int]] = defaultdict(dict)
    for person, ctype, n in rows:
        work[person][ctype] = n
    people = list(work)
    names = dict(Person.objects.filter(pk__in=people).values_list("pk", "display_name"))
    mentors = set(Mentorship.objects.filter(mentor_id__in=people).values_list("mentor_id", flat=True))
    organisers = set(Membership.objects.filter(person_id__in=people, role=MembershipRole.ORGANISER,
                                               left_on__isnull=True).values_list("person_id", flat=True))
    speakers = set(Activity.objects.filter(identity__person_id__in=people, kind="talk")
                   .values_list("identity__person_id", flat=True).distinct())
    roles = {p: sharers.Roles(p in mentors, p in organisers, p in speakers) for p in people}
    return sharers.find(work, names, roles)
