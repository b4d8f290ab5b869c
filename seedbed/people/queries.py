"""Read-side queries for the people pages: the directory and a person's page.

Each function costs a fixed number of queries whatever the number of rows (no N+1):
pages prefetch what they show, and counts are computed by the database.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import QueryDict

from seedbed.activity.models import Activity
from seedbed.activity.taxonomy import ACTIVITY_KINDS, CONTRIBUTION_TYPES
from seedbed.groups.models import Group, Membership
from seedbed.mentoring.models import Mentorship
from seedbed.people.models import Identity, MergeRecord, Person, PersonKind

RECENT_DAYS = 90
PAGE_SIZE = 50
TIMELINE_MONTHS = 24
RECENT_ACTIVITIES = 50

# Never by volume: the default is by name (product rule 2).
ORDERS = {
    "name": "Name",
    "recent": "Recently seen",
    "first": "First seen, newest first",
}
ACTIVITY_STATES = {
    "active": f"Active (last {RECENT_DAYS} days)",
    "new": f"New (first seen in the last {RECENT_DAYS} days)",
    "drifting": f"Drifting (seen before, not in {RECENT_DAYS} days)",
}


@dataclass(frozen=True)
class DirectoryQuery:
    """What a steward asked the directory for; unknown values are ignored, never an error."""

    q: str = ""
    region: str = ""
    time_zone: str = ""
    kind: str = ""
    group: int | None = None
    contribution_type: str = ""
    activity: str = ""
    order: str = "name"

    @classmethod
    def from_params(cls, params: QueryDict) -> DirectoryQuery:
        def pick(name: str, allowed) -> str:
            value = params.get(name, "").strip()
            return value if value in allowed else ""

        group = params.get("group", "").strip()
        return cls(
            q=" ".join(params.get("q", "").split())[:200],
            region=params.get("region", "").strip()[:100],
            time_zone=params.get("time_zone", "").strip()[:64],
            kind=pick("kind", PersonKind.values),
            group=int(group) if group.isdecimal() and group.isascii() else None,
            contribution_type=pick("contribution_type", CONTRIBUTION_TYPES),
            activity=pick("activity", ACTIVITY_STATES),
            order=pick("order", ORDERS) or "name",
        )

    def to_params(self) -> dict[str, str]:
        """The query as URL parameters, without the empty and default ones."""
        values = {
            "q": self.q, "region": self.region, "time_zone": self.time_zone, "kind": self.kind,
            "group": str(self.group or ""), "contribution_type": self.contribution_type, "activity": self.activity,
            "order": "" if self.order == "name" else self.order,
        }
        return {key: value for key, value in values.items() if value}

    @property
    def filtered(self) -> bool:
        return any([self.q, self.region, self.time_zone, self.kind, self.group, self.contribution_type, self.activity])


def current_memberships() -> QuerySet:
    return Membership.objects.filter(left_on__isnull=True).select_related("group").order_by("group__name")


def directory(query: DirectoryQuery, now: datetime) -> QuerySet:
    """Current (not merged-away) people matching ``query``, with their groups prefetched."""
    people = Person.objects.current()
    for term in query.q.split():
        matching_identities = Identity.objects.filter(
            Q(name__icontains=term) | Q(username__icontains=term) | Q(email__icontains=term)
        ).values("person_id")
        people = people.filter(Q(display_name__icontains=term) | Q(pk__in=matching_identities))
    if query.region:
        people = people.filter(region=query.region)
    if query.time_zone:
        people = people.filter(time_zone=query.time_zone)
    if query.kind:
        people = people.filter(kind=query.kind)
    if query.group:
        members = Membership.objects.filter(group_id=query.group, left_on__isnull=True).values("person_id")
        people = people.filter(pk__in=members)
    if query.contribution_type:
        did = Activity.objects.filter(contribution_type=query.contribution_type).values("identity__person_id")
        people = people.filter(pk__in=did)
    cutoff = now - timedelta(days=RECENT_DAYS)
    if query.activity == "active":
        people = people.filter(last_seen__gte=cutoff)
    elif query.activity == "new":
        people = people.filter(first_seen__gte=cutoff)
    elif query.activity == "drifting":
        people = people.filter(last_seen__lt=cutoff)
    if query.order == "recent":
        people = people.order_by(F("last_seen").desc(nulls_last=True), "display_name", "id")
    elif query.order == "first":
        people = people.order_by(F("first_seen").desc(nulls_last=True), "display_name", "id")
    else:
        people = people.order_by("display_name", "id")
    return people.prefetch_related(Prefetch("memberships", current_memberships(), to_attr="current_memberships"))


def directory_choices() -> dict:
    """The values the directory's filters offer: only those that occur."""
    current = Person.objects.current().order_by()
    return {
        "regions": list(current.exclude(region="").values_list("region", flat=True).distinct().order_by("region")),
        "time_zones": list(
            current.exclude(time_zone="").values_list("time_zone", flat=True).distinct().order_by("time_zone")
        ),
        "groups": list(Group.objects.order_by("name").values_list("id", "name")),
        "kinds": PersonKind.choices,
        "contribution_types": sorted(CONTRIBUTION_TYPES.items(), key=lambda item: item[1]),
        "activity_states": list(ACTIVITY_STATES.items()),
        "orders": list(ORDERS.items()),
    }


