"""A person's page: profile, identities, activity, notes (sanitised), merges."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from seedbed.groups.models import Group, Membership
from seedbed.mentoring.models import Mentorship
from seedbed.people.models import MergeRecord, Note
from seedbed.people.queries import month_list

pytestmark = pytest.mark.django_db


def url(person):
    return reverse("people:detail", args=[person.pk])


@pytest.fixture
def ada(make_person, make_identity, make_activity, alice):
    ada = make_person(
        "Ada Lovelace", pronouns="she/her", time_zone="Europe/London", region="Europe",
        languages=["en", "fr"], interests=["poetry", "engines"], skills=["mathematics"],
        consent_public_listing=True, first_seen=timezone.now() - timedelta(days=400),
        last_seen=timezone.now() - timedelta(days=2),
    )
    git = make_identity(ada, name="Ada L.", email="ada@analytical.org", link_reason="first seen")
    gh = make_identity(ada, source_kind="github", source_instance="github.com", username="countess",
                       link_reason="same e-mail address as an existing identity (ada@analytical.org)")
    make_activity(git, days_ago=1, title="Note G: Bernoulli numbers", channel="engine",
                  url="https://example.org/commit/1", contribution_type="code")
    make_activity(git, days_ago=40, title="Translate Menabrea", contribution_type="translation")
    make_activity(gh, days_ago=70, kind="review", contribution_type="review", title="Review the mill",
                  url="javascript:alert(1)")
    make_activity(gh, days_ago=3000, kind="issue", contribution_type="bug", title="Ancient bug")
    Note.objects.create(person=ada, author=alice, body="Loves **poetical science**.\n\n<script>alert('x')</script>"
                        "\n\n[click](javascript:alert(2)) <img src=x onerror=alert(3)>")
    return ada


def test_it_shows_profile_and_local_time(steward_client, ada):
    html = steward_client.get(url(ada)).content.decode()
    for text in ("Ada Lovelace", "she/her", "Europe/London", "local time", "poetry", "mathematics", "en, fr"):
        assert text in html
    assert "<title>Ada Lovelace · Seedbed</title>" in html


def test_local_time_is_in_their_time_zone(steward_client, make_person):
    person = make_person("Hiro Tanaka", time_zone="Asia/Tokyo")
    assert "local time (" in steward_client.get(url(person)).content.decode()
    assert "JST)" in steward_client.get(url(person)).content.decode()


def test_an_unknown_time_zone_is_shown_as_written(steward_client, make_person):
    person = make_person("Someone", time_zone="Mars/Olympus_Mons")
    html = steward_client.get(url(person)).content.decode()
    assert "Mars/Olympus_Mons" in html and "not a known zone" in html and "local time" not in html


def test_it_shows_identities_with_why_they_were_linked(steward_client, ada):
    html = steward_client.get(url(ada)).content.decode()
    for text in ("ada@analytical.org", "countess", "github.com", "same e-mail address as an existing identity"):
        assert text in html


def test_it_shows_recent_activity_and_counts_per_type(steward_client, ada):
    response = steward_client.get(url(ada))
    html = response.content.decode()
    assert "Note G: Bernoulli numbers" in html and 'href="https://example.org/commit/1"' in html
    assert "Ancient bug" in html  # among the 50 most recent, though outside the chart
    assert "javascript:" not in html
    timeline = response.context["page"].timeline
    assert {t.code: t.total for t in timeline.types} == {"code": 1, "translation": 1, "review": 1, "bug": 1}
    assert timeline.overall.recent == 3 and len(timeline.overall.bars) == 24
    assert html.count("<svg") == 5  # overall and four types


def test_notes_are_markdown_and_sanitised(steward_client, ada):
    html = steward_client.get(url(ada)).content.decode()
    assert "<strong>poetical science</strong>" in html
    assert "<script>alert" not in html
    assert "onerror" not in html
    assert "javascript:alert(2)" not in html


def test_it_shows_groups_and_mentoring(steward_client, ada, make_person):
    group = Group.objects.create(name="Analytical Engines", slug="ae", kind="working-group")
    Membership.objects.create(group=group, person=ada, role="organiser")
    babbage = make_person("Charles Babbage")
    Mentorship.objects.create(mentor=babbage, mentee=ada, started_on=timezone.localdate())
    html = steward_client.get(url(ada)).content.decode()
    assert "Analytical Engines" in html and "organiser" in html
    assert "Mentored by" in html and "Charles Babbage" in html


def test_merged_away_people_redirect_to_the_survivor(steward_client, ada, make_person):
    middle = make_person("A. Lovelace", merged_into=ada)
    oldest = make_person("A. A. Lovelace", merged_into=middle)  # a chain: oldest -> middle -> ada
    for person in (middle, oldest):
        response = steward_client.get(url(person))
        assert response.status_code == 302 and response["Location"] == url(ada)


def test_it_shows_merge_history(steward_client, ada, make_person, alice):
    twin = make_person("Augusta Ada King", merged_into=ada)
    MergeRecord.objects.create(survivor=ada, absorbed=twin, method="steward", reason="Same person, said Ada",
                               actor=alice, confirmed=True)
    html = steward_client.get(url(ada)).content.decode()
    assert "Augusta Ada King" in html and "Same person, said Ada" in html and "alice" in html


def test_unknown_person_is_404(steward_client):
    assert steward_client.get(reverse("people:detail", args=[999999])).status_code == 404


def test_pronouns_kept_to_themselves_stay_hidden(steward_client, ada):
    ada.field_visibility = {"pronouns": "only-me"}
    ada.save()
    assert "she/her" not in steward_client.get(url(ada)).content.decode()


def test_query_count_is_fixed(steward_client, ada, make_identity, make_activity, django_assert_max_num_queries):
    for n in range(10):
        make_activity(make_identity(ada, source_kind="discourse", username=f"ada{n}"), days_ago=n * 20)
    with django_assert_max_num_queries(21):  # 14 for the page, the viewer (seedbed.access), notes, interactions, motivation, breaks, highlights, thanks
        steward_client.get(url(ada))


def test_month_list_spans_years():
    from datetime import datetime, timezone as tz

    months = month_list(datetime(2025, 2, 10, tzinfo=tz.utc), 3)
    assert months == [(2024, 12), (2025, 1), (2025, 2)]


def test_notes_load_no_images_from_elsewhere(steward_client, make_person, alice):
    from seedbed.people.models import Note

    person = make_person("Ines")
    Note.objects.create(person=person, author=alice, body="hi ![x](https://tracker.example/p.gif)")
    html = steward_client.get(f"/people/{person.pk}/").content.decode()
    assert "tracker.example" not in html


def test_a_non_ascii_digit_in_a_filter_is_ignored_not_a_crash(steward_client):
    assert steward_client.get("/people/?group=²").status_code == 200
