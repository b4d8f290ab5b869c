"""`seedbed import slack EXPORT.zip…` on the sample export of tests/data/chat, checked against its
answer key (answer_key.json): messages imported and not, authors and bots, channels, threads,
reactions, times; the same message from Perceval being the same activity; the workspace;
re-runs, changed exports, bad and wrong-kind files, private conversations, sync."""
import json

import pytest

from seedbed.activity.models import Activity, Source
from seedbed.people.models import Identity
from tests.importers.slack_discord_samples import (
    SLACK_ZIP, answers, chat, importable, utc, whole_seconds, write_zip, zip_members,
)
from tests.importers.perceval_helpers import cli, counts, rows, sample, snapshot

pytestmark = pytest.mark.django_db

KEY = answers("slack/slack-export.zip")
TEAM = KEY["workspace"]["team_id"]
CHANNEL_IDS = {c["name"]: c["id"] for c in KEY["channels"]}


def key_of(answer_id: str) -> str:
    """The answer key's ``channel-name:ts`` as the activity's key, ``CHANNEL_ID:ts``."""
    name, ts = answer_id.split(":")
    return f"{CHANNEL_IDS[name]}:{ts}"


def imported(capsys, *paths) -> tuple[str, str]:
    code, out, err = cli(capsys, "import", "slack", *(paths or [SLACK_ZIP]))
    assert code == 0, err
    return out, err


def test_the_export_imports_as_the_answer_key_says(capsys):
    out, err = imported(capsys)
    got = rows("slack")
    want = {key_of(m["id"]): m for m in importable("slack/slack-export.zip")}
    assert set(got) == set(want)  # joins and the topic change are not imported
    for key, m in want.items():
        row, a = got[key], m["author"]
        assert (row["kind"], row["type"], row["channel"]) == ("chat", "ideas", m["where"]["channel"])
        if a["in_users_json"]:
            assert row["who"] == ("slack", TEAM, a["id"])
            assert (row["username"], row["name"], row["email"]) == (a["name"], a["real_name"], a["email"] or "")
        else:  # the webhook's bot_message: bot_id and username only, in the same workspace
            assert row["who"] == ("slack", TEAM, f"bot:{a['id']}") and row["name"] == a["name"]
        assert row["is_bot"] is a["is_bot"], key
        assert whole_seconds(row["occurred_at"]) == utc(m["time_utc"])
        assert row["reactions"] == m["reactions"]
        assert row["parent"] == (key_of(m["reply_to"]) if m["reply_to"] else None), key
        assert row["thread"] == (key_of(m["thread"]) if m["thread"] else key)
        assert m["text_contains"] in row["body"]
    totals = KEY["totals"]
    assert sum(r["reactions"] for r in got.values()) == totals["reactions"]
    assert sum(1 for r in got.values() if r["is_bot"]) == totals["by_bots"]
    assert Identity.objects.filter(source_kind="slack").count() == totals["distinct_authors"]
    # the thread of general:…318900 has four replies by others, one of them posted the next day
    assert got[key_of("general:1773133331.318900")]["replies"] == 4
    assert f"3 channels, {totals['importable']} messages, 2 skipped channel_join, 1 skipped channel_topic" in out
    assert f"{totals['importable']} new activities" in out and err == ""


def test_re_running_changes_nothing(capsys):
    imported(capsys)
    before = snapshot()
    out, _ = imported(capsys)
    assert "unchanged since it was imported" in out
    assert snapshot() == before


def _rebuilt(tmp_path, change=None, name="export.zip", prefix="", date_time=None):
    """The sample export rebuilt, after ``change(members)`` (members by name, values decoded)."""
    members = {n: (json.loads(b) if n.endswith(".json") else b) for n, b in zip_members().items()}
    if change:
        change(members)
    raw = {prefix + n: (json.dumps(v, ensure_ascii=False, indent=4).encode() if n.endswith(".json") else v)
           for n, v in members.items()}
    return write_zip(tmp_path / name, raw, date_time)


