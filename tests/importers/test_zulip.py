"""`seedbed import zulip EXPORT.tar.gz…` on the sample export of tests/data/chat, checked against
its answer key (answer_key.json): messages imported and not, authors and bots, channels and
topics, threads, reactions, edits, times; direct messages never reaching the database;
re-runs, newer exports, archives in any order, bad and wrong-kind files, --skip-bad, sync;
and the reader on anything at all (hypothesis)."""
import datetime as dt
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedbed.activity.models import Activity, Source
from seedbed.importers import zulip
from seedbed.importers.errors import ImportFailed
from seedbed.importers.file_import import Report
from seedbed.people.models import Identity
from tests.importers.perceval_helpers import cli, counts, rows, snapshot, utc
from tests.importers.slack_discord_samples import answers, importable
from tests.importers.zulip_matrix_helpers import INVALID, ZULIP_SAMPLE, ZulipExport, read_all

NAME = "zulip/zulip-export.tar.gz"
KEY = answers(NAME)
REALM = KEY["realm"]["string_id"]
MEMBER = f"{KEY['top_directory']}messages-000001.json"


def key(message_id) -> str:
    return f"{REALM}:{message_id}"


def imported(capsys, *paths, skip_bad=False) -> tuple[str, str]:
    code, out, err = cli(capsys, "import", "zulip", *(paths or [ZULIP_SAMPLE]), *(["--skip-bad"] * skip_bad))
    assert code == 0, err
    return out, err


def refused(capsys, *args) -> str:
    """The command fails with one line on stderr naming the file; nothing is written."""
    code, out, err = cli(capsys, "import", "zulip", *args)
    assert code != 0 and err.count("\n") == 1 and str(args[0]) in err, err
    assert counts()[0] == 0 and Identity.objects.count() == 0
    return err


# ---- the sample, as the answer key says -------------------------------------------------------


@pytest.mark.django_db
def test_the_sample_imports_as_the_answer_key_says(capsys):
    out, _ = imported(capsys)
    got = rows("zulip")
    want = {key(m["id"]): m for m in importable(NAME)}
    assert set(got) == set(want)
    totals = KEY["totals"]
    assert f"{totals['importable']} new activities" in out
    assert f"{totals['private']} direct messages not imported" in out
    firsts = {}
    for m in KEY["messages"]:
        if not m["skip"] and not m["private"]:
            firsts.setdefault(m["thread"], m["id"])
    for k, m in want.items():
        row, who = got[k], m["author"]
        assert (row["kind"], row["type"], row["platform"]) == ("chat", "ideas", "zulip")
        assert row["who"] == ("zulip", REALM, str(who["id"]))
        assert (row["name"], row["email"], row["is_bot"]) == (who["name"], who["email"], who["is_bot"]), k
        assert row["occurred_at"].replace(microsecond=0) == utc(m["time_utc"])
        assert row["occurred_at"] == dt.datetime.fromtimestamp(m["source_time"], dt.timezone.utc)
        assert row["channel"] == m["where"]["stream"] and row["title"] == m["where"]["topic"]
        # a topic's thread is keyed by its channel's id (a renamed channel keeps its topics whole)
        assert row["thread"] == f"{REALM}:{m['where']['stream_id']} > {m['thread'].split(' > ', 1)[1]}"
        # Zulip has no replies: a topic's later messages answer its first
        assert row["parent"] == (None if firsts[m["thread"]] == m["id"] else key(firsts[m["thread"]])), k
        assert row["reactions"] == m["reactions"] and m["text_contains"] in row["body"]
    assert sum(r["reactions"] for r in got.values()) == totals["reactions"]
    assert sum(r["is_bot"] for r in got.values()) == totals["by_bots"]
    assert len({r["who"] for r in got.values()}) == totals["distinct_authors"]
    assert sum(1 for r in got.values() if r["thread"]) == totals["in_threads"]
    assert got[key(1002)]["replies"] == 2  # Zoë and Tomasz answered Amara's topic; her own later message does not count


@pytest.mark.django_db
def test_the_edited_message_has_its_last_text_seen_at_the_export(capsys):
    imported(capsys)
    (edited,) = [m for m in importable(NAME) if m["edited"]]
    row = rows("zulip")[key(edited["id"])]
    assert edited["text_contains"] in row["body"]
    tar_time = dt.datetime.fromtimestamp(ZulipExport().mtime, dt.timezone.utc)
    assert row["extra"]["seen_at"] == tar_time.isoformat()


