"""The thanks ledger: what a thank-you must point at, money and funds, budgets, and the
thank-you ideas that fit a person."""
import datetime as dt
from decimal import Decimal

import pytest

from seedbed.people.models import Motivation
from seedbed.recognition.ledger import (
    record_thanks, remaining_budget, set_budget, spending, suggest_thanks,
)
from seedbed.recognition.models import Budget, Fund, Thanks
from seedbed.recognition.services import RecognitionError
from tests.recognition.builders import act, at, highlight, person

pytestmark = pytest.mark.django_db

MARCH_10 = dt.date(2026, 3, 10)


@pytest.fixture
def ann():
    return person("Ann Author")


@pytest.fixture
def work(ann):
    return act(ann, "pull-request", at(3, 5), merged=True, title="Faster start-up")


@pytest.fixture
def fund():
    return Fund.objects.create(name="Donations")


def test_a_thank_you_needs_a_highlight_or_an_activity(ann, work):
    with pytest.raises(RecognitionError, match="point at"):
        record_thanks(ann, "personal-message")
    assert not Thanks.objects.exists()
    by_activity = record_thanks(ann, "personal-message", activities=[work], thanked_by_label="Olga")
    h = highlight(ann, work)
    by_highlight = record_thanks(ann, "public-highlight", highlights=[h])
    assert list(by_activity.activities.all()) == [work] and list(by_highlight.highlights.all()) == [h]
    assert (by_activity.thanked_by_label, by_highlight.thanked_by_label) == ("Olga", "system")


def test_an_unknown_kind_is_refused(ann, work):
    with pytest.raises(RecognitionError, match="not a kind"):
        record_thanks(ann, "a-pony", activities=[work])
    assert not Thanks.objects.exists()


def test_money_needs_a_fund_and_cannot_be_negative(ann, work, fund):
    with pytest.raises(RecognitionError, match="fund"):
        record_thanks(ann, "swag", activities=[work], cost=25)
    for bad in (-1, "-0.01", "lots"):
        with pytest.raises(RecognitionError):
            record_thanks(ann, "swag", activities=[work], cost=bad, fund=fund)
    assert not Thanks.objects.exists()
    t = record_thanks(ann, "swag", activities=[work], cost="25.5", fund=fund)
    assert Thanks.objects.get(pk=t.pk).cost == Decimal("25.50") and t.fund == fund


def test_a_highlight_of_someone_else_is_refused(ann, work):
    bea = person("Bea Other")
    theirs = highlight(bea, act(bea, "commit", at(3, 6)))
    with pytest.raises(RecognitionError, match="someone else"):
        record_thanks(ann, "personal-message", highlights=[theirs], activities=[work])
    assert not Thanks.objects.exists()


def test_budget_spending_and_what_remains(ann, work):
    budget = set_budget("Donations", dt.date(2026, 3, 1), dt.date(2026, 3, 31), "100")
    fund = Fund.objects.get(name="Donations")
    record_thanks(ann, "swag", activities=[work], cost=30, fund=fund, given_on=MARCH_10)
    record_thanks(ann, "dinner", activities=[work], cost="12.50", fund=fund, given_on=dt.date(2026, 3, 31))
    record_thanks(ann, "travel", activities=[work], cost=500, fund=fund, given_on=dt.date(2026, 4, 1))  # not March
    other = set_budget("Sponsor", dt.date(2026, 3, 1), dt.date(2026, 3, 31), 40)
    [row] = spending([budget])
    assert (row.spent, row.remaining, row.over) == (Decimal("42.50"), Decimal("57.50"), False)
    assert remaining_budget(MARCH_10) == Decimal("97.50")  # 57.50 of Donations and 40 of Sponsor
    assert remaining_budget(dt.date(2026, 5, 1)) is None
    assert spending([other])[0].spent == 0


