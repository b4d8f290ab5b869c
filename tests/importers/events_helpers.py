"""Shared by the event importers' tests: the samples of tests/data/events and their answer key.

Expected facts come from answer_key.json (README.md beside it) wherever it says them; what
Seedbed makes of them (who is credited with what) is worked out here from the key by the
rules of the README's "Importing events", not by the importer's code.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "events"
KEY = json.loads((SAMPLES / "answer_key.json").read_text(encoding="utf-8"))
FILES = KEY["files"]
UTC = dt.timezone.utc
# the samples' reference date: some events before it, some after
REFERENCE = dt.datetime.fromisoformat(KEY["reference_date"]).replace(tzinfo=UTC)
CALENDARS = ("meetups.ics", "conference.ics", "feed-saved.ics")


def sample(name: str) -> Path:
    return SAMPLES / name


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def stamp(text: str) -> str:
    """2026-03-22T10:00:00Z as an event key writes it: 20260322T100000Z."""
    return utc(text).strftime("%Y%m%dT%H%M%SZ")


def event_key(occurrence: dict) -> str:
    rid = occurrence.get("recurrence_id_utc")
    return f"{occurrence['uid']}/{stamp(rid)}" if rid else occurrence["uid"]


def ends(occurrence: dict) -> dt.datetime:
    if occurrence.get("end_utc"):
        return utc(occurrence["end_utc"])
    return dt.datetime.fromisoformat(occurrence["end_date_exclusive"]).replace(tzinfo=UTC)


def starts(occurrence: dict) -> dt.datetime:
    if occurrence.get("start_utc"):
        return utc(occurrence["start_utc"])
    return dt.datetime.fromisoformat(occurrence["start_date"]).replace(hour=12, tzinfo=UTC)


def credited(name: str, now: dt.datetime) -> dict[str, tuple[str, tuple[str, str, str]]]:
    """What the key says a calendar's import credits by ``now``: activity key -> (activity
    kind, identity). Occurrences that ended and were not cancelled; the ORGANIZER and accepted
    CHAIRs organise; pretalx speakers give talks; accepted people who are not rooms, groups or
    non-participants, and not organisers, attend."""
    out = {}
    people = ("pretalx", "talks.seedconf.example/seedconf-2026") if name == "conference.ics" else None
    for o in FILES[name]["occurrences"]:
        if o["status"] == "CANCELLED" or ends(o) > now:
            continue
        key = event_key(o)
        came = [a for a in o["attendees"] if a["partstat"] == "ACCEPTED" and a["cutype"] in (None, "INDIVIDUAL")
                and a["role"] != "NON-PARTICIPANT"]
        organisers = [p["email"] for p in o["organisers"]] + [a["email"] for a in came if a["role"] == "CHAIR"]
        for email in organisers:
            out[f"{key}:organiser:{email}"] = ("event-organising", ("email", "", email))
        for speaker in o.get("speakers", []):
            out[f"{key}:speaker:name:{speaker}"] = ("talk", (*people, speaker))
        for a in came:
            if a["email"] not in organisers:
                out[f"{key}:attendee:{a['email']}"] = ("event-attendance", ("email", "", a["email"]))
    return out


def occurrences(name: str) -> dict[str, dict]:
    """The key's occurrences by event key."""
    return {event_key(o): o for o in FILES[name]["occurrences"]}


def calendar(*events: str, header: str = "", end: str = "END:VCALENDAR\r\n") -> bytes:
    """A calendar file holding these VEVENTs (their lines, CRLF-separated), built in a test."""
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return (f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n{header}{body}{end}").encode()