def test_a_newer_export_adds_only_new_messages_and_brings_reactions_up_to_date(tmp_path, capsys):
    imported(capsys)
    before = Activity.objects.count()

    def grow(members):
        day = members["help/2026-03-12.json"]
        day.append(dict(day[0], ts="1773334800.016600", text="Yes, citrus is fine in small amounts.",
                        client_msg_id="f0000000-0000-0000-0000-000000000001"))
        members["general/2026-03-10.json"][1]["reactions"][0]["count"] += 2

    out, _ = imported(capsys, _rebuilt(tmp_path, grow))  # dated now: a later sighting than the sample's
    assert "1 new activities" in out
    assert Activity.objects.count() == before + 1
    assert Activity.objects.get(key=key_of("general:1773133331.318900")).reactions == 3 + 2


def test_a_message_from_perceval_and_from_the_export_is_one_activity(tmp_path, capsys):
    """The samples do not overlap (another workspace): build Perceval's lines for three of the
    export's messages, as its Slack backend writes them (channel_info, user_data, no team on a
    webhook's bot_message), and import both routes in both orders."""
    members = {n: json.loads(b) for n, b in zip_members().items() if n.endswith(".json")}
    users = {u["id"]: u for u in members["users.json"]}
    general = members["general/2026-03-10.json"]
    picked = [m for m in general if m["ts"] in ("1773133331.318900", "1773137727.600100", "1773133622.771200")]
    assert len(picked) == 3 and any(m.get("subtype") == "bot_message" for m in picked)
    path = tmp_path / "perceval-slack.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for m in picked:
            data = dict(m, channel_info={"id": CHANNEL_IDS["general"], "name": "general", "context_team_id": TEAM})
            if "user" in m:
                data["user_data"] = users[m["user"]]
            f.write(json.dumps({"backend_name": "Slack", "category": "message", "data": data,
                                "origin": f"https://slack.com/{CHANNEL_IDS['general']}", "updated_on": float(m["ts"]),
                                "uuid": "0" * 40}) + "\n")
    outcomes = []
    for first, second in ((["perceval", path], ["slack", SLACK_ZIP]), (["slack", SLACK_ZIP], ["perceval", path])):
        Activity.objects.all().delete()
        Identity.objects.all().delete()
        Source.objects.all().delete()
        assert cli(capsys, "import", *first)[0] == 0
        assert cli(capsys, "import", *second)[0] == 0
        outcomes.append(snapshot()["activities"])
        assert Activity.objects.count() == KEY["totals"]["importable"]
        assert not Identity.objects.filter(source_kind="slack").exclude(source_instance=TEAM).exists()
        assert Identity.objects.filter(source_kind="slack").count() == KEY["totals"]["distinct_authors"]
    assert outcomes[0] == outcomes[1]


@pytest.mark.parametrize("fetched, extra, wins", [
    ("2026-03-20T09:00:00Z", 2, True),  # fetched a week after the export (its files are dated 2026-03-13)
    ("2026-03-12T09:00:00Z", -2, False),  # fetched the day before the export: the export is newer
])
def test_the_newer_of_an_export_and_a_perceval_fetch_gives_the_reactions_in_either_order(
        tmp_path, capsys, fetched, extra, wins):
    """Perceval's updated_on for Slack is the message's ts; the fetch (``timestamp``) is when its
    reactions were seen, as the export's date is: the later of the two counts, whichever came first."""
    general = json.loads(zip_members()["general/2026-03-10.json"])
    m = next(m for m in general if m["ts"] == "1773133331.318900")
    in_export = sum(r["count"] for r in m["reactions"])
    data = dict(m, reactions=[dict(m["reactions"][0], count=m["reactions"][0]["count"] + extra), *m["reactions"][1:]],
                channel_info={"id": CHANNEL_IDS["general"], "name": "general", "context_team_id": TEAM},
                user_data=next(u for u in json.loads(zip_members()["users.json"]) if u["id"] == m["user"]))
    path = tmp_path / "perceval-slack.jsonl"
    path.write_text(json.dumps({"backend_name": "Slack", "category": "message", "data": data,
                                "origin": f"https://slack.com/{CHANNEL_IDS['general']}", "updated_on": float(m["ts"]),
                                "timestamp": utc(fetched).timestamp(), "uuid": "0" * 40}) + "\n", encoding="utf-8")
    outcomes = []
    for first, second in ((["slack", SLACK_ZIP], ["perceval", path]), (["perceval", path], ["slack", SLACK_ZIP])):
        Activity.objects.all().delete()
        Identity.objects.all().delete()
        Source.objects.all().delete()
        assert cli(capsys, "import", *first)[0] == 0
        assert cli(capsys, "import", *second)[0] == 0
        assert Activity.objects.get(key=key_of("general:1773133331.318900")).reactions == (
            in_export + extra if wins else in_export)
        outcomes.append(snapshot()["activities"])
    assert outcomes[0] == outcomes[1]


