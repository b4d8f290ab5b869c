"""Parse the output of ``git log`` into commit records. Pure: bytes in, records out.

The fetcher runs ``git log`` with ``LOG_FORMAT`` and ``--numstat``. Every field is ended
by a NUL byte, which no name, e-mail, message (git cuts messages at NUL) or path can hold,
so splitting the stream on NUL gives exactly 11 tokens per commit whatever the commits
contain: a marker-ended empty token, ten fields, then the numstat text up to the next
commit's first NUL.
Names and e-mails are decoded as UTF-8 (git has already re-encoded commits that declare
an encoding), else with the commit's declared encoding, else Latin-1 — so a legacy
encoding never aborts an import.
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

NUL = b"\x00"
# record marker, then sha, parents, author name/email/time, committer name/email/time,
# encoding header, raw message — each NUL-terminated; numstat lines follow the last NUL
LOG_FORMAT = "%x00%H%x00%P%x00%an%x00%ae%x00%at%x00%cn%x00%ce%x00%ct%x00%e%x00%B%x00"
_TOKENS = 11  # ten fields and the numstat text

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
        try:
            # binary files show "-": counted as changed, without lines
            changes.append((unquote_path(path), int(added) if added != b"-" else 0, int(removed) if removed != b"-" else 0))
        except ValueError as exc:
            raise GitLogError(f"unexpected numstat line {line[:80]!r}") from exc
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


def parse_record(tokens: list[bytes]) -> Commit:
    """One commit from its 11 tokens (see the module docstring)."""
    sha, parents, an, ae, at, cn, ce, ct, enc, message, tail = tokens
    declared = enc.decode("ascii", "replace").strip()
    author_name, author_enc = decode(an, declared)
    author_email, email_enc = decode(ae, declared)
    committer_name, committer_enc = decode(cn, declared)
    committer_email, _ = decode(ce, declared)
    text, _ = decode(message, declared)
    title, _, body = text.strip("\n").partition("\n")
    if len(sha) != 40 and len(sha) != 64:
        raise GitLogError(f"expected a commit id, found {sha[:60]!r}")
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
    tokens: list[bytes] = []
    started = False
    for chunk in chunks:
        parts = (pending + chunk).split(NUL)
        pending = parts.pop()  # the unfinished token: it ends at a NUL still to come
        if not started and parts:
            if parts[0].strip():
                raise GitLogError(f"unexpected output before the first commit: {parts[0][:60]!r}")
            parts, started = parts[1:], True
        tokens.extend(parts)
        while len(tokens) >= _TOKENS:
            yield parse_record(tokens[:_TOKENS])
            del tokens[:_TOKENS]
    if started:
        tokens.append(pending)  # the last commit's numstat text ends with the stream
    elif pending.strip():
        raise GitLogError(f"unexpected output: {pending[:60]!r}")
    if len(tokens) == _TOKENS:
        yield parse_record(tokens)
    elif tokens and any(t.strip() for t in tokens):
        raise GitLogError(f"a commit record with {len(tokens)} fields, expected {_TOKENS}: {tokens[0][:60]!r}")
