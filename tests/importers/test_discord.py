"""`seedbed import discord FILE.json…` on the samples of tests/data/chat, checked against their
answer key (answer_key.json): what is imported and what is not, authors and bots, channels,
replies and threads, reactions, times; re-runs, changed files, bad and wrong-kind files, sync."""
import itertools
import json
import shutil

import pytest

from seedbed.activity.models import Activity, Source
from seedbed.people.models import Identity
from tests.importers.slack_discord_samples import DISCORD_FILES, answers, chat, importable, utc, whole_seconds
from tests.importers.perceval_helpers import cli, counts, rows, snapshot

pytestmark = pytest.mark.django_db


def imported(capsys, *names) -> str:
    code, out, err = cli(capsys, "import", "discord", *[chat(f"discord/{n}") for n in names])
    assert code == 0, err
    return out


def expected_rows() -> dict[str, dict]:
    return {m["id"]: m for name in DISCORD_FILES for m in importable(f"discord/{name}")}


@pytest.mark.parametrize("order", list(itertools.permutations(DISCORD_FILES)))
def test_every_sample_imports_as_the_answer_key_says_in_any_order(capsys, order):
    imported(capsys, *order)
    got = rows("discord")
    want = expected_rows()
    assert set(got) == set(want)  # joins, pins and "started a thread" notices are not imported
    for ident, m in want.items():
        row = got[ident]
        assert (row["kind"], row["type"], row["platform"]) == ("chat", "ideas", "discord")
        a = m["author"]
        assert row["who"] == ("discord", "", a["id"])
        assert (row["username"], row["name"], row["is_bot"]) == (a["name"], a["display_name"], a["is_bot"])
        assert whole_seconds(row["occurred_at"]) == utc(m["time_utc"])
        assert row["reactions"] == m["reactions"]
        assert row["parent"] == m["reply_to"], ident  # Activity.parent, whichever file came first
        assert row["channel"] == ("help" if m["where"]["parent_channel_id"] else m["where"]["channel"])
        assert m["text_contains"] in row["body"]
        if m["thread"]:
            assert row["thread"] == m["thread"]
    assert Identity.objects.filter(source_kind="discord").count() == len({m["author"]["id"] for m in want.values()})
    # answered by someone else: Amara's welcome (Ola), Tomasz's photos (李明), 李明's question (Tomasz), the
    # thread's first step (李明)
    assert {k: r["replies"] for k, r in got.items() if r["replies"]} == {
        "1480621713401184258": 1, "1480840760545902596": 1, "1481219053707198472": 1, "1481220429166280719": 1}


def test_the_summary_counts_messages_and_what_was_skipped(capsys):
    out = imported(capsys, "help.json")
    key = answers("discord/help.json")["totals"]
    assert f"{key['importable']} messages" in out and "1 skipped pins" in out and "1 skipped thread notices" in out
    assert f"{key['importable']} new activities" in out


def test_re_running_changes_nothing(capsys):
    imported(capsys, *DISCORD_FILES)
    before = snapshot()
    out = imported(capsys, *DISCORD_FILES)
    assert out.count("unchanged since it was imported") == 3
    assert snapshot() == before


def _general() -> dict:
    return json.loads(chat("discord/general.json").read_text(encoding="utf-8"))


def _write(path, doc) -> str:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return str(path)


def test_a_changed_file_imports_only_what_is_new_and_updates_reactions(tmp_path, capsys):
    path = tmp_path / "general.json"
    shutil.copyfile(chat("discord/general.json"), path)
    assert cli(capsys, "import", "discord", path)[0] == 0
    before = Activity.objects.count()
    doc = _general()
    new = json.loads(json.dumps(doc["messages"][-1]))
    new.update(id="1480900000000000001", timestamp="2026-03-11T10:00:00.000+00:00", content="One more 🌱",
               reactions=[])
    doc["messages"].append(new)
    doc["messages"][1]["reactions"].append({"emoji": {"id": "", "name": "🎉", "code": "tada", "isAnimated": False,
                                                      "imageUrl": ""}, "count": 4, "users": []})
    doc["exportedAt"] = "2026-03-14T07:05:12.4023117+00:00"  # a later export
    code, out, err = cli(capsys, "import", "discord", _write(path, doc))
    assert code == 0, err
    assert "1 new activities" in out
    assert Activity.objects.count() == before + 1
    # the later export is the newer sighting: its reactions count, and every message was seen then
    assert Activity.objects.get(key=doc["messages"][1]["id"]).reactions == 3 + 4
    assert {a.extra["seen_at"] for a in Activity.objects.all()} == {"2026-03-14T07:05:12.402311+00:00"}


# ---- bad and wrong-kind files --------------------------------------------------------------


@pytest.mark.parametrize("name, where", [
    ("invalid/discord-cut.json", "line 164 column 18"),
    ("invalid/wrong-kind.json", "not a DiscordChatExporter JSON export"),
    ("invalid/empty.json", "line 1 column 1"),
    ("slack/slack-export.zip", "not a DiscordChatExporter JSON export"),
    ("invalid/zulip-not-export.tar.gz", "not a DiscordChatExporter JSON export"),
])
def test_a_bad_or_wrong_file_fails_in_one_line_and_writes_nothing(capsys, name, where):
    imported(capsys, "help.json")
    before, sources = snapshot(), counts()
    code, out, err = cli(capsys, "import", "discord", chat(name))
    assert code != 0
    assert err.count("\n") == 1 and str(chat(name)) in err and where in err, err
    assert counts() == sources and snapshot()["activities"] == before["activities"]
    assert snapshot()["identities"] == before["identities"]
    assert not Source.objects.filter(location=str(chat(name).resolve())).exists()  # not even a source