# --- a person's page ---------------------------------------------------------------


def current_person(pk: int) -> tuple[Person, Person | None]:
    """The person with ``pk`` and, if they were merged away, whom they live on in now.

    Follows chains (A into B, later B into C) and stops on a cycle, which a correct
    merge history never has.
    """
    person = Person.objects.get(pk=pk)
    survivor, seen = person, {person.pk}
    while survivor.merged_into_id and survivor.merged_into_id not in seen:
        seen.add(survivor.merged_into_id)
        survivor = Person.objects.get(pk=survivor.merged_into_id)
    return person, (survivor if survivor.pk != person.pk else None)


def local_time(time_zone: str, now: datetime) -> datetime | None:
    if not time_zone:
        return None
    try:
        return now.astimezone(ZoneInfo(time_zone))
    except (ZoneInfoNotFoundError, ValueError):
        return None


@dataclass
class Bar:
    x: float
    y: float
    height: float
    label: str
    count: int


@dataclass
class TypeTimeline:
    code: str
    label: str
    total: int
    recent: int  # in the charted months
    bars: list[Bar]


@dataclass
class Timeline:
    months: list[tuple[int, int]]
    types: list[TypeTimeline]
    overall: TypeTimeline
    width: int
    height: int

    @property
    def first_label(self) -> str:
        return self.overall.bars[0].label

    @property
    def last_label(self) -> str:
        return self.overall.bars[-1].label

    @property
    def year_marks(self) -> list[float]:
        """Where a new year starts, between December's bar and January's."""
        step = self.width / len(self.months)
        return [round(i * step, 2) for i, (_, month) in enumerate(self.months) if month == 1 and i > 0]

    @property
    def bar_width(self) -> float:
        return round(self.width / len(self.months) - 2, 2)


