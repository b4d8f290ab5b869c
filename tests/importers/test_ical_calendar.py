"""ical_calendar, pure: files that are no calendar, or are cut short, fail naming where; a
damaged event is left out and named by line and UID; what Seedbed does not read may be
damaged; and whatever the bytes, reading raises NotACalendar or gives a calendar (hypothesis)."""
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedbed.importers.ical_calendar import NotACalendar, Truncated, read
from seedbed.importers.ical_items import expand
from tests.importers.events_helpers import FILES, calendar, sample

LATER = dt.datetime(2027, 1, 1, tzinfo=dt.timezone.utc)


def load(name: str):
    return read(sample(name).read_bytes(), sample(name).stem)


@pytest.mark.parametrize("name, where", [
    ("invalid/not-ical.ics", "line 1 is '<!DOCTYPE html>', not BEGIN:VCALENDAR"),
    ("invalid/empty.ics", "an empty file (0 bytes)"),
    ("invalid/truncated.ics", "end of file at line 118 inside the VEVENT that begins at line 105: no END:VEVENT and "
                              "no END:VCALENDAR"),
])
def test_what_is_no_calendar_fails_saying_where(name, where):
    with pytest.raises(NotACalendar) as failed:
        load(name)
    assert where in str(failed.value)


def test_a_truncated_calendar_keeps_its_complete_events():
    with pytest.raises(Truncated) as failed:
        load("invalid/truncated.ics")
    rest = read(failed.value.rest, "truncated")
    assert {o.uid for o in expand(rest, LATER)[0]} == set(FILES["invalid/truncated.ics"]["complete_vevent_uids"])


def test_a_bad_date_leaves_out_its_event_and_says_where():
    key = FILES["invalid/bad-date.ics"]
    found = load("invalid/bad-date.ics")
    assert found.problems == [f"line {key['fails_at_line']}: VEVENT 2 (UID {key['bad_uid']}): DTSTART value "
                              "'13/06/2026 10:30' is not valid (Expected period format, got: 13/06/2026 10:30)"]
    assert [o.uid for o in expand(found, LATER)[0]] == [key["good_uid_before_it"]]


@pytest.mark.parametrize("event, problem", [
    ("UID:x\r\nSUMMARY:no start", "line 8: VEVENT 2 (UID x): no DTSTART"),
    ("UID:x\r\nDTSTART;TZID=Mars/Olympus:20260101T100000", "line 10: VEVENT 2 (UID x): DTSTART's time zone "
                                                          "'Mars/Olympus' is unknown"),
    ("UID:x\r\nDTSTART:20260101T100000Z\r\nRRULE:FREQ=SOMETIMES", "line 11: VEVENT 2 (UID x): RRULE value "
                                                                 "'FREQ=SOMETIMES' is not valid"),
    ("UID:x\r\nDTSTART:20260101T100000Z\r\nEXDATE:notadate", "line 11: VEVENT 2 (UID x): EXDATE value 'notadate'"),
    ("UID:x\r\nDTSTART:20260101T100000Z\r\nthis is no content line", "line 11: VEVENT 2 (UID x): not an iCalendar "
                                                                    "content line"),
])
def test_a_damaged_event_is_left_out_and_named_by_line_and_uid(event, problem):
    # lines 4-7 hold the fine event; the damaged one begins at line 8
    found = read(calendar("UID:fine\r\nDTSTART:20260101T100000Z", event), "x")
    assert len(found.problems) == 1 and found.problems[0].startswith(problem)
    assert [o.uid for o in expand(found, LATER)[0]] == ["fine"]


def test_damage_in_what_seedbed_does_not_read_is_no_matter():
    found = read(calendar("UID:a\r\nDTSTART:20260101T100000Z\r\nGEO:somewhere\r\nX-ODD:\x01"), "x")
    assert found.problems == [] and len(expand(found, LATER)[0]) == 1


@pytest.mark.parametrize("text, why", [
    (b"\xef\xbb\xbfBEGIN:VCALENDAR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "line 2: END:VEVENT where the VCALENDAR"),
    (b"BEGIN:VCALENDAR\r\nX-NAME:caf\xe9\r\nEND:VCALENDAR\r\n", "not UTF-8: byte 0xE9 at offset 27 (line 2)"),
    (b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\n", "line 3: 'BEGIN:VCALENDAR' after the calendar's"),
    (b"BEGIN:VCALENDAR\r\nnot a line\r\nEND:VCALENDAR\r\n", "line 2: 'not a line' is not an iCalendar content line"),
    (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", "end of file at line 2: no END:VCALENDAR"),
    (b"\n\n   \n", "an empty file (6 bytes of blank lines)"),
    (b"\xef\xbb\xbf", "an empty file (3 bytes of blank lines)"),
])
def test_structure_and_encoding_errors_name_their_line(text, why):
    with pytest.raises(NotACalendar) as failed:
        read(text, "x")
    assert why in str(failed.value)



@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_are_a_calendar_or_a_clear_error(data):
    try:
        found = read(data, "x")
    except NotACalendar:
        return
    assert found.vevents == len(found.cal.walk("VEVENT")) + len(found.problems)
