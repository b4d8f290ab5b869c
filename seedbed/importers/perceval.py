"""Import Perceval's JSON-lines output (``seedbed import perceval FILE…``).

Fetch: ``jsonlines`` (plain or gzip). Parse: ``perceval_items`` (pure), which hands git,
GitHub, GitLab, Discourse, Slack and Meetup items to the item store and messages (mbox,
Pipermail) to the mailing-list importer's own saving, so that each thing is one activity
whichever route brought it. One file is one source and one transaction
(``file_import``). Items of backends Seedbed does not read are counted and reported, not
fatal.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from seedbed.activity.models import Source
from seedbed.importers import mail, mbox, perceval_items
from seedbed.importers.file_import import FileImported, Report, import_file
from seedbed.importers.jsonlines import JsonLines
from seedbed.importers.progress import Progress
from seedbed.importers.store import Stored
from seedbed.people.merging import run_resolver

KIND = "perceval"


def import_perceval(path: str, *, skip_bad: bool = False, progress: Progress | None = None) -> FileImported:
    """One Perceval output file; ``counts`` holds the items read by backend, and
    ``unsupported:BACKEND`` the items of backends not read."""
    mails: list[tuple[str, mail.Mail]] = []  # (origin, message): saved by the mailing-list importer
    return import_file(KIND, path, lambda file, report: _read(file, report, mails), skip_bad=skip_bad,
                       progress=progress, finish=lambda source, report, stored: _save_mails(mails, source, report, stored))


def _read(file: Path, report: Report, mails: list) -> Iterator:
    lines = JsonLines(file, skip_bad=report.skip_bad)
    report.position = lines.position
    for number, obj in lines:
        try:
            found = perceval_items.items(obj, number)
        except perceval_items.Unsupported:
            report.counts[f"unsupported:{obj.get('backend_name')}"] += 1
            continue
        except perceval_items.BadItem as exc:
            lines.bad(f"line {number}: {exc}")
            continue
        report.counts[str(obj.get("backend_name"))] += 1
        for one in found:
            if isinstance(one, mail.Mail):
                mails.append((str(obj.get("origin") or ""), one))
            else:
                yield one
    report.skipped += lines.skipped
    report.counts["lines"] = lines.lines


def _save_mails(mails: list[tuple[str, mail.Mail]], source: Source, report: Report, stored: Stored) -> None:
    if not mails:
        return
    by_list: dict[str, list[mail.Mail]] = {}
    for origin, m in mails:
        by_list.setdefault(m.list_id or perceval_items.list_name(origin), []).append(m)
    new_ids: list[int] = []
    for channel, some in by_list.items():
        created, duplicates, registry = mbox.save_mails(some, source, channel)
        stored.created += created
        stored.identities_created += registry.created
        report.skipped += duplicates
        new_ids += registry.created_ids
    if new_ids:
        resolved = run_resolver(new_ids)
        stored.resolved.identities += resolved.identities
        stored.resolved.merged += resolved.merged
        stored.resolved.proposed += resolved.proposed
    mbox.link(source)
