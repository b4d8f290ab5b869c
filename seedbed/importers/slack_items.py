"""Slack messages (as its API, its exports and Perceval write them) as items. Pure.

A message is ``CHANNEL_ID:TS``; a reply in a thread answers the thread's first message
(``thread_ts``). Its author is the identity (slack, TEAM_ID, USER_ID): the workspace is
the team the message names, else the channel's (``workspace_of``), so a webhook's
``bot_message``, which names none, is in the same workspace as everyone else's. Joins,
leaves and topic changes are Slack's bookkeeping, not conversation, and are not
imported. Bots: a ``bot_message`` (no user), or a user Slack marks ``is_bot``.
"""
from __future__ import annotations

from seedbed.importers.items import Author, Item, reaction_total, when, words
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
    # Perceval's user_data, else the export's users.json entry, else the export's copy on the message
    profile = message.get("user_data") or known_user or message.get("user_profile")
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


def workspace_of(data: dict, channel_workspace: str = "") -> str:
    """The workspace a message's author belongs to: the team the message names, else the
    channel's (what Perceval's ``channel_info`` or an export's ``users.json`` tells)."""
    team = data.get("team")
    return team if isinstance(team, str) and team else channel_workspace


def message(workspace: str, data: dict, seen_at, channel: str = "", known_user: dict | None = None,
            channel_id: str = "") -> Item | None:
    """One message; ``channel`` and ``channel_id`` name its channel when the message itself
    does not (exports). It was seen no earlier than it was written and last edited."""
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
    channel_id = str(info.get("id") or data.get("channel") or channel_id or channel)
    name = str(info.get("name") or channel or channel_id)
    thread = data.get("thread_ts") if isinstance(data.get("thread_ts"), str) else ""
    key = f"{channel_id}:{ts}"
    text = str(data.get("text") or "")
    reactions = reaction_total(data.get("reactions"))
    edited = data.get("edited") if isinstance(data.get("edited"), dict) else {}
    edited_at = when(float(edited["ts"])) if str(edited.get("ts", "")).replace(".", "", 1).isdigit() else None
    return Item(
        platform=PLATFORM, key=key, author=who, kind=SLACK_MESSAGE.kind,
        contribution_type=SLACK_MESSAGE.contribution_type, occurred_at=at, channel=name,
        parent_key=f"{channel_id}:{thread}" if thread and thread != ts else "",
        thread_key=f"{channel_id}:{thread or ts}", body=text, size=words(text), reactions=reactions,
        seen_at=max(t for t in (at, edited_at, seen_at) if t is not None),
    )