def test_changing_a_budget_is_fine_but_overlapping_ones_are_refused():
    set_budget("Donations", dt.date(2026, 3, 1), dt.date(2026, 3, 31), 100)
    set_budget("Donations", dt.date(2026, 3, 1), dt.date(2026, 4, 30), 150)  # the same budget, changed
    assert list(Budget.objects.values_list("ends_on", "amount")) == [(dt.date(2026, 4, 30), Decimal("150.00"))]
    with pytest.raises(RecognitionError, match="overlapping"):
        set_budget("Donations", dt.date(2026, 4, 15), dt.date(2026, 5, 15), 50)
    with pytest.raises(RecognitionError):
        set_budget("Donations", dt.date(2026, 6, 30), dt.date(2026, 6, 1), 50)
    with pytest.raises(RecognitionError):
        set_budget("Donations", dt.date(2026, 6, 1), dt.date(2026, 6, 30), -5)
    set_budget("Sponsor", dt.date(2026, 4, 15), dt.date(2026, 5, 15), 50)  # another fund may overlap
    assert Budget.objects.count() == 2


def kinds(ideas):
    return [i.kind for i in ideas]


def test_someone_here_to_learn_is_offered_an_introduction_first(ann):
    Motivation.objects.create(person=ann, motive="learn", importance=4, orientation=0)
    free = [i for i in suggest_thanks(ann, MARCH_10) if i.cost == 0]
    assert free[0].kind == "introduction" and free[0].detail == "an introduction to a mentor"
    assert "they are here to learn" in free[0].reasons


def test_the_newest_answer_about_a_motive_counts(ann):
    Motivation.objects.create(person=ann, motive="learn", importance=4, reported_at=at(1, 1))
    Motivation.objects.create(person=ann, motive="learn", importance=0, reported_at=at(2, 1))
    assert "introduction" not in kinds(suggest_thanks(ann, MARCH_10))


def test_no_budget_means_no_paid_ideas(ann):
    Motivation.objects.create(person=ann, motive="belonging", importance=4)
    ann.thanks_preferences = ["swag", "travel"]
    ann.save()
    ideas = suggest_thanks(ann, MARCH_10)
    assert ideas and all(i.cost == 0 for i in ideas)
    set_budget("Donations", dt.date(2026, 3, 1), dt.date(2026, 3, 31), 100)
    paid = [i for i in suggest_thanks(ann, MARCH_10) if i.cost > 0]
    assert paid and all(i.cost <= 100 for i in paid) and "travel" not in kinds(paid)  # 600 does not fit


def test_an_intrinsic_person_never_gets_swag_unless_they_asked(ann):
    Motivation.objects.create(person=ann, motive="fun", importance=4, orientation=-2)
    Motivation.objects.create(person=ann, motive="belonging", importance=3, orientation=-2)
    ann.thanks_preferences = ["personal-message", "certificate"]
    ann.save()
    set_budget("Donations", dt.date(2026, 3, 1), dt.date(2026, 3, 31), 1000)
    ideas = suggest_thanks(ann, MARCH_10)
    assert "swag" not in kinds(ideas) and ideas[0].kind == "personal-message"
    ann.thanks_preferences = ["swag"]
    ann.save()
    assert "swag" in kinds(suggest_thanks(ann, MARCH_10))  # they asked for it: fine


def test_a_public_highlight_only_with_consent(ann):
    ann.thanks_preferences = ["public-highlight"]
    ann.save()
    assert "public-highlight" not in kinds(suggest_thanks(ann, MARCH_10))
    ann.consent_public_listing = True
    ann.save()
    assert "public-highlight" in kinds(suggest_thanks(ann, MARCH_10))


def test_what_a_member_keeps_to_themselves_is_never_used(ann):
    Motivation.objects.create(person=ann, motive="learn", importance=4, orientation=0)
    ann.thanks_preferences = ["dinner"]
    ann.field_visibility = {"motivation": "only-me", "thanks_preferences": "only-me"}
    ann.save()
    ideas = suggest_thanks(ann, MARCH_10)
    reasons = " ".join(r for i in ideas for r in i.reasons)
    assert "learn" not in reasons and "said they like" not in reasons
    assert kinds(ideas) == ["personal-message"]
    ann.field_visibility = {}
    ann.save()
    assert "introduction" in kinds(suggest_thanks(ann, MARCH_10))  # the default (stewards) is used
