"""Shared by the Zulip and Matrix importers' tests: where their samples of tests/data/chat
are, Zulip exports rebuilt from the sample with a change, and a reader run without a
database. The samples' folder and answer key (README.md, answer_key.json) are read with
``slack_discord_samples``, which the Slack and Discord tests share."""
from __future__ import annotations

import copy
import io
import json
import tarfile
from pathlib import Path

from tests.importers.slack_discord_samples import CHAT

ZULIP_SAMPLE = CHAT / "zulip" / "zulip-export.tar.gz"
MATRIX_SAMPLE = CHAT / "matrix" / "room-export.json"
MATRIX_UNFILTERED = CHAT / "matrix" / "room-export-unfiltered.json"
INVALID = CHAT / "invalid"


# ---- Zulip exports -------------------------------------------------------------------------


class ZulipExport:
    """The sample export's members, to change and write again as a .tar.gz (any member order)."""

    def __init__(self, source: Path = ZULIP_SAMPLE):
        self.members: dict[str, tuple[tarfile.TarInfo, bytes | None]] = {}
        with tarfile.open(source, "r:gz") as tar:
            for member in tar.getmembers():
                data = tar.extractfile(member).read() if member.isfile() else None
                self.members[member.name] = (member, data)
        self.top = next(name for name in self.members if "/" not in name.rstrip("/"))
        self.realm = self.json("realm.json")
        self.messages = {n: self.json(n) for n in self.names() if n.startswith("messages-")}
        self.mtime = self.members[f"{self.top}/realm.json"][0].mtime

    def names(self) -> list[str]:
        return [n.split("/", 1)[1] for n in self.members if n.count("/") == 1 and not n.endswith("/")]

    def json(self, name: str):
        return copy.deepcopy(json.loads(self.members[f"{self.top}/{name}"][1]))

    def all_messages(self) -> list[dict]:
        return [m for name in sorted(self.messages) for m in self.messages[name]["zerver_message"]]

    def write(self, path: Path, order: tuple = (), raw: dict | None = None, drop: tuple = (),
              mtime: float | None = None) -> Path:
        """Write the export as a .tar.gz: realm.json and the message files as they are now, the
        other members as they were; ``order`` names members (under the top folder) to put first,
        ``raw`` gives members' bytes as they are (not JSON, say), ``drop`` leaves members out,
        ``mtime`` dates the files (the sample's date by default)."""
        data = {name: blob for name, (_, blob) in self.members.items()}
        for name, value in {"realm.json": self.realm, **self.messages}.items():
            data[f"{self.top}/{name}"] = json.dumps(value, ensure_ascii=False, indent=2).encode()
        data.update({f"{self.top}/{n}": blob for n, blob in (raw or {}).items()})
        for name in drop:
            data.pop(f"{self.top}/{name}")
        first = [f"{self.top}/{n}" for n in order]
        with tarfile.open(path, "w:gz") as tar:
            for name in [self.top, *first, *[n for n in data if n not in first and n != self.top]]:
                info = copy.copy(self.members[name][0]) if name in self.members else tarfile.TarInfo(name)
                info.mtime = mtime or self.mtime
                blob = data[name]
                if blob is None:
                    tar.addfile(info)
                    continue
                info.size, info.mode = len(blob), 0o644
                tar.addfile(info, io.BytesIO(blob))
        return path


def read_all(reader, path: Path, skip_bad: bool) -> list:
    """What a file importer's reader yields, without a database (the reader needs none)."""
    from seedbed.importers.file_import import Report

    report = Report(path, skip_bad)
    return list(reader(path, report))
