"""Use cases for the thanks ledger: record a thank-you, say whether it arrived, set budgets,
and suggest the thank-you that fits a person and what is left to spend."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Max, Q, Sum
from django.utils import timezone

from seedbed.activity.models import Activity
from seedbed.people.models import Motivation, Person, Visibility
from seedbed.recognition import thanking
from seedbed.recognition.kinds import THANKS_BY_CODE
from seedbed.recognition.models import Budget, Fund, Highlight, Thanks
from seedbed.recognition.services import RecognitionError, who


MAX_AMOUNT = Decimal("99999999.99")  # what the ledger's columns hold (10 digits, 2 after the point)


def _money(value) -> Decimal:
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        amount = None
    if amount is None or not amount.is_finite():
        raise RecognitionError(f"{value!r} is not an amount of money")
    if amount < 0:
        raise RecognitionError(f"an amount cannot be negative: {value}")
    if amount > MAX_AMOUNT:
        raise RecognitionError(f"{value} is more than the ledger holds (at most {MAX_AMOUNT})")
    return amount.quantize(Decimal("0.01"))


@transaction.atomic
def record_thanks(person: Person, kind: str, *, highlights: Sequence[Highlight] = (),
                  activities: Sequence[Activity] = (), given_on: dt.date | None = None, cost=0,
                  fund: Fund | None = None, thanked_by=None, thanked_by_label: str = "",
                  arrived: bool | None = None, note: str = "") -> Thanks:
    """One thank-you, linked to the contributions it honours (at least one)."""
    if kind not in THANKS_BY_CODE:
        raise RecognitionError(f"{kind!r} is not a kind of thanks (one of: {', '.join(THANKS_BY_CODE)})")
    if not highlights and not activities:
        raise RecognitionError("a thank-you must point at the contribution it honours (a highlight or an activity)")
    foreign = [h.pk for h in highlights if h.person_id != person.pk]
    if foreign:
        raise RecognitionError(f"highlight {foreign[0]} credits someone else, not {person.display_name}")
    cost = _money(cost)
    if cost > 0 and fund is None:
        raise RecognitionError("a thank-you that costs money must say which fund pays for it")
    user, label = who(thanked_by, thanked_by_label)
    thanks = Thanks.objects.create(
        person=person, kind=kind, given_on=given_on or timezone.localdate(), cost=cost, fund=fund,
        thanked_by=user, thanked_by_label=label, arrived=arrived, note=note.strip(),
    )
    thanks.highlights.set(highlights)
    thanks.activities.set(activities)
    return thanks


@transaction.atomic
def mark_arrived(thanks: Thanks, arrived: bool | None) -> Thanks:
    Thanks.objects.filter(pk=thanks.pk).update(arrived=arrived)
    thanks.arrived = arrived
    return thanks


@transaction.atomic
def set_budget(fund_name: str, starts_on: dt.date, ends_on: dt.date, amount, currency: str = "EUR") -> Budget:
    """Create or change the budget of a fund for a period (one per fund and start date)."""
    if ends_on < starts_on:
        raise RecognitionError(f"the budget period ends ({ends_on}) before it starts ({starts_on})")
    name = fund_name.strip()
    if not name:
        raise RecognitionError("a fund needs a name")
    fund, _ = Fund.objects.get_or_create(name=name, defaults={"currency": currency.upper()[:3]})
    if fund.currency != currency.upper()[:3]:
        raise RecognitionError(f"{fund.name} counts in {fund.currency}, not {currency.upper()}")
    overlap = Budget.objects.filter(fund=fund, starts_on__lte=ends_on, ends_on__gte=starts_on).exclude(starts_on=starts_on)
    if overlap.exists():
        raise RecognitionError(f"{fund.name} already has a budget overlapping {starts_on} to {ends_on}")
    budget, _ = Budget.objects.update_or_create(fund=fund, starts_on=starts_on,
                                                defaults={"ends_on": ends_on, "amount": _money(amount)})
    return budget


@dataclass(frozen=True)
class Spending:
    budget: Budget
    spent: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.budget.amount - self.spent

    @property
    def over(self) -> bool:
        return self.spent > self.budget.amount


def spending(budgets: Iterable[Budget]) -> list[Spending]:
    out = []
    for budget in budgets:
        spent = Thanks.objects.filter(fund_id=budget.fund_id, given_on__gte=budget.starts_on,
                                      given_on__lte=budget.ends_on).aggregate(s=Sum("cost"))["s"] or Decimal("0")
        out.append(Spending(budget, Decimal(spent).quantize(Decimal("0.01"))))
    return out


def current_spending(day: dt.date | None = None) -> list[Spending]:
    day = day or timezone.localdate()
    return spending(Budget.objects.filter(starts_on__lte=day, ends_on__gte=day).select_related("fund"))


def remaining_budget(day: dt.date | None = None, rows: list[Spending] | None = None) -> Decimal | None:
    """What all funds together may still spend today; None when no budget runs today.
    ``rows``: today's spending, when the caller has it already."""
    rows = current_spending(day) if rows is None else rows
    return sum((max(Decimal("0"), s.remaining) for s in rows), Decimal("0")) if rows else None


def recipient(person: Person) -> thanking.Recipient:
    """What the suggestions may use. Suggestions are for stewards, so a field the member keeps
    to themselves ("only me") is not read at all: even the order of ideas would betray it."""
    latest = [] if person.visibility_of("motivation") == Visibility.ONLY_ME else [
        thanking.Motive(m.motive, m.importance, m.orientation) for m in Motivation.objects.current(person.pk).values()]
    liked = [] if person.visibility_of("thanks_preferences") == Visibility.ONLY_ME else list(person.thanks_preferences or [])
    received = dict(Thanks.objects.filter(person=person).values("kind").annotate(last=Max("given_on"))
                    .values_list("kind", "last"))
    return thanking.Recipient(latest, liked, person.consent_public_listing, received)


def suggest_thanks(person: Person, day: dt.date | None = None, *, remaining: Decimal | None = ...) -> list[thanking.Idea]:
    """Thank-you ideas; ``remaining``: the budget left, when the caller has it already."""
    day = day or timezone.localdate()
    return thanking.suggest(recipient(person), remaining_budget(day) if remaining is ... else remaining, day)


def never_thanked(people: Iterable[int]) -> set[int]:
    """Of ``people``, those never thanked and never in a confirmed highlight."""
    people = set(people)
    seen = set(Thanks.objects.filter(person_id__in=people).values_list("person_id", flat=True))
    seen |= set(Highlight.objects.filter(Q(person_id__in=people), status="confirmed")
                .values_list("person_id", flat=True))
    return people - seen
