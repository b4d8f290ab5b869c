"""meetup_csv_items, pure: Meetup's attendee and member lists against the answer key, the
event an attendee list is about, activities keyed as Perceval's Meetup items key them, bad
files and rows found where they break, and anything at all (hypothesis): whatever the bytes,
reading raises NotAMeetupList or gives rows and listed problems."""
import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedbed.importers import meetup_items
from seedbed.importers.meetup_csv_items import Event, NotAMeetupList, date_of, event_of, items, read
from tests.importers.events_helpers import FILES, sample

ATTENDEES = "meetup-attendees-2026-03-28.csv"
HEADER = "Name,User ID,Title,Event Host,RSVP,Guests,RSVPed on,Joined Group on,URL of Member Profile"
PROFILE = "https://www.meetup.com/marigold-gardeners-lisboa/members/{}/"


def load(name: str):
    return read(sample(name).read_bytes())


def test_the_attendee_list_is_the_answer_keys():
    sheet = load(ATTENDEES)
    assert (sheet.kind, sheet.delimiter, sheet.problems) == ("attendees", ",", [])
    key = FILES[ATTENDEES]
    assert sheet.header == key["header"]
    assert [(r.record, r.line, r.name, r.member_id, r.rsvp, r.host, r.guests, r.title) for r in sheet.rows] == [
        (w["record"], w["starts_at_line"], w["name"], w["member_id"], w["rsvp"], w["event_host"], w["guests"],
         w["title"]) for w in key["rows"]]
    assert sheet.group() == "marigold-gardeners-lisboa"


@pytest.mark.parametrize("name, delimiter", [("meetup-members.csv", ","), ("meetup-members-legacy.xls", "\t")])
def test_both_member_lists_are_the_answer_keys(name, delimiter):
    sheet = load(name)
    assert (sheet.kind, sheet.delimiter, sheet.problems) == ("members", delimiter, [])
    assert sheet.header == FILES[name]["header"]
    legacy = name.endswith(".xls")
    assert [(r.record, r.name, r.member_id, r.joined.isoformat(), r.last_attended and r.last_attended.isoformat(),
             r.events_attended, r.no_shows, r.role) for r in sheet.rows] == [
        (w["record"], w["name"], w["member_id"], w["joined_group_on"], w["last_attended"], w["events_attended"],
         w["no_shows"], ("ASSISTANT ORGANIZER" if w["legacy"]["assistant_organizer"] else "") if legacy else w["role_raw"])
        for w in FILES["meetup-members.csv"]["rows"]]


