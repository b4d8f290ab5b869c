"""Import a Slack workspace export (``seedbed import slack EXPORT.zip…``).

Fetch: the ZIP that Slack's "Export data" makes: ``users.json``, ``channels.json`` and a
folder per public channel with one JSON file per day. Parse: ``slack_items``, the reader
of Perceval's Slack items too, so a message is one activity whichever route brought it:
``CHANNEL_ID:TS``, by the identity (slack, TEAM_ID, USER_ID).

* The workspace: Perceval's route takes the team a message names, else its channel's.
  An export's messages name their team too (a webhook's ``bot_message`` does not); the
  export's own team is the ``team_id`` most of ``users.json``'s people have. An export
  that names no team anywhere (none seen so far) keeps its people in the workspace "",
  apart from Perceval's, and says so.
* Only the public channels of ``channels.json`` are read. An export of all
  conversations also holds private channels, direct and group messages (``groups.json``,
  ``dms.json``, ``mpims.json``): their folders are counted, not imported.
* A message was seen when the export was made: the date of its day file in the ZIP, if
  that is not older than the message (Perceval's route: when Perceval fetched it). So a
  newer export's or fetch's reactions replace an older one's, whichever is imported first.

A file that is not a Slack export (not a ZIP, a truncated one, no users.json and
channels.json) fails whole with one line. A day file that is not JSON, or a damaged
message, is a bad part, named by its member and message number: it fails the import, or
with --skip-bad is reported and the rest is imported.
"""
from __future__ import annotations

import datetime as dt
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from seedbed.importers import json_whole, slack_items
from seedbed.importers.errors import ImportFailed
from seedbed.importers.file_import import FileImported, Report, import_file
from seedbed.importers.items import DAMAGE, Item
from seedbed.importers.progress import Progress

KIND = "slack"
PRIVATE_LISTS = ("groups.json", "dms.json", "mpims.json")
_MEMBER_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError)


def import_slack(path: str, *, skip_bad: bool = False, progress: Progress | None = None) -> FileImported:
    """One export ZIP; ``counts`` holds the channels and messages read and those skipped."""
    return import_file(KIND, path, _read, skip_bad=skip_bad, progress=progress)


def _read(file: Path, report: Report) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ImportFailed(f"{file}: not a ZIP file, or a truncated one ({exc})") from None
    with archive:
        done = [0]  # compressed bytes of the members read, for progress
        report.position = lambda: done[0] // 1024
        root = _root(file, archive)
        users = _list(file, archive, root + "users.json")
        channels = _list(file, archive, root + "channels.json")
        teams = Counter(u["team_id"] for u in users if isinstance(u, dict) and isinstance(u.get("team_id"), str))
        team = teams.most_common(1)[0][0] if teams else ""
        if not team:
            report.notes.append("the export names no workspace (no team_id in users.json): its people are "
                                "not matched with the same workspace's from Perceval")
        known = {u["id"]: u for u in users if isinstance(u, dict) and isinstance(u.get("id"), str)}
        days = _day_files(archive, root)
        for number, channel in enumerate(channels, 1):
            if not isinstance(channel, dict) or not _is_text(channel.get("id")) or not _is_text(channel.get("name")):
                report.bad(f"member {root}channels.json, channel {number}: without its id and name")
                continue
            report.counts["channels"] += 1
            for info in days.pop(channel["name"], []):
                yield from _day(archive, info, channel, team, known, report)
                done[0] += info.compress_size
        _leftovers(archive, root, days, report)


