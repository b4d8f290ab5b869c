"""Shared by the tests of `import slack` and `import discord` (and their readers): the samples
of tests/data/chat and their answer key (answer_key.json, described in that folder's README.md)."""
from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

CHAT = Path(__file__).resolve().parent.parent / "data" / "chat"
KEY = json.loads((CHAT / "answer_key.json").read_text(encoding="utf-8"))
SLACK_ZIP = CHAT / "slack" / "slack-export.zip"
DISCORD_FILES = ("general.json", "help.json", "help-thread.json")


def chat(name: str) -> Path:
    return CHAT / name


def answers(name: str) -> dict:
    """The answer key's entry for a valid sample, e.g. ``slack/slack-export.zip``."""
    return KEY["files"][name]


def importable(name: str) -> list[dict]:
    return [m for m in answers(name)["messages"] if not m["skip"] and not m["private"]]


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def whole_seconds(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.timezone.utc).replace(microsecond=0)


def zip_members(path: Path = SLACK_ZIP) -> dict[str, bytes]:
    """The members of a ZIP, by name, in order (directories included, as empty entries)."""
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_zip(path: Path, members: dict[str, bytes], date_time=None) -> Path:
    """A ZIP of ``members``; entries dated ``date_time`` (a 6-tuple), else now."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=date_time or dt.datetime.now().timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return path
