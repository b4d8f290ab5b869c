"""DiscordChatExporter's JSON (``--format Json``) as items. Pure.

DCE writes one file per channel or thread: a header (``guild``, ``channel``,
``exportedAt``) and the channel's ``messages`` in order. A message is its id (Discord's
snowflakes are unique across channels and servers); its author is the identity
(discord, "", USER_ID), as accounts named in a spreadsheet are.

* Conversation is what people (and bots) wrote: ``Default`` and ``Reply`` messages, and
  the answers to slash and context-menu commands (Discord types 20 and 23, which DCE
  writes as numbers). Everything else is Discord's bookkeeping and is skipped, counted by
  ``skip_reason``: joins, pins, "started a thread" notices, boosts, calls, renames …
* A reply answers the message its ``reference`` names. A thread is a file of its own,
  whose ``category`` is the channel it was started in: its messages carry that channel's
  name, share the thread's id as their thread, and, when they answer nothing else, answer
  the thread's id: the message that started the thread has that id (Discord gives a thread
  started from a message that message's id, and a forum post's first message, which is in
  the thread's own file, the post's). That first message answers nothing, not itself. A
  thread started from nothing has no message with its id, so its messages' parent is
  never found: they answer nothing. Outside threads, a message is its own thread, and a
  reply joins the thread of what it answers.
* Timestamps carry the exporting machine's offset unless ``--utc`` was given: all are
  turned to UTC. Reactions are the sum of the counts; bots are authors DCE marks
  ``isBot``.
* Private conversations are never read: direct and group messages (DCE exports them
  too, in the guild "0", "Direct Messages") and private threads. ``Channel.private`` says
  which, and the importer reads none of their messages. A server channel only some roles
  can see looks like any other in the export: nothing here can tell it is not public.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from seedbed.importers.items import DAMAGE, Author, Item, reaction_total, when, words
from seedbed.importers.mapping import DISCORD_MESSAGE
from seedbed.people.names import is_bot

PLATFORM = "discord"
# DCE's MessageKind names (it stops at Reply = 19) and, for later Discord types, the number it writes
CONVERSATION = {"Default", "Reply", "0", "19", "20", "23", "ChatInputCommand", "ContextMenuCommand"}
REPLY = {"Reply", "19"}
SKIPPED = {  # the words a skipped kind is counted under; any other kind is "other system messages"
    "GuildMemberJoin": "joins", "7": "joins", "RecipientAdd": "joins", "1": "joins",
    "RecipientRemove": "leaves", "2": "leaves",
    "ChannelPinnedMessage": "pins", "6": "pins",
    "ThreadCreated": "thread notices", "18": "thread notices", "ThreadStarterMessage": "thread notices",
    "21": "thread notices",
    "ChannelNameChange": "channel changes", "4": "channel changes", "ChannelIconChange": "channel changes",
    "5": "channel changes",
    "Call": "calls", "3": "calls",
}
THREADS = {"GuildPublicThread", "GuildPrivateThread", "GuildNewsThread"}  # DCE's ChannelKind names
DIRECT = {"DirectTextChat", "DirectGroupTextChat"}
PRIVATE_THREADS = {"GuildPrivateThread", "12"}  # and Discord's number, should a DCE write it
DIRECT_GUILD = "0"  # DCE's "Direct Messages", the guild of every direct and group conversation


class BadObject(ValueError):
    """Not what DCE writes: the message says what is missing."""


@dataclass(frozen=True, slots=True)
class Channel:
    id: str
    name: str  # the name its messages carry: the channel's, or for a thread the channel it was started in
    guild_id: str = ""
    thread: str = ""  # the thread's name, for a thread's export
    private: str = ""  # what private conversation it is ("a private thread" …); "" when it is not one


def channel(header: dict) -> Channel:
    """The channel a DCE file holds, from its header; BadObject when it is not DCE's."""
    guild, chan = header.get("guild"), header.get("channel")
    if not isinstance(guild, dict) or not isinstance(chan, dict) or not _id(chan.get("id")):
        keys = ", ".join(_shown(k) for k in list(header)[:8]) or "none"
        raise BadObject(f"not a DiscordChatExporter JSON export (no guild and channel before its messages; "
                        f"its keys: {keys})")
    kind = str(chan.get("type") or "")
    name = str(chan.get("name") or chan["id"])
    guild_id = _text(guild.get("id"))
    private = "a private thread" if kind in PRIVATE_THREADS else \
        "a direct-message conversation" if kind in DIRECT or guild_id == DIRECT_GUILD else ""
    if kind in THREADS:
        return Channel(chan["id"], str(chan.get("category") or name), guild_id, thread=name, private=private)
    return Channel(chan["id"], name, guild_id, private=private)


