"""Recognition in the demo: what a steward would have done in the last months.

Runs the real use cases over the built community, so the pages show the product's own
output: highlights suggested for the last four months, those older than a month confirmed
(the rest wait in the queue), a couple of members' nominations, a thanks budget with
thank-yous that follow each person's suggestions, last month's digest published and this
month's as a draft.
"""
from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from seedbed.activity.models import Activity
from seedbed.recognition import digests, ledger, services
from seedbed.recognition.models import Fund, Highlight, HighlightStatus
from seedbed.recognition.periods import Period
from seedbed.recognition.suggesting import suggest_highlights

SUGGESTED_DAYS = 120
WAITING_DAYS = 30  # the newest suggestions wait for the steward
THANKED = 40  # confirmed highlights whose people the steward thanked
FUND = "Community fund"


def add_recognition(today: dt.date) -> dict[str, int]:
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["steward", "member"])}
    steward = users["steward"]
    yesterday = today - dt.timedelta(days=1)
    suggest_highlights(Period(today - dt.timedelta(days=SUGGESTED_DAYS), yesterday))
    cutoff = Period(today - dt.timedelta(days=WAITING_DAYS), yesterday).start
    older = Highlight.objects.filter(status=HighlightStatus.SUGGESTED, occurred_at__lt=cutoff)
    for h in older.order_by("occurred_at", "id"):
        services.confirm_highlight(h, actor=steward)
    _nominate(users.get("member"), cutoff)
    quarter = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    ledger.set_budget(FUND, quarter, _quarter_end(quarter), 1500)
    fund = Fund.objects.get(name=FUND)
    thanked = 0
    for h in (Highlight.objects.filter(status=HighlightStatus.CONFIRMED, occurred_at__gte=Period(quarter, today).start)
              .select_related("person").order_by("occurred_at", "id")[: THANKED * 3: 3]):
        ideas = ledger.suggest_thanks(h.person, today)
        if not ideas:
            continue
        idea = ideas[thanked % len(ideas)] if ideas[0].cost == 0 else ideas[0]
        ledger.record_thanks(h.person, idea.kind, highlights=[h], given_on=min(yesterday, h.occurred_at.date()
                             + dt.timedelta(days=3)), cost=idea.cost, fund=fund if idea.cost else None,
                             thanked_by=steward, arrived=True if thanked % 3 else None)
        thanked += 1
    # The newest whole month before the waiting suggestions is published; after it, a draft.
    month_end = cutoff.date().replace(day=1) - dt.timedelta(days=1)
    published = digests.create_draft(Period(month_end.replace(day=1), month_end), by=steward,
                                      intro="Thank you, everyone, for another month of great work. Here is some of it.")
    if published.highlights.exists():
        digests.publish(published, by=steward)
    digests.create_draft(Period(month_end + dt.timedelta(days=1), yesterday), by=steward)
    return {"highlights": Highlight.objects.count(), "thanks": thanked}


def _nominate(member, before: dt.datetime) -> None:
    """The demo member nominates two pieces of others' work they saw."""
    if member is None or getattr(member, "person", None) is None:
        return
    mine = member.person.pk
    picks = (Activity.objects.filter(kind__in=["talk", "answer"], occurred_at__lt=before, identity__is_bot=False)
             .exclude(identity__person_id=mine).exclude(url="").order_by("-occurred_at", "id")[:2])
    sentences = ["This talk is why I joined: it made the project feel approachable.",
                 "This answer saved me a weekend; it should be in the docs."]
    for activity, sentence in zip(picks, sentences):
        services.nominate(activity, member, sentence)


def _quarter_end(start: dt.date) -> dt.date:
    month = start.month + 3
    year = start.year + (month > 12)
    return dt.date(year, (month - 1) % 12 + 1, 1) - dt.timedelta(days=1)
