"""`seedbed import matrix FILE.json…` on the Element room exports of tests/data/chat, checked
against their answer key (answer_key.json): messages imported and not, authors and bots,
replies and threads, reactions and the edit of the unfiltered file, times; Element's file and
the unfiltered one ending as the same activities in either order; re-runs, the ZIP Element
writes with attachments, bad and wrong-kind files, --skip-bad; and the reader on anything at
all (hypothesis)."""
import json
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedbed.activity.models import Activity, Source
from seedbed.importers import matrix
from seedbed.importers.errors import ImportFailed
from seedbed.people.models import Identity
from tests.importers.perceval_helpers import cli, counts, rows, snapshot, utc
from tests.importers.slack_discord_samples import CHAT, answers, importable
from tests.importers.zulip_matrix_helpers import INVALID, MATRIX_SAMPLE, MATRIX_UNFILTERED, read_all

FILTERED_NAME, UNFILTERED_NAME = "matrix/room-export.json", "matrix/room-export-unfiltered.json"
FILTERED, UNFILTERED = answers(FILTERED_NAME), answers(UNFILTERED_NAME)


def imported(capsys, *paths, skip_bad=False) -> tuple[str, str]:
    code, out, err = cli(capsys, "import", "matrix", *(paths or [MATRIX_SAMPLE]), *(["--skip-bad"] * skip_bad))
    assert code == 0, err
    return out, err


def refused(capsys, *args) -> str:
    code, out, err = cli(capsys, "import", "matrix", *args)
    assert code != 0 and err.count("\n") == 1 and str(args[0]) in err, err
    assert counts()[0] == 0 and Identity.objects.count() == 0
    return err


def check(name: str, path) -> None:
    key = answers(name)
    got = rows("matrix")
    want = {m["id"]: m for m in importable(name)}
    edits = {m["applies_to"]: m["text_contains"] for m in key["messages"] if m["kind"] == "edit"}
    assert set(got) == set(want)
    for k, m in want.items():
        row, who = got[k], m["author"]
        assert (row["kind"], row["type"], row["channel"]) == ("chat", "ideas", m["where"]["room_name"])
        assert row["who"] == ("matrix", "", who["id"]) and row["username"] == who["id"][1:].split(":")[0]
        assert row["name"] == (who["name"] or "") and row["is_bot"] == who["is_bot"], k
        assert row["occurred_at"].replace(microsecond=0) == utc(m["time_utc"])
        assert row["occurred_at"].timestamp() * 1000 == pytest.approx(m["source_time"])
        assert row["parent"] == m["reply_to"], k
        assert row["thread"] == (m["thread"] or row["thread"]), k  # the Matrix thread, where there is one
        assert row["reactions"] == m["reactions"], k
        assert edits.get(k, m["text_contains"]) in row["body"] and not row["body"].startswith(">"), k
    totals = key["totals"]
    assert sum(r["reactions"] for r in got.values()) == totals["reactions"]
    assert sum(r["is_bot"] for r in got.values()) == totals["by_bots"]
    assert len({r["who"] for r in got.values()}) == totals["distinct_authors"]
    assert sum(1 for r in got.values() if r["parent"]) == totals["replies"]
    assert Activity.objects.filter(source__location=str(path.resolve())).count() == totals["importable"]


@pytest.mark.django_db
@pytest.mark.parametrize("name, path", [(FILTERED_NAME, MATRIX_SAMPLE), (UNFILTERED_NAME, MATRIX_UNFILTERED)])
def test_each_sample_imports_as_the_answer_key_says(capsys, name, path):
    out, _ = imported(capsys, path)
    assert f"{answers(name)['totals']['importable']} new activities" in out
    check(name, path)


@pytest.mark.django_db
def test_reactions_and_edits_are_applied_not_imported(capsys):
    out, _ = imported(capsys, MATRIX_UNFILTERED)
    assert "3 reactions" in out and "1 edits" in out
    events = [m["id"] for m in UNFILTERED["messages"] if m["kind"] in ("reaction", "edit")]
    assert not Activity.objects.filter(key__in=events).exists()
    (edit,) = [m for m in UNFILTERED["messages"] if m["kind"] == "edit"]
    assert rows("matrix")[edit["applies_to"]]["body"] == edit["text_contains"]  # the new text, not "* …"
    assert rows("matrix")[edit["applies_to"]]["extra"]["seen_at"] >= utc(edit["time_utc"]).isoformat()


