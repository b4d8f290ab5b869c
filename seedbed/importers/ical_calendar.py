"""Reading a calendar file (iCalendar, RFC 5545): its structure, its events, and where a
damaged part is. Pure.

python-icalendar parses (folding, escapes, parameters, time zones) but says neither where a
file that is no calendar breaks nor on which line a damaged value is; it keeps damaged values
and raises only when they are read. So ``layout`` reads the lines once for the file's
structure (not a calendar, cut short) and the line of each VEVENT and its properties, and
``read`` leaves out, and names, each VEVENT whose times or recurrences cannot be read.
Damage in what Seedbed does not read (GEO, X- properties) does not matter.
"""
from __future__ import annotations

import codecs
import datetime as dt
import re
import warnings
import zoneinfo
from dataclasses import dataclass, field

import icalendar

from seedbed.importers.items import DAMAGE, clean

UTC = dt.timezone.utc
TIMED = ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID")  # what expansion reads
ERRORS = (*DAMAGE, RecursionError)  # icalendar's and recurring-ical-events' errors are ValueErrors

_CONTENT = re.compile(r"[A-Za-z0-9-]+(?=[;:])")
_VALUE = re.compile(r'^[^:"]*(?:"[^"]*"[^:"]*)*:(.*)$')
_PRETALX = re.compile(r"^-//pretalx//([^/]+)//(.+)$")


class NotACalendar(ValueError):
    """The file is not a calendar that can be read: the message says where and why."""


class Truncated(NotACalendar):
    """The file ends inside a component; ``rest`` is the calendar without the cut part."""

    def __init__(self, message: str, rest: bytes):
        super().__init__(message)
        self.rest = rest


@dataclass
class Vevent:
    """Where a VEVENT is in the file."""

    line: int  # BEGIN:VEVENT
    props: dict[str, tuple[int, str]] = field(default_factory=dict)  # name -> (line, the line) of its first one
    bad_line: int = 0  # the first line in it that is no content line at all


@dataclass
class Calendar:
    cal: icalendar.Calendar  # without the damaged VEVENTs
    name: str  # X-WR-CALNAME, a pretalx event's slug, else the file's name: the activities' channel
    people: tuple[str, str]  # (source kind, instance) of people known only by a name
    pretalx: bool
    zone: dt.tzinfo  # for floating times
    vevents: int  # VEVENT components in the file
    recurring: set[str]  # UIDs of recurring events
    lines: dict[str, int]  # UID -> line of its first VEVENT
    problems: list[str] = field(default_factory=list)


def _shown(line: bytes | str) -> str:
    text = line.decode("utf-8", "replace") if isinstance(line, bytes) else line
    return text.strip()[:60]


def decode(data: bytes) -> str:
    """The file's text, or NotACalendar for what is not an iCalendar file in UTF-8."""
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    if not data[start:].strip():
        return _fail(f"an empty file ({len(data)} bytes{' of blank lines' if data else ''})")
    lines = data[start:].split(b"\n")
    number, first = next((n, line) for n, line in enumerate(lines, 1) if line.strip())
    if first.strip().upper() != b"BEGIN:VCALENDAR":
        what = "an HTML page" if first.lstrip().startswith(b"<") else "not an iCalendar file"
        return _fail(f"line {number} is {_shown(first)!r}, not BEGIN:VCALENDAR: {what}")
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        at = exc.start + start
        line = data.count(b"\n", 0, at) + 1
        return _fail(f"not UTF-8: byte 0x{data[at]:02X} at offset {at} (line {line}) is not a valid UTF-8 sequence")


def _fail(message: str):
    raise NotACalendar(message)


