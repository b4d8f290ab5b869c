"""`seedbed import ical FILE…` on the samples of tests/data/events, checked against their answer
key: who each calendar credits with what, at the samples' reference date and later; re-runs,
changed files, upcoming events that count once they took place, identities shared with
other imports, and bad files (one line naming file and place, nothing written)."""
import datetime as dt
import shutil

import pytest

from seedbed.activity.models import Activity, Source
from seedbed.importers.ical import import_ical
from seedbed.importers.mbox import import_mbox
from seedbed.people.models import Identity
from tests.importers.events_helpers import (
    CALENDARS, FILES, REFERENCE, UTC, credited, ends, occurrences, sample, starts,
)
from tests.importers.perceval_helpers import cli, snapshot

pytestmark = pytest.mark.django_db

LATER = dt.datetime(2027, 1, 1, tzinfo=UTC)


def ical(path, now=REFERENCE, **options):
    return import_ical(str(path), now=now, **options)


def rows() -> dict[str, Activity]:
    return {a.key: a for a in Activity.objects.filter(platform="ical").select_related("identity")}


def who(a: Activity) -> tuple[str, str, str]:
    return a.identity.source_kind, a.identity.source_instance, a.identity.key


@pytest.mark.parametrize("name", CALENDARS)
@pytest.mark.parametrize("now", [REFERENCE, LATER], ids=["at the reference date", "when all is over"])
def test_each_calendar_credits_what_its_answer_key_says(name, now):
    result = ical(sample(name), now)
    got = rows()
    assert {k: (a.kind, who(a)) for k, a in got.items()} == credited(name, now)
    events = occurrences(name)
    for a in got.values():
        event = events[a.thread_key]
        assert (a.occurred_at, a.title) == (starts(event), event["title"])
        assert a.extra["location"] == event["location"] and a.url == (event["url"] or "")
    took = [o for o in FILES[name]["occurrences"] if o["status"] != "CANCELLED" and ends(o) <= now]
    upcoming = [o for o in FILES[name]["occurrences"] if o["status"] != "CANCELLED" and ends(o) > now]
    cancelled = [o for o in FILES[name]["occurrences"] if o["status"] == "CANCELLED"]
    assert {k: n for k, n in result.counts.items() if k != "lines"} == {k: n for k, n in {
        "events": FILES[name]["vevent_components"], "took place": len(took), "upcoming": len(upcoming),
        "cancelled": len(cancelled)}.items() if n}
    assert result.stored.created == len(got)


def test_channels_and_contribution_types():
    ical(sample("meetups.ics"), LATER)
    ical(sample("conference.ics"), LATER)
    got = rows().values()
    assert {(a.channel, a.kind, a.contribution_type) for a in got} == {
        ("Marigold Gardeners Lisboa — Encontros", "event-organising", "eventOrganizing"),
        ("Marigold Gardeners Lisboa — Encontros", "event-attendance", "ideas"),
        ("seedconf-2026", "talk", "talk")}


def test_running_again_changes_nothing(capsys):
    ical(sample("meetups.ics"))
    before = snapshot()
    again = ical(sample("meetups.ics"))
    assert again.unchanged and snapshot() == before
    code, out, _ = cli(capsys, "import", "ical", sample("conference.ics"))
    code, out, _ = cli(capsys, "import", "ical", sample("conference.ics"))
    assert code == 0 and "unchanged since it was imported" in out


def test_upcoming_events_count_once_they_have_taken_place(capsys):
    """The file is read again, unchanged, once the next upcoming event is over."""
    path = sample("meetups.ics")
    first = ical(path, REFERENCE)
    source = Source.objects.get(kind="ical")
    assert source.cursor["until"] == "2026-06-09T20:00:00+00:00"  # the monthly call of June 9 ends
    assert any("upcoming" in note for note in first.notes)
    assert ical(path, dt.datetime(2026, 6, 9, 19, 30, tzinfo=UTC)).unchanged
    after_call = dt.datetime(2026, 6, 10, tzinfo=UTC)
    second = ical(path, after_call)
    assert not second.unchanged
    assert second.stored.created == len(credited("meetups.ics", after_call)) - len(credited("meetups.ics", REFERENCE))
    assert second.stored.updated == 0
    assert set(rows()) == set(credited("meetups.ics", after_call))
    # `seedbed sync` runs on the clock, which is past every event of the sample
    code, out, err = cli(capsys, "sync")
    assert code == 0, err
    assert set(rows()) == set(credited("meetups.ics", max(LATER, dt.datetime.now(UTC))))
    assert "until" not in Source.objects.get(kind="ical").cursor
    assert ical(path, LATER).unchanged


