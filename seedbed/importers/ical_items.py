"""Calendars (iCalendar, RFC 5545) as items: who organised, spoke at and attended the events
that took place. Pure.

``ical_calendar`` reads the file (with python-icalendar) and recurring-ical-events expands
recurrences (RRULE, RDATE, EXDATE, overridden and cancelled instances); what is here is what
Seedbed makes of them.

* An occurrence is an event, or one instance of a recurring event. Its key, the thread of its
  activities, is the UID, and for an instance of a recurring event also its RECURRENCE-ID
  (the slot it was planned for, in UTC): a moved instance keeps its key, and the same event
  in another export of the calendar is the same activity.
* Only what took place credits anyone: an occurrence that has ended and was not cancelled.
  Its ORGANIZER and the attendees who accepted as CHAIR organised it; pretalx's speakers,
  named only in the title ("Title - A, B"), gave a talk; the attendees who accepted (people,
  not rooms, groups or non-participants) attended. Organising is not also attending.
* People with an address are ``email`` identities keyed by the address, so that the same
  address is one identity whichever calendar names it (and joins the person who has it in a
  mailing list). People known only by a name (pretalx's speakers) are identities of their
  calendar keyed by that name; identity resolution joins them to a person by name.
* Private events are not Seedbed's to read: an event whose CLASS is not PUBLIC (PRIVATE,
  CONFIDENTIAL, or a value Seedbed does not know, which RFC 5545 says to treat as PRIVATE)
  credits no one and none of it is kept. An ORGANIZER, like an ATTENDEE, is credited only when
  it is a person (CUTYPE INDIVIDUAL or none), never a group's or a room's calendar address
  (``…@group.calendar.google.com``, ``…@resource.calendar.google.com``).
* Times are UTC. A floating time is read in the calendar's X-WR-TIMEZONE, else as UTC; a
  TZID that is neither a known zone nor defined in the file is damage. A date without a time
  (an all-day event) is kept at noon UTC of its day, which is that day nearly everywhere.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass, field

import icalendar
import recurring_ical_events

from seedbed.importers.ical_calendar import ERRORS, Calendar, NotACalendar, Truncated, as_list, read, text_of
from seedbed.importers.items import Author, Item, clean
from seedbed.importers.mapping import ICAL_ATTENDEE, ICAL_ORGANISER, ICAL_SPEAKER
from seedbed.people.names import is_bot
from seedbed.people.placeholders import email_key

__all__ = ["Calendar", "NotACalendar", "Truncated", "read", "expand", "took_place", "items"]

PLATFORM = "ical"
UTC = dt.timezone.utc
EARLIEST = dt.datetime(1900, 1, 1)
AHEAD = dt.timedelta(days=731)  # how far beyond "now" occurrences are expanded (to count what is upcoming)
NOON = dt.time(12, tzinfo=UTC)
MAX_KEY = 300  # Activity.key
PERSON_TYPES = ("", "INDIVIDUAL", "UNKNOWN")  # CUTYPEs of a person (RFC 5545's default: INDIVIDUAL)
PUBLIC = ("", "PUBLIC")  # CLASS values of an event Seedbed reads (RFC 5545's default: PUBLIC)
# the domains of calendars that are no one's: Google's shared (group), room and resource, and
# subscribed (import) calendars
NOT_PEOPLE_DOMAINS = ("calendar.google.com",)
# a recurrence rule that would make more occurrences than this (FREQ=MINUTELY without an end,
# say) is damage: expanding it would take hours
MAX_OCCURRENCES = 100_000
_SECONDS = {"SECONDLY": 1, "MINUTELY": 60, "HOURLY": 3600, "DAILY": 86400, "WEEKLY": 7 * 86400,
            "MONTHLY": 31 * 86400, "YEARLY": 366 * 86400}
_FREQS = list(_SECONDS)


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str
    cutype: str = ""
    role: str = ""
    partstat: str = ""

    @property
    def person(self) -> bool:
        return self.cutype in PERSON_TYPES and self.role != "NON-PARTICIPANT" and not calendar_address(self.email)

    @property
    def accepted(self) -> bool:
        return self.partstat == "ACCEPTED"


@dataclass
class Occurrence:
    uid: str
    key: str  # the event's key: UID, plus the RECURRENCE-ID of an instance of a recurring event
    recurrence_id: dt.datetime | dt.date | None  # only for an instance of a recurring event
    title: str
    start: dt.datetime  # UTC; an all-day event's day at noon
    end: dt.datetime  # UTC; an all-day event's (exclusive) end day at midnight
    all_day: bool = False
    start_date: dt.date | None = None  # all-day events
    end_date: dt.date | None = None  # exclusive
    status: str | None = None
    location: str = ""
    url: str = ""
    description: str = ""
    categories: list[str] = field(default_factory=list)
    organisers: list[Attendee] = field(default_factory=list)  # ORGANIZER
    speakers: list[str] = field(default_factory=list)
    attendees: list[Attendee] = field(default_factory=list)
    timezone: str = ""  # the zone DTSTART was written in
    seen_at: dt.datetime | None = None  # LAST-MODIFIED, else DTSTAMP
    private: bool = False  # CLASS other than PUBLIC: not imported at all


# ---- occurrences -----------------------------------------------------------------------------


def expand(found: Calendar, until: dt.datetime) -> tuple[list[Occurrence], list[str]]:
    """Every occurrence that starts before ``until`` (from 1900), by start; and the events
    whose recurrences or values cannot be read (each left out)."""
    bound = until.astimezone(UTC).replace(tzinfo=None)
    problems: list[str] = []
    for component in found.cal.walk("VEVENT"):
        try:
            many = max([_most(rule, component, until) for rule in as_list(component.get("RRULE"))] or [0])
        except ERRORS:
            continue  # recurring-ical-events says what is wrong with it, below
        if many > MAX_OCCURRENCES:
            uid = text_of(component.get("UID"))
            problems.append(f"line {found.lines.get(uid, 0)}: VEVENT (UID {uid or 'none'}): its RRULE would make up to "
                            f"{many:,} occurrences by {until:%Y-%m-%d}, more than the {MAX_OCCURRENCES:,} Seedbed "
                            "expands for one event")
            for parent in found.cal.walk():
                parent.subcomponents = [c for c in parent.subcomponents if c is not component]
    try:
        components = list(recurring_ical_events.of(found.cal).between(EARLIEST, bound))
    except ERRORS:  # find the event at fault, and keep the others
        components = []
        for uid, one in _by_uid(found.cal).items():
            try:
                components += recurring_ical_events.of(one).between(EARLIEST, bound)
            except ERRORS as exc:
                problems.append(f"line {found.lines.get(uid, 0)}: VEVENT (UID {uid or 'none'}): its recurrences "
                                f"cannot be worked out ({exc})")
    out = []
    for component in components:
        try:
            out.append(_occurrence(component, found))
        except ERRORS as exc:
            uid = text_of(component.get("UID"))
            problems.append(f"line {found.lines.get(uid, 0)}: VEVENT (UID {uid or 'none'}): {exc}")
    out.sort(key=lambda o: (o.start, o.uid, o.key))
    return out, problems


def _most(rule, component, until: dt.datetime) -> int:
    """At most how many occurrences a recurrence rule makes by ``until`` (an overestimate)."""
    if rule.get("COUNT"):
        return int(rule["COUNT"][0])
    freq = str(rule["FREQ"][0]).upper()
    interval = max(1, int((rule.get("INTERVAL") or [1])[0]))
    begins = component["DTSTART"].dt
    begins = dt.datetime.combine(begins, NOON) if not isinstance(begins, dt.datetime) else _utc(begins, UTC)
    ends = (rule.get("UNTIL") or [until])[0]
    ends = dt.datetime.combine(ends, NOON) if not isinstance(ends, dt.datetime) else _utc(ends, UTC)
    periods = max(0, (min(ends, until) - begins).total_seconds()) // (_SECONDS[freq] * interval) + 1
    return int(periods * _per_period(rule, freq))


def _per_period(rule, freq: str) -> int:
    """At most how many occurrences one period of FREQ holds: the BYxxx parts finer than FREQ
    add them (BYDAY=MO,TU in a WEEKLY rule: 2; in a MONTHLY one: up to 10)."""
    coarser = _FREQS.index(freq)
    each = {"BYSECOND": ("MINUTELY", 1), "BYMINUTE": ("HOURLY", 1), "BYHOUR": ("DAILY", 1),
            "BYDAY": ("WEEKLY", {"WEEKLY": 1, "MONTHLY": 5}.get(freq, 5 if rule.get("BYMONTH") else 53)),
            "BYMONTHDAY": ("MONTHLY", 1 if freq == "MONTHLY" or rule.get("BYMONTH") else 12),
            "BYYEARDAY": ("YEARLY", 1), "BYWEEKNO": ("YEARLY", 1 if rule.get("BYDAY") else 7), "BYMONTH": ("YEARLY", 1)}
    many, finest = 1, _SECONDS[freq]
    for part, (expands, factor) in each.items():
        if rule.get(part) and coarser >= _FREQS.index(expands):
            many *= len(rule[part]) * factor
            finest = min(finest, {"BYSECOND": 1, "BYMINUTE": 60, "BYHOUR": 3600}.get(part, 86400))
    return max(1, min(many, _SECONDS[freq] // finest))


def _by_uid(cal: icalendar.Calendar) -> dict[str, icalendar.Calendar]:
    zones = cal.walk("VTIMEZONE")
    out: dict[str, icalendar.Calendar] = {}
    for component in cal.walk("VEVENT"):
        uid = text_of(component.get("UID"))
        if uid not in out:
            out[uid] = icalendar.Calendar()
            for zone in zones:
                out[uid].add_component(zone)
        out[uid].add_component(component)
    return out


def _occurrence(c, found: Calendar) -> Occurrence:
    uid = text_of(c.get("UID"))
    begins = c["DTSTART"].dt
    ends = c["DTEND"].dt if "DTEND" in c else begins
    summary = text_of(c.get("SUMMARY"))
    title, speakers = speakers_of(summary) if found.pretalx else (summary, [])
    rid = c["RECURRENCE-ID"].dt if uid in found.recurring and "RECURRENCE-ID" in c else None
    rid_utc = _utc(rid, found.zone) if isinstance(rid, dt.datetime) else rid
    if uid:
        key = f"{uid}/{_stamp(rid_utc)}" if rid_utc is not None else uid
    else:  # no UID (RFC 5545 wants one): known by its start and title
        key = "no-uid:" + hashlib.sha1(f"{begins.isoformat()}|{summary}".encode()).hexdigest()[:20]
    out = Occurrence(uid, fit(key), rid_utc, title, speakers=speakers, start=begins, end=begins)
    if isinstance(begins, dt.datetime):
        out.start = _utc(begins, found.zone)
        out.end = max(out.start, _utc(ends if isinstance(ends, dt.datetime) else begins, found.zone))
        out.timezone = getattr(begins.tzinfo, "key", "") if begins.tzinfo is not None else ""
    else:
        last = ends if isinstance(ends, dt.date) and not isinstance(ends, dt.datetime) and ends > begins else (
            begins + dt.timedelta(days=1))
        out.all_day, out.start_date, out.end_date = True, begins, last
        out.start = dt.datetime.combine(begins, NOON)
        out.end = dt.datetime.combine(last, dt.time(tzinfo=UTC))
    out.status = text_of(c.get("STATUS")).upper() or None
    out.private = text_of(c.get("CLASS")).strip().upper() not in PUBLIC
    out.location, out.url = text_of(c.get("LOCATION")), text_of(c.get("URL"))
    out.description = text_of(c.get("DESCRIPTION"))
    out.categories = [clean(str(one)) for value in as_list(c.get("CATEGORIES"))
                      for one in getattr(value, "cats", [value])]
    out.organisers = [_attendee(a) for a in as_list(c.get("ORGANIZER"))]
    out.attendees = [_attendee(a) for a in as_list(c.get("ATTENDEE"))]
    out.seen_at = _seen(c, found.zone)
    return out


def speakers_of(summary: str) -> tuple[str, list[str]]:
    """pretalx's "Title - Name A, Name B" as (title, names): the title may itself hold " - ",
    so the last one separates; a talk without speakers ends in " - "."""
    if summary.endswith(" -"):
        return summary[:-2], []
    title, separator, names = summary.rpartition(" - ")
    if not separator:
        return summary, []
    return title, [n.strip() for n in names.split(", ") if n.strip()]


def _attendee(value) -> Attendee:
    params = getattr(value, "params", {})
    return Attendee(_name(params.get("CN")), address(str(value)), _param(params, "CUTYPE"), _param(params, "ROLE"),
                    _param(params, "PARTSTAT"))


def _param(params, name: str) -> str:
    value = params.get(name, "")
    return clean(str(value[0] if isinstance(value, list) and value else value)).strip().upper()


def address(value: str) -> str:
    """The e-mail address of a CAL-ADDRESS (``mailto:…``), lower-cased; "" when it has none."""
    value = value.strip()
    if value[:7].lower() == "mailto:":
        value = value[7:]
    value = clean(email_key(value))
    return value if "@" in value and not any(c.isspace() for c in value) else ""


def calendar_address(email: str) -> bool:
    """Whether an address is a calendar that is no one's (a group's, a room's)."""
    domain = email.rpartition("@")[2]
    return any(domain == d or domain.endswith("." + d) for d in NOT_PEOPLE_DOMAINS)


