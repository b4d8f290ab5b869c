"""A member downloads everything held about them: including the notes kept about them, and
nothing about anyone else."""
import json

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from seedbed.core.models import AuditAction, AuditEntry
from seedbed.people import notes
from seedbed.people.models import Motivation

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada(make_person, make_identity, make_activity):
    person = make_person("Ada Lovelace", pronouns="she/her", field_visibility={"pronouns": "only-me"})
    make_activity(make_identity(person, email="ada@analytical.org", username="ada"), title="Notes on the engine")
    person.user = User.objects.create_user("ada")
    person.save()
    return person


def test_a_member_downloads_everything_held_about_them(client, alice, ada, make_person, make_identity):
    notes.add_note(ada, alice, "Thinking of leaving; ask about her thesis")
    notes.add_interaction(ada, alice, channel="call", topic="the mentoring pool")
    Motivation.objects.create(person=ada, motive="learn", importance=4)
    grace = make_person("Grace Hopper")
    make_identity(grace, email="grace@navy.example")
    notes.add_note(grace, alice, "about Grace only")
    client.force_login(ada.user)

    response = client.get(reverse("accounts:export"))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="seedbed-my-data-')
    data = json.loads(response.content)
    assert data["format"] == "seedbed-person-export/1" and data["person"]["display_name"] == "Ada Lovelace"
    assert data["person"]["pronouns"] == "she/her"  # even a field kept to herself: it is hers
    assert [i["email"] for i in data["identities"]] == ["ada@analytical.org"]
    assert [a["title"] for a in data["activities"]] == ["Notes on the engine"]
    assert data["notes_about_you"][0] == {"written_by": "alice", "written_at": data["notes_about_you"][0]["written_at"],
                                          "text": "Thinking of leaving; ask about her thesis"}
    assert data["interactions"][0]["about"] == "the mentoring pool" and data["motivation"][0]["importance"] == 4
    assert "Grace" not in response.content.decode() and "grace@navy.example" not in response.content.decode()
    entry = AuditEntry.objects.get(action=AuditAction.EXPORTED)
    assert (entry.actor, entry.person) == (ada.user, ada)


def test_the_export_lists_the_audit_entries_about_them(client, alice, ada):
    notes.add_note(ada, alice, "x")
    client.force_login(ada.user)
    client.get(reverse("accounts:export"))
    data = json.loads(client.get(reverse("accounts:export")).content)
    assert [e["what"] for e in data["audit_log"]] == ["added a private note", "exported data"]


def test_only_a_member_with_a_profile_gets_an_export(client, alice):
    assert client.get(reverse("accounts:export"))["Location"].startswith(reverse("login"))
    client.force_login(alice)  # a steward whose login is linked to no person: nothing to export
    assert client.get(reverse("accounts:export")).status_code == 403
    assert not AuditEntry.objects.exists()


def test_the_members_own_page_offers_the_download_and_no_one_elses_does(client, alice, ada):
    client.force_login(ada.user)
    assert reverse("accounts:export") in client.get(reverse("people:detail", args=[ada.pk])).content.decode()
    client.force_login(alice)
    assert reverse("accounts:export") not in client.get(reverse("people:detail", args=[ada.pk])).content.decode()
