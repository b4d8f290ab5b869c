"""The "not contacted lately" view: active people and drifting regulars nobody has talked to,
not those on a break, longest without contact first; and the directory's contact and trend."""
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from seedbed.people import notes
from seedbed.people.models import DeclaredBreak, PersonKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def community(alice, make_person, make_identity, make_activity):
    def someone(name, *days_ago, **fields):
        person = make_person(name, **fields)
        identity = make_identity(person)
        for d in days_ago:
            make_activity(identity, days_ago=d)
        return person

    return {
        "active": someone("Active Ann", 3, 10),
        "contacted": someone("Contacted Cy", 5),
        "stale": someone("Stale Sue", 2),
        "drifting": someone("Drifting Dee", *range(100, 300, 9)),  # a regular until three months ago
        "resting": someone("Resting Ray", 4),
        "gone": someone("Long-gone Lou", 400),
        "bot": someone("ci-bot", 1, kind=PersonKind.BOT),
    }


def test_it_lists_who_needs_a_word_and_nobody_else(steward_client, alice, community):
    now = timezone.now()
    notes.add_interaction(community["contacted"], alice, channel="chat", topic="hi", occurred_at=now - timedelta(days=7))
    notes.add_interaction(community["stale"], alice, channel="call", topic="hi", occurred_at=now - timedelta(weeks=20))
    DeclaredBreak.objects.create(person=community["resting"], starts_on=date.today() - timedelta(days=5))
    html = steward_client.get(reverse("people:not_contacted")).content.decode()
    for name in ("Active Ann", "Stale Sue", "Drifting Dee"):
        assert name in html, name
    for name in ("Contacted Cy", "Resting Ray", "Long-gone Lou", "ci-bot"):
        assert name not in html, name
    assert html.index("Active Ann") < html.index("Stale Sue")  # never contacted comes first
    assert "was a regular, drifting away" in html and "stopped" in html


def test_the_number_of_weeks_is_the_stewards_choice(steward_client, alice, community):
    notes.add_interaction(community["stale"], alice, channel="call", topic="hi",
                          occurred_at=timezone.now() - timedelta(weeks=20))
    assert "Stale Sue" not in steward_client.get(reverse("people:not_contacted"), {"weeks": 30}).content.decode()
    assert "Stale Sue" in steward_client.get(reverse("people:not_contacted"), {"weeks": "nonsense"}).content.decode()


def test_a_break_that_ended_no_longer_hides_anyone(steward_client, community):
    DeclaredBreak.objects.create(person=community["resting"], starts_on=date(2020, 1, 1), ends_on=date(2020, 2, 1))
    assert "Resting Ray" in steward_client.get(reverse("people:not_contacted")).content.decode()


def test_the_directory_shows_last_contact_and_trend(steward_client, alice, community):
    notes.add_interaction(community["contacted"], alice, channel="chat", topic="hi")
    html = steward_client.get(reverse("people:directory")).content.decode()
    assert 'data-label="Last contact"' in html and "trend-stopped" in html and "trend-steady" in html
