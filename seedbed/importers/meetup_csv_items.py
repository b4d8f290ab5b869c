"""Meetup's CSV downloads as items: an event's attendee list, and the group's member list. Pure.

* The **attendee list** (``Name, User ID, Title, Event Host, RSVP, Guests, RSVPed on …``)
  makes the activities Perceval's Meetup items make for the same event (``meetup_items``):
  the same keys (``event:ID:host:MEMBER``, ``event:ID:attendee:MEMBER``), kinds and types,
  so both routes are one activity. Its hosts organised the event; the others who said yes
  attended it: the download has no attendance column, so a no-show who said yes counts.
  The file does not name its event: its date comes from the file's name
  (``…-2026-03-28.csv``), and so does its Meetup number when the name holds it
  (``…-311978245-….csv``, as in the event's address ``…/events/311978245/``; a run of digits
  that reads as a date, 20260328, is not it). Without the number the event is known by its
  group (from the profiles' addresses) and date (``event:GROUP:2026-03-28``) and is not the
  one Perceval brings; with neither, the importer refuses the file (two groups' events of
  one day would be one). It counts as over at noon UTC the day after its date: midnight in
  the last time zone (UTC-12), so that an evening event anywhere has ended.
* The **member list** (``Member ID``, ``Joined Group on`` …; in its old layout tab-separated
  text named ``.xls``) gives no activities: each member is a Meetup identity, first seen when
  they joined the group and last seen when they last attended.
* A person is their Meetup member number (``User ID`` is ``user 312457801``, or only the
  number; an old member list's ``User ID`` may be a chosen name, its ``Member ID`` is the
  number), the identity Perceval's Meetup items have too.

The delimiter is the one that makes the header name Meetup's columns (comma, tab or
semicolon); the text is UTF-8, with or without a byte-order mark.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections import Counter
from dataclasses import dataclass, field

from seedbed.importers.items import DAMAGE, Author, Item, clean
from seedbed.importers.mapping import MEETUP_ATTENDEE, MEETUP_HOST
from seedbed.importers.meetup_items import PLATFORM
from seedbed.people.names import is_bot

UTC = dt.timezone.utc
NOON = dt.time(12, tzinfo=UTC)  # a date without a time: that day nearly everywhere
ATTENDEE_COLUMNS = ("Name", "User ID", "RSVP")
MEMBER_COLUMNS = ("Name", "Member ID")
KNOWN = {c.casefold() for c in (
    "Name", "User ID", "Title", "Event Host", "RSVP", "Guests", "RSVPed on", "Joined Group on",
    "URL of Member Profile", "Member ID", "Location", "Last visited group on", "Last Attended", "Total RSVPs",
    "RSVPed Yes", "RSVPed Maybe", "RSVPed No", "Meetups attended", "No shows", "Intro", "Photo",
    "Assistant Organizer", "Mailing List", "All time RSVPs", "All time 'Yes' RSVPs", "All time 'No' RSVPs",
    "Events attended", "Role")}
RSVP = {"yes": "yes", "no": "no", "waiting list": "waitlist", "waitlist": "waitlist", "wait list": "waitlist",
        "maybe": "maybe"}
_NUMBER = re.compile(r"^\s*(?:user\s+)?(\d+)\s*$", re.I)
_PROFILE = re.compile(r"meetup\.com/([^/\s]+)/members/(\d+)", re.I)
_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_EVENT_NUMBER = re.compile(r"(?<!\d)(\d{6,})(?!\d)")
_EXCEL = (b"\xd0\xcf\x11\xe0", b"PK\x03\x04")  # a real .xls (OLE2) or .xlsx (ZIP)


class NotAMeetupList(ValueError):
    """The file is not a Meetup download that can be read: the message says where and why."""


@dataclass
class Attendee:
    record: int
    line: int
    name: str
    member_id: str
    rsvp: str  # yes, no, waitlist, maybe
    host: bool = False
    guests: int = 0
    title: str = ""
    group: str = ""  # from the profile's address


@dataclass
class Member:
    record: int
    line: int
    name: str
    member_id: str
    joined: dt.date
    last_attended: dt.date | None = None
    role: str = ""  # Role (ORGANIZER, CO-ORGANIZER …), or ASSISTANT ORGANIZER in the old layout
    events_attended: int | None = None
    no_shows: int | None = None
    group: str = ""


@dataclass
class Sheet:
    kind: str  # "attendees" or "members"
    delimiter: str
    header: list[str]
    rows: list = field(default_factory=list)  # Attendee or Member
    problems: list[str] = field(default_factory=list)  # "record N (line L): why"

    def group(self) -> str:
        """The group (its name in Meetup's addresses) most rows' profiles belong to."""
        found = Counter(r.group for r in self.rows if r.group)
        return found.most_common(1)[0][0] if found else ""


@dataclass(frozen=True)
class Event:
    """The event an attendee list is about, as far as the file and its name tell."""

    date: dt.date
    number: str = ""  # Meetup's event id
    group: str = ""

    @property
    def key(self) -> str:
        return f"event:{self.number}" if self.number else f"event:{self.group}:{self.date.isoformat()}"

    @property
    def url(self) -> str:
        return f"https://www.meetup.com/{self.group}/events/{self.number}/" if self.number and self.group else ""

    @property
    def over(self) -> dt.datetime:
        """When the event's day is over everywhere, from then on it took place: the file does not
        say its time or zone, so the end of its date in the last time zone (UTC-12), which is
        noon UTC the day after."""
        return dt.datetime.combine(self.date + dt.timedelta(days=1), dt.time(12, tzinfo=UTC))


# ---- reading -------------------------------------------------------------------------------


def decode(data: bytes) -> str:
    if not data.strip():
        raise NotAMeetupList(f"an empty file ({len(data)} bytes)")
    if data.startswith(_EXCEL):
        raise NotAMeetupList("an Excel workbook, not text: open it and save it as CSV (UTF-8)")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            data, encoding = (data[len(bom):], codec) if codec == "utf-8" else (data, codec)
            break
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise NotAMeetupList(f"not {encoding.upper()}: byte 0x{data[exc.start]:02X} at offset {exc.start} "
                             f"(line {line}) is not a valid sequence; save the file as UTF-8") from None
    if "\x00" in text:
        raise NotAMeetupList("not text (it holds NUL characters): not a CSV file")
    return text


def read(data: bytes) -> Sheet:
    """The rows of a Meetup download; NotAMeetupList when it is not one. Rows that cannot be
    read are listed in ``problems`` and left out."""
    text = decode(data)
    delimiter, header = _header(text)
    names = [h.strip().casefold() for h in header]
    if all(c.casefold() in names for c in ATTENDEE_COLUMNS):
        kind = "attendees"
    elif all(c.casefold() in names for c in MEMBER_COLUMNS):
        kind = "members"
    else:
        missing = [c for c in (ATTENDEE_COLUMNS if "rsvp" in names else MEMBER_COLUMNS) if c.casefold() not in names]
        raise NotAMeetupList(f"line 1: the header lacks {', '.join(missing)}: neither Meetup's attendee list "
                             "(Name, User ID, RSVP …) nor its member list (Name, Member ID …)")
    sheet = Sheet(kind, delimiter, header)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    record, starts = 1, 0  # a record starts on the line after the last one read: line_num counts lines
    try:
        next(rows)
        starts = rows.line_num + 1
        for cells in rows:
            record, line, starts = record + 1, starts, rows.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            values = {n: clean(c) for n, c in zip(names, cells)}
            try:
                read_row = _attendee if kind == "attendees" else _member
                sheet.rows.append(read_row(values, record, line))
            except DAMAGE as exc:
                sheet.problems.append(f"record {record} (line {line}): {exc}")
    except csv.Error as exc:
        sheet.problems.append(f"record {record + 1} (line {starts}): not CSV ({exc}); the rest of the file is left out")
    return sheet


def _header(text: str) -> tuple[str, list[str]]:
    best = ("", [], -1)
    for delimiter in (",", "\t", ";"):
        try:
            header = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
        except csv.Error:
            continue
        known = sum(1 for h in header if h.strip().casefold() in KNOWN)
        if known > best[2]:
            best = (delimiter, header, known)
    if best[2] <= 0:
        shown = text.split("\n", 1)[0].strip()[:80]
        raise NotAMeetupList(f"line 1: the header {shown!r} names none of the columns of Meetup's attendee or member "
                             "list (Name, User ID, Member ID, RSVP …)")
    return best[0], [clean(h) for h in best[1]]


def _member_id(values: dict) -> str:
    for column in ("member id", "user id"):
        found = _NUMBER.match(values.get(column) or "")
        if found:
            return found.group(1)
    profile = _PROFILE.search(values.get("url of member profile") or "")
    if profile:
        return profile.group(2)
    raise ValueError(f"no Meetup member number (User ID {values.get('user id', '')!r}, "
                     f"Member ID {values.get('member id', '')!r})")


def _group(values: dict) -> str:
    profile = _PROFILE.search(values.get("url of member profile") or "")
    return profile.group(1).lower() if profile else ""


def _name(values: dict) -> str:
    return " ".join((values.get("name") or "").split())


def _attendee(values: dict, record: int, line: int) -> Attendee:
    raw = (values.get("rsvp") or "").strip()
    rsvp = RSVP.get(raw.casefold())
    if rsvp is None:
        raise ValueError(f"RSVP {raw!r} is none of Yes, No, Waiting List")
    guests = (values.get("guests") or "0").strip() or "0"
    if not (guests.isascii() and guests.isdigit()):
        raise ValueError(f"Guests {guests!r} is not a number")
    return Attendee(record, line, _name(values), _member_id(values), rsvp,
                    host=(values.get("event host") or "").strip().casefold() == "yes", guests=int(guests),
                    title=(values.get("title") or "").strip(), group=_group(values))


def _member(values: dict, record: int, line: int) -> Member:
    joined = date_of(values.get("joined group on") or "")
    if joined is None:
        raise ValueError(f"Joined Group on {values.get('joined group on', '')!r} is not a date")
    last = values.get("last attended") or ""
    attended = date_of(last)
    if last.strip() and attended is None:
        raise ValueError(f"Last Attended {last!r} is not a date")
    role = (values.get("role") or "").strip().upper()
    if not role and (values.get("assistant organizer") or "").strip().casefold() == "yes":
        role = "ASSISTANT ORGANIZER"
    counts = [_count(values, "events attended", "meetups attended"), _count(values, "no shows")]
    return Member(record, line, _name(values), _member_id(values), joined, attended, role, *counts,
                  group=_group(values))


def _count(values: dict, *columns: str) -> int | None:
    for column in columns:
        text = (values.get(column) or "").strip()
        if text.isascii() and text.isdigit():
            return int(text)
    return None


def date_of(text: str) -> dt.date | None:
    """A date as Meetup writes it: 01/14/2019 (member lists) or January 14, 2019 (attendee lists)."""
    text = " ".join(text.split())
    for form in ("%m/%d/%Y", "%B %d, %Y", "%b %d, %Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


# ---- the event and its activities ------------------------------------------------------------


def event_of(file_name: str, sheet: Sheet) -> Event | None:
    """The event of an attendee list, from the file's name; None when the name has no date."""
    found = _DATE.search(file_name)
    if found is None:
        return None
    try:
        date = dt.date(*map(int, found.groups()))
    except ValueError:
        return None
    rest = file_name[:found.start()] + " " + file_name[found.end():]
    number = next((n for n in _EVENT_NUMBER.findall(rest) if not _a_date(n)), "")
    return Event(date, number, sheet.group())


def _a_date(digits: str) -> bool:
    """Whether a run of digits reads as a compact date or time (20260328, 202603281900,
    20260328190000): not a Meetup event number."""
    if len(digits) not in (8, 10, 12, 14):
        return False
    try:
        return 1970 <= dt.datetime.strptime(digits[:8], "%Y%m%d").year <= 2100
    except ValueError:
        return False


def member(row: Attendee | Member) -> Author:
    """The Meetup identity Perceval's Meetup items give the same member (``meetup_items.member``)."""
    return Author(PLATFORM, "", row.member_id, name=row.name, external_id=row.member_id, is_bot=is_bot(row.name))


def items(sheet: Sheet, event: Event) -> list[Item]:
    """An attendee list's activities, for an event that took place."""
    yes = [r for r in sheet.rows if r.rsvp == "yes"]
    hosts = {r.member_id: r for r in sheet.rows if r.host}
    on = event.date.isoformat()
    common = dict(platform=PLATFORM, occurred_at=dt.datetime.combine(event.date, NOON), channel=event.group,
                  thread_key=event.key, url=event.url)
    out = [Item(key=f"{event.key}:host:{r.member_id}", author=member(r), kind=MEETUP_HOST.kind,
                contribution_type=MEETUP_HOST.contribution_type, title=f"Organised the event of {on}",
                size=len(yes) + sum(r.guests for r in yes), extra={"event_date": on}, **common)
           for r in hosts.values()]
    seen = set(hosts)
    for r in yes:
        if r.member_id in seen:
            continue
        seen.add(r.member_id)
        extra = {"event_date": on, **({"guests": r.guests} if r.guests else {})}
        out.append(Item(key=f"{event.key}:attendee:{r.member_id}", author=member(r), kind=MEETUP_ATTENDEE.kind,
                        contribution_type=MEETUP_ATTENDEE.contribution_type, title=f"Attended the event of {on}",
                        extra=extra, **common))
    return out
