"""Kill `seedbed import discord FILE.json…` with a real SIGKILL at several points; running the
same command again must end with exactly the database an uninterrupted run makes (resume_helpers)."""
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from tests.importers.slack_discord_samples import chat
from tests.importers.resume_helpers import KILLS, check_killed_run, reference

MESSAGES = 6000  # per big file: more than one batch of the item store, so the WAL grows mid-way
PEOPLE = 120
EPOCH = dt.datetime(2015, 1, 1, tzinfo=dt.timezone.utc)
START = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
OFFSET = dt.timezone(dt.timedelta(hours=1))  # exported without --utc, as help.json was


# ---- input: DCE files in the shape of the samples ----------------------------------------------


def _at(n: int) -> dt.datetime:
    return START + dt.timedelta(minutes=n)


def _id(n: int) -> str:
    """A snowflake, made from the send time as Discord makes them."""
    return str((int((_at(n) - EPOCH).total_seconds() * 1000) << 22) + n % 4096)


def _message(n: int, template: dict) -> dict:
    m = json.loads(json.dumps(template))
    person = n % PEOPLE
    m.update(id=_id(n), type="Default", timestamp=_at(n).astimezone(OFFSET).isoformat(timespec="milliseconds"),
             content=f"Message {n}: seeds and soil", reactions=[], mentions=[])
    m["author"] = {"id": str(900000000000000000 + person), "name": f"person{person}", "discriminator": "0000",
                   "nickname": f"Person {person}" if person % 7 else f"P\u00e9rson {person}",
                   "isBot": person == 0, "roles": [], "avatarUrl": ""}
    m.pop("reference", None)
    if n % 97 == 0:
        m.update(type="GuildMemberJoin", content="Joined the server.")
    elif n % 4:
        m.update(type="Reply", reference={"type": "Default", "messageId": _id(n - 1), "channelId": "1",
                                          "guildId": "1"})
    if n % 3 == 0:
        m["reactions"] = [{"emoji": {"id": "", "name": "🌱", "code": "seedling", "isAnimated": False,
                                     "imageUrl": ""}, "count": n % 5 + 1, "users": []}]
    return m


def _file(path: Path, start: int, stop: int) -> Path:
    sample = json.loads(chat("discord/general.json").read_text(encoding="utf-8"))
    template = sample["messages"][1]
    doc = {k: v for k, v in sample.items() if k != "messages"}
    doc["channel"] = dict(doc["channel"], id=f"13000000000000000{start // MESSAGES}", name=f"big-{start // MESSAGES}")
    doc["messages"] = [_message(n, template) for n in range(start, stop)]
    doc["messageCount"] = len(doc["messages"])
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("discord-resume")
    files = [_file(folder / "big-1.json", 0, MESSAGES),
             Path(shutil.copyfile(chat("discord/general.json"), folder / "general.json")),
             _file(folder / "big-2.json", MESSAGES, 2 * MESSAGES)]
    return (files, *reference(folder, "discord", files))


def test_the_uninterrupted_run_imports_every_file(inputs):
    files, _, expected = inputs
    assert [s[:3] for s in expected["sources"]] == sorted(("discord", str(f.resolve()), "ok") for f in files)
    keys = {a[1] for a in expected["activities"]}
    assert {_id(n) for n in range(2 * MESSAGES) if n % 97} <= keys
    assert len(keys) == len([n for n in range(2 * MESSAGES) if n % 97]) + 6  # and general.json's
    replies = {a[1]: a[8] for a in expected["activities"]}
    assert replies[_id(MESSAGES + 1)] == _id(MESSAGES)  # a reply points at the message it answers


@pytest.mark.parametrize("where, kill_after, grown", KILLS)
def test_a_killed_import_finishes_on_the_next_run_exactly_as_an_uninterrupted_one(tmp_path, inputs, where, kill_after,
                                                                                   grown):
    files, template, expected = inputs
    check_killed_run(tmp_path, "discord", files, template, expected, kill_after, grown, where)
