"""Kill `seedbed import ical|meetup FILE…` with a real SIGKILL at several points; running the same
command again must end with exactly the database an uninterrupted run makes.

One file is one transaction: a kill inside it leaves nothing of that file, and the files
committed before it stay. Each run is a `seedbed` subprocess on its own SQLite file, killed from
outside once the files wanted are committed and the next file's open transaction has written
enough of the WAL (resume_helpers, the approach of test_perceval_resume).
"""
from pathlib import Path

import pytest

from tests.importers.events_helpers import sample
from tests.importers.resume_helpers import GROWN, KILLS, check_killed_run, reference

EVENTS = 800  # per big calendar: each more than one batch of the item store
PEOPLE = 300
ROWS = 16_000  # attendee list rows: a third say yes, more than one batch of the item store


def _calendar(path: Path, first: int) -> Path:
    """Past events (2025), each with an organiser and eight attendees, one weekly series."""
    out = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//big//EN", f"X-WR-CALNAME:Big {first}"]
    for n in range(first, first + EVENTS):
        out += ["BEGIN:VEVENT", f"UID:big-{n}@example.org", "DTSTAMP:20260101T000000Z",
                f"DTSTART;TZID=Europe/Lisbon:2025{n % 12 + 1:02d}{n % 28 + 1:02d}T{n % 12 + 8:02d}0000",
                "DURATION:PT2H", f"SUMMARY:Encontro {n}", f"LOCATION:Horta {n % 7}",
                f"ORGANIZER;CN=Pessoa {n % PEOPLE}:mailto:p{n % PEOPLE}@example.org"]
        if n == first:
            out.append("RRULE:FREQ=WEEKLY;COUNT=40")
        for a in range(1, 9):
            who = (n * 7 + a) % PEOPLE
            state = "ACCEPTED" if a % 3 else "DECLINED"
            out.append(f"ATTENDEE;CN=Pessoa {who};PARTSTAT={state};ROLE=REQ-PARTICIPANT:mailto:p{who}@example.org")
        out.append("END:VEVENT")
    out.append("END:VCALENDAR")
    path.write_text("\r\n".join(out) + "\r\n", encoding="utf-8")
    return path


def _attendees(path: Path) -> Path:
    out = ["Name,User ID,Title,Event Host,RSVP,Guests,RSVPed on,Joined Group on,URL of Member Profile"]
    for n in range(ROWS):
        member = 400_000_000 + n
        out.append(f"Membro {n},user {member},,{'Yes' if n < 3 else 'No'},{('Yes', 'No', 'Waiting List')[n % 3]},"
                   f"{n % 2},\"May 2, 2025 9:05\",\"January 14, 2019\","
                   f"https://www.meetup.com/big-group/members/{member}/")
    path.write_text("\r\n".join(out) + "\r\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("events-resume")
    files = {"ical": [_calendar(folder / "big-1.ics", 0), sample("meetups.ics"), _calendar(folder / "big-2.ics", EVENTS)],
             "meetup": [_attendees(folder / "big-attendees-390000001-2025-05-31.csv"), sample("meetup-members.csv")]}
    made = {}
    for kind in files:
        (folder / kind).mkdir()
        made[kind] = reference(folder / kind, kind, files[kind])
    return files, made


def test_the_uninterrupted_runs_import_every_file(inputs):
    files, made = inputs
    for kind in ("ical", "meetup"):
        assert [s[:3] for s in made[kind][1]["sources"]] == sorted((kind, str(f.resolve()), "ok") for f in files[kind])
    big = [a for a in made["ical"][1]["activities"] if a[1].startswith("big-")]
    assert len({a[7] for a in big}) == 2 * (EVENTS - 1 + 40)  # every event; each file's weekly series: 40
    meetup = made["meetup"][1]["activities"]
    assert len([a for a in meetup if ":host:" in a[1]]) == 3 and len(meetup) == 3 + len(range(3, ROWS, 3))
    # the member list makes no one: its members are not in the attendee list
    assert len([i for i in made["meetup"][1]["identities"] if i[0] == "meetup"]) == 3 + len(range(3, ROWS, 3))


@pytest.mark.parametrize("kind, where, kill_after, grown", [
    *(("ical", *kill) for kill in KILLS),
    ("meetup", "mid-way through the attendee list's transaction", 0, GROWN),
])
def test_a_killed_import_finishes_on_the_next_run_exactly_as_an_uninterrupted_one(tmp_path, inputs, kind, where,
                                                                                   kill_after, grown):
    files, made = inputs
    template, expected = made[kind]
    check_killed_run(tmp_path, kind, files[kind], template, expected, kill_after, grown, where)
