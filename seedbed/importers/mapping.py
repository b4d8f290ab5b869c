"""What each import kind makes of its items: one row per kind of item, the activity kind and
contribution type it becomes, and the quality signals it carries. Pure data: the importers
decide with it, and the README's table is checked against it (tests/test_docs.py)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mapped:
    source: str  # the import kind: `seedbed import KIND`
    item: str  # what the source holds, in its own words
    kind: str  # Activity.kind
    contribution_type: str  # Activity.contribution_type, or how it is chosen
    signals: str  # quality signals it carries ("—" for none)


GIT = (
    Mapped("git", "commit", "commit", "code, test, doc, translation or infra, by the files it changes; "
           "maintenance when it changes none", "—"),
    Mapped("git", "Co-authored-by: trailer", "co-authored", "as its commit", "—"),
)

MBOX_STARTS = Mapped("mbox", "message that starts a thread", "message", "ideas", "replies received")
MBOX_ANSWERS = Mapped("mbox", "reply in a thread that starts with a question", "message", "question", "replies received")
MBOX_REPLIES = Mapped("mbox", "other reply", "message", "ideas", "replies received")
MBOX = (MBOX_STARTS, MBOX_ANSWERS, MBOX_REPLIES)

ALL: tuple[Mapped, ...] = GIT + MBOX
