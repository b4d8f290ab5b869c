"""ical_items, pure: the calendar samples against their answer key (occurrences with their
recurrences, exceptions and time zones; people; pretalx speakers), what becomes an activity,
and anything at all (hypothesis): whatever the bytes or the damage to a sample, reading
raises NotACalendar or gives a calendar whose bad parts are listed, and the rest becomes
activities without a crash. Where damage is found: test_ical_calendar."""
import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedbed.importers import ical_items
from seedbed.importers.ical_items import NotACalendar, Truncated, expand, items, read, speakers_of, took_place
from tests.importers.events_helpers import CALENDARS, FILES, REFERENCE, calendar, credited, event_key, sample, utc

UTC = dt.timezone.utc
LATER = dt.datetime(2027, 1, 1, tzinfo=UTC)


def load(name: str) -> ical_items.Calendar:
    return read(sample(name).read_bytes(), sample(name).stem)


def as_key(o: ical_items.Occurrence) -> dict:
    """An occurrence in the answer key's words."""
    out = dict(uid=o.uid, title=o.title, status=o.status, location=o.location, url=o.url or None,
               categories=o.categories, description=o.description, speakers=o.speakers,
               organisers=[{"name": p.name, "email": p.email} for p in o.organisers],
               attendees=[{"name": a.name or None, "email": a.email, "cutype": a.cutype or None, "role": a.role or None,
                           "partstat": a.partstat or None} for a in o.attendees],
               recurrence_id_utc=o.recurrence_id.strftime("%Y-%m-%dT%H:%M:%SZ") if o.recurrence_id else None,
               all_day=o.all_day)
    if o.all_day:
        out.update(start_date=o.start_date.isoformat(), end_date_exclusive=o.end_date.isoformat())
    else:
        out.update(start_utc=o.start.strftime("%Y-%m-%dT%H:%M:%SZ"), end_utc=o.end.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return out


# ---- the samples -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", CALENDARS)
def test_every_occurrence_of_the_samples_is_the_answer_keys(name):
    found = load(name)
    got, problems = expand(found, LATER)
    assert (problems, found.problems) == ([], [])
    assert found.vevents == FILES[name]["vevent_components"]
    want = FILES[name]["occurrences"]
    assert len(got) == FILES[name]["occurrence_count"] == len(want)
    for o, w in zip(got, want):
        mine = as_key(o)
        assert {f: mine[f] for f in mine if f in w} == {f: w[f] for f in mine if f in w}, w["uid"]
        assert o.key == event_key(w)


def test_recurrences_exceptions_and_overrides():
    got = {o.key: o for o in expand(load("meetups.ics"), LATER)[0]}
    weekly = "fdca3f9a-0b05-5559-96b3-82f8a2104c1f"
    recurring = next(r for r in FILES["meetups.ics"]["recurring"] if r["uid"] == weekly)
    slots = {utc(t) for t in recurring["generated_by_rrule_utc"]} - {utc(t) for t in recurring["exdates_utc"]}
    assert {o.recurrence_id for o in got.values() if o.uid == weekly} == slots  # COUNT=8 less the EXDATE: 7
    moved = got[f"{weekly}/20260426T090000Z"]  # keyed by the slot it was planned for, not where it moved
    assert (moved.start, moved.title) == (utc("2026-04-25T14:00:00Z"), "Tarde de trabalho na horta — 25 de Abril")
    assert got[f"{weekly}/20260503T090000Z"].status == "CANCELLED"  # the instance exists, cancelled
    # 10:00 in Lisbon is 10:00Z before the change to summer time and 09:00Z after it
    assert got[f"{weekly}/20260322T100000Z"].start.hour == 10 and got[f"{weekly}/20260329T090000Z"].start.hour == 9
    assert got[f"{weekly}/20260322T100000Z"].timezone == "Europe/Lisbon"
    monthly = [o for o in got.values() if o.uid.startswith("11349443")]
    assert {o.start.hour for o in monthly} == {19}  # written in UTC: stays 19:00Z across the change
    fair = got["ea8334a1-c8c5-586e-b1a9-a39ee2fcc0ab"]  # all day, not recurring: keyed by its UID alone
    assert (fair.all_day, fair.start, fair.end) == (True, dt.datetime(2026, 5, 16, 12, tzinfo=UTC),
                                                  dt.datetime(2026, 5, 18, tzinfo=UTC))


def test_an_escape_folded_in_its_middle_is_unescaped_whole():
    """sabre/dav folds between a backslash and its n (README: line 203 ends in a backslash)."""
    lines = sample("meetups.ics").read_text(encoding="utf-8").split("\n")
    assert lines[202].endswith("\\") and lines[203].startswith(" n")
    by_uid = {o["uid"]: o for o in FILES["meetups.ics"]["occurrences"]}
    got = {o.uid: o for o in expand(load("meetups.ics"), LATER)[0]}
    folded = [uid for uid, o in by_uid.items() if "\\" in o["description"] or "\n" in o["description"]]
    assert folded and all(got[uid].description == by_uid[uid]["description"] for uid in folded)
    assert not any("\\n" in o.description for o in got.values())


def test_pretalx_speakers_are_the_titles_tail_after_its_last_separator():
    assert speakers_of("Seeds - Who Owns Them? Plant Variety Rights for Gardeners - Amara Okafor") == (
        "Seeds - Who Owns Them? Plant Variety Rights for Gardeners", ["Amara Okafor"])
    assert speakers_of("Lightning Talks - Tomás Ferreira, Lars Øberg, Priya Raman")[1] == [
        "Tomás Ferreira", "Lars Øberg", "Priya Raman"]
    assert speakers_of("Closing & Community Announcements - ") == ("Closing & Community Announcements", [])
    assert speakers_of("Closing & Community Announcements -") == ("Closing & Community Announcements", [])
    assert speakers_of("No separator") == ("No separator", [])


def test_only_pretalx_titles_are_split_into_speakers():
    text = calendar("UID:a\r\nDTSTART:20260101T100000Z\r\nSUMMARY:Seeds - a talk - Someone")
    (o,), _ = expand(read(text, "x"), LATER)
    assert (o.title, o.speakers) == ("Seeds - a talk - Someone", [])


# ---- what becomes an activity --------------------------------------------------------------------


@pytest.mark.parametrize("name", CALENDARS)
def test_what_took_place_credits_organisers_speakers_and_attendees(name):
    found = load(name)
    got = {}
    for o in expand(found, REFERENCE + ical_items.AHEAD)[0]:
        if took_place(o, REFERENCE):
            got.update({i.key: (i.kind, (i.author.source_kind, i.author.instance, i.author.key)) for i in items(o, found)})
    assert got == credited(name, REFERENCE)


def test_an_events_activities_share_its_key_title_time_and_place():
    found = load("meetups.ics")
    swap = next(o for o in expand(found, LATER)[0] if o.uid.startswith("5da8d8ad"))
    made = items(swap, found)
    by_kind = {}
    for i in made:
        by_kind.setdefault(i.kind, []).append(i)
    organiser, = by_kind["event-organising"]
    assert (organiser.author.name, organiser.author.email, organiser.contribution_type) == (
        "Inês Carvalho", "ines.carvalho@example.org", "eventOrganizing")
    assert organiser.size == 4  # accepted people: Inês (chair), João, Rui and ze; not the room
    assert organiser.body == swap.description
    # accepted people only: not tentative Mariana, declined Tomás, the group or the room
    assert sorted(i.author.email for i in by_kind["event-attendance"]) == [
        "jp.sousa@example.net", "rui.oliveira@example.net", "ze@example.org"]
    assert {i.contribution_type for i in by_kind["event-attendance"]} == {"ideas"}  # as Perceval's Meetup route
    assert {(i.thread_key, i.title, i.occurred_at, i.channel, i.url) for i in made} == {(
        swap.uid, "Troca de Sementes de Primavera", utc("2026-03-28T10:30:00Z"), "Marigold Gardeners Lisboa — Encontros",
        "https://www.meetup.com/marigold-gardeners-lisboa/events/311978245/")}
    assert made[0].extra == {"uid": swap.uid, "end": "2026-03-28T13:00:00Z", "timezone": "Europe/Lisbon",
                             "location": "Biblioteca de Sementes Marigold, Rua das Sementeiras 12, 1900-217 Lisboa",
                             "categories": ["Troca de sementes", "Biblioteca de sementes"]}
    assert made[0].seen_at == utc("2026-03-21T09:30:02Z")  # LAST-MODIFIED


def test_a_chair_organises_too_and_only_accepted_people_attend():
    found = read(calendar("UID:a\r\nDTSTART:20260101T100000Z\r\nORGANIZER;CN=Ana:mailto:ana@example.org\r\n"
                          "ATTENDEE;ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:bo@example.org\r\n"
                          "ATTENDEE;ROLE=CHAIR;PARTSTAT=DECLINED:mailto:cy@example.org\r\n"
                          "ATTENDEE;PARTSTAT=ACCEPTED:mailto:ana@example.org\r\n"
                          "ATTENDEE;PARTSTAT=ACCEPTED;CUTYPE=RESOURCE:mailto:beamer@example.org\r\n"
                          "ATTENDEE;PARTSTAT=ACCEPTED;ROLE=NON-PARTICIPANT:mailto:cc@example.org\r\n"
                          "ATTENDEE;PARTSTAT=ACCEPTED;CUTYPE=UNKNOWN:mailto:dee@example.org\r\n"
                          "ATTENDEE;PARTSTAT=TENTATIVE:mailto:eve@example.org"), "x")
    (o,), _ = expand(found, LATER)
    assert {i.key: i.kind for i in items(o, found)} == {
        "a:organiser:ana@example.org": "event-organising", "a:organiser:bo@example.org": "event-organising",
        "a:attendee:dee@example.org": "event-attendance"}
    assert {i.size for i in items(o, found) if i.kind == "event-organising"} == {3}  # Ana, Bo and Dee came


def test_speakers_give_talks_as_people_known_by_name():
    found = load("conference.ics")
    talks = [i for o in expand(found, LATER)[0] for i in items(o, found)]
    assert {i.kind for i in talks} == {"talk"} and {i.contribution_type for i in talks} == {"talk"}
    twice = [i for i in talks if i.author.key == "Søren Kjær"]
    assert len(twice) == 2 and {i.size for i in twice} == {90}  # a workshop given twice, 90 minutes each
    author = twice[0].author
    assert (author.source_kind, author.instance, author.email, author.name) == (
        "pretalx", "talks.seedconf.example/seedconf-2026", "", "Søren Kjær")
    assert {i.channel for i in talks} == {"seedconf-2026"}


def test_cancelled_and_future_occurrences_take_no_place():
    got = expand(load("meetups.ics"), LATER)[0]
    assert [o.title for o in got if o.status == "CANCELLED" and took_place(o, LATER)] == []
    future = [o for o in got if not took_place(o, REFERENCE) and o.status != "CANCELLED"]
    assert [o.start.date().isoformat() for o in future] == ["2026-06-09", "2026-06-13", "2026-06-27"]
    fair = next(o for o in got if o.all_day)
    assert not took_place(fair, dt.datetime(2026, 5, 17, 23, tzinfo=UTC)) and took_place(fair, utc("2026-05-18T00:00:00Z"))


def test_floating_times_keys_without_uid_and_long_uids():
    zone = "X-WR-TIMEZONE:Europe/Lisbon\r\n"
    long_uid = "u" * 400
    found = read(calendar("DTSTART:20260701T100000\r\nSUMMARY:floating",
                          f"UID:{long_uid}\r\nDTSTART:20260101T100000Z\r\nORGANIZER:mailto:a@example.org",
                          header=zone), "x")
    got = expand(found, LATER)[0]
    assert got[1].start == utc("2026-07-01T09:00:00Z")  # 10:00 in Lisbon's summer
    assert got[1].key.startswith("no-uid:") and got[1].key == expand(read(calendar(
        "DTSTART:20260701T100000\r\nSUMMARY:floating", header=zone), "x"), LATER)[0][0].key  # stable
    made = items(got[0], found)
    assert len(made) == 1 and len(made[0].key) <= 300 and len(made[0].thread_key) <= 300
    assert made[0].key != items(expand(read(calendar(f"UID:{long_uid}x\r\nDTSTART:20260101T100000Z\r\n"
                                                     "ORGANIZER:mailto:a@example.org"), "x"), LATER)[0][0], found)[0].key


def test_an_address_is_one_lower_cased_identity_and_a_person_without_one_has_their_name():
    found = read(calendar("UID:a\r\nDTSTART:20260101T100000Z\r\nORGANIZER;CN=Ana:MAILTO:Ana@Example.ORG\r\n"
                          "ATTENDEE;CN=Bo;PARTSTAT=ACCEPTED:urn:uuid:123\r\n"
                          "ATTENDEE;PARTSTAT=ACCEPTED:urn:uuid:456", header="X-WR-CALNAME:Garden\r\n"), "x")
    (o,), _ = expand(found, LATER)
    made = {i.key: i.author for i in items(o, found)}
    assert made == {"a:organiser:ana@example.org": ical_items.Author("email", "", "ana@example.org", name="Ana",
                                                                    email="ana@example.org"),
                    "a:attendee:name:Bo": ical_items.Author("ical", "Garden", "Bo", name="Bo")}


# ---- anything at all ---------------------------------------------------------------------------


def _survives(data: bytes) -> None:
    try:
        found = read(data, "x")
    except Truncated as exc:
        try:
            found = read(exc.rest, "x")
        except NotACalendar:
            return
    except NotACalendar:
        return
    got, _ = expand(found, REFERENCE)
    for o in got:
        for i in items(o, found):
            assert len(i.key) <= 300 and i.occurred_at.tzinfo is not None


SAMPLE_LINES = {name: sample(name).read_bytes().split(b"\n") for name in CALENDARS}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CALENDARS), st.randoms(use_true_random=False),
       st.lists(st.sampled_from(["drop", "repeat", "garble", "cut", "swap", "value"]), min_size=1, max_size=4),
       st.text(max_size=30))