def skip_reason(data: dict) -> str:
    """Why a message is not conversation ("joins", "pins" …), or "" when it is."""
    kind = str(data.get("type", "Default"))
    return "" if kind in CONVERSATION else SKIPPED.get(kind, "other system messages")


class Conversation:
    """The messages of one file, in file order (a reply's thread is its parent's)."""

    def __init__(self, where: Channel, seen_at: dt.datetime | None = None):
        self.where, self.seen_at = where, seen_at
        self.threads: dict[str, str] = {}  # message id -> its thread, for the replies that follow

    def message(self, data: dict) -> Item | None:
        """One message as an item; None when it is not conversation; BadObject when damaged."""
        try:
            return self._message(data)
        except BadObject:
            raise
        except DAMAGE as exc:
            raise BadObject(f"a damaged value ({type(exc).__name__}: {exc})") from None

    def _message(self, data: dict) -> Item | None:
        if not isinstance(data, dict):
            raise BadObject(f"not a message (a JSON {type(data).__name__})")
        ident = data.get("id")
        if not _id(ident):
            raise BadObject("a message without its id")
        at = when(data.get("timestamp"))
        if at is None:
            raise BadObject(f"message {_shown(ident)} without a readable timestamp")
        if not isinstance(data.get("type", ""), str):
            raise BadObject(f"message {_shown(ident)} whose type is not a name")
        if skip_reason(data):
            return None
        who = author(data.get("author"))
        if who is None:
            raise BadObject(f"message {_shown(ident)} without its author's id")
        reference = data.get("reference") if isinstance(data.get("reference"), dict) else {}
        answers = reference.get("messageId") if str(data.get("type")) in REPLY else None
        answers = answers if _id(answers) else ""
        where = self.where
        if where.thread:  # the thread's first message (a forum post's) has its id, and answers nothing
            parent, thread = answers or (where.id if ident != where.id else ""), where.id
        else:
            parent, thread = answers, self.threads.get(answers, answers) if answers else ident
            self.threads[ident] = thread
        text = str(data.get("content") or "")
        reactions = reaction_total(data.get("reactions"))
        edited = when(data.get("timestampEdited"))
        return Item(
            platform=PLATFORM, key=ident, author=who, kind=DISCORD_MESSAGE.kind,
            contribution_type=DISCORD_MESSAGE.contribution_type, occurred_at=at, channel=where.name,
            parent_key=parent, thread_key=thread, body=text, size=words(text), reactions=reactions,
            url=f"https://discord.com/channels/{where.guild_id or '@me'}/{where.id}/{ident}",
            extra={"thread": where.thread} if where.thread else {},
            seen_at=max(t for t in (at, edited, self.seen_at) if t is not None),
        )


def author(value) -> Author | None:
    """Who wrote it: the account (its name and server nickname), a bot if DCE says so."""
    if not isinstance(value, dict) or not _id(value.get("id")):
        return None
    username = _text(value.get("name"))
    name = _text(value.get("nickname")) or username
    return Author(PLATFORM, "", value["id"], name=name, username=username, external_id=value["id"],
                  is_bot=bool(value.get("isBot")) or is_bot(name, "", username))


def _id(value) -> bool:
    return isinstance(value, str) and value != ""


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _shown(text: str) -> str:
    """Text from the file as an error message shows it: on one line (escaped, when it is not
    all printable, as a line break is not)."""
    return text if text.isprintable() else repr(text)
