"""Relationship views: when someone last spoke with each person, which way their activity is
going, and who is active (or was key and is drifting) but has not been contacted lately.

Never a ranking by volume: counts only decide who is listed and the trend's words.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Exists, F, IntegerField, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from seedbed.activity.models import Activity
from seedbed.people.models import DeclaredBreak, Interaction, Person, PersonKind
from seedbed.people.trends import trend

WINDOW_DAYS = 90  # the trend compares the last 90 days with the 90 before
KEY_CONTRIBUTIONS = 20  # "was key": this many contributions in the year before the last window
DEFAULT_WEEKS = 8


@dataclass(frozen=True)
class Contact:
    last_contact: datetime | None
    trend: str


def _activity_between(since: datetime, until: datetime) -> Subquery:
    rows = (Activity.objects.filter(identity__person=OuterRef("pk"), occurred_at__gte=since, occurred_at__lt=until)
            .order_by().values("identity__person").annotate(n=Count("id")).values("n")[:1])
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def _last_contact() -> Subquery:
    return Subquery(Interaction.objects.filter(person=OuterRef("pk")).order_by().values("person")
                    .annotate(at=Max("occurred_at")).values("at")[:1])


def with_contact(people: QuerySet, now: datetime) -> QuerySet:
    """``people`` with ``last_contact``, ``recent`` and ``before`` (contribution counts) annotated."""
    window = timedelta(days=WINDOW_DAYS)
    return people.annotate(
        last_contact=_last_contact(),
        recent=_activity_between(now - window, now + timedelta(days=1)),
        before=_activity_between(now - 2 * window, now - window),
    )


def contact_of(person_ids: list[int], now: datetime) -> dict[int, Contact]:
    """Last contact and trend for a page of people, in one query."""
    rows = with_contact(Person.objects.filter(pk__in=person_ids), now).values_list("pk", "last_contact", "recent", "before")
    return {pk: Contact(last, trend(recent, before)) for pk, last, recent, before in rows}


def not_contacted(now: datetime, weeks: int = DEFAULT_WEEKS) -> QuerySet:
    """People who are active, or were key and are drifting, whom nobody has contacted in
    ``weeks`` weeks; not those on a declared break now. Longest without contact first."""
    window = timedelta(days=WINDOW_DAYS)
    today = now.date()
    on_break = DeclaredBreak.objects.filter(person=OuterRef("pk"), starts_on__lte=today).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=today))
    people = with_contact(Person.objects.current().exclude(kind__in=[PersonKind.BOT, PersonKind.ERASED]), now).annotate(
        year_before=_activity_between(now - window - timedelta(days=365), now - window),
        on_break=Exists(on_break),
    )
    cutoff = now - timedelta(weeks=weeks)
    return (people.filter(on_break=False)
            .filter(Q(recent__gt=0) | Q(year_before__gte=KEY_CONTRIBUTIONS))
            .filter(Q(last_contact__isnull=True) | Q(last_contact__lt=cutoff))
            .order_by(F("last_contact").asc(nulls_first=True), "display_name", "id"))
