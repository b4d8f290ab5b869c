"""Import Element's Matrix room exports (``seedbed import matrix FILE.json…``).

Fetch: the file (the JSON Element writes, or the ZIP it writes with attachments, whose
``export.json`` is read), decoded whole. Parse: ``matrix_items`` (pure): a first look at
every event (names, reactions, edits, threads), then the messages. One file is one room,
one source and one transaction (``file_import``).

What is not an Element export (other JSON, broken JSON, an empty file) fails whole with one
line naming where. A damaged event is a bad part, named by its place in ``messages``: it
fails the import, or with --skip-bad is reported and the rest is imported. A room the file
shows to be private (``matrix_items.private``) fails whole with one line naming the event
that shows it, with --skip-bad too.
"""
from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from seedbed.importers import matrix_items
from seedbed.importers.errors import ImportFailed
from seedbed.importers.file_import import FileImported, Report, import_file
from seedbed.importers.json_whole import NotJson, decode
from seedbed.importers.progress import Progress

KIND = "matrix"
ZIP_MAGIC = b"PK\x03\x04"


def import_matrix(path: str, *, skip_bad: bool = False, progress: Progress | None = None) -> FileImported:
    """One room export; ``counts`` holds the messages imported, and the reactions, edits and other
    events read, by what they are."""
    return import_file(KIND, path, _read, skip_bad=skip_bad, progress=progress)


def _bytes(file: Path) -> bytes:
    try:
        raw = file.read_bytes()
        if not raw.startswith(ZIP_MAGIC):
            return raw
        with zipfile.ZipFile(file) as archive:
            names = [n for n in archive.namelist() if n.rsplit("/", 1)[-1] == "export.json"]
            if not names:
                raise ImportFailed(f"{file}: not an Element (Matrix) room export: a ZIP without export.json")
            return archive.read(names[0])
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise ImportFailed(f"{file}: not an Element (Matrix) room export: a broken ZIP ({exc})") from None
    except OSError as exc:
        raise ImportFailed(f"{file}: cannot read it: {exc.strerror or exc}") from None


def _read(file: Path, report: Report) -> Iterator:
    try:
        name, events = matrix_items.export(decode(_bytes(file)))
    except NotJson as exc:
        what = "" if str(exc).startswith("not valid JSON") else "not an Element (Matrix) room export: "
        raise ImportFailed(f"{file}: {what}{exc}") from None
    except matrix_items.BadObject as exc:
        raise ImportFailed(f"{file}: {exc}") from None
    private = matrix_items.private(events)
    if private:  # refused whole, --skip-bad or not: a private room is not a bad part
        raise ImportFailed(f"{file}: {private}: Seedbed imports only public rooms; nothing of it was imported")
    room = matrix_items.survey(name, events)
    size, done = file.stat().st_size // 1024, 0
    report.position = lambda: size * done // max(1, len(events))
    for done, data in enumerate(events, 1):
        where = f"messages[{done - 1}]" + (
            f" (event {data['event_id']})" if isinstance(data, dict) and isinstance(data.get("event_id"), str) else "")
        item = report.item(lambda one: matrix_items.message(room, one), data, where, matrix_items.BadObject)
        if item is None:
            continue
        report.counts["messages"] += 1
        yield item
