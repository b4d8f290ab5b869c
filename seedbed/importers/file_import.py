"""One file, one source, one transaction: the use case the file importers share (Perceval
output, chat exports, calendars and event exports).

The file's items are read and saved together with the source's cursor, or not at all:
bad input found halfway leaves nothing of the file, and a run killed at any moment
leaves all of it or none, so the next run simply does it again. A file imported whole
and unchanged since (same size, same hash of all its bytes) is not read again, unless the reader
said it tells of things still to come (``Report.until``: a calendar's upcoming events) and
that time has come.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from seedbed.activity.models import Source, SourceStatus
from seedbed.activity.services import mark_failed
from seedbed.importers.errors import ImportFailed
from seedbed.importers.items import DAMAGE, NotImported
from seedbed.importers.progress import Progress, Silent
from seedbed.importers.store import Stored, store


class Report:
    """What a reader tells about the file as it goes: bad parts (an error, or with skip_bad
    a line in ``skipped``), things counted, and how far it got (for progress)."""

    def __init__(self, path: Path, skip_bad: bool):
        self.path, self.skip_bad = path, skip_bad
        self.skipped: list[str] = []
        self.counts: Counter = Counter()
        self.notes: list[str] = []
        self.position: Callable[[], int] | None = None
        # the file tells of something still to come (an upcoming event): read it again from
        # then on, even unchanged
        self.until: dt.datetime | None = None

    def bad(self, message: str) -> None:
        if not self.skip_bad:
            raise ImportFailed(f"{self.path}: {message} (use --skip-bad to import the rest)")
        self.skipped.append(message)

    def item(self, parse: Callable, data, where: str, bad: type[Exception]):
        """``parse(data)``, or None: what it does not import (``NotImported``) is counted, a
        ``bad`` error or a damaged value is reported as a bad part at ``where``."""
        try:
            return parse(data)
        except NotImported as why:
            self.counts[why.reason] += 1
        except bad as exc:
            self.bad(f"{where}: {exc}")
        except DAMAGE as exc:
            self.bad(f"{where}: a damaged value ({type(exc).__name__}: {exc})")
        return None


@dataclass
class FileImported:
    path: str
    source_id: int | None = None
    stored: Stored = field(default_factory=Stored)
    skipped: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    unchanged: bool = False


Reader = Callable[[Path, Report], Iterable]


def import_file(kind: str, path: str, read: Reader, *, skip_bad: bool = False, progress: Progress | None = None,
                name: str = "", finish: Callable[[Source, Report, Stored], None] | None = None,
                now: dt.datetime | None = None, options: dict | None = None) -> FileImported:
    """Import one file of ``kind`` with ``read(path, report)``, which yields items and states.
    ``finish(source, report, stored)`` runs last in the same transaction (for what the item
    store does not save itself). ``now`` (default: the clock) decides whether a ``until`` the
    last run left has come. ``options``, the importer's own keyword options it was called with
    (``file_kinds.Option``), are kept in the cursor for ``seedbed sync`` to pass again."""
    progress = progress or Silent()
    now = now or timezone.now()
    file = Path(path)
    location = str(file.resolve())
    source = Source.objects.filter(kind=kind, location=location).first()
    if not file.is_file():
        mark_failed(source, f"{path}: no such file")
        raise ImportFailed(f"{path}: no such file")
    print_ = fingerprint(file)
    if source is not None and source.cursor.get("file") == print_ and not _due(source.cursor, now):
        return FileImported(location, source.pk, counts=Counter(source.cursor.get("counts", {})), unchanged=True)
    report = Report(file, skip_bad)
    progress.start(max(1, os.path.getsize(file) // 1024), "KiB")
    try:
        with transaction.atomic():
            if source is None:
                source = Source.objects.create(kind=kind, location=location, name=(name or file.name)[:200])
            stored = store(read(file, report), source, progress=progress,
                           position=lambda: report.position() if report.position else 0)
            if finish is not None:
                finish(source, report, stored)
            source.cursor = {"file": print_, "counts": dict(report.counts)}
            if options:
                source.cursor["options"] = dict(options)
            if skip_bad:  # for `seedbed sync`, which reads the file again as it was imported
                source.cursor["skip_bad"] = True
            if report.until is not None:
                source.cursor["until"] = report.until.isoformat()
            source.status, source.error, source.last_run_at = SourceStatus.OK, "", timezone.now()
            source.save()
    except ImportFailed as exc:
        mark_failed(Source.objects.filter(kind=kind, location=location).first(), str(exc))
        raise
    finally:
        progress.finish()
    return FileImported(location, source.pk, stored, report.skipped, report.counts, report.notes)


def fingerprint(path: Path) -> dict:
    """What tells that a file changed: its size and a hash of all of it, so that an edit
    anywhere counts (not only in the first 64 KiB, as ``jsonlines.fingerprint`` sees). BLAKE2b
    in 1 MiB chunks hashes about half a GB a second: a second or two for a big export, next to
    the minutes importing it takes, so fast enough to do on every run. A cursor
    with the older fingerprint ({size, head}) differs: the file is imported once more, to the
    same result."""
    digest = hashlib.blake2b(digest_size=32)
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return {"size": os.path.getsize(path), "blake2b": digest.hexdigest()}


def _due(cursor: dict, now: dt.datetime) -> bool:
    """Whether the file said to read it again by now (see ``Report.until``)."""
    try:
        return bool(cursor.get("until")) and dt.datetime.fromisoformat(cursor["until"]) <= now
    except (TypeError, ValueError):
        return True
