"""Parse the output of ``git log`` into commit records. Pure: bytes in, records out.

The fetcher runs ``git log`` with ``LOG_FORMAT`` and ``--numstat``; every commit then
arrives as one RS-prefixed record of US-separated fields followed by its numstat lines.
Names and e-mails are decoded as UTF-8 (git has already re-encoded commits that declare
an encoding), else with the commit's declared encoding, else Latin-1 — so a legacy
encoding never aborts an import.
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

RS, US = b"\x1e", b"\x1f"
# sha, parents, author name/email/time, committer name/email/time, encoding header, raw message
LOG_FORMAT = "%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%cn%x1f%ce%x1f%ct%x1f%e%x1f%B%x1f"
_FIELDS = 10

_TRAILER_RE = re.compile(r"^\s*co-authored-by\s*:\s*(.*?)\s*<([^<>]*)>\s*$", re.IGNORECASE | re.MULTILINE)


class GitLogError(ValueError):
    """The stream is not what ``LOG_FORMAT`` produces."""


@dataclass(slots=True)
class Person:
    name: str
    email: str
    encoding: str = ""  # the legacy encoding the raw bytes were in, if not UTF-8


@dataclass(slots=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    author: Person
    authored_at: int
    committer: Person
    committed_at: int
    title: str
    body: str
    co_authors: list[Person] = field(default_factory=list)
    changes: list[tuple[str, int, int]] = field(default_factory=list)  # path, added, removed

    @property
    def lines_added(self) -> int:
        return sum(added for _, added, _ in self.changes)

    @property
    def lines_removed(self) -> int:
        return sum(removed for _, _, removed in self.changes)


def decode(raw: bytes, declared: str = "") -> tuple[str, str]:
    """Text and the legacy encoding it was in ("" when it was valid UTF-8)."""
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            codecs.lookup(declared)
            return raw.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    return raw.decode("latin-1"), "latin-1"


def unquote_path(raw: bytes) -> str:
    """Undo git's C-style quoting of unusual paths ("a\\tb", "caf\\303\\251")."""
    if not (raw.startswith(b'"') and raw.endswith(b'"')):
        return decode(raw)[0]
    body = raw[1:-1]
    out = bytearray()
    i = 0
    simple = {b"n": 10, b"t": 9, b"r": 13, b"a": 7, b"b": 8, b"f": 12, b"v": 11, b'"': 34, b"\\": 92}
    while i < len(body):
        ch = body[i : i + 1]
        if ch == b"\\" and i + 1 < len(body):
            nxt = body[i + 1 : i + 2]
            if nxt in simple:
                out.append(simple[nxt])
                i += 2
                continue
            if body[i + 1 : i + 4].isdigit() and len(body[i + 1 : i + 4]) == 3:
                out.append(int(body[i + 1 : i + 4], 8) & 0xFF)
                i += 4
                continue
        out += ch
        i += 1
    return decode(bytes(out))[0]


def _numstat(lines: bytes) -> list[tuple[str, int, int]]:
    changes = []
    for line in lines.split(b"\n"):
        if not line:
            continue
        parts = line.split(b"\t", 2)
        if len(parts) != 3:
            raise GitLogError(f"unexpected numstat line {line[:80]!r}")
        added, removed, path = parts
        # Binary files show "-"; count them as changed without lines.
        changes.append((unquote_path(path), int(added) if added != b"-" else 0, int(removed) if removed != b"-" else 0))
    return changes


def co_authors(message: str) -> list[Person]:
    """``Co-authored-by:`` trailers, in order, one per address (the first spelling wins)."""
    seen, found = set(), []
    for name, email in _TRAILER_RE.findall(message):
        key = email.strip().lower() or name
        if key not in seen:
            seen.add(key)
            found.append(Person(name, email))
    return found


def parse_record(record: bytes) -> Commit:
    parts = record.split(US, _FIELDS)
    if len(parts) != _FIELDS + 1:
        raise GitLogError(f"commit record with {len(parts)} fields, expected {_FIELDS + 1}: {record[:60]!r}")
    sha, parents, an, ae, at, cn, ce, ct, enc, message, tail = parts
    declared = enc.decode("ascii", "replace").strip()
    author_name, author_enc = decode(an, declared)
    author_email, email_enc = decode(ae, declared)
    committer_name, committer_enc = decode(cn, declared)
    committer_email, _ = decode(ce, declared)
    text, _ = decode(message, declared)
    title, _, body = text.strip("\n").partition("\n")
    try:
        authored_at, committed_at = int(at), int(ct)
    except ValueError as exc:
        raise GitLogError(f"commit {sha[:12].decode(errors='replace')}: bad timestamp") from exc
    return Commit(
        sha=sha.decode("ascii"),
        parents=tuple(p.decode("ascii") for p in parents.split()),
        author=Person(author_name, author_email, author_enc or email_enc),
        authored_at=authored_at,
        committer=Person(committer_name, committer_email, committer_enc),
        committed_at=committed_at,
        title=title.strip(),
        body=body.strip("\n"),
        co_authors=co_authors(text),
        changes=_numstat(tail.strip(b"\n")),
    )


def parse_stream(chunks: Iterable[bytes]) -> Iterator[Commit]:
    """Commits from the raw output of ``git log --format=LOG_FORMAT --numstat``, as it streams."""
    pending = b""
    for chunk in chunks:
        pending += chunk
        records = pending.split(RS)
        pending = records.pop()
        for record in records:
            if record.strip():
                yield parse_record(record)
    if pending.strip():
        yield parse_record(pending)
