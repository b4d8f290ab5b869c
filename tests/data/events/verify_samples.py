#!/usr/bin/env python3
"""Cross-check the samples against independent parsers (not part of the test suite).

Needs the third-party packages the stdlib generator avoids:

    python3 -m venv /tmp/icalvenv
    /tmp/icalvenv/bin/pip install icalendar recurring-ical-events
    /tmp/icalvenv/bin/python tests/data/events/verify_samples.py

Checks that:
  * every valid .ics parses with python-icalendar, and that the occurrences
    recurring-ical-events expands (EXDATE removed, RECURRENCE-ID overrides
    applied) match answer_key.json field by field;
  * conference.ics is byte-identical to what pretalx's own serialisation code
    path (python-icalendar: Calendar.add / add_missing_timezones / to_ical)
    produces for the same talks;
  * the invalid .ics files fail, and where (printed, compared with the key);
  * the CSVs read back with the csv module into exactly the answer-key rows.
Exits non-zero on the first mismatch.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from importlib.metadata import version
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

HERE = Path(__file__).resolve().parent
KEY = json.loads((HERE / "answer_key.json").read_text(encoding="utf-8"))["files"]
UTC = dt.timezone.utc
FAILS = 0


def check(cond, msg):
    global FAILS
    if not cond:
        FAILS += 1
        print("  MISMATCH:", msg)


def z(t):
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def occurrence_dict(ev):
    start, end = ev["DTSTART"].dt, ev["DTEND"].dt
    d = {
        "uid": str(ev["UID"]),
        "title": str(ev.get("SUMMARY", "")),
        "status": str(ev["STATUS"]) if "STATUS" in ev else None,
        "location": str(ev.get("LOCATION", "")),
        "description": str(ev.get("DESCRIPTION", "")),
        "url": str(ev["URL"]) if "URL" in ev else None,
        "categories": [str(c) for cats in as_list(ev.get("CATEGORIES")) for c in cats.cats],
        "organisers": [
            {"name": str(o.params.get("CN")), "email": str(o)[len("mailto:"):]}
            for o in as_list(ev.get("ORGANIZER"))
        ],
        "attendees": [
            {
                "name": str(a.params["CN"]) if "CN" in a.params else None,
                "email": str(a)[len("mailto:"):],
                "cutype": a.params.get("CUTYPE"),
                "role": a.params.get("ROLE"),
                "partstat": a.params.get("PARTSTAT"),
            }
            for a in as_list(ev.get("ATTENDEE"))
        ],
        "recurrence_id_utc": (
            None if "RECURRENCE-ID" not in ev
            else z(ev["RECURRENCE-ID"].dt) if isinstance(ev["RECURRENCE-ID"].dt, dt.datetime)
            else ev["RECURRENCE-ID"].dt.isoformat()
        ),
    }
    if isinstance(start, dt.datetime):
        d.update(all_day=False, start_utc=z(start), end_utc=z(end))
    else:
        d.update(all_day=True, start_date=start.isoformat(), end_date_exclusive=end.isoformat())
    return d


def split_pretalx_summary(summary):
    """pretalx writes SUMMARY as f"{title} - {speaker names joined by ', '}"."""
    title, _, names = summary.rpartition(" - ")
    return title, [n for n in names.split(", ") if n]


def check_ics(name, fields):
    k = KEY[name]
    raw = (HERE / name).read_bytes()
    cal = icalendar.Calendar.from_ical(raw)
    comps = cal.walk("VEVENT")
    eol = "CRLF" if b"\r\n" in raw else "LF"
    print(f"{name}: parsed, {len(comps)} VEVENTs, {eol} line endings")
    check(len(comps) == k["vevent_components"], "component count")
    for ev in comps:
        for prop in ("DTSTART", "DTEND"):
            ev[prop].dt  # raises if the value does not parse
    occ = recurring_ical_events.of(cal).between((2026, 1, 1), (2027, 1, 1))
    got = sorted((occurrence_dict(e) for e in occ),
                 key=lambda x: (x.get("start_utc") or x["start_date"] + "T00:00:00Z", x["uid"]))
    want = k["occurrences"]
    check(len(got) == len(want), f"occurrences {len(got)} != {len(want)}")
    for g, w in zip(got, want):
        if "summary_raw" in w:  # pretalx: title and speakers share SUMMARY
            check(g["title"] == w["summary_raw"], f"{w['uid']} SUMMARY {g['title']!r}")
            g["title"], g["speakers"] = split_pretalx_summary(g["title"])
            check(g["speakers"] == w["speakers"], f"{w['uid']} speakers {g['speakers']!r}")
        for f in fields:
            if f == "recurrence_id_utc" and w.get(f) is None:
                # recurring-ical-events 3.x stamps a RECURRENCE-ID (= DTSTART)
                # on every instance it yields, recurring or not; the key only
                # gives one for instances of a recurring event
                continue
            check(g.get(f) == w.get(f), f"{w['uid']} {w.get('start_utc')} {f}: "
                  f"{g.get(f)!r} != {w.get(f)!r}")
    print(f"  {len(got)} occurrences checked against the key")


def pretalx_conference_bytes():
    """Rebuild conference.ics the way pretalx does (schedule/domain/ical.py)."""
    tz = ZoneInfo("Europe/Lisbon")
    k = KEY["conference.ics"]
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", "-//pretalx//talks.seedconf.example//seedconf-2026")
    creation = dt.datetime(2026, 5, 30, 9, 12, 44, 318204, tzinfo=ZoneInfo("UTC"))
    for o in k["occurrences"]:
        ev = icalendar.Event()
        ev.add("summary", o["summary_raw"])
        ev.add("dtstamp", creation)
        ev.add("location", o["location"])
        ev.add("uid", o["uid"])
        s = dt.datetime.fromisoformat(o["start_utc"].replace("Z", "+00:00")).astimezone(tz)
        e = dt.datetime.fromisoformat(o["end_utc"].replace("Z", "+00:00")).astimezone(tz)
        ev.add("dtstart", s)
        ev.add("dtend", e)
        ev.add("description", o["description"])
        ev.add("url", o["url"])
        cal.add_component(ev)
    events = cal.events
    pad = dt.timedelta(days=365)
    cal.add_missing_timezones(
        first_date=(min(x.start for x in events) - pad).date(),
        last_date=(max(x.end for x in events) + pad).date(),
    )
    for t in cal.timezones:
        t.pop("comment", None)
    return cal.to_ical()


def check_invalid_ics():
    for name in ("invalid/truncated.ics", "invalid/not-ical.ics", "invalid/bad-date.ics",
                 "invalid/empty.ics"):
        raw = (HERE / name).read_bytes()
        try:
            cal = icalendar.Calendar.from_ical(raw)
        except Exception as e:  # noqa: BLE001
            print(f"{name}: from_ical raised {type(e).__name__}: {str(e)[:120]}")
            continue
        problems = []
        for ev in cal.walk("VEVENT"):
            if ev.errors:
                problems.append(f"{ev.get('UID')}: component errors {ev.errors}")
            try:
                ev["DTSTART"].dt
            except Exception as e:  # noqa: BLE001
                problems.append(f"{ev.get('UID')}: DTSTART .dt raised {type(e).__name__}: {e}")
        print(f"{name}: from_ical did NOT raise; {len(cal.walk('VEVENT'))} VEVENTs; "
              f"problems: {problems or 'none found'}")
        check(name != "invalid/bad-date.ics" or problems, "bad-date.ics should show a problem")


def check_csvs():
    k = KEY["meetup-attendees-2026-03-28.csv"]
    raw = (HERE / "meetup-attendees-2026-03-28.csv").read_bytes()
    check(raw.startswith(b"\xef\xbb\xbf"), "attendee CSV should start with a BOM")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    check(len(rows) == k["records_excluding_header"], "attendee record count")
    for r, w in zip(rows, k["rows"]):
        check(r["Name"] == w["name"], f"name {r['Name']!r}")
        check(r["User ID"].removeprefix("user ") == w["member_id"], f"id {r['User ID']!r}")
        check(r["RSVP"] == w["rsvp_raw"] and int(r["Guests"]) == w["guests"], f"rsvp {r}")
        check(r[k["header"][-1]] == w["answer"], f"answer {r}")
    print(f"meetup-attendees-2026-03-28.csv: {len(rows)} records match")

    k = KEY["meetup-members.csv"]
    rows = list(csv.DictReader(io.StringIO((HERE / "meetup-members.csv").read_text("utf-8"),
                                           newline="")))
    check(len(rows) == k["records_excluding_header"], "member record count")
    for r, w in zip(rows, k["rows"]):
        check((r["Name"], r["Member ID"], r["Role"]) == (w["name"], w["member_id"],
                                                          w["role_raw"]), f"member {r}")
        check((int(r["Events attended"]), int(r["No shows"])) ==
              (w["events_attended"], w["no_shows"]), f"counts {r}")
    print(f"meetup-members.csv: {len(rows)} records match")
    rows = list(csv.DictReader(io.StringIO((HERE / "meetup-members-legacy.xls")
                                           .read_text("utf-8"), newline=""), delimiter="\t"))
    check(len(rows) == k["records_excluding_header"], "legacy record count")
    check(list(rows[0].keys()) == KEY["meetup-members-legacy.xls"]["header"], "legacy header")
    print(f"meetup-members-legacy.xls: {len(rows)} records")

    try:
        (HERE / "invalid/meetup-bad-encoding.csv").read_bytes().decode("utf-8")
        check(False, "bad-encoding decoded as UTF-8")
    except UnicodeDecodeError as e:
        w = KEY["invalid/meetup-bad-encoding.csv"]
        check(e.start == w["first_invalid_byte_offset"], "bad byte offset")
        print(f"invalid/meetup-bad-encoding.csv: UnicodeDecodeError at byte {e.start} "
              f"({e.reason})")
    hdr = next(csv.reader(io.StringIO((HERE / "invalid/meetup-wrong-columns.csv")
                                      .read_text("utf-8"))))
    check(not {"Name", "User ID", "Member ID", "RSVP"} & set(hdr), "wrong-columns header")
    print(f"invalid/meetup-wrong-columns.csv: header {hdr}")


def main():
    print("python", sys.version.split()[0], "| icalendar", version("icalendar"),
          "| recurring-ical-events", version("recurring-ical-events"))
    common = ["uid", "title", "status", "location", "description", "url", "all_day",
              "start_utc", "end_utc", "organisers", "attendees", "categories",
              "recurrence_id_utc"]
    check_ics("meetups.ics", common + ["start_date", "end_date_exclusive"])
    check_ics("conference.ics", common)
    check_ics("feed-saved.ics", common)
    rebuilt = pretalx_conference_bytes()
    same = rebuilt == (HERE / "conference.ics").read_bytes()
    print("conference.ics byte-identical to a python-icalendar/pretalx rebuild:", same)
    check(same, "conference.ics differs from the pretalx rebuild")
    check_invalid_ics()
    check_csvs()
    print("FAILED" if FAILS else "all checks passed", f"({FAILS} mismatches)")
    sys.exit(1 if FAILS else 0)


if __name__ == "__main__":
    main()