@pytest.mark.django_db
def test_elements_file_says_nothing_of_reactions(capsys):
    imported(capsys, MATRIX_SAMPLE)
    assert set(Activity.objects.values_list("reactions", flat=True)) == {0}


@pytest.mark.django_db
@pytest.mark.parametrize("order", [(MATRIX_SAMPLE, MATRIX_UNFILTERED), (MATRIX_UNFILTERED, MATRIX_SAMPLE)])
def test_both_files_of_one_room_end_as_the_same_activities_in_either_order(capsys, order):
    imported(capsys, MATRIX_UNFILTERED)
    alone = snapshot()["activities"]
    Activity.objects.all().delete()
    Source.objects.all().delete()
    imported(capsys, *order)
    assert snapshot()["activities"] == alone
    assert Activity.objects.count() == UNFILTERED["totals"]["importable"]


@pytest.mark.django_db
def test_re_running_changes_nothing(tmp_path, capsys):
    imported(capsys, MATRIX_UNFILTERED)
    before = snapshot()
    out, _ = imported(capsys, MATRIX_UNFILTERED)
    assert "unchanged since it was imported" in out
    copy = tmp_path / "same.json"
    copy.write_bytes(MATRIX_UNFILTERED.read_bytes())
    out, _ = imported(capsys, copy)
    assert "0 new activities, 0 updated" in out and "0 new identities" in out
    after = snapshot()
    assert after["activities"] == before["activities"] and after["identities"] == before["identities"]


@pytest.mark.django_db
def test_the_zip_element_writes_with_attachments_is_read(tmp_path, capsys):
    path = tmp_path / "matrix - Marigold Gardeners - 2026-03-13.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("export.json", MATRIX_SAMPLE.read_bytes())
        archive.writestr("files/shed-inventory-1773150300361.csv", b"rake,2\n")
    imported(capsys, path)
    assert len(rows("matrix")) == FILTERED["totals"]["importable"]


@pytest.mark.django_db
def test_a_newer_export_adds_new_messages_and_brings_reactions_up_to_date(tmp_path, capsys):
    imported(capsys, MATRIX_UNFILTERED)
    doc = json.loads(MATRIX_UNFILTERED.read_text(encoding="utf-8"))
    last = doc["messages"][-1]
    doc["messages"] += [
        {**last, "event_id": "$later-message", "origin_server_ts": last["origin_server_ts"] + 60_000,
         "content": {"msgtype": "m.text", "body": "Found the second rake."}},
        {"type": "m.reaction", "room_id": last["room_id"], "sender": "@ola:matrix.example.org",
         "origin_server_ts": last["origin_server_ts"] + 120_000, "event_id": "$later-reaction",
         "content": {"m.relates_to": {"rel_type": "m.annotation", "event_id": last["event_id"], "key": "👍"}}}]
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    out, _ = imported(capsys, newer)
    assert "1 new activities" in out  # and every message seen again, later
    assert rows("matrix")[last["event_id"]]["reactions"] == 1
    assert rows("matrix")["$later-message"]["body"] == "Found the second rake."
    out, _ = imported(capsys, MATRIX_UNFILTERED.parent / "room-export.json")  # an older file changes nothing
    assert "0 new activities, 0 updated" in out
    assert rows("matrix")[last["event_id"]]["reactions"] == 1


@pytest.mark.django_db
@pytest.mark.parametrize("name, says", [
    ("discord-cut.json", "not valid JSON (Unterminated string starting at line 164 column 18)"),
    ("empty.json", "not valid JSON (Expecting value at line 1 column 1)"),
    ("zulip-not-export.tar.gz", "not an Element (Matrix) room export: not UTF-8 text"),
    ("slack-truncated.zip", "not an Element (Matrix) room export: a broken ZIP"),
    ("slack-bad-day.zip", "not an Element (Matrix) room export: a ZIP without export.json"),
])
def test_what_is_not_an_element_export_fails_with_one_line_and_writes_nothing(capsys, name, says):
    for skip_bad in ([], ["--skip-bad"]):
        assert says in refused(capsys, INVALID / name, *skip_bad)
    assert not Source.objects.exists()


@pytest.mark.django_db
def test_another_tools_json_is_refused_by_its_shape(capsys):
    err = refused(capsys, CHAT / "discord" / "general.json")
    assert "not an Element (Matrix) room export: an object with guild, channel" in err


