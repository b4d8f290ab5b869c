"""The member edits their own profile at /account/profile/ and the person page follows their choices."""
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from seedbed.groups.models import Group, Membership, MembershipRole
from seedbed.people.models import DeclaredBreak, Motivation, Person
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db

URL = "/account/profile/"
BREAKS = "/account/profile/breaks/"


@pytest.fixture
def grace(db):
    user = User.objects.create_user("grace", "grace@example.org", PASSWORD)
    return Person.objects.create(display_name="Grace Hopper", user=user, time_zone="America/New_York")


@pytest.fixture
def grace_client(client, grace):
    client.force_login(grace.user)
    return client


@pytest.fixture
def organiser(grace):
    """Olga organises the Lisbon team, which Grace is in."""
    olga = User.objects.create_user("olga", "olga@example.org", PASSWORD)
    person = Person.objects.create(display_name="Olga Organiser", user=olga)
    group = Group.objects.create(name="Lisbon", slug="lisbon", kind="local-team")
    Membership.objects.create(group=group, person=person, role=MembershipRole.ORGANISER)
    Membership.objects.create(group=group, person=grace)
    return olga


def form_data(**changes) -> dict:
    data = {
        "display_name": "Grace Hopper", "pronouns": "", "time_zone": "America/New_York", "languages": "",
        "interests": "", "skills": "", "availability": "", "thanks_note": "",
        "visibility_pronouns": "stewards", "visibility_availability": "stewards", "visibility_breaks": "stewards",
        "visibility_motivation": "stewards", "visibility_thanks_preferences": "stewards",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def person_page(client, person) -> str:
    response = client.get(reverse("people:detail", args=[person.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_url_is_named_and_the_navigation_offers_it(grace_client):
    assert reverse("accounts:profile") == URL
    html = grace_client.get(URL).content.decode()
    assert 'href="/account/profile/" aria-current="page">Edit profile</a>' in html
    assert '<datalist id="time-zones">' in html and '<option value="Europe/Berlin">' in html
    assert 'value="Grace Hopper"' in html and 'value="America/New_York"' in html


def test_a_member_edits_and_sees_the_change_on_their_own_page(grace_client, grace):
    response = grace_client.post(URL, form_data(
        pronouns="she/her", time_zone="Europe/Lisbon", languages="en, pt-br", interests="compilers, COBOL, cobol",
        availability="Tuesday evenings", motive_learn="4", motive_fun="2",
        thanks_preferences=["personal-message", "invitation-to-speak"], consent_contact="on",
    ), follow=True)
    assert response.redirect_chain == [(URL, 302)]
    html = response.content.decode()
    assert "Saved your changes to" in html and "motivation" in html
    assert 'value="she/her"' in html
    assert 'id="id_motive_learn_4" checked' in html and 'id="id_motive_fun_2" checked' in html
    assert 'id="id_consent_contact" checked' in html and 'value="invitation-to-speak"' in html
    grace.refresh_from_db()
    assert grace.languages == ["en", "pt-BR"] and grace.interests == ["compilers", "COBOL"]
    assert grace.consent_contact and grace.consent_updated_at is not None
    assert dict(Motivation.objects.filter(person=grace).values_list("motive", "importance")) == {"learn": 4, "fun": 2}
    page = person_page(grace_client, grace)
    for text in ("she/her", "Europe/Lisbon", "pt-BR", "COBOL", "Tuesday evenings"):
        assert text in page, text
    assert 'href="/account/profile/"' in page  # "Edit profile" in the navigation of her own page


def test_a_wrong_time_zone_is_shown_next_to_the_field_and_nothing_is_saved(grace_client, grace):
    response = grace_client.post(URL, form_data(time_zone="Mars/Base", languages="en, !!", pronouns="she/her"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was saved" in html
    assert 'id="id_time_zone_errors"' in html and "“Mars/Base” is not a time zone we know" in html
    assert 'id="id_languages_errors"' in html and "Not a language tag: “!!”" in html
    assert 'value="Mars/Base"' in html  # what was typed stays to be corrected
    grace.refresh_from_db()
    assert (grace.time_zone, grace.pronouns) == ("America/New_York", "")


def test_a_field_kept_to_herself_disappears_from_the_stewards_view(grace_client, grace, alice):
    grace_client.post(URL, form_data(pronouns="she/her", availability="Weekends only"))
    steward = Client()
    steward.force_login(alice)
    assert "Weekends only" in person_page(steward, grace) and "she/her" in person_page(steward, grace)
    grace_client.post(URL, form_data(pronouns="she/her", availability="Weekends only",
                                     visibility_availability="only-me", visibility_pronouns="only-me"))
    html = person_page(steward, grace)
    assert "Weekends only" not in html and "she/her" not in html
    assert "Weekends only" in person_page(grace_client, grace)  # she still sees it


def test_a_field_shown_to_organisers_shows_to_her_organiser(grace_client, grace, organiser):
    olga = Client()
    olga.force_login(organiser)
    grace_client.post(URL, form_data(availability="Weekends only"))
    assert "Weekends only" not in person_page(olga, grace)  # stewards only, by default
    grace_client.post(URL, form_data(availability="Weekends only", visibility_availability="organisers"))
    assert "Weekends only" in person_page(olga, grace)


def test_unchanged_motivation_adds_no_row(grace_client, grace):
    grace_client.post(URL, form_data(motive_purpose="3"))
    grace_client.post(URL, form_data(motive_purpose="3"))
    response = grace_client.post(URL, form_data(motive_purpose="1"), follow=True)
    assert list(Motivation.objects.filter(person=grace).order_by("id").values_list("importance", flat=True)) == [3, 1]
    assert 'id="id_motive_purpose_1" checked' in response.content.decode()


def test_nothing_changed_says_so(grace_client):
    response = grace_client.post(URL, form_data(), follow=True)
    assert "Nothing to save" in response.content.decode()


def test_breaks_are_added_listed_and_removed_but_ended_ones_stay(grace_client, grace):
    today = timezone.localdate()
    ended = DeclaredBreak.objects.create(person=grace, starts_on=today - timedelta(days=60),
                                         ends_on=today - timedelta(days=30), note="exams")
    response = grace_client.post(BREAKS, {"break-starts_on": (today + timedelta(days=7)).isoformat(),
                                          "break-ends_on": "", "break-note": "parental leave"}, follow=True)
    html = response.content.decode()
    assert "Your break was added." in html and "parental leave" in html and "open-ended" in html
    coming = DeclaredBreak.objects.get(note="parental leave")
    assert f'name="remove" value="{coming.pk}"' in html
    assert f'name="remove" value="{ended.pk}"' not in html and "exams" in html  # history, no remove button
    grace_client.post(BREAKS, {"remove": coming.pk})
    grace_client.post(BREAKS, {"remove": ended.pk})
    assert list(DeclaredBreak.objects.values_list("note", flat=True)) == ["exams"]


def test_a_break_ending_before_it_starts_is_refused_in_place(grace_client):
    response = grace_client.post(BREAKS, {"break-starts_on": "2026-06-02", "break-ends_on": "2026-06-01"})
    assert response.status_code == 400
    assert "cannot end before it starts" in response.content.decode()
    assert not DeclaredBreak.objects.exists()


def test_nobody_removes_someone_elses_break(grace_client, make_person):
    theirs = DeclaredBreak.objects.create(person=make_person("Bob"), starts_on=date(2099, 1, 1))
    response = grace_client.post(BREAKS, {"remove": theirs.pk}, follow=True)
    assert "no such break" in response.content.decode()
    assert DeclaredBreak.objects.filter(pk=theirs.pk).exists()


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/login/?next=/account/profile/")
    assert client.post(BREAKS, {"remove": 1}).status_code == 302


def test_a_login_without_a_person_is_refused(client, alice):
    client.force_login(alice)  # a steward, but no person of her own
    assert client.get(URL).status_code == 403
    assert client.post(URL, form_data()).status_code == 403


def test_csrf_is_enforced(grace, grace_client):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(grace.user)
    assert strict.post(URL, form_data(pronouns="she/her")).status_code == 403
    grace.refresh_from_db()
    assert grace.pronouns == ""
    # with the token from the page, the same POST goes through
    strict.get(URL)
    token = strict.cookies["csrftoken"].value
    assert strict.post(URL, form_data(pronouns="she/her", csrfmiddlewaretoken=token)).status_code == 302
    grace.refresh_from_db()
    assert grace.pronouns == "she/her"