def test_skip_bad_imports_what_comes_before_the_cut(capsys):
    code, out, err = cli(capsys, "import", "discord", chat("invalid/discord-cut.json"), "--skip-bad")
    assert code == 0, err
    assert "line 164 column 18" in err and "1 skipped" in out
    # the cut is inside the third message: the first is a join, the second Amara's welcome
    assert list(Activity.objects.values_list("key", flat=True)) == ["1480621713401184258"]


@pytest.mark.parametrize("skip_bad", [True, False])
def test_a_wrong_kind_file_fails_even_with_skip_bad(capsys, skip_bad):
    code, out, err = cli(capsys, "import", "discord", chat("invalid/wrong-kind.json"), *(["--skip-bad"] * skip_bad))
    assert code != 0 and "not a DiscordChatExporter JSON export" in err
    assert not Activity.objects.exists()


def test_a_damaged_message_is_named_and_skip_bad_imports_the_rest(tmp_path, capsys):
    doc = _general()
    doc["messages"][2]["author"] = 5
    doc["messages"][4]["reactions"] = [{"count": "many"}]
    path = _write(tmp_path / "damaged.json", doc)
    try:
        code, out, err = cli(capsys, "import", "discord", path)
    except Exception as exc:  # noqa: BLE001 - the point: anything but a one-line error is wrong
        pytest.fail(f"the import crashed: {type(exc).__name__}: {exc}")
    assert code != 0 and err.count("\n") == 1 and path in err and "message 3 (line " in err
    assert not Activity.objects.exists()
    code, out, err = cli(capsys, "import", "discord", path, "--skip-bad")
    assert code == 0 and "message 3 (line " in err and "message 5 (line " in err and "2 skipped" in out
    assert Activity.objects.count() == answers("discord/general.json")["totals"]["importable"] - 2


def test_nul_and_lone_surrogates_in_text_are_stored_on_any_database(tmp_path, capsys):
    text = chat("discord/general.json").read_text(encoding="utf-8")
    text = text.replace("Hei! Mostly potatoes", "Hei!\\u0000 Mostly \\udce9potatoes")
    path = tmp_path / "odd.json"
    path.write_text(text, encoding="utf-8")
    code, out, err = cli(capsys, "import", "discord", path)
    assert code == 0, err
    body = Activity.objects.get(key="1480622412482609155").body
    assert body.startswith("Hei!\ufffd Mostly \ufffdpotatoes")


def test_a_direct_message_conversation_is_private_and_not_imported(tmp_path, capsys):
    doc = _general()
    doc["guild"] = {"id": "0", "name": "Direct Messages", "iconUrl": ""}
    doc["channel"] = {"id": "1200000000000000001", "type": "DirectTextChat", "categoryId": "0",
                      "category": "Private", "name": "Ola Nordmann", "topic": None}
    code, out, err = cli(capsys, "import", "discord", _write(tmp_path / "dm.json", doc))
    assert code == 0 and "private, not imported" in err
    assert f"{len(doc['messages'])} private messages not imported" in out
    assert not Activity.objects.exists() and not Identity.objects.exists()


@pytest.mark.parametrize("guild, kind, note", [
    ({"id": "1089301927446712330", "name": "Marigold Gardeners 🌼"}, "GuildPrivateThread", "a private thread"),
    # DCE's guild of direct messages: private whatever kind of channel the file says it is
    ({"id": "0", "name": "Direct Messages"}, "GuildTextChat", "a direct-message conversation"),
])
def test_a_private_thread_or_any_channel_of_the_direct_messages_is_not_imported(tmp_path, capsys, guild, kind, note):
    doc = json.loads(chat("discord/help-thread.json").read_text(encoding="utf-8"))
    doc["guild"] = dict(doc["guild"], **guild)
    doc["channel"]["type"] = kind
    code, out, err = cli(capsys, "import", "discord", _write(tmp_path / "private.json", doc))
    assert code == 0 and f"{note}: private, not imported" in err, err
    assert f"{len(doc['messages'])} private messages not imported" in out
    assert not Activity.objects.exists() and not Identity.objects.exists()


def test_a_forum_post_s_first_message_is_not_its_own_parent(tmp_path, capsys):
    """A forum post is a thread whose first message, in the thread's file, has the thread's id."""
    doc = json.loads(chat("discord/help-thread.json").read_text(encoding="utf-8"))
    first, second = doc["messages"]
    doc["channel"].update(id=first["id"], category="garden-forum", type="GuildPublicThread")
    code, out, err = cli(capsys, "import", "discord", _write(tmp_path / "forum-post.json", doc))
    assert code == 0, err
    got = rows("discord")
    assert (got[first["id"]]["parent"], got[first["id"]]["parent_key"], got[first["id"]]["thread"]) == (
        None, "", first["id"])
    assert got[second["id"]]["parent"] == first["id"] and got[first["id"]]["replies"] == 1


def test_sync_reads_a_changed_file_again(tmp_path, capsys):
    path = tmp_path / "general.json"
    shutil.copyfile(chat("discord/general.json"), path)
    assert cli(capsys, "import", "discord", path)[0] == 0
    code, out, _ = cli(capsys, "sync")
    assert code == 0 and f"discord {path.resolve()}: unchanged" in out
    doc = _general()
    doc["messages"] = doc["messages"] + [dict(doc["messages"][-1], id="1480900000000000002", reactions=[])]
    _write(path, doc)
    code, out, err = cli(capsys, "sync")
    assert code == 0 and f"discord {path.resolve()}: 1 new" in out, out + err