def test_perceval_s_webhook_bot_is_in_the_workspace_of_its_channel(capsys):
    code, out, err = cli(capsys, "import", "perceval", sample("slack.jsonl"))
    assert code == 0, err
    assert set(Identity.objects.filter(source_kind="slack").values_list("source_instance", flat=True)) == {
        "T05MARIGLD"}  # the team of every message, and channel_info's for the bot_message
    assert Identity.objects.get(source_kind="slack", key="bot:B05GHBOT01").is_bot


def test_an_export_that_names_no_workspace_keeps_its_people_apart_and_says_so(tmp_path, capsys):
    def forget(members):
        for user in members["users.json"]:
            user.pop("team_id")
        for name, value in members.items():
            if "/" in name and name.endswith(".json"):
                for m in value:
                    m.pop("team", None)

    out, err = imported(capsys, _rebuilt(tmp_path, forget))
    assert "names no workspace" in err
    assert set(Identity.objects.filter(source_kind="slack").values_list("source_instance", flat=True)) == {""}
    assert Activity.objects.count() == KEY["totals"]["importable"]


def test_an_export_zipped_in_a_folder_reads_the_same(tmp_path, capsys):
    imported(capsys, _rebuilt(tmp_path, prefix="marigold-export/"))
    assert set(rows("slack")) == {key_of(m["id"]) for m in importable("slack/slack-export.zip")}


def test_private_conversations_are_counted_never_imported(tmp_path, capsys):
    said = {"user": "U07MRG1AMR2", "type": "message", "ts": "1773140000.000100", "text": "a private word", "team": TEAM}

    def add(members):
        members["groups.json"] = [{"id": "G07MRGPRIV1", "name": "stewards", "members": ["U07MRG1AMR2"]}]
        members["dms.json"] = [{"id": "D07MRGDM001", "members": ["U07MRG1AMR2", "U07MRG2TMZ8"]}]
        members["stewards/2026-03-10.json"] = [said]
        members["D07MRGDM001/2026-03-10.json"] = [said]
        members["elsewhere/2026-03-10.json"] = [said]

    out, err = imported(capsys, _rebuilt(tmp_path, add))
    assert "2 private conversations not imported" in out
    assert "folder elsewhere/ is not a channel of channels.json" in err
    assert Activity.objects.count() == KEY["totals"]["importable"]
    assert not Activity.objects.filter(body="a private word").exists()


# ---- bad and wrong-kind files --------------------------------------------------------------


@pytest.mark.parametrize("name, where", [
    ("invalid/slack-truncated.zip", "not a ZIP file, or a truncated one"),
    ("invalid/slack-bad-day.zip", "member help/2026-03-10.json: not valid JSON (Expecting value at line 1 column 1)"),
    ("invalid/empty.json", "not a ZIP file"),
    ("discord/general.json", "not a ZIP file"),
    ("invalid/zulip-not-export.tar.gz", "not a ZIP file"),
])
def test_a_bad_or_wrong_file_fails_in_one_line_and_writes_nothing(capsys, name, where):
    code, out, err = cli(capsys, "import", "discord", chat("discord/help.json"))
    assert code == 0
    before, sources = snapshot(), counts()
    code, out, err = cli(capsys, "import", "slack", chat(name))
    assert code != 0
    assert err.count("\n") == 1 and str(chat(name)) in err and where in err, err
    assert counts() == sources and snapshot() == before


