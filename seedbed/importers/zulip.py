"""Import a Zulip organization's export (``seedbed import zulip EXPORT.tar.gz…``).

Fetch: the archive, read as a stream with tarfile (nothing is extracted to disk) in two
passes, because the archive may hold realm.json after the messages and the message files
in any order: the first decodes realm.json and notes each topic's first message, the
second turns the messages into items. Parse: ``zulip_items`` (pure). One export is one
source and one transaction (``file_import``). Direct messages never reach the item store.

What is not a Zulip export (another archive, a truncated one, not an archive at all) fails
whole with one line. A message file that is not JSON, a message that is damaged or the
archive broken off after realm.json are bad parts, named by tar member and message: they
fail the import, or with --skip-bad are reported and the rest is imported. An organization
at its server's root domain (``string_id`` ``""``) is not told apart by its export: it needs
the server's host (``--instance HOST``), which the source's cursor keeps for ``sync``.
"""
from __future__ import annotations

import bz2
import contextlib
import functools
import gzip
import lzma
import re
import tarfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from seedbed.importers import zulip_items
from seedbed.importers.errors import ImportFailed
from seedbed.importers.file_import import FileImported, Report, import_file
from seedbed.importers.items import DAMAGE, when
from seedbed.importers.json_whole import NotJson, decode
from seedbed.importers.progress import Progress

KIND = "zulip"
_MESSAGES = re.compile(r"messages-(\d+)\.json")
_BROKEN = (tarfile.TarError, EOFError, zlib.error, lzma.LZMAError, OSError)


def import_zulip(path: str, *, skip_bad: bool = False, progress: Progress | None = None,
                 instance: str | None = None) -> FileImported:
    """One export; ``counts`` holds the messages imported and those read but not imported, by why.
    ``instance``: the server's host, which tells the organization apart instead of its string_id
    (needed when that is "", the organization at a server's root domain)."""
    host = (instance or "").strip().lower()
    if instance is not None and (not host or any(c.isspace() for c in host)):
        raise ImportFailed(f"{path}: --instance {instance!r} is not a host name (say chat.example.org)")
    return import_file(KIND, path, functools.partial(_read, host=host), skip_bad=skip_bad, progress=progress,
                       options={"instance": host} if host else None)


class _Archive:
    """The export's JSON files (realm.json, messages-NNNNNN.json), decoded, in archive order."""

    def __init__(self, file: Path, report: Report):
        self.file, self.report = file, report
        self.broken: set[str] = set()  # members reported as not JSON: not read again
        self._raw = None

    def position(self) -> int:
        return (self._raw.tell() if self._raw is not None and not self._raw.closed else 0) // 1024

    def documents(self, first_pass: bool) -> Iterator[tuple[str, tarfile.TarInfo, object]]:
        where = ""  # the member last read, or being read: said when the archive breaks off
        try:
            with open(self.file, "rb") as self._raw, _decompressed(self._raw) as stream, \
                    tarfile.open(fileobj=stream, mode="r|") as tar:
                for member in tar:
                    where = f"after member {member.name}"
                    role = _role(member)
                    if role is None or member.name in self.broken or (role == "realm" and not first_pass):
                        continue
                    where = f"inside member {member.name}"
                    data = tar.extractfile(member).read()
                    where = f"after member {member.name}"
                    try:
                        value = decode(data)
                    except NotJson as exc:
                        if role == "realm":
                            raise ImportFailed(f"{self.file}: member {member.name}: {exc}") from None
                        self.broken.add(member.name)
                        self.report.bad(f"member {member.name}: {exc}")
                        continue
                    yield role, member, value
                while stream.read(1 << 16):  # to the end, where gzip checks that nothing is missing
                    pass
        except _BROKEN as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            if not where:
                raise ImportFailed(f"{self.file}: not a Zulip export: not a tar.gz archive ({reason})") from None
            if first_pass:  # the second pass breaks off at the same place: said once
                self.report.bad(f"the archive is truncated or corrupt {where} ({reason})")