def test_damaged_samples_give_problems_or_a_clear_error_never_a_crash(name, rng: random.Random, damage, junk):
    lines = list(SAMPLE_LINES[name])
    for what in damage:
        n = rng.randrange(len(lines))
        if what == "drop":
            del lines[n]
        elif what == "repeat":
            lines.insert(n, lines[n])
        elif what == "garble":
            lines[n] = junk.encode("utf-8", "surrogatepass")
        elif what == "cut":
            lines = lines[:n]
        elif what == "swap":
            m = rng.randrange(len(lines))
            lines[n], lines[m] = lines[m], lines[n]
        elif b":" in lines[n]:
            lines[n] = lines[n].split(b":", 1)[0] + b":" + junk.encode("utf-8", "surrogatepass")
        if not lines:
            break
    _survives(b"\n".join(lines))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["DTSTART", "DTEND", "RRULE", "EXDATE", "RDATE", "RECURRENCE-ID", "DURATION", "ATTENDEE",
                        "ORGANIZER", "STATUS", "LAST-MODIFIED", "CATEGORIES", "SUMMARY"]),
       st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=40),
       st.sampled_from(["", ";TZID=Europe/Lisbon", ";VALUE=DATE", ";TZID=Nowhere/Else", ";CN=\"x", ";PARTSTAT=ACCEPTED"]))
def test_any_value_in_any_property_is_read_or_reported(prop, value, params):
    event = f"UID:x\r\nDTSTART:20260101T100000Z\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n{prop}{params}:{value}"
    _survives(calendar(event, "UID:y\r\nDTSTART:20260102T100000Z"))