def layout(text: str) -> list[Vevent]:
    """The VEVENTs and where they are; NotACalendar or Truncated for a broken structure."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    stack: list[tuple[str, int]] = []
    vevents: list[Vevent] = []
    good = 0  # lines up to here hold a calendar whose components are all complete
    ended = False
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        if line[:1] in (" ", "\t") or not line.strip():
            continue  # a folded line's continuation, or a blank line
        upper = line.upper()
        if ended:
            _fail(f"line {number}: {_shown(line)!r} after the calendar's END:VCALENDAR")
        if upper.startswith("BEGIN:"):
            stack.append((upper[6:].strip(), number))
            if stack[-1][0] == "VEVENT":
                vevents.append(Vevent(number))
        elif upper.startswith("END:"):
            name = upper[4:].strip()
            if not stack or stack[-1][0] != name:
                open_ = f"the {stack[-1][0]} of line {stack[-1][1]} is still open" if stack else "nothing is open"
                _fail(f"line {number}: END:{name} where {open_}")
            stack.pop()
            ended = not stack
        elif not _CONTENT.match(line):
            if not (stack and stack[-1][0] == "VEVENT"):
                _fail(f"line {number}: {_shown(line)!r} is not an iCalendar content line")
            vevents[-1].bad_line = vevents[-1].bad_line or number
        elif stack and stack[-1][0] == "VEVENT":
            vevents[-1].props.setdefault(_CONTENT.match(line).group().upper(), (number, line))
        if len(stack) == 1:
            good = number
    if stack:
        name, begun = stack[-1]
        inside = f" inside the {name} that begins at line {begun}" if len(stack) > 1 else ""
        missing = " and no ".join(f"END:{n}" for n, _ in reversed(stack))
        rest = "\n".join([*lines[:good], "END:VCALENDAR", ""]).encode()
        raise Truncated(f"end of file at line {len(lines)}{inside}: no {missing}", rest)
    return vevents


def read(data: bytes, name: str) -> Calendar:
    """The calendar in ``data`` (``name``: the file's, for a calendar without one). Damaged
    VEVENTs are left out and listed in ``problems``; NotACalendar (or Truncated) when the
    file itself cannot be read."""
    text = decode(data)
    where = layout(text)
    with warnings.catch_warnings():  # a vendor-prefixed TZID is guessed at, with a warning
        warnings.simplefilter("ignore")
        try:
            cal = icalendar.Calendar.from_ical(text)
        except ERRORS as exc:
            raise NotACalendar(f"not a calendar python-icalendar reads: {exc}") from None
    found = _header(cal, name)
    vevents = cal.walk("VEVENT")
    found.vevents = len(vevents)
    for number, (component, place) in enumerate(zip(vevents, where + [Vevent(0)] * len(vevents)), 1):
        uid = text_of(component.get("UID"))
        if uid and uid not in found.lines:
            found.lines[uid] = place.line
        problem = _damage(component, place)
        if problem is None:
            if "RRULE" in component or "RDATE" in component or "RECURRENCE-ID" in component:
                found.recurring.add(uid)
            continue
        line, why = problem
        found.problems.append(f"line {line}: VEVENT {number} (UID {uid or 'none'}): {why}")
        for parent in cal.walk():
            parent.subcomponents = [c for c in parent.subcomponents if c is not component]
    found.cal = cal
    return found


def _header(cal: icalendar.Calendar, file_name: str) -> Calendar:
    pretalx = _PRETALX.match(text_of(cal.get("PRODID")))
    name = text_of(cal.get("X-WR-CALNAME")) or (pretalx.group(2) if pretalx else "") or file_name
    try:
        zone = zoneinfo.ZoneInfo(text_of(cal.get("X-WR-TIMEZONE"))) if cal.get("X-WR-TIMEZONE") else UTC
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        zone = UTC
    people = ("pretalx", f"{pretalx.group(1)}/{pretalx.group(2)}") if pretalx else ("ical", name)
    return Calendar(cal, name, people, bool(pretalx), zone, 0, set(), {})


def _damage(component, place: Vevent) -> tuple[int, str] | None:
    """(line, why) when the VEVENT cannot be read; values Seedbed does not use may be damaged."""
    for prop, message in component.errors:
        if prop is None:
            return place.bad_line or place.line, f"not an iCalendar content line ({message})"
        if str(prop).upper() in TIMED:
            return _value_problem(place, str(prop).upper(), message)
    if "DTSTART" not in component:
        return place.line, "no DTSTART"
    for prop in TIMED:
        values = component.get(prop)
        for value in values if isinstance(values, list) else [values] if values is not None else []:
            try:
                moment = value.dt if hasattr(value, "dt") else value.dts if hasattr(value, "dts") else None
            except ERRORS as exc:
                return _value_problem(place, prop, str(exc))
            tzid = value.params.get("TZID") if hasattr(value, "params") else None
            if tzid and isinstance(moment, dt.datetime) and moment.tzinfo is None:
                return place.props.get(prop, (place.line, ""))[0], f"{prop}'s time zone {tzid!r} is unknown"
    return None


def _value_problem(place: Vevent, prop: str, message: str) -> tuple[int, str]:
    line, text = place.props.get(prop, (place.line, ""))
    value = _VALUE.match(text)
    shown = f" value {value.group(1).strip()[:60]!r}" if value else ""
    return line, f"{prop}{shown} is not valid ({message})"


def text_of(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else None
    return clean(str(value)).strip() if value is not None else ""


def as_list(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]