@pytest.mark.django_db
def test_the_notification_bots_message_and_its_user_are_not_imported(capsys):
    imported(capsys)
    (bot,) = [m for m in KEY["messages"] if m["skip"]]
    assert not Activity.objects.filter(key=key(bot["id"])).exists()
    assert not Identity.objects.filter(key=str(bot["author"]["id"])).exists()


# ---- private conversations ---------------------------------------------------------------------


def _dm_only_person(export: ZulipExport) -> dict:
    """A user who wrote only a direct message (to Amara), and reacted to it."""
    secret = {**export.realm["zerver_userprofile"][0], "id": 40, "full_name": "Wren Secretkeeper",
              "delivery_email": "wren@example.org", "email": "wren@example.org", "recipient": 40}
    export.realm["zerver_userprofile"].append(secret)
    export.realm["zerver_recipient"].append({"id": 40, "type_id": 40, "type": 1})
    export.realm["zerver_reaction"].append({"id": 90, "user_profile": 8, "emoji_name": "+1", "message": 1099,
                                            "reaction_type": "unicode_emoji", "emoji_code": "1f44d"})
    template = next(m for m in export.all_messages() if m["id"] == 1008)
    export.messages["messages-000001.json"]["zerver_message"].append(
        {**template, "id": 1099, "sender": 40, "recipient": 18, "content": "Psst: the shed key is under the pot."})
    return secret


@pytest.mark.django_db
def test_direct_messages_never_reach_the_database(tmp_path, capsys):
    export = ZulipExport()
    secret = _dm_only_person(export)
    out, _ = imported(capsys, export.write(tmp_path / "export.tar.gz"))
    assert "4 direct messages not imported" in out
    private = [m for m in KEY["messages"] if m["private"]] + [{"id": 1099, "text_contains": "shed key is under"}]
    assert not Activity.objects.filter(key__in=[key(m["id"]) for m in private]).exists()
    for m in private:  # their text is nowhere in the activity table
        for column in ("body", "title", "channel", "thread_key", "key"):
            assert not Activity.objects.filter(**{f"{column}__contains": m["text_contains"][:20]}).exists()
        assert m["text_contains"][:20] not in json.dumps(list(Activity.objects.values_list("extra", flat=True)))
    # someone who only wrote a direct message does not become an identity, nor a person
    assert not Identity.objects.filter(key=str(secret["id"])).exists()
    assert not Identity.objects.filter(name=secret["full_name"]).exists()
    assert Identity.objects.filter(source_kind="zulip").count() == KEY["totals"]["distinct_authors"]
    # reactions on direct messages count nowhere
    assert sum(Activity.objects.values_list("reactions", flat=True)) == KEY["totals"]["reactions"]


@pytest.mark.django_db
def test_private_channels_are_never_imported(tmp_path, capsys):
    export = ZulipExport()
    jardineria = next(s for s in export.realm["zerver_stream"] if s["name"] == "jardinería")
    jardineria["invite_only"] = True
    out, _ = imported(capsys, export.write(tmp_path / "export.tar.gz"))
    in_it = [m for m in importable(NAME) if m["where"]["stream"] == "jardinería"]
    assert f"{len(in_it)} messages in private channels not imported" in out
    assert not Activity.objects.filter(channel="jardinería").exists()
    assert not Identity.objects.filter(key="11").exists()  # 李明 wrote only there and in direct messages


# ---- re-runs and newer exports -----------------------------------------------------------------


@pytest.mark.django_db
def test_re_running_changes_nothing(tmp_path, capsys):
    imported(capsys)
    before = snapshot()
    out, _ = imported(capsys)
    assert "unchanged since it was imported" in out
    copy = ZulipExport().write(tmp_path / "same.tar.gz")  # the same export under another name: read again
    out, _ = imported(capsys, copy)
    assert "0 new activities, 0 updated" in out and "0 new identities" in out
    after = snapshot()
    assert after["activities"] == before["activities"] and after["identities"] == before["identities"]
    code, out, err = cli(capsys, "sync")
    assert code == 0 and out.count("unchanged") == 2, out


