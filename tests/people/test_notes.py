"""Private notes and the interaction log: written with an audit entry, read as allowed."""
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone

from seedbed.core.models import AuditAction, AuditEntry
from seedbed.people import notes
from seedbed.people.models import Interaction, Note, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada():
    return Person.objects.create(display_name="Ada Lovelace")


@pytest.fixture
def writers():
    return User.objects.create_user("alice"), User.objects.create_user("olga")


def test_a_note_is_stored_and_audited_without_its_text(ada, writers):
    note = notes.add_note(ada, writers[0], "  Thinking of **leaving**; ask about her thesis  ")
    assert note.body == "Thinking of **leaving**; ask about her thesis"
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor, entry.person, entry.detail) == (AuditAction.ADDED_NOTE, writers[0], ada,
                                                                       f"note {note.pk}")
    assert "leaving" not in entry.detail and "leaving" not in str(entry)


@pytest.mark.parametrize("body", ["", "   ", "x" * (notes.MAX_NOTE + 1)])
def test_an_empty_or_huge_note_is_refused_and_nothing_is_written(ada, writers, body):
    with pytest.raises(ValidationError):
        notes.add_note(ada, writers[0], body)
    assert not Note.objects.exists() and not AuditEntry.objects.exists()


def test_an_interaction_is_stored_and_audited(ada, writers):
    when = timezone.now() - timedelta(days=3)
    interaction = notes.add_interaction(ada, writers[1], channel="video", topic="mentoring pool", occurred_at=when)
    assert (interaction.by, interaction.occurred_at, interaction.channel) == (writers[1], when, "video")
    assert AuditEntry.objects.get().action == AuditAction.ADDED_INTERACTION


@pytest.mark.parametrize("fields", [
    {"channel": "pigeon", "topic": "x"},
    {"channel": "chat", "topic": "  "},
    {"channel": "chat", "topic": "x", "occurred_at": timezone.now() + timedelta(days=2)},
])
def test_a_bad_interaction_is_refused_with_a_reason(ada, writers, fields):
    with pytest.raises(ValidationError) as error:
        notes.add_interaction(ada, writers[0], **fields)
    assert str(error.value.messages[0])
    assert not Interaction.objects.exists() and not AuditEntry.objects.exists()


def test_the_log_shows_everything_or_only_what_one_wrote(ada, writers):
    alice, olga = writers
    notes.add_note(ada, alice, "by alice")
    notes.add_note(ada, olga, "by olga")
    notes.add_interaction(ada, olga, channel="chat", topic="olga's chat")
    every_note, every_interaction = notes.private_log(ada)
    assert [n.body for n in every_note] == ["by olga", "by alice"] and len(every_interaction) == 1
    own_notes, own_interactions = notes.private_log(ada, alice)
    assert [n.body for n in own_notes] == ["by alice"] and own_interactions == []
    assert notes.private_log(ada, False) == ([], [])
