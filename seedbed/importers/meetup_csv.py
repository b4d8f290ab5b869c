"""Import Meetup's CSV downloads (``seedbed import meetup FILE…``): an event's attendee list,
or the group's member list (also in its old layout, tab-separated text named ``.xls``).

Parse: ``meetup_csv_items`` (pure). Each file is one source and one transaction
(``file_import``). An attendee list makes the activities Perceval's Meetup items make
(hosts organised, the others who said yes attended), once its event has taken place. A
member list creates no one (being a member is no contribution, and a list of everyone who
joined is not Seedbed's to keep): it only tells more of the Meetup identities already known
(from attendee lists or Perceval), seen from the day they joined the group, and their name
when they had none.
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
from seedbed.people.models import Identity
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
                       finish=lambda source, report, stored: _save_members(members, report))


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
    if not event.number and not event.group:
        raise ImportFailed(f"{file}: the attendee list does not say which event it is: its name has no Meetup event "
                           "number and it has no URL of Member Profile column to tell the group; put the number from "
                           "the event's address in the file's name (…/events/311978245/ → …-311978245-2026-03-28.csv)")
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


def _save_members(members: list[meetup_csv_items.Member], report: Report) -> None:
    """The members who are Meetup identities already: first seen when they joined, last seen
    when they last came, and named when they had no name. No identity is created."""
    if not members:
        return
    registry = IdentityRegistry(meetup_csv_items.PLATFORM, "")
    known = [row for row in members if meetup_csv_items.member(row).key in registry.ids]
    for row in known:
        who = meetup_csv_items.member(row)
        for day in filter(None, (row.joined, row.last_attended)):
            registry.note(who.key, dt.datetime.combine(day, meetup_csv_items.NOON))
    registry.save_seen()
    named = {meetup_csv_items.member(row).key: row.name for row in known if row.name}
    keys = list(named)
    for start in range(0, len(keys), 5000):
        for identity in Identity.objects.filter(source_kind=meetup_csv_items.PLATFORM, source_instance="", name="",
                                                key__in=keys[start:start + 5000]):
            identity.name = named[identity.key][:300]
            identity.save(update_fields=["name"])
    report.counts["members already known"] = len(known)
    if len(known) < len(members):
        report.notes.append(f"{len(members) - len(known)} members not known from an attendee list or Perceval: "
                            "no identity is made for them")

