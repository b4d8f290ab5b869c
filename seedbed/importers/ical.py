"""Import calendars (``seedbed import ical FILE.ics…``): iCalendar files as exported by a
calendar (Nextcloud, Google, Outlook), a conference's schedule (pretalx), or a feed saved to
disk (Meetup's group feed).

Parse: ``ical_items`` (pure). Each file is one source and one transaction (``file_import``):
the occurrences that took place become activities of their organisers, speakers and
attendees. A calendar's upcoming events credit no one yet; the source remembers when the
next one ends, and from then on the file is read again even unchanged (by ``seedbed sync``
or another import), so an event counts once it has taken place.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from django.utils import timezone

from seedbed.importers import ical_items
from seedbed.importers.errors import ImportFailed
from seedbed.importers.file_import import FileImported, Report, import_file
from seedbed.importers.progress import Progress

KIND = "ical"


def import_ical(path: str, *, skip_bad: bool = False, progress: Progress | None = None,
                now: dt.datetime | None = None) -> FileImported:
    """One calendar file; ``counts`` holds its events (VEVENTs), the occurrences that took
    place, those upcoming and those cancelled. ``now`` (default: the clock) tells what took place."""
    now = now or timezone.now()
    return import_file(KIND, path, lambda file, report: _read(file, report, now), skip_bad=skip_bad,
                       progress=progress, now=now)


def _read(file: Path, report: Report, now: dt.datetime) -> Iterator:
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"{file}: cannot read it: {exc.strerror or exc}") from None
    found = _calendar(file, data, report)
    for problem in found.problems:
        report.bad(problem)
    occurrences, problems = ical_items.expand(found, now + ical_items.AHEAD)
    for problem in problems:
        report.bad(problem)
    report.counts["lines"] = data.count(b"\n") + (not data.endswith(b"\n"))
    report.counts["events"] = found.vevents
    done = 0
    size = len(data) // 1024
    report.position = lambda: size * done // max(1, len(occurrences))
    for occurrence in occurrences:
        done += 1
        if occurrence.private:  # nothing of it is kept, not even when it is
            report.counts["private events not imported"] += 1
        elif occurrence.status == "CANCELLED":
            report.counts["cancelled"] += 1
        elif ical_items.took_place(occurrence, now):
            report.counts["took place"] += 1
            yield from ical_items.items(occurrence, found)
        else:
            report.counts["upcoming"] += 1
            if report.until is None or occurrence.end < report.until:
                report.until = occurrence.end
    if report.until is not None:
        report.notes.append(f"{report.counts['upcoming']} upcoming occurrences credit no one yet: the file is read "
                            f"again once the next one has ended ({report.until:%Y-%m-%d %H:%M} UTC)")


def _calendar(file: Path, data: bytes, report: Report) -> ical_items.Calendar:
    try:
        return ical_items.read(data, file.stem)
    except ical_items.Truncated as exc:
        report.bad(str(exc))  # with --skip-bad: the complete events before the cut are read
        try:
            return ical_items.read(exc.rest, file.stem)
        except ical_items.NotACalendar as again:
            raise ImportFailed(f"{file}: {exc}; and what comes before it: {again}") from None
    except ical_items.NotACalendar as exc:
        raise ImportFailed(f"{file}: {exc}") from None
