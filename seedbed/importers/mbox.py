"""Import mailing-list archives: mbox files, plain or gzip-compressed, Pipermail monthly text
archives and HyperKitty exports (``seedbed import mbox FILE…``).

Fetch: the file, decompressed on the fly. Parse: ``seedbed.importers.mail`` (pure), the
whole file first, so that bad input stops the import before anything is written (or, with
``skip_bad``, is reported and left out). Save: in batches, each one transaction holding its
identities, its messages and the source's cursor; then one last transaction links replies
to what they answer, counts the replies each message received, widens first/last seen and
runs identity resolution. A run killed at any moment leaves whole batches; the next run
inserts only what is missing (messages are unique by Message-ID) and finishes the rest, so
it ends with the same database as an uninterrupted run. A file already imported whole and
unchanged since is not read again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from seedbed.activity.models import Activity, Source, SourceStatus
from seedbed.activity.services import mark_failed
from seedbed.core.bulk import insert_new
from seedbed.importers import mail, mail_threads
from seedbed.importers.errors import ImportFailed
from seedbed.importers.mapping import MBOX_ANSWERS, MBOX_REPLIES, MBOX_STARTS
from seedbed.importers.mbox_files import fingerprint, read
from seedbed.importers.progress import Progress, Silent
from seedbed.people.merging import ResolverRun, run_resolver
from seedbed.people.models import Identity
from seedbed.people.services import IdentityRegistry

KIND = "mbox"
PLATFORM = "mbox"
MAX_DEPTH = 50  # thread levels a late import repairs
MAX_TEXT = 100_000  # characters of a message's own words (and of its quotes) kept; its size counts them all
BATCH = 5000  # messages per transaction: each commit costs a sync to disk


@dataclass
class MboxImportResult:
    path: str
    source_id: int
    messages: int
    created: int
    skipped: list[str] = field(default_factory=list)  # "message N (byte X): reason"
    unchanged: bool = False
    channel: str = ""
    identities_created: int = 0
    resolved: ResolverRun = field(default_factory=ResolverRun)


def import_mbox(path: str, *, list_name: str = "", skip_bad: bool = False,
                progress: Progress | None = None) -> MboxImportResult:
    progress = progress or Silent()
    file = Path(path)
    location = str(file.resolve())
    source = Source.objects.filter(kind=KIND, location=location).first()
    if not file.is_file():
        _failed(source, f"{path}: no such file")
    print_ = fingerprint(file)
    if source is not None and source.cursor.get("complete") and source.cursor.get("file") == print_:
        return MboxImportResult(location, source.pk, source.cursor.get("messages", 0), 0, unchanged=True,
                                channel=source.name)
    try:
        mails, skipped = read(file, skip_bad)
    except ImportFailed as exc:
        _failed(source, str(exc))
    mails, duplicates = _unique(mails)
    skipped += duplicates
    _thread(mails)
    channel = list_name or next((m.list_id for m in mails if m.list_id), "") or list_of(file)
    if source is None:
        source = Source.objects.create(kind=KIND, location=location, name=channel[:200])
    registry = IdentityRegistry(KIND, channel[:300])
    progress.start(len(mails), "messages")
    created = 0
    # identities an interrupted run created but did not resolve yet
    earlier = set(source.cursor.get("pending", [])) if not source.cursor.get("complete") else set()
    for start in range(0, len(mails), BATCH):
        batch = mails[start:start + BATCH]
        with transaction.atomic():
            created += _save(batch, registry, source, channel)
            source.cursor = {"file": print_, "messages": start + len(batch), "complete": False,
                             "pending": sorted(earlier | set(registry.created_ids))}
            source.status, source.last_run_at = SourceStatus.RUNNING, timezone.now()
            source.save(update_fields=["cursor", "status", "last_run_at"])
        progress.advance(len(batch))
    with transaction.atomic():
        registry.save_seen()
        to_resolve = sorted(earlier | set(registry.created_ids))
        resolved = run_resolver(to_resolve) if to_resolve else ResolverRun()
        link(source)  # after resolution: a reply to oneself under another address is not a reply received
        source.cursor = {"file": print_, "messages": len(mails), "complete": True, "skipped": len(skipped)}
        source.status, source.error, source.last_run_at = SourceStatus.OK, "", timezone.now()
        source.save()
    progress.finish()
    return MboxImportResult(location, source.pk, len(mails), created, skipped, identities_created=registry.created,
                            resolved=resolved, channel=channel)


def save_mails(mails: list[mail.Mail], source: Source, channel: str) -> tuple[int, list[str], IdentityRegistry]:
    """Messages that came another way (Perceval's mbox output), in the caller's transaction:
    threaded and saved as ``import_mbox`` saves them; the caller then resolves the new
    identities and calls ``link``. Returns (created, duplicates reported, the identities)."""
    mails, duplicates = _unique(mails)
    _thread(mails)
    registry = IdentityRegistry(KIND, channel[:300])
    created = sum(_save(mails[i:i + BATCH], registry, source, channel) for i in range(0, len(mails), BATCH))
    registry.save_seen()
    return created, duplicates, registry


def _thread(mails: list[mail.Mail]) -> None:
    outside = _parents(mails)
    known = {}
    for i in range(0, len(outside), 5000):
        known.update(Activity.objects.filter(platform=PLATFORM, key__in=outside[i:i + 5000]).values_list("key", "thread_key"))
    mail_threads.thread(mails, known)


def _failed(source: Source | None, message: str):
    mark_failed(source, message)
    raise ImportFailed(message)


_MONTHLY = re.compile(r"^\d{4}-(?:\d{2}|[A-Za-z]+)(?:-\d{2})?$")


def list_of(file: Path) -> str:
    """The list an archive file belongs to, from its name: Pipermail's monthly archives
    (``2026-March.txt.gz``) are named by month, so their folder names the list."""
    stem = file.name.split(".")[0]
    if _MONTHLY.match(stem) and file.resolve().parent.name:
        return file.resolve().parent.name
    return stem


def _unique(mails: list[mail.Mail]) -> tuple[list[mail.Mail], list[str]]:
    """One message per Message-ID: a copy (a list archiving its own cross-post) is dropped
    quietly; a different message claiming an ID already used is reported and left out."""
    seen: dict[str, mail.Mail] = {}
    kept, reported = [], []
    for m in mails:
        first = seen.get(m.message_id)
        if first is None:
            seen[m.message_id] = m
            kept.append(m)
        elif (first.sender_email, first.body) != (m.sender_email, m.body):
            reported.append(f"message {m.number} (byte {m.offset}): the same Message-ID as message {first.number} "
                            "but a different message")
    return kept, reported


def _parents(mails: list[mail.Mail]) -> list[str]:
    """Messages these answer that are not in the file: they may be in an archive imported before."""
    own = {m.message_id for m in mails}
    return sorted(({m.in_reply_to for m in mails if m.in_reply_to} | {r for m in mails for r in m.references}) - own)


def _save(batch: list[mail.Mail], registry: IdentityRegistry, source: Source, channel: str) -> int:
    rows = []
    for m in batch:
        key = registry.note(m.sender_email, m.date, name=m.sender_name, email=m.sender_email,
                            raw_encoding=m.charset, is_bot=m.is_bot)
        rows.append(dict(
            platform=PLATFORM, key=m.message_id[:300], identity_id=key, source_id=source.pk, kind=MBOX_STARTS.kind,
            # a reply's type waits for link(), which knows whether its thread starts with a question
            contribution_type=(MBOX_REPLIES if m.parent else MBOX_STARTS).contribution_type, occurred_at=m.date,
            channel=channel[:300],
            parent_key=m.parent[:300], thread_key=m.thread[:300], title=m.subject[:500], body=m.body[:MAX_TEXT],
            size=m.words, extra={k: v for k, v in (("quoted", m.quoted[:MAX_TEXT]), ("signature", m.signature[:2000]),
                                                   ("charset", m.charset)) if v},
        ))
    known = set(Activity.objects.filter(platform=PLATFORM, key__in=[r["key"] for r in rows]).values_list("key", flat=True))
    fresh = [r for r in rows if r["key"] not in known]
    ids = registry.flush()
    for row in fresh:
        row["identity_id"] = ids[row["identity_id"]]
    insert_new(Activity, fresh)
    return len(fresh)


def link(source: Source) -> None:
    """Point replies at what they answer, whichever archive came first; give each reply the
    thread of what it answers and the type that follows from it; count the replies each
    message received from someone else. A few statements, whatever the size of the archive."""
    parent = Activity.objects.filter(platform=PLATFORM, key=OuterRef("parent_key")).values("id")[:1]
    mine = Activity.objects.filter(source=source).values("key")
    # this archive's replies, and replies in archives imported before it to messages in this one
    orphans = Activity.objects.filter(Q(source=source) | Q(platform=PLATFORM, parent_key__in=mine), parent__isnull=True)
    orphans.exclude(parent_key="").update(parent_id=Subquery(parent))
    parents_thread = Activity.objects.filter(pk=OuterRef("parent_id")).values("thread_key")[:1]
    for _ in range(MAX_DEPTH):  # a reply imported before its thread's start learns the thread, level by level
        moved = (Activity.objects.filter(platform=PLATFORM, parent__isnull=False)
                 .exclude(thread_key=F("parent__thread_key")).update(thread_key=Subquery(parents_thread)))
        if not moved:
            break
    threads = Activity.objects.filter(source=source).values("thread_key")
    asks = Activity.objects.filter(platform=PLATFORM, key=OuterRef("thread_key")).filter(
        Q(title__contains="?") | Q(body__contains="?"))
    replies = Activity.objects.filter(platform=PLATFORM, thread_key__in=threads, parent__isnull=False)
    replies.update(contribution_type=Case(When(Exists(asks), then=Value(MBOX_ANSWERS.contribution_type)),
                                          default=Value(MBOX_REPLIES.contribution_type)))
    author = Identity.objects.filter(pk=OuterRef(OuterRef("identity_id"))).values("person_id")[:1]
    received = (Activity.objects.filter(parent_id=OuterRef("pk")).exclude(identity__person_id=Subquery(author))
                .order_by().values("parent_id").annotate(n=Count("id")).values("n"))
    answered = Activity.objects.filter(source=source).exclude(parent__isnull=True).values("parent_id")
    Activity.objects.filter(Q(source=source) | Q(id__in=answered)).update(
        replies_received=Coalesce(Subquery(received), Value(0)))