def _name(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(unicodedata.normalize("NFC", clean(str(value or ""))).split())


def _seen(c, zone) -> dt.datetime | None:
    for prop in ("LAST-MODIFIED", "DTSTAMP"):
        try:
            moment = c[prop].dt if prop in c else None
        except ERRORS:
            continue
        if isinstance(moment, dt.datetime):
            return _utc(moment, zone)
    return None


def _utc(moment: dt.datetime, zone) -> dt.datetime:
    return (moment.replace(tzinfo=zone) if moment.tzinfo is None else moment).astimezone(UTC)


def _stamp(moment: dt.datetime | dt.date) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ") if isinstance(moment, dt.datetime) else moment.strftime("%Y%m%d")


def fit(key: str) -> str:
    """A key that fits Activity.key: a long one is cut and ends in a hash of the whole."""
    return key if len(key) <= MAX_KEY else key[:MAX_KEY - 41] + "~" + hashlib.sha1(key.encode()).hexdigest()


# ---- activities ------------------------------------------------------------------------------


def took_place(occurrence: Occurrence, now: dt.datetime) -> bool:
    return occurrence.status != "CANCELLED" and not occurrence.private and occurrence.end <= now


def items(occurrence: Occurrence, found: Calendar) -> list[Item]:
    """The activities of an occurrence that took place (see ``took_place``)."""
    o = occurrence
    if o.private:
        return []
    came = [a for a in o.attendees if a.person and a.accepted]
    roles: dict[tuple, tuple[Author, str]] = {}  # identity -> (author, role): the first role found wins
    for person in [*(p for p in o.organisers if p.person), *(a for a in came if a.role == "CHAIR")]:
        _add(roles, _author(person.name, person.email, found), "organiser")
    for name in o.speakers:
        _add(roles, _author(_name(name), "", found), "speaker")
    for person in came:
        _add(roles, _author(person.name, person.email, found), "attendee")
    extra = {k: v for k, v in (("uid", o.uid), ("recurrence_id", _iso(o.recurrence_id)),
                               ("end", _iso(o.end_date or o.end)), ("all_day", o.all_day), ("location", o.location),
                               ("categories", o.categories), ("timezone", o.timezone)) if v}
    out = []
    for author, role in roles.values():
        mapped, body, size = {"organiser": (ICAL_ORGANISER, o.description, len(came)),
                              "speaker": (ICAL_SPEAKER, o.description, int((o.end - o.start).total_seconds() // 60)),
                              "attendee": (ICAL_ATTENDEE, "", 0)}[role]
        who = author.key if author.source_kind == "email" else f"name:{author.key}"
        out.append(Item(platform=PLATFORM, key=fit(f"{o.key}:{role}:{who}"), author=author, kind=mapped.kind,
                        contribution_type=mapped.contribution_type, occurred_at=o.start, channel=found.name,
                        thread_key=o.key, title=o.title, body=body, url=o.url, size=size, extra=dict(extra),
                        seen_at=o.seen_at))
    return out


def _author(name: str, email: str, found: Calendar) -> Author | None:
    if email:
        return Author("email", "", email, name=name, email=email, is_bot=is_bot(name, email))
    if name:
        return Author(*found.people, name, name=name, is_bot=is_bot(name))
    return None


def _add(roles: dict, author: Author | None, role: str) -> None:
    if author is not None:
        roles.setdefault((author.source_kind, author.instance, author.key), (author, role))


def _iso(moment) -> str:
    if moment is None:
        return ""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if isinstance(moment, dt.datetime) else moment.isoformat()
