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

_GH = "gharchive; perceval github"
GITHUB_ISSUE = Mapped(_GH, "issue", "issue", "by its labels (doc, question, enhancement → ideas, security …); bug "
                      "when they say nothing", "replies received, reactions")
GITHUB_PULL = Mapped(_GH, "pull request (opened, merged, closed)", "pull-request",
                     "by its title's prefix (docs:, test:, ci: …), else its labels; code when they say nothing",
                     "merged, reviewed by, replies received, reactions")
GITHUB_REVIEW = Mapped(_GH, "pull request review", "review", "review", "state: approved, changes requested, commented")
GITHUB_REVIEW_COMMENT = Mapped(_GH, "review comment on a pull request's code", "comment", "review", "reactions")
GITHUB_COMMENT = Mapped(_GH, "comment on an issue or a pull request", "comment",
                        "on a pull request review; on an issue the issue's type", "replies received, reactions")
GITHUB_RELEASE = Mapped(_GH, "release", "release", "maintenance", "—")
GITHUB = (GITHUB_ISSUE, GITHUB_PULL, GITHUB_REVIEW, GITHUB_REVIEW_COMMENT, GITHUB_COMMENT, GITHUB_RELEASE)

ALL: tuple[Mapped, ...] = GIT + MBOX + GITHUB