def month_list(now: datetime, count: int = TIMELINE_MONTHS) -> list[tuple[int, int]]:
    """The last ``count`` calendar months, oldest first, ending with the month of ``now``."""
    index = now.year * 12 + now.month - 1
    return [(i // 12, i % 12 + 1) for i in range(index - count + 1, index + 1)]


def next_month(month: tuple[int, int]) -> tuple[int, int]:
    year, m = month
    return (year + 1, 1) if m == 12 else (year, m + 1)


def _bars(counts: list[int], months: list[tuple[int, int]], width: int, height: int) -> list[Bar]:
    step = width / len(months)
    peak = max(counts) or 1
    bars = []
    for i, (count, (year, month)) in enumerate(zip(counts, months)):
        h = 0.0 if count == 0 else max(1.5, height * count / peak)
        label = datetime(year, month, 1).strftime("%b %Y")
        bars.append(Bar(x=round(i * step + 1, 2), y=round(height - h, 2), height=round(h, 2), label=label, count=count))
    return bars


def activity_timeline(identity_ids: list[int], now: datetime, width: int = 240, height: int = 32) -> Timeline:
    """Counts per contribution type (all time) and per month (UTC months) for the charted months."""
    months = month_list(now)
    # One pass, one conditional count per month: plain comparisons, so the database never
    # calls a per-row date function (SQLite's TruncMonth is a Python callback, slow on big histories).
    bounds = [datetime(y, m, 1, tzinfo=now.tzinfo) for y, m in [*months, next_month(months[-1])]]
    columns = {
        f"m{i}": Count("id", filter=Q(occurred_at__gte=bounds[i], occurred_at__lt=bounds[i + 1]))
        for i in range(len(months))
    }
    rows = (
        Activity.objects.filter(identity_id__in=identity_ids)
        .order_by()
        .values("contribution_type")
        .annotate(total=Count("id"), **columns)
    )
    totals: dict[str, int] = {}
    per_month: dict[str, dict[tuple[int, int], int]] = {}
    for row in rows:
        totals[row["contribution_type"]] = row["total"]
        per_month[row["contribution_type"]] = {m: row[f"m{i}"] for i, m in enumerate(months)}

    def build(code: str, label: str, total: int, by_month: dict) -> TypeTimeline:
        counts = [by_month.get(m, 0) for m in months]
        return TypeTimeline(code, label, total, sum(counts), _bars(counts, months, width, height))

    types = [
        build(code, CONTRIBUTION_TYPES.get(code, code), total, per_month.get(code, {}))
        for code, total in totals.items()
    ]
    types.sort(key=lambda t: (-t.total, t.label))
    overall_by_month: dict[tuple[int, int], int] = {}
    for by_month in per_month.values():
        for m, n in by_month.items():
            overall_by_month[m] = overall_by_month.get(m, 0) + n
    overall = build("", "All contributions", sum(totals.values()), overall_by_month)
    return Timeline(months=months, types=types, overall=overall, width=width, height=height)


def safe_link(url: str) -> str:
    """Only web links: a stored URL must never become a javascript: link."""
    return url if url.lower().startswith(("https://", "http://")) else ""


@dataclass
class PersonPage:
    person: Person
    memberships: list[Membership]
    mentors: list[Mentorship]
    mentees: list[Mentorship]
    identities: list[Identity]
    merges: list[MergeRecord]
    timeline: Timeline
    recent: list[Activity]
    local_time: datetime | None


def person_page(person: Person, now: datetime, *, merges: bool = True) -> PersonPage:
    """Everything on a person's page but the private log (``seedbed.people.notes``);
    ``merges``: whether to load the merge history."""
    identities = list(person.identities.order_by("source_kind", "source_instance", "name", "id"))
    identity_ids = [i.pk for i in identities]
    recent = list(
        Activity.objects.filter(identity_id__in=identity_ids)
        .defer("body", "extra", "reviewed_by")
        .order_by("-occurred_at", "-id")[:RECENT_ACTIVITIES]
    )
    for activity in recent:
        activity.link = safe_link(activity.url)
        activity.kind_label = ACTIVITY_KINDS.get(activity.kind, activity.kind)
        activity.type_label = CONTRIBUTION_TYPES.get(activity.contribution_type, activity.contribution_type)
    merges = MergeRecord.objects.filter(Q(survivor=person) | Q(absorbed=person)).select_related(
        "survivor", "absorbed", "actor", "undone_by"
    ) if merges else MergeRecord.objects.none()
    return PersonPage(
        person=person,
        memberships=list(
            person.memberships.select_related("group").order_by(F("left_on").desc(nulls_first=True), "group__name")
        ),
        mentors=list(person.mentorships_received.select_related("mentor")),
        mentees=list(person.mentorships_given.select_related("mentee")),
        identities=identities,
        merges=list(merges),
        timeline=activity_timeline(identity_ids, now),
        recent=recent,
        local_time=local_time(person.time_zone, now),
    )
