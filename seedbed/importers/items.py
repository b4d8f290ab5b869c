"""What parsers hand to the item store: plain records of who did what, when. Pure.

An importer's parse step turns its source's raw items (an event, a JSON line, a chat
message) into ``Item``s; ``seedbed.importers.store`` saves them. The same thing reaching
Seedbed by two routes — a GitHub pull request from GH Archive and from Perceval — must
come out as the same (platform, key), and then it is one activity.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Author:
    """Who did it, as the source knows them: one identity of a person."""

    source_kind: str  # the identity's source: "github", "git", "slack" …
    instance: str  # which one of them: "" for github.com, a GitLab host, a Slack workspace …
    key: str  # stable within the instance: an account id where there is one
    name: str = ""
    email: str = ""
    username: str = ""
    external_id: str = ""
    is_bot: bool = False


@dataclass(slots=True)
class Item:
    """One activity. Fields not set mean the source has no such notion."""

    platform: str
    key: str
    author: Author
    kind: str  # Activity.kind
    contribution_type: str
    occurred_at: dt.datetime
    channel: str = ""
    parent_key: str = ""
    thread_key: str = ""
    title: str = ""
    body: str = ""
    url: str = ""
    size: int = 0
    files_changed: int = 0
    lines_added: int = 0
    lines_removed: int = 0
    merged: bool | None = None
    accepted: bool | None = None
    reactions: int | None = None  # None: the source does not say
    committer: Author | None = None  # who committed it, when not its author (git)
    extra: dict = field(default_factory=dict)
    # When the state above (title, body, merged, reactions, extra …) was seen: of two
    # sightings of one item, the newer state wins, whichever was imported first.
    seen_at: dt.datetime | None = None


@dataclass(slots=True)
class State:
    """News about an item that may not be known yet: a GH Archive "merged" event in the shape
    GitHub trimmed in 2025 names the pull request but not its author. Applied to the item
    when it is known, or kept until it arrives; the newer state wins, as for items."""

    platform: str
    key: str
    seen_at: dt.datetime
    merged: bool | None = None
    extra: dict = field(default_factory=dict)


class NotImported(Exception):
    """Something a reader reads but never imports (a join, a direct message …); ``reason``
    is what it is counted as."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# A value of the wrong type where a reader expects another (labels that are a number, a
# count that is a word) fails in the reader as one of these; each reader's entry point turns
# them into its "bad item" error, so damaged input is reported, never a crash.
DAMAGE = (TypeError, ValueError, AttributeError, KeyError, IndexError, OverflowError)

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def clean(text: str) -> str:
    """Text without lone surrogates (``\\udcxx``, from bytes a tool could not decode) and
    NUL characters (which PostgreSQL cannot store): each becomes U+FFFD, so it can be stored
    and shown; valid text is returned as it is."""
    return _UNSTORABLE.sub("\ufffd", text)


def clean_all(value):
    """``clean`` applied to every string in decoded JSON, keys included."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean(k): clean_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_all(v) for v in value]
    return value


def words(text: str) -> int:
    return len(text.split())


def reaction_total(reactions) -> int:
    """How many reactions a chat message has: the sum of the ``count`` of each emoji's entry
    (Slack, DiscordChatExporter). A count below 0 counts none; one that is not a number fails
    as ``DAMAGE`` does."""
    return sum(max(0, int(r.get("count") or 0)) for r in reactions or [] if isinstance(r, dict))


def when(value) -> dt.datetime | None:
    """A timestamp as sources write it (ISO 8601 with Z or an offset, or epoch seconds), in
    UTC; None for nothing, or for something that is not a time."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return dt.datetime.fromtimestamp(float(value), tz=dt.timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    try:
        return parsed.astimezone(dt.timezone.utc)
    except OverflowError:  # year 1 an hour east of UTC, year 9999 an hour west
        return None
