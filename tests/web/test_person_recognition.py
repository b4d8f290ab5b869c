"""A person's page shows their confirmed highlights; thanks only to stewards; others may nominate their work."""
import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from seedbed.recognition.models import Highlight, Thanks


@pytest.fixture
def grace(make_person, make_identity, make_activity):
    grace = make_person("Grace Hopper", consent_public_listing=True)
    work = make_activity(make_identity(grace), title="A compiler", url="https://example.org/compiler")
    for status, title in (("confirmed", "The first compiler"), ("suggested", "Still waiting"), ("dismissed", "Not this")):
        h = Highlight.objects.create(kind="nomination", status=status, person=grace, title=title, why=f"{title} mattered.",
                                     contribution_type="code", occurred_at=work.occurred_at, reason="SECRET REASON")
        h.activities.add(work)
    Thanks.objects.create(person=grace, kind="swag", note="private ledger note")
    return grace


def page(client, person) -> str:
    response = client.get(reverse("people:detail", args=[person.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_stewards_see_confirmed_highlights_and_thanks(steward_client, grace):
    html = page(steward_client, grace)
    assert "The first compiler" in html and "The first compiler mattered." in html
    assert "Still waiting" not in html and "Not this" not in html and "SECRET REASON" not in html
    assert "Thanked" in html and "Swag" in html


def test_members_see_the_recognised_work_of_a_listed_person_not_the_ledger_and_may_nominate(client, grace, make_person):
    mallory = User.objects.create_user("mallory", password="x")
    make_person("Mallory", user=mallory)
    client.force_login(mallory)
    html = page(client, grace)
    assert "The first compiler" in html
    assert "Swag" not in html and "private ledger note" not in html
    assert reverse("recognition:nominate") + "?link=https%3A//example.org/compiler" in html


def test_nobody_nominates_their_own_work(client, grace):
    user = User.objects.create_user("grace", password="x")
    grace.user = user
    grace.save()
    client.force_login(user)
    html = page(client, grace)
    assert "The first compiler" in html
    assert reverse("recognition:nominate") not in html.split('id="recent"', 1)[1]
