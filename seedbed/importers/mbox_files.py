"""Fetch for mailing-list archives: read a file (gzip or not) and hand its lines to the pure
parser (seedbed.importers.mail). No database here, so it can be used and tested alone."""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

from seedbed.importers import mail
from seedbed.importers.errors import ImportFailed

FINGERPRINT_BYTES = 1 << 16


def _lines(path: Path, state: dict) -> Iterator[bytes]:
    """The archive's lines, decompressed when it is gzip; ``state["offset"]`` follows along."""
    with open(path, "rb") as raw:
        compressed = raw.read(2) == mail.GZIP_MAGIC
    opener = gzip.open if compressed else open
    with opener(path, "rb") as stream:
        for line in stream:
            state["offset"] += len(line)
            yield line


def read(path: Path, skip_bad: bool) -> tuple[list[mail.Mail], list[str]]:
    """Every message of the archive, or ``ImportFailed`` naming the file and the position."""
    mails, skipped = [], []
    now = dt.datetime.now(dt.timezone.utc)
    state = {"offset": 0}
    number = 0
    try:
        for number, offset, from_line, raw in mail.split(_lines(path, state)):
            try:
                mails.append(mail.parse(number, offset, from_line, raw, now))
            except mail.BadMessage as bad:
                if not skip_bad:
                    raise ImportFailed(f"{path}: {bad} (use --skip-bad to import the rest)") from None
                skipped.append(str(bad))
    except mail.BadArchive as bad:
        raise ImportFailed(f"{path}: {bad}") from None
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        where = f"after message {number} (byte {state['offset']} of the decompressed archive)"
        if not skip_bad:
            raise ImportFailed(f"{path}: the archive is truncated or corrupt {where}: {exc}") from None
        # the messages before the damage were read whole; the one it cut into is not kept
        skipped.append(f"the rest of the archive, {where}: truncated or corrupt ({exc})")
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot read it: {exc.strerror or exc}") from None
    return mails, skipped


def fingerprint(path: Path) -> dict:
    with open(path, "rb") as f:
        head = f.read(FINGERPRINT_BYTES)
    return {"size": os.path.getsize(path), "head": hashlib.sha256(head).hexdigest()}