def _day(archive: zipfile.ZipFile, info: zipfile.ZipInfo, channel: dict, team: str, known: dict,
         report: Report) -> Iterator[Item]:
    """The messages of one channel's day file."""
    messages = _json(archive, info.filename, report)
    if messages is None:
        return
    if not isinstance(messages, list):
        report.bad(f"member {info.filename}: not a list of messages (a JSON {type(messages).__name__})")
        return
    exported = _zip_time(info)
    for number, data in enumerate(messages, 1):
        try:
            if not isinstance(data, dict):
                raise slack_items.BadObject(f"not a message (a JSON {type(data).__name__})")
            item = slack_items.message(slack_items.workspace_of(data, team), data, exported, channel=channel["name"],
                                       channel_id=channel["id"], known_user=known.get(data.get("user")))
        except slack_items.BadObject as exc:
            report.bad(f"member {info.filename}, message {number}: {exc}")
            continue
        except DAMAGE as exc:
            report.bad(f"member {info.filename}, message {number}: a damaged value ({type(exc).__name__}: {exc})")
            continue
        if item is None:
            subtype = data.get("subtype")
            report.counts[f"skipped {subtype}" if isinstance(subtype, str) else "skipped without an author"] += 1
            continue
        report.counts["messages"] += 1
        yield item


def _root(file: Path, archive: zipfile.ZipFile) -> str:
    """Where the export's lists are: at the top, or in the one folder someone zipped it in."""
    names = set(archive.namelist())
    for root in ["", *sorted({n.split("/")[0] + "/" for n in names if n.count("/") == 1})]:
        if root + "users.json" in names and root + "channels.json" in names:
            return root
    raise ImportFailed(f"{file}: not a Slack export (no users.json and channels.json in it)")


def _list(file: Path, archive: zipfile.ZipFile, name: str) -> list:
    """users.json or channels.json: without them nothing can be read, so damage is fatal."""
    value = _json(archive, name, None, file)
    if not isinstance(value, list):
        raise ImportFailed(f"{file}: member {name}: not a Slack export's list (a JSON {type(value).__name__})")
    return value


def _json(archive: zipfile.ZipFile, name: str, report: Report | None, file: Path | None = None):
    """A member decoded (``json_whole``: clean text, a BOM allowed); None, after reporting it,
    when it cannot be (fatal without a report)."""
    try:
        return json_whole.decode(archive.read(name))
    except json_whole.NotJson as exc:  # where it breaks: a byte, or a line and column
        problem = str(exc)
    except _MEMBER_ERRORS as exc:
        problem = f"cannot be read from the ZIP ({exc})"
    if report is None:
        raise ImportFailed(f"{file}: member {name}: {problem}")
    report.bad(f"member {name}: {problem}")
    return None


def _day_files(archive: zipfile.ZipFile, root: str) -> dict[str, list[zipfile.ZipInfo]]:
    """The JSON files of each folder, by folder name, in name (date) order."""
    days: dict[str, list[zipfile.ZipInfo]] = {}
    for info in archive.infolist():
        path = PurePosixPath(info.filename[len(root):]) if info.filename.startswith(root) else None
        if path is not None and len(path.parts) == 2 and path.suffix == ".json" and not info.is_dir():
            days.setdefault(path.parts[0], []).append(info)
    return {folder: sorted(files, key=lambda i: i.filename) for folder, files in days.items()}


def _leftovers(archive: zipfile.ZipFile, root: str, days: dict, report: Report) -> None:
    """Folders that are not public channels: private conversations, counted; others, noted."""
    private = set()
    for name in PRIVATE_LISTS:
        if root + name in archive.namelist():
            listed = _json(archive, root + name, report)
            for one in listed if isinstance(listed, list) else []:
                if isinstance(one, dict):
                    private |= {str(one.get("name") or ""), str(one.get("id") or "")}
    for folder in sorted(days):
        if folder in private:
            report.counts["private conversations not imported"] += 1
        else:
            report.notes.append(f"folder {root}{folder}/ is not a channel of channels.json: not imported")


def _zip_time(info: zipfile.ZipInfo) -> dt.datetime | None:
    try:
        return dt.datetime(*info.date_time, tzinfo=dt.timezone.utc)
    except (TypeError, ValueError):
        return None


def _is_text(value) -> bool:
    return isinstance(value, str) and value != ""
