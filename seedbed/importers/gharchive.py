"""Import GH Archive hours (``seedbed import gharchive FILE_OR_DIR… --org O --repo R``).

Fetch: ``jsonlines`` reads each hourly ``.json.gz`` (or a decompressed ``.json``).
Parse: ``gharchive_events`` (pure). Save: ``store``, one transaction per file.

One source per filter (``org:marigold-dev repo:juniper-labs/sprout``, or ``all``): its
cursor remembers the files and folders given and each file imported, with a fingerprint,
so running again (or ``seedbed sync``) reads only files that are new or changed since.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from seedbed.activity.models import Source, SourceStatus
from seedbed.activity.services import mark_failed
from seedbed.importers import gharchive_events as events
from seedbed.importers.errors import ImportFailed
from seedbed.importers.jsonlines import JsonLines, fingerprint
from seedbed.importers.progress import Progress, Silent
from seedbed.importers.store import Stored, store

KIND = "gharchive"
SUFFIXES = (".json.gz", ".json", ".jsonl", ".jsonl.gz")


@dataclass
class FileImported:
    path: str
    lines: int = 0
    stored: Stored = field(default_factory=Stored)
    skipped: list[str] = field(default_factory=list)
    unchanged: bool = False


def files_of(paths: list[str]) -> list[Path]:
    """The files named, and the GH Archive files in the folders named, in order; a path
    that does not exist is an error before anything is read."""
    out: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith(SUFFIXES))
        elif path.is_file():
            out.append(path)
        else:
            raise ImportFailed(f"{given}: no such file or folder")
    seen: set[Path] = set()
    return [p for p in out if not (p.resolve() in seen or seen.add(p.resolve()))]


def import_gharchive(paths: list[str], *, orgs=(), repos=(), skip_bad: bool = False,
                     progress_for=None) -> tuple[Source | None, list[FileImported]]:
    """Import every file; a file that fails stops the run with ImportFailed, after the files before it."""
    wanted = events.Filter.of(orgs, repos)
    location = wanted.describe()
    source = Source.objects.filter(kind=KIND, location=location).first()
    try:
        files = files_of(paths)
    except ImportFailed as exc:
        mark_failed(source, str(exc))
        raise
    given = sorted({str(Path(p).resolve()) for p in paths})
    results = []
    for file in files:
        progress = progress_for(file) if progress_for else Silent()
        try:
            result, source = _import_file(file, wanted, location, given, skip_bad, progress)
        except ImportFailed as exc:
            mark_failed(source, str(exc))
            raise
        finally:
            progress.finish()
        results.append(result)
    return source, results


def _import_file(file: Path, wanted: events.Filter, location: str, given: list[str], skip_bad: bool,
                 progress: Progress) -> tuple[FileImported, Source | None]:
    path = str(file.resolve())
    print_ = fingerprint(file)
    source = Source.objects.filter(kind=KIND, location=location).first()
    if source is not None and source.cursor.get("files", {}).get(path) == print_:
        return FileImported(path, unchanged=True), source
    lines = JsonLines(file, skip_bad=skip_bad)
    progress.start(max(1, os.path.getsize(file) // 1024), "KiB")
    with transaction.atomic():
        if source is None:
            source = Source.objects.create(kind=KIND, location=location, name=f"GH Archive: {location}")
        stored = store(events.from_lines(lines, wanted), source, progress=progress, position=lines.position)
        cursor = dict(source.cursor)
        cursor["paths"] = sorted(set(cursor.get("paths", [])) | set(given))
        cursor["files"] = {**cursor.get("files", {}), path: print_}
        source.cursor = cursor
        source.status, source.error, source.last_run_at = SourceStatus.OK, "", timezone.now()
        source.save()
    return FileImported(path, lines.lines, stored, lines.skipped), source