def test_a_changed_calendar_imports_only_what_is_new_or_changed(tmp_path):
    path = tmp_path / "garden.ics"
    shutil.copyfile(sample("meetups.ics"), path)
    ical(path, LATER)
    before = {k: (a.imported_at, a.extra, a.title) for k, a in rows().items()}
    text = path.read_text(encoding="utf-8")
    swap = "5da8d8ad-d124-58ee-b2bd-815a5d673989"
    # Mariana now accepted the spring seed swap, and its LAST-MODIFIED says so
    assert text.count("PARTSTAT=TENTATIVE;ROLE=RE\n Q-PARTICIPANT") == 1
    text = text.replace("PARTSTAT=TENTATIVE;ROLE=RE\n Q-PARTICIPANT", "PARTSTAT=ACCEPTED;ROLE=RE\n Q-PARTICIPANT")
    text = text.replace("LAST-MODIFIED:20260321T093002Z", "LAST-MODIFIED:20260330T080000Z", 1)
    new = ("BEGIN:VEVENT\nUID:new-event@example.org\nDTSTAMP:20260601T000000Z\nDTSTART:20260520T170000Z\n"
           "DTEND:20260520T180000Z\nSUMMARY:Rega\nORGANIZER;CN=Zé:mailto:ze@example.org\n"
           "ATTENDEE;CN=Helena Duarte;PARTSTAT=ACCEPTED:mailto:helena.duarte@example.net\nEND:VEVENT\n")
    path.write_text(text.replace("END:VCALENDAR", new + "END:VCALENDAR"), encoding="utf-8")
    result = ical(path, LATER)
    got = rows()
    added = set(got) - set(before)
    assert added == {f"{swap}:attendee:mariana.goncalves@example.org", "new-event@example.org:organiser:ze@example.org",
                     "new-event@example.org:attendee:helena.duarte@example.net"}
    assert result.stored.created == 3
    changed = {k for k in before if got[k].extra != before[k][1]}
    assert changed == {k for k in before if got[k].thread_key == swap}  # what the newer LAST-MODIFIED tells
    assert result.stored.updated == len(changed)
    assert all(got[k].imported_at == before[k][0] and got[k].title == before[k][2] for k in before)


def test_the_same_address_is_one_identity_across_calendars_and_lists(tmp_path):
    archive = tmp_path / "garden-list.mbox"
    archive.write_bytes(b"From ines@example.org Sat Mar  7 10:00:00 2026\n"
                        b"From: Ines Carvalho <Ines.Carvalho@example.org>\nTo: garden@lists.example.org\n"
                        b"Subject: Seeds\nDate: Sat, 07 Mar 2026 10:00:00 +0000\nMessage-ID: <1@example.org>\n"
                        b"Content-Type: text/plain; charset=utf-8\n\nHello.\n")
    import_mbox(str(archive))
    other = tmp_path / "copy.ics"
    other.write_bytes(sample("meetups.ics").read_bytes().replace(b"X-WR-CALNAME:", b"X-WR-CALNAME:Copy of "))
    ical(sample("meetups.ics"), LATER)
    assert ical(other, LATER).stored.created == 0  # the same events: the same activities
    ines = Identity.objects.filter(email_key="ines.carvalho@example.org")
    assert sorted(ines.values_list("source_kind", "key")) == [("email", "ines.carvalho@example.org"),
                                                              ("mbox", "ines.carvalho@example.org")]
    assert ines.values("person").distinct().count() == 1
    assert len(rows()) == len(credited("meetups.ics", LATER))