@pytest.mark.django_db
def test_a_damaged_event_is_named_by_its_place_and_skip_bad_imports_the_rest(tmp_path, capsys):
    doc = json.loads(MATRIX_SAMPLE.read_text(encoding="utf-8"))
    victim = doc["messages"][3]
    victim["origin_server_ts"] = "yesterday"
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    err = refused(capsys, path)
    assert f"{path}: messages[3] (event {victim['event_id']}): its origin_server_ts 'yesterday' is not a time" in err
    out, err = imported(capsys, path, skip_bad=True)
    assert "messages[3]" in err and "1 skipped" in out
    assert set(rows("matrix")) == {m["id"] for m in importable(FILTERED_NAME)} - {victim["event_id"]}


# ---- private rooms ---------------------------------------------------------------------------------


def _with(tmp_path, *extra, at: int = 1):
    """The sample with ``extra`` events put at ``messages[at]``."""
    doc = json.loads(MATRIX_SAMPLE.read_text(encoding="utf-8"))
    first = doc["messages"][0]
    events = [{"room_id": first["room_id"], "origin_server_ts": first["origin_server_ts"] - 1000, "unsigned": {},
               "sender": "@amara:matrix.example.org", **e} for e in extra]
    doc["messages"][at:at] = events
    path = tmp_path / "room.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


DIRECT = {"type": "m.room.member", "event_id": "$invite-ola", "state_key": "@ola:matrix.example.org",
          "content": {"membership": "invite", "is_direct": True, "displayname": "Ola Nordmann"}}


@pytest.mark.django_db
@pytest.mark.parametrize("event, says", [
    (DIRECT, "a direct-message room (m.room.member event $invite-ola at messages[1] for @ola:matrix.example.org: "
             "is_direct)"),
    ({"type": "m.room.join_rules", "event_id": "$rules", "state_key": "", "content": {"join_rule": "invite"}},
     "a private room (m.room.join_rules event $rules at messages[1]: join_rule 'invite')"),
])
def test_a_room_the_file_shows_private_is_refused_whole_even_with_skip_bad(tmp_path, capsys, event, says):
    path = _with(tmp_path, event)
    for skip_bad in ([], ["--skip-bad"]):
        err = refused(capsys, path, *skip_bad)
        assert f"{path}: {says}: Seedbed imports only public rooms" in err and "--skip-bad" not in err
    assert not Source.objects.exists()


@pytest.mark.django_db
def test_a_private_room_is_refused_even_after_damage_skip_bad_would_pass(tmp_path, capsys):
    path = _with(tmp_path, {**DIRECT, "origin_server_ts": "damaged"}, {"type": "m.room.message"})
    err = refused(capsys, path, "--skip-bad")
    assert "a direct-message room" in err and not Activity.objects.exists()


@pytest.mark.django_db
def test_a_room_the_file_shows_public_is_imported(tmp_path, capsys):
    rules = {"type": "m.room.join_rules", "event_id": "$rules", "state_key": "", "content": {"join_rule": "public"}}
    member = {**DIRECT, "content": {"membership": "join", "displayname": "Ola Nordmann"}}
    path = _with(tmp_path, rules, member)
    out, _ = imported(capsys, path)
    assert f"{FILTERED['totals']['importable']} new activities" in out


# ---- anything at all (no database) ---------------------------------------------------------------

SAMPLE = MATRIX_UNFILTERED.read_bytes()
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                    max_leaves=10)
SLOW = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.function_scoped_fixture])


def _read(path, skip_bad):
    try:
        return read_all(matrix._read, path, skip_bad)
    except ImportFailed as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
        return None


@SLOW
@given(st.binary(max_size=500) | st.integers(0, len(SAMPLE) - 1).map(lambda n: SAMPLE[:n]), st.booleans())
def test_random_bytes_and_cut_files_end_in_the_clear_error(tmp_path, data, skip_bad):
    path = tmp_path / "room.json"
    path.write_bytes(data)
    assert _read(path, skip_bad) is None


def _paths(value, prefix=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield prefix + (k,)
            yield from _paths(v, prefix + (k,))


@SLOW
@given(st.data(), st.booleans())
def test_damaged_values_in_events_end_in_items_or_the_clear_error(tmp_path, data, skip_bad):
    doc = json.loads(SAMPLE)
    for _ in range(data.draw(st.integers(1, 4))):
        event = data.draw(st.sampled_from(doc["messages"]))
        where = data.draw(st.sampled_from(list(_paths(event))))
        target = event
        for part in where[:-1]:
            target = target[part]
        target[where[-1]] = data.draw(JSON)
    path = tmp_path / "room.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    found = _read(path, skip_bad)
    assert found is not None or not skip_bad
    for item in found or []:
        assert item.platform == "matrix" and item.key and item.body is not None
