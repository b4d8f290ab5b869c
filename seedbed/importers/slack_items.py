"""Slack messages (as its API, its exports and Perceval write them) as items. Pure.

A message is ``CHANNEL:TS`` in its workspace; a reply in a thread answers the thread's
first message (``thread_ts``). Joins, leaves and topic changes are Slack's bookkeeping,
not conversation, and are not imported. Bots: a ``bot_message`` (no user), or a user
Slack marks ``is_bot``.
"""
from __future__ import annotations

from seedbed.importers.items import Author, Item, when, words
from seedbed.importers.mapping import SLACK_MESSAGE
from seedbed.people.names import is_bot

PLATFORM = "slack"
NOT_CONVERSATION = {"channel_join", "channel_leave", "channel_topic", "channel_purpose", "channel_name",
                    "channel_archive", "channel_unarchive", "group_join", "group_leave", "group_topic",
                    "group_purpose", "group_name", "pinned_item", "unpinned_item", "reminder_add", "tombstone"}


class BadObject(ValueError):
    """The object lacks what it must have: the message says what."""


def author(workspace: str, message: dict, known_user: dict | None = None) -> Author | None:
    """Who wrote it: the user (with what Slack says of them), or the bot that posted it."""
    profile = message.get("user_data") or known_user
    ident = message.get("user") or (profile or {}).get("id")
    if ident:
        profile = profile if isinstance(profile, dict) else {}
        details = profile.get("profile") if isinstance(profile.get("profile"), dict) else {}
        name = str(profile.get("real_name") or details.get("real_name") or message.get("user_name") or "")
        username = str(profile.get("name") or message.get("user_name") or "")
        email = str(details.get("email") or profile.get("email") or "")
        bot = bool(profile.get("is_bot")) or is_bot(name, email, username)
        return Author(PLATFORM, workspace, str(ident), name=name, email=email, username=username,
                      external_id=str(ident), is_bot=bot)
    if message.get("bot_id"):
        username = str(message.get("username") or (message.get("bot_profile") or {}).get("name") or "")
        return Author(PLATFORM, workspace, f"bot:{message['bot_id']}", name=username, username=username,
                      external_id=str(message["bot_id"]), is_bot=True)
    return None


def message(workspace: str, data: dict, seen_at, channel: str = "", known_user: dict | None = None) -> Item | None:
    """One message; ``channel`` names it when the message itself does not (exports)."""
    ts = data.get("ts")
    if not isinstance(ts, str) or not ts:
        raise BadObject("a message without its ts")
    if data.get("subtype") in NOT_CONVERSATION:
        return None
    at = when(float(ts)) if ts.replace(".", "", 1).isdigit() else None
    if at is None:
        raise BadObject(f"a message whose ts {ts!r} is not a time")
    who = author(workspace, data, known_user)
    if who is None:
        return None
    info = data.get("channel_info") if isinstance(data.get("channel_info"), dict) else {}
    channel_id = str(info.get("id") or data.get("channel") or channel)
    name = str(info.get("name") or channel or channel_id)
    thread = data.get("thread_ts") if isinstance(data.get("thread_ts"), str) else ""
    key = f"{channel_id}:{ts}"
    text = str(data.get("text") or "")
    reactions = sum(int(r.get("count") or 0) for r in data.get("reactions") or [] if isinstance(r, dict))
    edited = data.get("edited") if isinstance(data.get("edited"), dict) else {}
    return Item(
        platform=PLATFORM, key=key, author=who, kind=SLACK_MESSAGE.kind,
        contribution_type=SLACK_MESSAGE.contribution_type, occurred_at=at, channel=name,
        parent_key=f"{channel_id}:{thread}" if thread and thread != ts else "",
        thread_key=f"{channel_id}:{thread or ts}", body=text, size=words(text), reactions=reactions,
        seen_at=when(float(edited["ts"])) if str(edited.get("ts", "")).replace(".", "", 1).isdigit() else seen_at,
    )