@pytest.mark.django_db
def test_an_archive_in_any_order_imports_the_same(tmp_path, capsys):
    imported(capsys, ZulipExport().write(tmp_path / "a.tar.gz"))
    first = rows("zulip")
    Activity.objects.all().delete()
    export = ZulipExport()
    messages = export.messages.pop("messages-000001.json")["zerver_message"]
    # Zulip writes a file per 1000 messages; tar may list them, and realm.json, in any order
    export.messages["messages-000001.json"] = {"zerver_message": messages[:6], "zerver_usermessage": []}
    export.messages["messages-000002.json"] = {"zerver_message": messages[6:], "zerver_usermessage": []}
    imported(capsys, export.write(tmp_path / "b.tar.gz", order=("messages-000002.json", "messages-000001.json")))
    second = rows("zulip")
    assert second.keys() == first.keys()
    for k in first:
        assert (second[k]["parent"], second[k]["thread"]) == (first[k]["parent"], first[k]["thread"]), k


@pytest.mark.django_db
def test_a_channel_renamed_between_two_exports_keeps_its_topics_whole(tmp_path, capsys):
    imported(capsys)
    export = ZulipExport()
    next(s for s in export.realm["zerver_stream"] if s["name"] == "general")["name"] = "town-square"
    later = {**next(m for m in export.all_messages() if m["id"] == 1011), "id": 1012, "sender": 10,
             "content": "Count me in too.", "date_sent": 1773400100.5}
    export.messages["messages-000001.json"]["zerver_message"].append(later)
    imported(capsys, export.write(tmp_path / "renamed.tar.gz", mtime=export.mtime + 86400))
    got = rows("zulip")
    topic = [r for r in got.values() if r["title"].lower() == "planting day"]
    assert len(topic) == 5 and len({r["thread"] for r in topic}) == 1
    assert (got[key(1002)]["channel"], got[key(1012)]["channel"]) == ("general", "town-square")
    assert got[key(1012)]["parent"] == key(1002)


@pytest.mark.django_db
def test_a_newer_export_adds_new_messages_and_brings_reactions_and_edits_up_to_date(tmp_path, capsys):
    old = ZulipExport().write(tmp_path / "old.tar.gz")
    export = ZulipExport()
    export.realm["zerver_reaction"].append({"id": 91, "user_profile": 12, "emoji_name": "tada", "message": 1003})
    for m in export.all_messages():
        if m["id"] == 1003:
            m.update(content="Moi ! J'apporte des graines de capucine et des pois.", last_edit_time=1773400000.0)
    later = {**next(m for m in export.all_messages() if m["id"] == 1011), "id": 1012, "content": "Sunny, too!",
             "date_sent": 1773400100.5}
    export.messages["messages-000001.json"]["zerver_message"].append(later)
    new = export.write(tmp_path / "new.tar.gz", mtime=export.mtime + 86400)
    imported(capsys, new)
    expected = snapshot()["activities"]
    out, _ = imported(capsys, old)  # the older export, imported after: it changes nothing
    assert "0 new activities, 0 updated" in out
    assert snapshot()["activities"] == expected
    row = rows("zulip")[key(1003)]
    assert (row["reactions"], row["body"]) == (1, "Moi ! J'apporte des graines de capucine et des pois.")
    assert rows("zulip")[key(1012)]["parent"] == key(1002)


# ---- bad and wrong-kind files ------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name, says", [
    ("zulip-not-export.tar.gz", "no realm.json among its members"),
    ("empty.json", "not a tar.gz archive (empty file)"),
    ("slack-bad-day.zip", "not a tar.gz archive"),
    ("wrong-kind.json", "not a tar.gz archive"),
])
def test_what_is_not_a_zulip_export_fails_with_one_line_and_writes_nothing(capsys, name, says):
    for skip_bad in ([], ["--skip-bad"]):
        err = refused(capsys, INVALID / name, *skip_bad)
        assert says in err and "not a Zulip export" in err
    assert not Source.objects.exists()


@pytest.mark.django_db
def test_a_truncated_export_fails_naming_where_it_breaks(tmp_path, capsys):
    export = ZulipExport()
    whole = export.write(tmp_path / "whole.tar.gz", order=("realm.json", "messages-000001.json")).read_bytes()
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(whole[:len(whole) - 200])  # the gzip stream loses its end: inside the last members
    err = refused(capsys, cut)
    assert re.search(r"truncated or corrupt (inside|after) member \S+", err), err
    cut.write_bytes(whole[:100])
    assert "not a tar.gz archive" in refused(capsys, cut)


