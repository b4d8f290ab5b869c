"""Kill `seedbed import slack EXPORT.zip…` with a real SIGKILL at several points; running the same
command again must end with exactly the database an uninterrupted run makes (resume_helpers)."""
import json
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from tests.importers.slack_discord_samples import SLACK_ZIP
from tests.importers.resume_helpers import KILLS, check_killed_run, reference

MESSAGES = 6000  # per big export: more than one batch of the item store, so the WAL grows mid-way
PEOPLE = 120
TEAM = "T0BIGEXP01"
CHANNELS = [{"id": f"C0BIGCHAN{i}", "name": f"big-{i}", "created": 1767225600, "members": []} for i in range(3)]


# ---- input: an export in the shape of the sample -----------------------------------------------


def _name(n: int) -> str:
    return f"Person {n}" if n % 7 else f"P\u00e9rson {n}"


def _users() -> list[dict]:
    return [{"id": f"U{n:08d}", "team_id": TEAM, "name": f"person{n}", "real_name": _name(n), "deleted": n == 5,
             "is_bot": n == 0, "profile": {"real_name": _name(n), "display_name": f"p{n}",
                                           **({} if n == 0 else {"email": f"p{n}@example.org"})}}
            for n in range(PEOPLE)]


def _ts(n: int) -> str:
    return f"{1767225600 + n * 60}.{n % 1000:03d}100"


def _message(n: int) -> dict:
    who = f"U{n % PEOPLE:08d}"
    m = {"type": "message", "ts": _ts(n), "text": f"Message {n}: seeds and soil", "team": TEAM}
    if n % 50 == 0:  # a webhook's post
        m.update(subtype="bot_message", bot_id="B0BIGHOOK1", username="Hook")
        del m["team"]
    elif n % 97 == 0:
        m.update(subtype="channel_join", user=who, text=f"<@{who}> has joined the channel")
    else:
        m["user"] = who
    if n % 4:
        m["thread_ts"] = _ts(n - n % 4)  # the same channel: a channel holds 100 messages in a row
    if n % 3 == 0:
        m["reactions"] = [{"name": "seedling", "users": [], "count": n % 5 + 1}]
    return m


def _export(path: Path, start: int, stop: int) -> Path:
    days: dict[str, list] = {}
    for n in range(start, stop):
        m = _message(n)
        day = time.strftime("%Y-%m-%d", time.gmtime(float(m["ts"])))
        days.setdefault(f"{CHANNELS[(n // 100) % 3]['name']}/{day}.json", []).append(m)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, value in [("channels.json", CHANNELS), ("users.json", _users()), *sorted(days.items())]:
            archive.writestr(zipfile.ZipInfo(name, (2026, 3, 13, 7, 30, 0)), json.dumps(value, indent=4))
    return path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("slack-resume")
    # big exports first and last, so that a kill lands inside their transactions
    files = [_export(folder / "big-1.zip", 0, MESSAGES), Path(shutil.copyfile(SLACK_ZIP, folder / "sample.zip")),
             _export(folder / "big-2.zip", MESSAGES, 2 * MESSAGES)]
    return (files, *reference(folder, "slack", files))


def test_the_uninterrupted_run_imports_every_export(inputs):
    files, _, expected = inputs
    assert [s[:3] for s in expected["sources"]] == sorted(("slack", str(f.resolve()), "ok") for f in files)
    big = [n for n in range(2 * MESSAGES) if n % 50 == 0 or n % 97]
    keys = {a[1] for a in expected["activities"]}
    assert {f"{CHANNELS[(n // 100) % 3]['id']}:{_ts(n)}" for n in big} <= keys
    assert len(keys) == len(big) + 15  # and the sample's
    assert {(i[1], i[2]) for i in expected["identities"] if i[2].startswith("bot:")} >= {(TEAM, "bot:B0BIGHOOK1")}


@pytest.mark.parametrize("where, kill_after, grown", KILLS)
def test_a_killed_import_finishes_on_the_next_run_exactly_as_an_uninterrupted_one(tmp_path, inputs, where, kill_after,
                                                                                   grown):
    files, template, expected = inputs
    check_killed_run(tmp_path, "slack", files, template, expected, kill_after, grown, where)
