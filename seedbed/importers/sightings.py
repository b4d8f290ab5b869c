"""How sightings of one item combine, whatever order they arrive in. Pure: dicts in, dict out.

An item is seen many times, by many routes: a pull request in GitHub's issue list (with its
reactions), in its pull list (with its size and who merged it), in GH Archive events hours
apart, as bare news that it was merged. A *record* is what is known of the item: the
``FIELDS`` of an activity, with ``extra["seen_at"]`` (when its content was seen) and
``extra["state_at"]`` (when its state was). ``combine`` gives the same record in any order:

* each content field (title, body, size, reactions, the other extra keys …) comes from the
  newest sighting that says something about it: an empty value (``""``, ``None``, ``[]``, a
  size of 0) never hides a known one. A reaction count of 0 is a count, except against one
  seen at the same moment: a stored 0 may have been "not said" (pull lists do not count
  reactions; the issue list, at the same hour, does);
* the state (``merged`` and the ``STATE_KEYS`` of extra) moves as one: it comes from the newest
  sighting that tells a state, and an older one only fills what it lacks when it tells the
  same state (the merge event names who merged; the pull list at that hour says merged too).
  An ``open`` state drops what only a closed item has (``closed_at`` …, after a reopen).

Of two sightings seen at the same moment, the one stored first wins where both say something
different; there is no better rule for two equally new accounts.
"""
from __future__ import annotations

FIELDS = ("title", "body", "url", "size", "merged", "accepted", "reactions", "extra")
CONTENT = ("title", "body", "url", "size", "accepted", "reactions")
STATE_KEYS = ("state", "merged_at", "merged_by", "closed_at", "state_reason")
GONE_WHEN_OPEN = ("closed_at", "merged_at", "merged_by")
TIMES = ("seen_at", "state_at")


def combine(old: dict, new: dict) -> dict:
    """The record that knows what ``old`` and ``new`` know (see the module docstring)."""
    old_extra, new_extra = old.get("extra") or {}, new.get("extra") or {}
    content_old, content_new = old_extra.get("seen_at") or "", new_extra.get("seen_at") or ""
    first, second = (new, old) if content_new > content_old else (old, new)
    tie = content_new == content_old
    out = {name: _first_said(first.get(name), second.get(name), name == "size" or (name == "reactions" and tie))
           for name in CONTENT}
    extra_first, extra_second = first.get("extra") or {}, second.get("extra") or {}
    extra = {key: _first_said(extra_first.get(key), extra_second.get(key))
             for key in {**extra_second, **extra_first} if key not in STATE_KEYS and key not in TIMES}

    state_old, state_new = _state_at(old), _state_at(new)
    ahead, behind = (new, old) if state_new > state_old else (old, new)
    state = _state(ahead)
    merged = ahead.get("merged")
    if _state(behind).get("state") == state.get("state") and _same_merge(merged, behind.get("merged")):
        state = {**_state(behind), **state}
        merged = behind.get("merged") if merged is None else merged
    if state.get("state") == "open":
        state = {k: v for k, v in state.items() if k not in GONE_WHEN_OPEN}
    extra.update(state)
    seen_at, state_at = max(content_old, content_new), max(state_old, state_new)
    if seen_at:
        extra["seen_at"] = seen_at
    if state_at > seen_at:  # the state was heard after the content
        extra["state_at"] = state_at
    out["merged"] = merged
    out["extra"] = {k: v for k, v in extra.items() if not _empty(v)}
    return out


def _empty(value, zero: bool = False) -> bool:
    return value is None or value == "" or value == [] or value == {} or (zero and value == 0)


def _first_said(first, second, zero: bool = False):
    if not _empty(first, zero):
        return first
    if not _empty(second, zero):
        return second
    return first if first is not None else second  # "" rather than None, 0 rather than None


def _state(record: dict) -> dict:
    extra = record.get("extra") or {}
    return {k: extra[k] for k in STATE_KEYS if not _empty(extra.get(k))}


def _same_merge(one, other) -> bool:
    return one is None or other is None or one == other


def _state_at(record: dict) -> str:
    """When the record's state was seen: "" when it tells none."""
    extra = record.get("extra") or {}
    if record.get("merged") is None and not _state(record):
        return ""
    return max(extra.get("state_at") or "", extra.get("seen_at") or "")