@pytest.mark.django_db
def test_a_truncated_export_with_skip_bad_keeps_the_messages_before_the_break(tmp_path, capsys):
    export = ZulipExport()
    whole = export.write(tmp_path / "whole.tar.gz", order=("realm.json", "messages-000001.json")).read_bytes()
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(whole[:len(whole) - 200])
    out, err = imported(capsys, cut, skip_bad=True)
    assert "truncated or corrupt" in err and err.count("\n") == 1
    assert len(rows("zulip")) == KEY["totals"]["importable"]


@pytest.mark.django_db
def test_a_damaged_message_is_named_by_member_and_index_and_skip_bad_imports_the_rest(tmp_path, capsys):
    export = ZulipExport()
    export.messages["messages-000001.json"]["zerver_message"][2]["date_sent"] = "half past nine"
    path = export.write(tmp_path / "export.tar.gz")
    err = refused(capsys, path)
    assert f"{path}: member {MEMBER}, message 3 (id 1003): its date_sent 'half past nine' is not a time" in err
    assert "--skip-bad" in err
    out, err = imported(capsys, path, skip_bad=True)
    assert "message 3 (id 1003)" in err and "1 skipped" in out
    assert set(rows("zulip")) == {key(m["id"]) for m in importable(NAME)} - {key(1003)}


@pytest.mark.django_db
def test_a_message_file_that_is_not_json_is_a_bad_part(tmp_path, capsys):
    export = ZulipExport()
    export.messages["messages-000002.json"] = {"zerver_message": [], "zerver_usermessage": []}
    path = export.write(tmp_path / "export.tar.gz", raw={"messages-000002.json": b"<html>503</html>"})
    err = refused(capsys, path)
    assert "member zulip-export-6h3q9w0b/messages-000002.json: not valid JSON (Expecting value at line 1 column 1)" \
        in err
    imported(capsys, path, skip_bad=True)
    assert len(rows("zulip")) == KEY["totals"]["importable"]


@pytest.mark.django_db
def test_a_message_file_that_is_not_json_is_reported_once_not_also_as_missing(tmp_path, capsys):
    export = ZulipExport()
    messages = export.messages["messages-000001.json"]["zerver_message"]
    export.messages["messages-000001.json"]["zerver_message"] = messages[:6]
    export.messages["messages-000002.json"] = {"zerver_message": messages[6:], "zerver_usermessage": []}
    path = export.write(tmp_path / "export.tar.gz", raw={"messages-000001.json": b"<html>503</html>"})
    out, err = imported(capsys, path, skip_bad=True)
    assert err.count("\n") == 1 and f"member {MEMBER}: not valid JSON" in err, err
    assert "1 skipped" in out
    kept = {m["id"] for m in messages[6:]}
    assert set(rows("zulip")) == {key(m["id"]) for m in importable(NAME) if m["id"] in kept}


@pytest.mark.django_db
def test_a_missing_message_file_is_a_bad_part(tmp_path, capsys):
    export = ZulipExport()
    export.messages["messages-000003.json"] = {"zerver_message": [], "zerver_usermessage": []}
    err = refused(capsys, export.write(tmp_path / "export.tar.gz"))
    assert "messages-000002.json is missing from the archive" in err


@pytest.mark.django_db
@pytest.mark.parametrize("raw, says", [(b"{", "not valid JSON"), (b'{"zerver_realm": []}', "not a Zulip realm.json")])
def test_a_broken_realm_json_fails_even_with_skip_bad(tmp_path, capsys, raw, says):
    path = ZulipExport().write(tmp_path / "export.tar.gz", raw={"realm.json": raw})
    for skip_bad in ([], ["--skip-bad"]):
        err = refused(capsys, path, *skip_bad)
        assert f"member {KEY['top_directory']}realm.json: {says}" in err


# ---- organizations the export does not tell apart: --instance ---------------------------------


def _root_domain(path, say: str = "", **more):
    """The sample as the organization at its server's root domain (string_id ""), its
    messages' text starting with ``say``."""
    export = ZulipExport()
    export.realm["zerver_realm"][0]["string_id"] = ""
    for m in export.all_messages():
        m["content"] = say + m["content"]
    return export, export.write(path, **more)


@pytest.mark.django_db
def test_an_organization_at_the_root_domain_is_refused_without_instance(tmp_path, capsys):
    _, path = _root_domain(tmp_path / "export.tar.gz")
    for skip_bad in ([], ["--skip-bad"]):
        err = refused(capsys, path, *skip_bad)
        assert "at its server's root domain" in err and "pass --instance HOST" in err
    assert not Source.objects.exists()
    assert "is not a host name" in refused(capsys, path, "--instance", " ")


