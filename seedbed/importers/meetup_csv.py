"""Import Meetup's CSV downloads (``seedbed import meetup FILE…``): an event's attendee list,
or the group's member list (also in its old layout, tab-separated text named ``.xls``).

Parse: ``meetup_csv_items`` (pure). Each file is one source and one transaction
(``file_import``). An attendee list makes the activities Perceval's Meetup items make
(hosts organised, the others who said yes attended), once its event has taken place; a
member list makes each member a Meetup identity, seen from the day they joined the group.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from django.utils import timezone

from seedbed.importers import meetup_csv_items
from seedbed.importers.errors import ImportFailed
from seedbed.importers.file_import import FileImported, Report, import_file
from seedbed.importers.progress import Progress
from seedbed.importers.store import Stored
from seedbed.people.merging import run_resolver
from seedbed.people.services import IdentityRegistry

KIND = "meetup"


def import_meetup(path: str, *, skip_bad: bool = False, progress: Progress | None = None,
                  now: dt.datetime | None = None) -> FileImported:
    """One Meetup download; ``counts`` holds its hosts and answers (attendee list) or its members.
    ``now`` (default: the clock) tells whether the attendee list's event has taken place."""
    now = now or timezone.now()
    members: list[meetup_csv_items.Member] = []
    return import_file(KIND, path, lambda file, report: _read(file, report, now, members), skip_bad=skip_bad,
                       progress=progress, now=now,
                       finish=lambda source, report, stored: _save_members(members, stored))


def _read(file: Path, report: Report, now: dt.datetime, members: list) -> Iterator:
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"{file}: cannot read it: {exc.strerror or exc}") from None
    try:
        sheet = meetup_csv_items.read(data)
    except meetup_csv_items.NotAMeetupList as exc:
        raise ImportFailed(f"{file}: {exc}") from None
    report.position = lambda: len(data) // 1024
    report.counts["lines"] = data.count(b"\n") + (not data.endswith(b"\n"))
    for problem in sheet.problems:
        report.bad(problem)
    if sheet.kind == "members":
        members.extend(sheet.rows)
        report.counts["members"] = len(sheet.rows)
        return
    event = meetup_csv_items.event_of(file.name, sheet)
    if event is None:
        raise ImportFailed(f"{file}: an attendee list does not say when its event was: put the event's date in the "
                           "file's name (…-2026-03-28.csv), and its number from the event's address too "
                           "(…/events/311978245/ → …-311978245-2026-03-28.csv) to make it the event Perceval brings")
    answers = {"yes": "said yes", "no": "said no", "waitlist": "on the waiting list", "maybe": "said maybe"}
    for row in sheet.rows:
        report.counts[answers[row.rsvp]] += 1
        if row.host:
            report.counts["hosts"] += 1
    if now < event.over:
        report.until = event.over
        report.notes.append(f"the event of {event.date} has not taken place yet: its attendance is imported when the "
                            "file is read again after it (the next import or seedbed sync)")
        return
    if not event.number:
        report.notes.append(f"the file's name has no Meetup event number: the event is known as {event.key}, apart "
                            "from what Perceval brings of it")
    yield from meetup_csv_items.items(sheet, event)


def _save_members(members: list[meetup_csv_items.Member], stored: Stored) -> None:
    """Each member a Meetup identity, first seen when they joined and last seen when they last came."""
    if not members:
        return
    registry = IdentityRegistry(meetup_csv_items.PLATFORM, "")
    for row in members:
        who = meetup_csv_items.member(row)
        for day in filter(None, (row.joined, row.last_attended)):
            registry.note(who.key, dt.datetime.combine(day, meetup_csv_items.NOON), name=who.name,
                          external_id=who.external_id, is_bot=who.is_bot)
    registry.save_seen()
    stored.identities_created += registry.created
    if registry.created_ids:
        resolved = run_resolver(registry.created_ids)
        stored.resolved.identities += resolved.identities
        stored.resolved.merged += resolved.merged
        stored.resolved.proposed += resolved.proposed

