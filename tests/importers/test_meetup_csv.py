"""`seedbed import meetup FILE…` on the Meetup downloads of tests/data/events: an attendee
list's hosts and attendees (the same activities and identities as Perceval's Meetup route),
member lists as identities, an event that has not taken place yet, re-runs, and bad files."""
import csv
import datetime as dt
import io
import json
import shutil

import pytest

from seedbed.activity.models import Activity, Source
from seedbed.importers.meetup_csv import import_meetup
from seedbed.people.models import Identity
from tests.importers.events_helpers import FILES, REFERENCE, UTC, sample
from tests.importers.perceval_helpers import cli, lines, snapshot

pytestmark = pytest.mark.django_db

ATTENDEES = "meetup-attendees-2026-03-28.csv"
ROWS = FILES[ATTENDEES]["rows"]
NOON = dt.time(12, tzinfo=UTC)


def meetup(path, now=REFERENCE, **options):
    return import_meetup(str(path), now=now, **options)


def expected(event: str) -> dict[str, str]:
    hosts = {r["member_id"] for r in ROWS if r["event_host"]}
    out = {f"{event}:host:{m}": "event-organising" for m in hosts}
    out.update({f"{event}:attendee:{r['member_id']}": "event-attendance" for r in ROWS
                if r["rsvp"] == "yes" and r["member_id"] not in hosts})
    return out


def got() -> dict[str, Activity]:
    return {a.key: a for a in Activity.objects.filter(platform="meetup").select_related("identity")}


def test_an_attendee_list_credits_its_hosts_and_the_others_who_said_yes():
    result = meetup(sample(ATTENDEES))
    event = "event:marigold-gardeners-lisboa:2026-03-28"
    assert {k: a.kind for k, a in got().items()} == expected(event)
    assert {(a.identity.source_kind, a.identity.source_instance, a.identity.key, a.identity.name) for a in got().values()} \
        == {("meetup", "", r["member_id"], r["name"]) for r in ROWS if r["rsvp"] == "yes" or r["event_host"]}
    assert {(a.thread_key, a.channel, a.occurred_at) for a in got().values()} == {
        (event, "marigold-gardeners-lisboa", dt.datetime(2026, 3, 28, 12, tzinfo=UTC))}
    assert {k: n for k, n in result.counts.items() if k != "lines"} == {
        "hosts": 2, "said yes": 9, "on the waiting list": 2, "said no": 3}
    assert result.counts["lines"] == FILES[ATTENDEES]["physical_lines"]
    assert any("no Meetup event number" in note for note in result.notes)


@pytest.mark.parametrize("csv_first", [True, False], ids=["attendee list first", "Perceval first"])
def test_the_attendee_list_and_perceval_make_one_activity_of_each_answer(tmp_path, capsys, csv_first):
    """Named with the event's number, the attendee list is the event Perceval brings."""
    named = tmp_path / "meetup-attendees-311978245-2026-03-28.csv"
    shutil.copyfile(sample(ATTENDEES), named)
    envelope = lines("meetup.jsonl")[0]
    envelope["data"] = {
        "id": "311978245", "time": 1774693800000, "status": "past", "name": "Troca de Sementes de Primavera",
        "link": "https://www.meetup.com/marigold-gardeners-lisboa/events/311978245/", "comments": [],
        "group": {"name": "Marigold Gardeners Lisboa", "urlname": "marigold-gardeners-lisboa"},
        "event_hosts": [{"id": int(r["member_id"]), "name": r["name"]} for r in ROWS if r["event_host"]],
        "rsvps": [{"response": r["rsvp"], "guests": r["guests"], "member": {
            "id": int(r["member_id"]), "name": r["name"], "event_context": {"host": r["event_host"]}}} for r in ROWS]}
    perceval = tmp_path / "meetup.jsonl"
    perceval.write_text(json.dumps(envelope) + "\n", encoding="utf-8")
    runs = [lambda: meetup(named), lambda: cli(capsys, "import", "perceval", perceval)]
    for run in runs if csv_first else runs[::-1]:
        run()
    assert {k: a.kind for k, a in got().items()} == expected("event:311978245")
    assert Identity.objects.filter(source_kind="meetup").count() == len(
        {r["member_id"] for r in ROWS if r["rsvp"] == "yes" or r["event_host"]})
    # Perceval knows the event's name and when it saw it: its title wins whichever came first
    assert {a.title for a in got().values() if a.kind == "event-attendance"} == {
        "Attended Troca de Sementes de Primavera"}