def test_speakers_known_only_by_name_join_their_person_by_name():
    ical(sample("meetups.ics"), LATER)
    result = ical(sample("conference.ics"), LATER)
    assert result.stored.resolved.merged >= 1
    speaker = Identity.objects.get(source_kind="pretalx", key="Inês Carvalho")
    assert speaker.person_id == Identity.objects.get(source_kind="email", key="ines.carvalho@example.org").person_id
    alone = Identity.objects.get(source_kind="pretalx", key="Amara Okafor")
    assert Identity.objects.filter(person_id=alone.person_id).count() == 1


# ---- bad files -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name, where", [
    ("invalid/truncated.ics", "end of file at line 118 inside the VEVENT that begins at line 105"),
    ("invalid/not-ical.ics", "line 1 is '<!DOCTYPE html>'"),
    ("invalid/bad-date.ics", "line 35: VEVENT 2 (UID 807c7c7a-25a0-5e7b-8468-497b5474c368): DTSTART value "
                             "'13/06/2026 10:30'"),
    ("invalid/empty.ics", "an empty file (0 bytes)"),
])
def test_a_bad_calendar_fails_in_one_line_naming_file_and_place_with_nothing_written(capsys, name, where):
    ical(sample("meetups.ics"))  # what was there before stays as it was
    before = snapshot()
    code, out, err = cli(capsys, "import", "ical", sample(name))
    assert code != 0
    assert err.count("\n") == 1 and str(sample(name)) in err and where in err, err
    assert snapshot() == before
    assert not Source.objects.filter(location=str(sample(name).resolve())).exists()


def test_skip_bad_imports_the_rest_and_reports_what_it_left_out(capsys):
    code, out, err = cli(capsys, "import", "ical", sample("invalid/truncated.ics"), sample("invalid/bad-date.ics"),
                         "--skip-bad")
    assert code == 0, err
    assert "skipped" in err and "end of file at line 118" in err and "line 35: VEVENT 2" in err
    complete = set(FILES["invalid/truncated.ics"]["complete_vevent_uids"])
    assert {a.extra["uid"] for a in rows().values()} == complete
    assert Source.objects.get(location=str(sample("invalid/bad-date.ics").resolve())).cursor["counts"]["events"] == 2


def test_a_damaged_value_anywhere_is_a_bad_part_never_a_traceback(tmp_path, capsys):
    path = tmp_path / "odd.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n"
                     b"DTSTART:20260101T100000Z\r\nRRULE:FREQ=MINUTELY\r\nORGANIZER:mailto:a@example.org\r\n"
                     b"END:VEVENT\r\nEND:VCALENDAR\r\n")
    code, out, err = cli(capsys, "import", "ical", path)
    assert code != 0 and err.count("\n") == 1 and "line 4: VEVENT (UID a): its RRULE would make up to" in err
    assert not Activity.objects.exists()


# ---- privacy -------------------------------------------------------------------------------------


