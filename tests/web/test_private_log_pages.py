"""Adding notes and interactions from a person's page; who may, and what is audited."""
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from seedbed.core.models import AuditAction, AuditEntry
from seedbed.groups.models import Group, Membership, MembershipRole
from seedbed.people import notes
from seedbed.people.models import Interaction, Note, Person

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def ada(make_person):
    return make_person("Ada Lovelace")


@pytest.fixture
def organiser(ada):
    user = User.objects.create_user("olga")
    group = Group.objects.create(name="Lisbon", slug="lisbon", kind="local-team")
    Membership.objects.create(group=group, person=Person.objects.create(display_name="Olga", user=user),
                              role=MembershipRole.ORGANISER)
    Membership.objects.create(group=group, person=ada)
    return user


def test_a_steward_adds_a_note_in_place_and_it_is_sanitised(steward_client, alice, ada):
    url = reverse("people:note_add", args=[ada.pk])
    response = steward_client.post(url, {"body": "**Wants to mentor** <script>alert(1)</script>"}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and html.lstrip().startswith('<section id="notes"')
    assert "<strong>Wants to mentor</strong>" in html and "<script>alert" not in html
    assert Note.objects.get().author == alice


def test_without_javascript_the_form_posts_and_comes_back_to_the_section(steward_client, ada):
    response = steward_client.post(reverse("people:note_add", args=[ada.pk]), {"body": "plain"})
    assert response.status_code == 302 and response["Location"].endswith(f"/people/{ada.pk}/#notes")
    response = steward_client.post(reverse("people:interaction_add", args=[ada.pk]),
                                   {"channel": "chat", "occurred_on": "2026-11-01", "topic": ""}, follow=True)
    assert "This field is required." in response.content.decode()
    assert not Interaction.objects.exists()


def test_an_interaction_in_the_future_is_refused_in_place(steward_client, ada):
    response = steward_client.post(reverse("people:interaction_add", args=[ada.pk]),
                                   {"channel": "video", "occurred_on": "2999-01-01", "topic": "time travel"}, **HTMX)
    assert "cannot be in the future" in response.content.decode() and not Interaction.objects.exists()


def test_the_page_shows_the_last_personal_contact(steward_client, alice, ada):
    steward_client.post(reverse("people:interaction_add", args=[ada.pk]),
                        {"channel": "video", "occurred_on": date.today().isoformat(), "topic": "mentoring"})
    html = steward_client.get(reverse("people:detail", args=[ada.pk])).content.decode()
    assert "last personal contact" in html and "video call, alice" in html


def test_an_organiser_writes_notes_and_reads_only_their_own(client, alice, organiser, ada):
    notes.add_note(ada, alice, "steward's private worry")
    client.force_login(organiser)
    response = client.post(reverse("people:note_add", args=[ada.pk]), {"body": "ran the meetup"}, **HTMX)
    html = response.content.decode()
    assert "ran the meetup" in html and "steward's private worry" not in html
    assert Note.objects.filter(author=organiser).count() == 1


@pytest.mark.parametrize("who", ["self", "stranger"])
def test_the_member_and_strangers_cannot_write_notes(client, ada, who):
    user = User.objects.create_user(who)
    if who == "self":
        ada.user = user
        ada.save()
    client.force_login(user)
    for name, data in (("people:note_add", {"body": "x"}), ("people:interaction_add", {"channel": "chat", "topic": "x"})):
        assert client.post(reverse(name, args=[ada.pk]), data).status_code == 403
    assert not Note.objects.exists() and not Interaction.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, ada):
    response = client.post(reverse("people:note_add", args=[ada.pk]), {"body": "x"})
    assert response.status_code == 302 and "/login/" in response["Location"] and not Note.objects.exists()


def test_viewing_private_notes_is_audited_and_an_empty_log_is_not(steward_client, alice, ada):
    steward_client.get(reverse("people:detail", args=[ada.pk]))
    assert not AuditEntry.objects.filter(action=AuditAction.VIEWED_NOTES).exists()
    notes.add_note(ada, alice, "something private")
    steward_client.get(reverse("people:detail", args=[ada.pk]))
    entry = AuditEntry.objects.get(action=AuditAction.VIEWED_NOTES)
    assert (entry.actor, entry.person) == (alice, ada)


def test_stewards_read_the_audit_log_which_names_records_never_their_text(steward_client, alice, ada):
    notes.add_note(ada, alice, "a secret worry")
    notes.add_interaction(ada, alice, channel="call", topic="a private call")
    steward_client.get(reverse("people:detail", args=[ada.pk]))
    html = steward_client.get(reverse("audit")).content.decode()
    assert "added a private note" in html and "logged an interaction" in html and "viewed the private notes" in html
    assert "Ada Lovelace" in html and "secret worry" not in html and "private call" not in html
    only = steward_client.get(reverse("audit"), {"action": "added-note"}).content.decode()
    assert '"What">added a private note<' in only and '"What">logged an interaction<' not in only


def test_the_navigation_offers_each_role_its_own_pages(client, steward_client, ada):
    steward_nav = steward_client.get(reverse("audit")).content.decode()
    assert 'href="/people/"' in steward_nav and 'href="/audit/"' in steward_nav
    member = User.objects.create_user("ada")
    ada.user = member
    ada.save()
    client.force_login(member)
    html = client.get(reverse("people:detail", args=[ada.pk])).content.decode()
    assert f'href="/people/{ada.pk}/">My profile' in html
    assert 'href="/people/"' not in html and 'href="/audit/"' not in html


def test_home_leads_each_role_to_its_place(client, alice, ada):
    assert client.get("/")["Location"].startswith(reverse("login"))
    client.force_login(alice)
    assert client.get("/")["Location"] == reverse("people:directory")
    member = User.objects.create_user("ada")
    ada.user = member
    ada.save()
    client.force_login(member)
    assert client.get("/")["Location"] == reverse("people:detail", args=[ada.pk])
    client.force_login(User.objects.create_user("nobody"))
    assert "not linked to a profile yet" in client.get("/").content.decode()