def test_member_lists_make_no_one_and_tell_more_of_the_members_already_known():
    """A member list names everyone who joined, also those who never came: it creates no
    identity, and only widens the seen times (and fills a blank name) of those already known."""
    alone = meetup(sample("meetup-members.csv"))
    assert (alone.counts["members"], alone.stored.created, alone.stored.identities_created) == (16, 0, 0)
    assert not Identity.objects.exists()
    assert any("16 members not known" in note for note in alone.notes)
    meetup(sample(ATTENDEES))
    came = {i.key: i for i in Identity.objects.filter(source_kind="meetup")}
    Identity.objects.filter(key=sorted(came)[0]).update(name="")
    result = meetup(sample("meetup-members-legacy.xls"))
    assert result.stored.identities_created == 0
    members = {i.key: i for i in Identity.objects.filter(source_kind="meetup")}
    assert set(members) == set(came)
    rows = {row["member_id"]: row for row in FILES["meetup-members.csv"]["rows"]}
    assert result.counts["members already known"] == len(set(rows) & set(came))
    event = dt.datetime(2026, 3, 28, 12, tzinfo=UTC)
    for key, one in members.items():
        row = rows.get(key)
        if row is None:
            assert (one.first_seen, one.last_seen) == (event, event)
            continue
        joined = dt.datetime.combine(dt.date.fromisoformat(row["joined_group_on"]), NOON)
        last = dt.datetime.combine(dt.date.fromisoformat(row["last_attended"]), NOON) if row["last_attended"] else joined
        assert (one.name, one.first_seen, one.last_seen) == (row["name"], min(joined, event), max(last, event))


def test_an_event_still_to_come_is_imported_once_it_has_taken_place():
    before = dt.datetime(2026, 3, 20, tzinfo=UTC)
    result = meetup(sample(ATTENDEES), before)
    assert result.stored.created == 0 and any("has not taken place yet" in n for n in result.notes)
    # the file says no time: the event is over once its day is over everywhere (UTC-12)
    assert Source.objects.get(kind="meetup").cursor["until"] == "2026-03-29T12:00:00+00:00"
    assert meetup(sample(ATTENDEES), dt.datetime(2026, 3, 29, 3, tzinfo=UTC)).unchanged  # 20:00 in Los Angeles
    assert meetup(sample(ATTENDEES), dt.datetime(2026, 3, 29, 12, tzinfo=UTC)).stored.created == 9
    assert meetup(sample(ATTENDEES), dt.datetime(2026, 4, 1, tzinfo=UTC)).unchanged


def test_running_again_changes_nothing(capsys):
    meetup(sample(ATTENDEES))
    before = snapshot()
    assert meetup(sample(ATTENDEES)).unchanged and snapshot() == before
    code, out, _ = cli(capsys, "import", "meetup", sample(ATTENDEES))
    assert code == 0 and "unchanged since it was imported (16 lines)" in out


# ---- bad files -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name, where", [
    ("invalid/meetup-bad-encoding.csv", "not UTF-8: byte 0xEA at offset 93 (line 2)"),
    ("invalid/meetup-wrong-columns.csv", "line 1: the header 'Variedade,"),
    ("conference.ics", "line 1: the header 'BEGIN:VCALENDAR' names none of the columns"),
])
def test_a_bad_download_fails_in_one_line_naming_file_and_place_with_nothing_written(capsys, name, where):
    meetup(sample("meetup-members.csv"))
    before = snapshot()
    code, out, err = cli(capsys, "import", "meetup", sample(name))
    assert code != 0
    assert err.count("\n") == 1 and str(sample(name)) in err and where in err, err
    assert snapshot() == before


def test_an_attendee_list_whose_name_has_no_date_fails(tmp_path, capsys):
    path = tmp_path / "attendees.csv"
    shutil.copyfile(sample(ATTENDEES), path)
    code, out, err = cli(capsys, "import", "meetup", path)
    assert code != 0 and err.count("\n") == 1 and "does not say when its event was" in err
    assert not Activity.objects.exists()


def test_a_bad_row_stops_the_import_unless_skip_bad_leaves_it_out(tmp_path, capsys):
    path = tmp_path / "swap-2026-03-28.csv"
    path.write_bytes(sample(ATTENDEES).read_bytes().replace(b"No,Waiting List,0,\"March 25", b"No,Perhaps,0,\"March 25"))
    code, out, err = cli(capsys, "import", "meetup", path)
    assert code != 0 and err.count("\n") == 1 and "record 11 (line 12): RSVP 'Perhaps'" in err
    assert not Activity.objects.exists()
    code, out, err = cli(capsys, "import", "meetup", path, "--skip-bad")
    assert code == 0 and "skipped" in err and "record 11 (line 12)" in err
    assert len(got()) == 9 and "1 skipped" in out


def test_an_attendee_list_that_names_neither_event_number_nor_group_is_refused(tmp_path, capsys):
    """Without profile addresses the group is unknown: two groups' lists of one day would be one event."""
    rows = list(csv.reader(io.StringIO(sample(ATTENDEES).read_text(encoding="utf-8-sig"), newline="")))
    out = io.StringIO()
    csv.writer(out).writerows(row[:8] for row in rows)  # up to Joined Group on
    bare = out.getvalue()
    assert "URL of Member Profile" not in bare and "meetup.com" not in bare
    path = tmp_path / "swap-2026-03-28.csv"
    path.write_text(bare, encoding="utf-8")
    code, out, err = cli(capsys, "import", "meetup", path)
    assert code != 0 and err.count("\n") == 1 and "does not say which event it is" in err, err
    assert not Activity.objects.exists() and not Source.objects.exists()
    numbered = tmp_path / "swap-311978245-2026-03-28.csv"
    numbered.write_text(bare, encoding="utf-8")
    code, out, err = cli(capsys, "import", "meetup", numbered)
    assert code == 0, err
    assert {a.thread_key for a in got().values()} == {"event:311978245"}