def test_private_events_and_calendars_that_are_no_ones_credit_no_one(tmp_path):
    """CLASS:PRIVATE/CONFIDENTIAL events are left out whole (not their description, not their
    place); an ORGANIZER that is a room, a group or a shared calendar's address is no organiser."""
    from tests.importers.events_helpers import calendar

    common = "DTSTAMP:20260101T000000Z\r\nDTSTART:20260110T100000Z\r\nDTEND:20260110T110000Z\r\n"
    path = tmp_path / "mixed.ics"
    path.write_bytes(calendar(
        f"UID:secret\r\n{common}CLASS:PRIVATE\r\nSUMMARY:Doctor\r\nDESCRIPTION:diagnosis\r\nLOCATION:Clinic\r\n"
        "ORGANIZER;CN=Ana:mailto:ana@example.org\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:bo@example.org",
        f"UID:hush\r\n{common}CLASS:CONFIDENTIAL\r\nSUMMARY:Board\r\nORGANIZER:mailto:ana@example.org",
        f"UID:rooms\r\n{common}CLASS:PUBLIC\r\nSUMMARY:Planting\r\n"
        "ORGANIZER;CN=Garden:mailto:abc123@group.calendar.google.com\r\n"
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:c_188@resource.calendar.google.com\r\n"
        "ATTENDEE;PARTSTAT=ACCEPTED;ROLE=CHAIR:mailto:team@group.calendar.google.com\r\n"
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:cai@example.org",
        f"UID:group-organiser\r\n{common}SUMMARY:Sowing\r\nORGANIZER;CUTYPE=GROUP:mailto:growers@example.org\r\n"
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:dee@example.org",
        f"UID:room-organiser\r\n{common}SUMMARY:Weeding\r\nORGANIZER;CUTYPE=ROOM:mailto:shed@example.org"))
    result = ical(path, LATER)
    assert set(rows()) == {"rooms:attendee:cai@example.org", "group-organiser:attendee:dee@example.org"}
    assert result.counts["private events not imported"] == 2 and result.counts["took place"] == 3
    assert not Identity.objects.filter(email_key__in=["ana@example.org", "bo@example.org", "growers@example.org",
                                                      "shed@example.org"]).exists()
    assert not Identity.objects.filter(key__contains="calendar.google.com").exists()
    assert not Activity.objects.filter(body__contains="diagnosis").exists()


def test_a_file_imported_with_skip_bad_syncs_with_it_once_its_next_event_is_over(tmp_path, capsys):
    """`seedbed sync` reads the file again as it was imported: --skip-bad included."""
    from tests.importers.events_helpers import calendar

    path = tmp_path / "damaged.ics"
    path.write_bytes(calendar(
        "UID:past\r\nDTSTAMP:20200101T000000Z\r\nDTSTART:20200110T100000Z\r\nDTEND:20200110T110000Z\r\n"
        "SUMMARY:Past\r\nORGANIZER:mailto:ana@example.org",
        "UID:next\r\nDTSTAMP:20200101T000000Z\r\nDTSTART:20200610T100000Z\r\nDTEND:20200610T110000Z\r\n"
        "SUMMARY:Next\r\nORGANIZER:mailto:bo@example.org",
        "UID:broken\r\nDTSTAMP:20200101T000000Z\r\nDTSTART:13/06/2020 10:30\r\nSUMMARY:Broken"))
    first = ical(path, dt.datetime(2020, 3, 1, tzinfo=UTC), skip_bad=True)  # the clock, then
    assert first.skipped and Source.objects.get(kind="ical").cursor["until"] == "2020-06-10T11:00:00+00:00"
    code, out, err = cli(capsys, "sync")  # the clock now: long past that
    source = Source.objects.get(kind="ical")
    assert code == 0 and (source.status, source.error) == ("ok", ""), (out, err)
    assert set(rows()) == {"past:organiser:ana@example.org", "next:organiser:bo@example.org"}


def test_a_calendar_changed_past_its_first_64_kib_at_the_same_size_is_read_again(tmp_path):
    from tests.importers.events_helpers import calendar

    events = [f"UID:pad-{n}\r\nDTSTAMP:20200101T000000Z\r\nDTSTART:20200110T100000Z\r\nDTEND:20200110T110000Z\r\n"
              f"SUMMARY:Padding {n}\r\nDESCRIPTION:{'x' * 200}" for n in range(400)]
    last = ("UID:last\r\nDTSTAMP:20200101T000000Z\r\nDTSTART:20200110T100000Z\r\nDTEND:20200110T110000Z\r\n"
            "SUMMARY:Last\r\nORGANIZER:mailto:aa@example.org")
    path = tmp_path / "big.ics"
    path.write_bytes(calendar(*events, last))
    assert path.stat().st_size > 2 * 65536
    ical(path, LATER)
    assert "last:organiser:aa@example.org" in rows()
    size = path.stat().st_size
    path.write_bytes(path.read_bytes().replace(b"mailto:aa@example.org", b"mailto:bb@example.org"))
    assert path.stat().st_size == size
    again = ical(path, LATER)
    assert not again.unchanged and "last:organiser:bb@example.org" in rows()
    assert ical(path, LATER).unchanged
