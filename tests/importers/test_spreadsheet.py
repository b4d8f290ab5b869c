"""People and notes from a spreadsheet: through the command line, on the samples in tests/data/spreadsheet."""
import gzip
import json
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from seedbed.activity.models import Activity
from seedbed.cli import main
from seedbed.core.models import AuditEntry
from seedbed.groups.models import Group, Membership
from seedbed.people.erasure import erase
from seedbed.people.models import Identity, Note, Person

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parent.parent / "data" / "spreadsheet"


def run(capsys, *args):
    code = main(["import", *args])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot():
    return (sorted(Person.objects.values_list("display_name", "pronouns", "time_zone", "region", "languages",
                                              "interests", "skills", "bio")),
            sorted(Identity.objects.values_list("source_kind", "source_instance", "key", "email", "username")),
            sorted(Membership.objects.values_list("group__name", "person__display_name", "role")),
            sorted(Note.objects.values_list("person__display_name", "body")))


def person(name):
    return Person.objects.get(display_name=name)


def test_people_come_in_with_addresses_accounts_fields_and_groups(capsys):
    code, out, err = run(capsys, "people", str(DATA / "people.csv"))
    assert code == 0
    ana = person("Ana Souza")
    assert (ana.pronouns, ana.time_zone, ana.region, ana.languages, ana.interests, ana.skills, ana.bio) == (
        "she/her", "America/Sao_Paulo", "Brazil", ["pt-BR", "en"], ["seed saving", "docs"], ["Python"],
        "Keeps the catalogue tidy.")
    assert set(ana.identities.values_list("source_kind", "key", "username")) == {
        ("spreadsheet", "ana@example.org", ""), ("github", "login:ana-s", "ana-s")}
    assert sorted(person("Bo Li").identities.values_list("email", flat=True)) == ["bo.li@work.example", "bo@example.net"]
    assert person("Okafor, Chidi").skills == ["design", "illustration"]
    assert person("Zoë Ångström").languages == ["sv"]
    assert set(Membership.objects.values_list("group__name", "person__display_name", "role")) == {
        ("Docs WG", "Ana Souza", "member"), ("Lisboa local team", "Ana Souza", "organiser"),
        ("Docs WG", "Bo Li", "member"), ("Lisboa local team", "Zoë Ångström", "member")}
    assert set(Group.objects.values_list("kind", flat=True)) == {"working-group"}
    assert "'T-shirt size' is not something Seedbed imports" in err
    assert out.strip().endswith("things changed")


def test_a_dry_run_shows_the_same_changes_and_writes_nothing(capsys):
    before = snapshot()
    code, dry, _ = run(capsys, "people", str(DATA / "people.csv"), "--dry-run")
    assert code == 0 and snapshot() == before
    assert "dry run: nothing was written" in dry
    _, real, _ = run(capsys, "people", str(DATA / "people.csv"))
    assert dry.splitlines()[:-1] == real.splitlines()[:-1]


def test_running_a_file_again_changes_nothing(capsys):
    run(capsys, "people", str(DATA / "people.csv"))
    before = snapshot()
    code, out, _ = run(capsys, "people", str(DATA / "people.csv"))
    assert code == 0 and snapshot() == before
    assert out.strip().endswith("nothing to change")


def test_semicolon_separated_files_are_read(capsys):
    assert run(capsys, "people", str(DATA / "people-semicolons.csv"))[0] == 0
    assert person("Priya Natarajan").interests == ["docs", "translation"]
    assert person("Kenji Mori").time_zone == "Asia/Tokyo"


def test_a_known_person_is_found_by_address_and_what_they_have_is_kept(capsys, tmp_path):
    ana = Person.objects.create(display_name="Ana S.", time_zone="Europe/Lisbon", interests=["docs"])
    Identity.objects.create(person=ana, source_kind="git", key="Ana S. <ana@example.org>", email="ana@example.org",
                            email_key="ana@example.org", name="Ana S.")
    code, out, _ = run(capsys, "people", str(DATA / "people.csv"))
    ana.refresh_from_db()
    assert code == 0 and not Person.objects.filter(display_name="Ana Souza").exists()
    assert ana.time_zone == "Europe/Lisbon"  # not overwritten
    assert ana.interests == ["docs", "seed saving"]  # grown
    assert ana.pronouns == "she/her"  # filled in
    assert "Ana S.'s time zone stays 'Europe/Lisbon' (the file says 'America/Sao_Paulo'): kept" in out


def test_a_bad_row_stops_the_import_with_its_line_and_nothing_written(capsys):
    before = snapshot()
    code, out, err = run(capsys, "people", str(DATA / "people-bad-rows.csv"))
    assert code == 1 and snapshot() == before
    assert err.strip() == (f"seedbed: error: {DATA / 'people-bad-rows.csv'}: line 3: 'Mars/Olympus_Mons' is not a "
                           "time zone (use IANA names like Europe/Lisbon) (use --skip-bad to import the rest)")