@pytest.mark.django_db
def test_two_organizations_at_root_domains_stay_apart_by_their_instances(tmp_path, capsys):
    _, one = _root_domain(tmp_path / "one.tar.gz", "One: ")
    _, two = _root_domain(tmp_path / "two.tar.gz", "Two: ")
    imported(capsys, one, "--instance", "Chat.One.example")
    imported(capsys, two, "--instance", "chat.two.example")
    got = rows("zulip")
    ids = [m["id"] for m in importable(NAME)]
    assert set(got) == {f"{host}:{i}" for host in ("chat.one.example", "chat.two.example") for i in ids}
    for i in ids:  # same message ids, each organization's own text and people
        assert got[f"chat.one.example:{i}"]["body"].startswith("One: ")
        assert got[f"chat.two.example:{i}"]["body"].startswith("Two: ")
        assert got[f"chat.one.example:{i}"]["who"][1] == "chat.one.example"
    assert Identity.objects.filter(source_kind="zulip").count() == 2 * KEY["totals"]["distinct_authors"]


@pytest.mark.django_db
def test_sync_imports_again_with_the_instance_it_was_imported_with(tmp_path, capsys):
    export, path = _root_domain(tmp_path / "export.tar.gz")
    imported(capsys, path, "--instance", "chat.example.org")
    assert Source.objects.get(kind="zulip").cursor["options"] == {"instance": "chat.example.org"}
    later = {**next(m for m in export.all_messages() if m["id"] == 1011), "id": 1012, "content": "Later."}
    export.messages["messages-000001.json"]["zerver_message"].append(later)
    export.write(path, mtime=export.mtime + 86400)  # a newer export, in the same place
    code, out, err = cli(capsys, "sync")
    assert code == 0 and "1 new" in out, err
    assert rows("zulip")["chat.example.org:1012"]["body"] == "Later."
    assert not Activity.objects.filter(key__startswith=":").exists()


# ---- anything at all (no database) ---------------------------------------------------------------

SAMPLE = ZULIP_SAMPLE.read_bytes()
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                    max_leaves=10)
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.function_scoped_fixture])


def _read(path, skip_bad, report=None):
    """Items, or None when the reader refused the file with one line naming it."""
    try:
        if report is not None:
            return list(zulip._read(path, report))
        return read_all(zulip._read, path, skip_bad)
    except ImportFailed as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
        return None


@SLOW
@given(st.binary(max_size=2000) | st.integers(0, len(SAMPLE) - 1).map(lambda n: SAMPLE[:n]), st.booleans())
def test_random_bytes_and_cut_archives_end_in_the_clear_error(tmp_path, data, skip_bad):
    path = tmp_path / "export.tar.gz"
    path.write_bytes(data)
    report = Report(path, skip_bad)
    found = _read(path, skip_bad, report)
    if found is None:
        return
    # read at all only with --skip-bad, from an archive cut after its realm.json: the break
    # is reported, and what came before it is the sample's own messages
    assert skip_bad and any("truncated or corrupt" in bad for bad in report.skipped), report.skipped
    assert {item.key for item in found} <= {key(m["id"]) for m in importable(NAME)}


@SLOW
@given(st.data(), st.booleans())
def test_damaged_values_in_messages_end_in_items_or_the_clear_error(tmp_path, data, skip_bad):
    export = ZulipExport()
    messages = export.messages["messages-000001.json"]["zerver_message"]
    for _ in range(data.draw(st.integers(1, 4))):
        message = data.draw(st.sampled_from(messages))
        message[data.draw(st.sampled_from(sorted(message)))] = data.draw(JSON)
    found = _read(export.write(tmp_path / "export.tar.gz"), skip_bad)
    if skip_bad:
        assert found is not None
    if found is not None:
        assert all(item.key.startswith(f"{REALM}:") for item in found)
        # what is still a direct message in any way (by its recipient, topic or flag) is not imported
        private = {key(m.get("id")) for m in messages if not isinstance(m.get("recipient"), (list, dict)) and (
            m.get("recipient") in (18, 19, 20, 21, 22, 25) or m.get("subject") == "\x07"
            or m.get("is_channel_message") is False)}
        assert not {item.key for item in found} & private
