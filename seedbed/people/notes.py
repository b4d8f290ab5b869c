"""Private notes and the interaction log: writing them (audited) and reading what a viewer may.

Who may read or write is decided in ``seedbed.access``; this module is handed the answer:
``by=None`` for everything (stewards), a user for what that user wrote (organisers,
mentors), ``False`` for nothing.
"""
from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from seedbed.core import audit
from seedbed.core.models import AuditAction
from seedbed.people.models import Interaction, InteractionChannel, Note, Person

MAX_NOTE = 20_000  # characters of Markdown


def add_note(person: Person, author, body: str) -> Note:
    body = (body or "").strip()
    if not body:
        raise ValidationError("A note needs some text.")
    if len(body) > MAX_NOTE:
        raise ValidationError(f"A note holds at most {MAX_NOTE:,} characters; this one has {len(body):,}.")
    with transaction.atomic():
        note = Note.objects.create(person=person, author=author, body=body)
        audit.record(author, AuditAction.ADDED_NOTE, person, f"note {note.pk}")
    return note


def add_interaction(person: Person, by, *, channel: str, topic: str, occurred_at: datetime | None = None) -> Interaction:
    topic = (topic or "").strip()
    if channel not in InteractionChannel.values:
        raise ValidationError(f"Unknown channel {channel!r}: use one of {', '.join(InteractionChannel.values)}.")
    if not topic:
        raise ValidationError("Say in a few words what you talked about.")
    now = timezone.now()
    occurred_at = occurred_at or now
    if occurred_at > now:
        raise ValidationError("An interaction cannot be in the future.")
    with transaction.atomic():
        interaction = Interaction.objects.create(person=person, by=by, channel=channel, topic=topic[:300],
                                                 occurred_at=occurred_at)
        audit.record(by, AuditAction.ADDED_INTERACTION, person, f"interaction {interaction.pk}")
    return interaction


def private_log(person: Person, by=None) -> tuple[list[Note], list[Interaction]]:
    """The notes and interactions about ``person`` a viewer may read (see the module doc)."""
    if by is False:
        return [], []
    notes = person.notes.select_related("author")
    interactions = person.interactions.select_related("by")
    if by is not None:
        notes, interactions = notes.filter(author=by), interactions.filter(by=by)
    return list(notes), list(interactions)
