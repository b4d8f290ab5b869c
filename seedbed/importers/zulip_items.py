"""A Zulip organization's export (``manage.py export``, or the organization's export page)
as items. Pure.

The export is the database's rows as JSON: ``realm.json`` holds the organization, its users,
channels ("streams"), recipients and reactions; ``messages-NNNNNN.json`` the messages, whose
``sender`` and ``recipient`` are ids into realm.json.

* Only messages in public channels are imported. Direct messages (to one person or a
  group: a recipient that is not a channel, the topic ``"\\x07"``) and messages in private
  channels are private conversations: never imported, nor their reactions.
* Messages of Zulip's own system bots (Notification Bot, Welcome Bot, the e-mail gateway;
  ``zerver_userprofile_crossrealm``, not users of the organization) are Zulip's bookkeeping.
* A topic is Zulip's thread: its first message (the lowest id among messages by the
  organization's users) starts it; the others answer it. Topics are the same whatever
  their letters' case, as in Zulip.
* The organization is told apart by its ``string_id`` (its subdomain; ``""`` for the one at
  a server's root domain: the export does not name the host), or by the host the user
  names (``realm(data, host)``). It is the identities' instance and prefixes message keys
  (``marigold:1002``) and threads, because message ids are only unique within one server.
* A topic's thread is keyed by its channel's id, not its name: a channel renamed between
  two exports keeps its topics whole (the activity's channel is the name it had then).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from seedbed.importers.items import Author, Item, NotImported, when, words
from seedbed.importers.mapping import ZULIP_MESSAGE
from seedbed.people.names import is_bot

PLATFORM = "zulip"
CHANNEL = 2  # zerver_recipient.type of a channel; 1 is a person, 3 a direct-message group
DM_TOPIC = "\x07"  # the topic Zulip stores on direct messages

DIRECT = "direct messages not imported"
PRIVATE_CHANNEL = "messages in private channels not imported"
SYSTEM_BOT = "messages of Zulip's system bots not imported"


class BadObject(ValueError):
    """The object lacks what it must have: the message says what."""


@dataclass(frozen=True)
class Channel:
    name: str
    private: bool


@dataclass
class Realm:
    instance: str
    users: dict[int, Author]
    system_bots: set[int]
    recipients: dict[int, tuple[int, int]]  # recipient id -> (type, channel/user/group id)
    channels: dict[int, Channel]  # by channel id
    reactions: Counter | None  # by message id; None when the export has no reaction table
    roots: dict[tuple[int, str], tuple[int, str]] = field(default_factory=dict)  # see Topics
    seen_at: dt.datetime | None = None  # when the export was made: what it shows was seen then


def _rows(data: dict, table: str) -> list[dict]:
    rows = data.get(table)
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


def _id(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def realm(data, host: str = "") -> Realm:
    """What realm.json tells about the organization; BadObject when it is not a realm.json.
    ``host``, when given, is the instance instead of the string_id."""
    if not isinstance(data, dict) or not all(isinstance(data.get(t), list) for t in (
            "zerver_realm", "zerver_userprofile", "zerver_recipient", "zerver_stream")):
        raise BadObject("not a Zulip realm.json (no zerver_realm, zerver_userprofile, zerver_recipient "
                        "and zerver_stream tables)")
    organizations = _rows(data, "zerver_realm")
    if len(organizations) != 1:
        raise BadObject(f"zerver_realm holds {len(organizations)} organizations, not one")
    instance = organizations[0].get("string_id")
    if not isinstance(instance, str):
        raise BadObject("the organization has no string_id")
    instance = host or instance
    users = {}
    for row in _rows(data, "zerver_userprofile") + _rows(data, "zerver_userprofile_mirrordummy"):
        if _id(row.get("id")) is not None:
            users[row["id"]] = _author(instance, row)
    recipients = {r["id"]: (r.get("type"), r.get("type_id")) for r in _rows(data, "zerver_recipient")
                  if _id(r.get("id")) is not None}
    channels = {r["id"]: Channel(str(r.get("name") or r["id"]), bool(r.get("invite_only")))
                for r in _rows(data, "zerver_stream") if _id(r.get("id")) is not None}
    reactions = None
    if isinstance(data.get("zerver_reaction"), list):
        reactions = Counter(r.get("message") for r in _rows(data, "zerver_reaction") if _id(r.get("message")))
    system_bots = {r["id"] for r in _rows(data, "zerver_userprofile_crossrealm") if _id(r.get("id")) is not None}
    return Realm(instance, users, system_bots - set(users), recipients, channels, reactions)


def _author(instance: str, row: dict) -> Author:
    name = str(row.get("full_name") or "")
    # `email` is a made-up address (user11@host) when the user hides theirs; delivery_email is real
    email = str(row.get("delivery_email") or row.get("email") or "")
    bot = bool(row.get("is_bot")) or row.get("bot_type") is not None or is_bot(name, email)
    return Author(PLATFORM, instance, str(row["id"]), name=name, email=email, external_id=str(row["id"]), is_bot=bot)


class Topics:
    """Each topic's first message, from a first look at every message (the archive may hold
    the messages before realm.json, and message files in any order)."""

    def __init__(self):
        self.first: dict[tuple[int, str], dict[int, tuple[int, str]]] = {}  # topic -> sender -> (id, topic)
        self.newest: dt.datetime | None = None  # the newest message or edit seen

    def see(self, data) -> None:
        if not isinstance(data, dict):
            return
        ident, recipient, sender, topic = (data.get(k) for k in ("id", "recipient", "sender", "subject"))
        if _id(ident) is None or _id(recipient) is None or _id(sender) is None or not isinstance(topic, str):
            return
        senders = self.first.setdefault((recipient, topic.lower()), {})
        if sender not in senders or ident < senders[sender][0]:
            senders[sender] = (ident, topic)
        for at in (when(_time(data, "date_sent")), when(_time(data, "last_edit_time"))):
            if at is not None and (self.newest is None or at > self.newest):
                self.newest = at

    def roots(self, realm: Realm) -> dict[tuple[int, str], tuple[int, str]]:
        """(recipient, topic folded) -> (id, topic as written) of the first message by a user."""
        out = {}
        for topic, senders in self.first.items():
            firsts = [first for sender, first in senders.items() if sender in realm.users]
            if firsts:
                out[topic] = min(firsts)
        return out


def _time(data: dict, name: str):
    value = data.get(name, data.get("pub_date") if name == "date_sent" else None)
    return None if isinstance(value, bool) else value


def key(realm: Realm, message_id: int) -> str:
    return f"{realm.instance}:{message_id}"


def message(realm: Realm, data) -> Item:
    """One message as an item; NotImported for what is never imported, BadObject for damage."""
    if not isinstance(data, dict):
        raise BadObject(f"not a message (a JSON {type(data).__name__})")
    recipient = realm.recipients.get(data.get("recipient"))
    # private first: a damaged direct message is still a direct message
    if data.get("is_channel_message") is False or data.get("subject") == DM_TOPIC or (
            recipient is not None and recipient[0] != CHANNEL):
        raise NotImported(DIRECT)
    if recipient is None:
        raise BadObject(f"its recipient {data.get('recipient')!r} is not in the export")
    channel = realm.channels.get(recipient[1])
    if channel is None:
        raise BadObject(f"its channel {recipient[1]!r} is not in the export")
    if channel.private:
        raise NotImported(PRIVATE_CHANNEL)
    ident, sender = _id(data.get("id")), data.get("sender")
    if ident is None:
        raise BadObject("a message without its id")
    if sender in realm.system_bots:
        raise NotImported(SYSTEM_BOT)
    author = realm.users.get(sender)
    if author is None:
        raise BadObject(f"its sender {sender!r} is not a user of the export")
    at = when(_time(data, "date_sent"))
    if at is None:
        raise BadObject(f"its date_sent {data.get('date_sent')!r} is not a time")
    topic, text = data.get("subject"), data.get("content")
    if not isinstance(topic, str) or not isinstance(text, str):
        raise BadObject("a message without its topic (subject) and content")
    root, root_topic = realm.roots.get((data["recipient"], topic.lower()), (ident, topic))
    edited = when(_time(data, "last_edit_time"))
    reactions = None if realm.reactions is None else realm.reactions.get(ident, 0)
    return Item(
        platform=PLATFORM, key=key(realm, ident), author=author, kind=ZULIP_MESSAGE.kind,
        contribution_type=ZULIP_MESSAGE.contribution_type, occurred_at=at, channel=channel.name,
        parent_key=key(realm, root) if root != ident else "",
        thread_key=f"{realm.instance}:{recipient[1]} > {root_topic}", title=topic, body=text, size=words(text),
        reactions=reactions, seen_at=max(t for t in (realm.seen_at, edited, at) if t is not None),
    )