def test_the_event_comes_from_the_files_name():
    sheet = load(ATTENDEES)
    event = event_of(ATTENDEES, sheet)
    assert (event.date, event.number, event.key, event.url) == (
        dt.date(2026, 3, 28), "", "event:marigold-gardeners-lisboa:2026-03-28", "")
    numbered = event_of("meetup-attendees-311978245-2026-03-28.csv", sheet)
    assert (numbered.key, numbered.url) == (
        "event:311978245", "https://www.meetup.com/marigold-gardeners-lisboa/events/311978245/")
    assert event_of("2026-03-28 Seed swap 311978245.csv", sheet).number == "311978245"
    assert event_of("Seed swap.csv", sheet) is None and event_of("swap-2026-02-31.csv", sheet) is None
    # over when the day is over in the last time zone (UTC-12): an evening event in the Americas has ended
    assert event.over == dt.datetime(2026, 3, 29, 12, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("name, number", [
    ("export-20260328-2026-03-28.csv", ""),
    ("attendees 202603281900 2026-03-28.csv", ""),
    ("20260328-311978245-2026-03-28.csv", "311978245"),
    ("swap-2026-03-28-20260401120000-311978245.csv", "311978245"),
    ("group-123456-2026-03-28.csv", "123456"),
    ("swap-99999999-2026-03-28.csv", "99999999"),  # 8 digits, but no date
])
def test_a_compact_date_in_the_files_name_is_no_event_number(name, number):
    assert event_of(name, load(ATTENDEES)).number == number


def test_hosts_organise_and_the_others_who_said_yes_attend():
    sheet = load(ATTENDEES)
    rows = FILES[ATTENDEES]["rows"]
    made = {i.key: i for i in items(sheet, event_of("x-311978245-2026-03-28.csv", sheet))}
    hosts = [r["member_id"] for r in rows if r["event_host"]]
    came = [r["member_id"] for r in rows if r["rsvp"] == "yes" and not r["event_host"]]
    assert set(made) == {f"event:311978245:host:{m}" for m in hosts} | {f"event:311978245:attendee:{m}" for m in came}
    host = made[f"event:311978245:host:{hosts[0]}"]
    assert (host.kind, host.contribution_type, host.size) == (
        "event-organising", "eventOrganizing", FILES[ATTENDEES]["headcount_yes_plus_guests"])
    one = made[f"event:311978245:attendee:{came[0]}"]
    assert (one.kind, one.contribution_type, one.platform, one.thread_key, one.channel) == (
        "event-attendance", "ideas", "meetup", "event:311978245", "marigold-gardeners-lisboa")
    assert one.occurred_at == dt.datetime(2026, 3, 28, 12, tzinfo=dt.timezone.utc)
    assert (one.author.source_kind, one.author.instance, one.author.key, one.author.external_id) == (
        "meetup", "", came[0], came[0])


def test_the_same_event_from_perceval_makes_the_same_activities():
    """Perceval's Meetup item for the event, built from the same rows: the same keys, kinds,
    types and identities."""
    sheet = load(ATTENDEES)
    rows = FILES[ATTENDEES]["rows"]
    rsvp = {"yes": "yes", "no": "no", "waitlist": "waitlist"}
    perceval = {"id": "311978245", "time": 1774693800000, "status": "past", "name": "Troca de Sementes de Primavera",
                "group": {"name": "Marigold Gardeners Lisboa", "urlname": "marigold-gardeners-lisboa"},
                "event_hosts": [{"id": int(r["member_id"]), "name": r["name"]} for r in rows if r["event_host"]],
                "rsvps": [{"response": rsvp[r["rsvp"]], "guests": r["guests"],
                           "member": {"id": int(r["member_id"]), "name": r["name"],
                                      "event_context": {"host": r["event_host"]}}} for r in rows]}
    theirs = {i.key: (i.kind, i.contribution_type, i.author) for i in meetup_items.event(perceval, None)}
    ours = {i.key: (i.kind, i.contribution_type, i.author) for i in items(sheet, event_of("311978245-2026-03-28", sheet))}
    assert ours == theirs


def test_dates_as_meetup_writes_them():
    assert date_of("01/14/2019") == date_of("January 14, 2019") == date_of(" Jan 14,  2019 ") == dt.date(2019, 1, 14)
    assert date_of("") is None and date_of("14/01/2019") is None


# ---- bad files and rows ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["invalid/meetup-bad-encoding.csv", "invalid/meetup-wrong-columns.csv"])
def test_what_is_no_meetup_list_fails_saying_where(name):
    with pytest.raises(NotAMeetupList) as failed:
        load(name)
    key = FILES[name]
    if "first_invalid_byte_offset" in key:
        assert (f"byte {key['first_invalid_byte']} at offset {key['first_invalid_byte_offset']} "
                f"(line {key['fails_at_line']})") in str(failed.value)
    else:
        assert str(failed.value).startswith(f"line {key['fails_at_line']}: the header ")


@pytest.mark.parametrize("data, why", [
    (b"", "an empty file (0 bytes)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "an Excel workbook, not text"),
    (b"PK\x03\x04rest", "an Excel workbook, not text"),
    (b"Name,Location\nAna,Lisboa\n", "line 1: the header lacks Member ID"),
    (b"Name,RSVP\nAna,Yes\n", "line 1: the header lacks User ID"),
    (b"Name\x00,User ID\n", "not text"),
])
def test_other_files_that_are_not_meetup_lists(data, why):
    with pytest.raises(NotAMeetupList) as failed:
        read(data)
    assert why in str(failed.value)


def test_any_delimiter_and_encoding_meetup_lists_come_in():
    rows = [HEADER, f"Ana,user 1001,,Yes,Yes,0,\"March 2, 2026 9:05\",\"May 1, 2020\",{PROFILE.format(1001)}"]
    for delimiter in (",", ";", "\t"):
        text = "\r\n".join(r.replace(",", delimiter) if delimiter != "," else r for r in rows)
        if delimiter != ",":  # the quoted dates hold the delimiter's comma: keep it quoted as a whole
            text = "\r\n".join([HEADER.replace(",", delimiter), delimiter.join(
                ["Ana", "user 1001", "", "Yes", "Yes", "0", "March 2, 2026 9:05", "May 1, 2020", PROFILE.format(1001)])])
        for encoded in (text.encode(), b"\xef\xbb\xbf" + text.encode(), text.encode("utf-16")):
            sheet = read(encoded)
            assert (sheet.delimiter, [r.member_id for r in sheet.rows], sheet.problems) == (delimiter, ["1001"], [])


@pytest.mark.parametrize("row, problem", [
    ("Ana,user 1001,,No,Perhaps,0,,,", "record 3 (line 3): RSVP 'Perhaps' is none of Yes, No, Waiting List"),
    ("Ana,anna_k,,No,Yes,0,,,", "record 3 (line 3): no Meetup member number (User ID 'anna_k', Member ID '')"),
    ("Ana,user 1001,,No,Yes,two,,,", "record 3 (line 3): Guests 'two' is not a number"),
])
def test_a_bad_row_is_left_out_and_named_by_record_and_line(row, problem):
    good = f"Bo,user 1002,,No,Yes,0,,,{PROFILE.format(1002)}"
    sheet = read("\n".join([HEADER, good, row, good.replace("1002", "1003")]).encode())
    assert sheet.problems == [problem]
    assert [r.member_id for r in sheet.rows] == ["1002", "1003"]


def test_a_chosen_user_id_falls_back_on_the_profiles_number():
    sheet = read(f"{HEADER}\nAna,anna_k,,No,Yes,0,,,{PROFILE.format(1001)}\n".encode())
    assert [r.member_id for r in sheet.rows] == ["1001"]


def test_a_member_without_a_join_date_is_a_bad_row():
    sheet = read(b"Name,Member ID,Joined Group on,Last Attended\nAna,1,01/14/2019,\nBo,2,,\nCy,3,01/14/2019,soon\n")
    assert [r.member_id for r in sheet.rows] == ["1"]
    assert sheet.problems == ["record 3 (line 3): Joined Group on '' is not a date",
                              "record 4 (line 4): Last Attended 'soon' is not a date"]


# ---- anything at all ---------------------------------------------------------------------------


def _survives(data: bytes) -> None:
    try:
        sheet = read(data)
    except NotAMeetupList:
        return
    if sheet.kind == "attendees":
        for item in items(sheet, Event(dt.date(2026, 3, 28), "311978245", sheet.group())):
            assert item.key.startswith("event:311978245:") and item.author.key.isdigit()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_are_a_list_or_a_clear_error(data):
    _survives(data)


CELLS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([HEADER, "Name,Title,Member ID,Joined Group on,Last Attended,Role",
                        json.dumps(FILES["meetup-members-legacy.xls"]["header"])[1:-1].replace('", "', "\t")
                        .strip('"')]),
       st.lists(st.lists(CELLS, max_size=12), max_size=6))
def test_any_cells_under_a_meetup_header_are_rows_or_problems(header, rows):
    delimiter = "\t" if "\t" in header else ","
    body = "\n".join(delimiter.join('"' + c.replace('"', '""') + '"' for c in row) for row in rows)
    _survives((header + "\n" + body).encode("utf-8"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2000), st.binary(max_size=8))
def test_damaged_samples_are_rows_problems_or_a_clear_error(at, junk):
    data = sample(ATTENDEES).read_bytes()
    at = at % len(data)
    _survives(data[:at] + junk + data[at + len(junk):])
    _survives(data[:at])