def test_skip_bad_reports_the_bad_rows_and_imports_the_rest(capsys):
    code, out, err = run(capsys, "people", str(DATA / "people-bad-rows.csv"), "--skip-bad")
    assert code == 0
    assert list(Person.objects.values_list("display_name", flat=True)) == ["Ana Souza"]
    assert "line 3: 'Mars/Olympus_Mons' is not a time zone" in err
    assert "line 4: 'not-an-address' is not an e-mail address" in err


@pytest.mark.parametrize("name, message", [
    ("people-latin1.csv", "line 3: not UTF-8 (save the spreadsheet as CSV UTF-8)"),
    ("not-people.csv", "no column Seedbed knows"),
    ("missing.csv", "no such file"),
])
def test_a_file_that_cannot_be_read_is_one_line_naming_it(capsys, name, message):
    code, _, err = run(capsys, "people", str(DATA / name))
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert err.startswith(f"seedbed: error: {DATA / name}: ") and message in err
    assert not Person.objects.exists()


def test_a_row_whose_addresses_belong_to_two_people_is_not_guessed(capsys, tmp_path):
    for name, email in (("Bo", "bo@example.net"), ("Bo Li", "bo.li@work.example")):
        p = Person.objects.create(display_name=name)
        Identity.objects.create(person=p, source_kind="git", key=email, email=email, email_key=email)
    code, _, err = run(capsys, "people", str(DATA / "people.csv"))
    assert code == 1 and "line 3: its addresses and accounts belong to 2 people" in err
    assert not Person.objects.filter(display_name="Ana Souza").exists()


def test_an_account_from_the_spreadsheet_is_claimed_by_the_import_that_meets_it(capsys, tmp_path):
    run(capsys, "people", str(DATA / "people.csv"))
    event = {"id": "1", "type": "IssuesEvent", "actor": {"id": 777, "login": "ana-s"},
             "repo": {"id": 5, "name": "marigold-dev/trellis"}, "created_at": "2026-03-02T15:00:00Z",
             "payload": {"action": "opened", "issue": {
                 "id": 9, "number": 4, "title": "Seed bank", "user": {"id": 777, "login": "ana-s", "type": "User"},
                 "created_at": "2026-03-02T15:00:00Z", "state": "open", "html_url": "https://github.com/x/4"}}}
    hour = tmp_path / "2026-03-02-15.json.gz"
    hour.write_bytes(gzip.compress(json.dumps(event).encode() + b"\n"))
    assert main(["import", "gharchive", str(hour), "--all"]) == 0
    identity = Identity.objects.get(source_kind="github", username="ana-s")
    assert (identity.key, identity.external_id, identity.person) == ("777", "777", person("Ana Souza"))
    assert Activity.objects.get().identity == identity


def test_people_erased_on_request_are_not_brought_back(capsys):
    run(capsys, "people", str(DATA / "people.csv"))
    erase(person("Ana Souza"))
    code, out, err = run(capsys, "people", str(DATA / "people.csv"))
    assert code == 0 and not Person.objects.filter(display_name="Ana Souza").exists()
    assert not Identity.objects.filter(username="ana-s").exists()
    assert "line 2: someone erased on request: not imported" in err


def test_notes_come_in_once_credited_to_their_author_and_audited(capsys):
    get_user_model().objects.create_user("steward", password="x")
    run(capsys, "people", str(DATA / "people.csv"))
    code, out, err = run(capsys, "notes", str(DATA / "notes.csv"))
    assert code == 0
    notes = {n.person.display_name: n for n in Note.objects.select_related("person", "author")}
    assert set(notes) == {"Ana Souza", "Okafor, Chidi", "Zoë Ångström"}
    assert notes["Ana Souza"].author.username == "steward"
    assert notes["Ana Souza"].created_at.date().isoformat() == "2026-02-10"
    assert notes["Okafor, Chidi"].author is None
    assert "author 'someone-unknown' is not a Seedbed user" in out
    assert AuditEntry.objects.filter(action="added-note", actor_label="spreadsheet import").count() == 3
    before = snapshot()
    assert run(capsys, "notes", str(DATA / "notes.csv"))[0] == 0 and snapshot() == before


def test_a_note_about_no_one_known_stops_the_import(capsys):
    run(capsys, "people", str(DATA / "people.csv"))
    code, _, err = run(capsys, "notes", str(DATA / "notes-unknown-person.csv"))
    assert code == 1 and "line 3: no one known as 'nobody@example.com'" in err
    assert not Note.objects.exists()
    assert run(capsys, "notes", str(DATA / "notes-unknown-person.csv"), "--skip-bad")[0] == 0
    assert Note.objects.count() == 1


def test_a_notes_dry_run_writes_nothing(capsys):
    run(capsys, "people", str(DATA / "people.csv"))
    code, out, _ = run(capsys, "notes", str(DATA / "notes.csv"), "--dry-run")
    assert code == 0 and not Note.objects.exists() and not AuditEntry.objects.exists()
    assert "3 notes would change (dry run: nothing was written)" in out


def test_files_are_read_in_place_and_not_changed(tmp_path, capsys):
    copy = tmp_path / "people.csv"
    shutil.copy(DATA / "people.csv", copy)
    before = copy.read_bytes()
    run(capsys, "people", str(copy))
    assert copy.read_bytes() == before