def _decompressed(raw):
    """The tar inside, read as a stream. tarfile's own stream mode does not notice a gzip file
    that lost its end (after the last member): gzip's reader does."""
    head = raw.read(6)
    raw.seek(0)
    if head.startswith(b"\x1f\x8b"):
        return gzip.GzipFile(fileobj=raw, mode="rb")
    if head.startswith(b"BZh"):
        return bz2.BZ2File(raw)
    if head.startswith(b"\xfd7zXZ\x00"):
        return lzma.LZMAFile(raw)
    return contextlib.nullcontext(raw)  # an uncompressed .tar


def _role(member: tarfile.TarInfo) -> str | None:
    """realm.json or a message file, at the top of the export's folder (uploads may hold any name)."""
    parts = member.name.strip("/").split("/")
    if not member.isfile() or len(parts) > 2:
        return None
    if parts[-1] == "realm.json":
        return "realm"
    return "messages" if _MESSAGES.fullmatch(parts[-1]) else None


def _survey(archive: _Archive, report: Report, host: str) -> zulip_items.Realm:
    """First pass: the organization, each topic's first message, the export's time."""
    found, topics, numbers, exported = None, zulip_items.Topics(), set(), None
    for role, member, value in archive.documents(first_pass=True):
        if role == "realm":
            found = found or (member, value)
            continue
        numbers.add(int(_MESSAGES.fullmatch(member.name.rsplit("/", 1)[-1]).group(1)))
        for data in (value.get("zerver_message") if isinstance(value, dict) else None) or []:
            topics.see(data)
    if found is None:
        raise ImportFailed(f"{archive.file}: not a Zulip export: no realm.json among its members (a Zulip export is "
                           "the .tar.gz of `manage.py export` or of the organization's export page)")
    member, value = found
    try:
        realm = zulip_items.realm(value, host)
    except (zulip_items.BadObject, *DAMAGE) as exc:
        raise ImportFailed(f"{archive.file}: member {member.name}: {exc}") from None
    if not realm.instance:
        raise ImportFailed(f"{archive.file}: the organization is at its server's root domain (string_id \"\"), "
                           "which its export does not name: pass --instance HOST (the server's host, say "
                           "chat.example.org), the same each time, so it is not taken for another such organization")
    # a message file reported as not JSON is there: it is not missing too
    numbers |= {int(_MESSAGES.fullmatch(name.rsplit("/", 1)[-1]).group(1)) for name in archive.broken}
    for missing in sorted(set(range(1, max(numbers, default=0) + 1)) - numbers):
        report.bad(f"messages-{missing:06d}.json is missing from the archive")
    realm.roots = topics.roots(realm)
    # the export's time, when its files were written: what it shows (reactions, edits) was seen then
    exported = when(member.mtime) if member.mtime else None
    realm.seen_at = max((t for t in (exported, topics.newest) if t is not None), default=None)
    return realm


def _read(file: Path, report: Report, host: str = "") -> Iterator:
    archive = _Archive(file, report)
    realm = _survey(archive, report, host)
    report.counts["channels"] = sum(1 for c in realm.channels.values() if not c.private)
    report.position = archive.position
    topics: set[str] = set()
    for role, member, value in archive.documents(first_pass=False):
        if role != "messages":
            continue
        messages = value.get("zerver_message") if isinstance(value, dict) else None
        if not isinstance(messages, list):
            report.bad(f"member {member.name}: not a Zulip message file (no zerver_message list)")
            continue
        for index, data in enumerate(messages, 1):
            where = f"member {member.name}, message {index}" + (
                f" (id {data['id']})" if isinstance(data, dict) and "id" in data else "")
            item = report.item(lambda one: zulip_items.message(realm, one), data, where, zulip_items.BadObject)
            if item is None:
                continue
            report.counts["messages"] += 1
            topics.add(item.thread_key)
            yield item
    report.counts["topics"] = len(topics)
