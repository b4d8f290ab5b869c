"""Import Perceval's JSON-lines output (``seedbed import perceval FILE…``).

Fetch: ``jsonlines`` (plain or gzip). Parse: ``perceval_items`` (pure), which hands git,
GitHub, GitLab, Discourse, Slack and Meetup items to the item store and messages (mbox,
Pipermail) to the mailing-list importer's own saving, so that each thing is one activity
whichever route brought it. One file is one source and one transaction: bad input
leaves nothing of the file, and a run killed at any moment leaves all of it or none.
Items of backends Seedbed does not read are counted and reported, not fatal.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from seedbed.activity.models import Source, SourceStatus
from seedbed.activity.services import mark_failed
from seedbed.importers import mail, mbox, perceval_items
from seedbed.importers.errors import ImportFailed
from seedbed.importers.jsonlines import JsonLines, fingerprint
from seedbed.importers.progress import Progress, Silent
from seedbed.importers.store import Stored, store
from seedbed.people.merging import run_resolver

KIND = "perceval"


@dataclass
class PercevalImported:
    path: str
    source_id: int | None = None
    lines: int = 0
    backends: Counter = field(default_factory=Counter)  # items read, by backend
    stored: Stored = field(default_factory=Stored)
    messages: int = 0  # mailing-list messages among them
    skipped: list[str] = field(default_factory=list)
    unsupported: Counter = field(default_factory=Counter)  # backend -> items not read
    unchanged: bool = False


def import_perceval(path: str, *, skip_bad: bool = False, progress: Progress | None = None) -> PercevalImported:
    progress = progress or Silent()
    file = Path(path)
    location = str(file.resolve())
    source = Source.objects.filter(kind=KIND, location=location).first()
    if not file.is_file():
        mark_failed(source, f"{path}: no such file")
        raise ImportFailed(f"{path}: no such file")
    print_ = fingerprint(file)
    if source is not None and source.cursor.get("file") == print_:
        return PercevalImported(location, source.pk, source.cursor.get("lines", 0), unchanged=True)
    result = PercevalImported(location)
    lines = JsonLines(file, skip_bad=skip_bad)
    progress.start(max(1, os.path.getsize(file) // 1024), "KiB")
    try:
        with transaction.atomic():
            if source is None:
                source = Source.objects.create(kind=KIND, location=location, name=file.name[:200])
            mails: list[tuple[str, mail.Mail]] = []  # (origin, message)
            result.stored = store(_read(lines, result, mails), source, progress=progress, position=lines.position)
            if mails:
                _save_mails(mails, source, result)
            result.lines, result.skipped = lines.lines, lines.skipped
            source.cursor = {"file": print_, "lines": lines.lines, "backends": dict(result.backends)}
            source.status, source.error, source.last_run_at = SourceStatus.OK, "", timezone.now()
            source.save()
    except ImportFailed as exc:
        mark_failed(Source.objects.filter(kind=KIND, location=location).first(), str(exc))
        raise
    finally:
        progress.finish()
    result.source_id = source.pk
    return result


def _read(lines: JsonLines, result: PercevalImported, mails: list) -> Iterator:
    """The file's items for the store; messages are set aside for the mailing-list importer."""
    for number, obj in lines:
        try:
            found = perceval_items.items(obj, number)
        except perceval_items.Unsupported:
            result.unsupported[str(obj.get("backend_name"))] += 1
            continue
        except perceval_items.BadItem as exc:
            lines.bad(f"line {number}: {exc}")
            continue
        result.backends[str(obj.get("backend_name"))] += 1
        for one in found:
            if isinstance(one, mail.Mail):
                mails.append((str(obj.get("origin") or ""), one))
            else:
                yield one


def _save_mails(mails: list[tuple[str, mail.Mail]], source: Source, result: PercevalImported) -> None:
    by_list: dict[str, list[mail.Mail]] = {}
    for origin, m in mails:
        by_list.setdefault(m.list_id or perceval_items.list_name(origin), []).append(m)
    new_ids: list[int] = []
    for channel, some in by_list.items():
        created, duplicates, registry = mbox.save_mails(some, source, channel)
        result.messages += len(some)
        result.stored.created += created
        result.stored.identities_created += registry.created
        result.skipped += duplicates
        new_ids += registry.created_ids
    if new_ids:
        resolved = run_resolver(new_ids)
        result.stored.resolved.identities += resolved.identities
        result.stored.resolved.merged += resolved.merged
        result.stored.resolved.proposed += resolved.proposed
    mbox.link(source)