@pytest.mark.parametrize("change, where", [
    (lambda m: m.pop("users.json"), "not a Slack export (no users.json and channels.json"),
    (lambda m: m.update({"channels.json": {"general": 1}}), "member channels.json: not a Slack export's list"),
])
def test_a_zip_that_is_not_a_slack_export_fails_even_with_skip_bad(tmp_path, capsys, change, where):
    path = _rebuilt(tmp_path, change)
    for extra in ([], ["--skip-bad"]):
        code, out, err = cli(capsys, "import", "slack", path, *extra)
        assert code != 0 and where in err and err.count("\n") == 1, err
    assert not Activity.objects.exists() and not Source.objects.exists()


def test_skip_bad_imports_the_day_files_that_can_be_read(capsys):
    code, out, err = cli(capsys, "import", "slack", chat("invalid/slack-bad-day.zip"), "--skip-bad")
    assert code == 0, err
    assert "skipped" in err and "member help/2026-03-10.json" in err and "1 skipped" in out
    readable = {key_of(m["id"]) for m in importable("slack/slack-export.zip")
                if m["where"]["day_file"] == "general/2026-03-10.json"}
    assert set(Activity.objects.values_list("key", flat=True)) == readable


def test_a_damaged_message_is_named_by_member_and_number(tmp_path, capsys):
    def damage(members):
        members["help/2026-03-10.json"][3]["reactions"] = [{"name": "+1", "count": "many"}]
        members["general/2026-03-11.json"][0] = "not a message"

    path = _rebuilt(tmp_path, damage)
    try:
        code, out, err = cli(capsys, "import", "slack", path)
    except Exception as exc:  # noqa: BLE001 - the point: anything but a one-line error is wrong
        pytest.fail(f"the import crashed: {type(exc).__name__}: {exc}")
    assert code != 0 and err.count("\n") == 1 and "member general/2026-03-11.json, message 1" in err
    assert not Activity.objects.exists()
    code, out, err = cli(capsys, "import", "slack", path, "--skip-bad")
    assert code == 0 and "member help/2026-03-10.json, message 4: a damaged value" in err and "2 skipped" in out
    assert Activity.objects.count() == KEY["totals"]["importable"] - 2


def test_a_failed_run_of_a_known_export_keeps_what_it_brought_before(tmp_path, capsys):
    path = tmp_path / "export.zip"
    path.write_bytes(SLACK_ZIP.read_bytes())
    imported(capsys, path)
    before = snapshot()["activities"]
    path.write_bytes(chat("invalid/slack-bad-day.zip").read_bytes())
    code, out, err = cli(capsys, "import", "slack", path)
    assert code != 0 and "member help/2026-03-10.json" in err
    assert snapshot()["activities"] == before
    source = Source.objects.get(kind="slack")
    assert source.status == "failed" and "help/2026-03-10.json" in source.error


def test_sync_reads_a_changed_export_again(tmp_path, capsys):
    path = tmp_path / "export.zip"
    path.write_bytes(SLACK_ZIP.read_bytes())
    imported(capsys, path)
    code, out, _ = cli(capsys, "sync")
    assert code == 0 and f"slack {path.resolve()}: unchanged" in out

    def grow(members):
        members["random/2026-03-11.json"].append(dict(members["random/2026-03-11.json"][1], ts="1773240000.001900"))

    _rebuilt(tmp_path, grow, name="export.zip")
    code, out, err = cli(capsys, "sync")
    assert code == 0 and f"slack {path.resolve()}: 1 new" in out, out + err
