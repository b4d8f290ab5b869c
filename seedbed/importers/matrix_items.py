"""A Matrix room as Element's "Export chat" (format JSON) writes it, as items. Pure.

The export is a header (``room_name``, ``room_creator``, ``topic``, ``export_date``,
``exported_by``) and ``messages``: the room's events, oldest first, as the client-server API
gives them. Only ``m.room.message`` events are messages; membership, topic and other state
events, polls, calls and stickers are not conversation.

* Identities: a Matrix user ID (``@tomasz:matrix.example.org``) is the same account in every
  room and on every homeserver, so the instance is ``""``; the username is its localpart.
  Names come from the ``m.room.member`` events in the file (the newest); there is no other
  user list. Matrix has no bot flag: a sender of ``m.notice`` messages (the message type the
  specification reserves for automated clients) is a bot.
* Replies: ``m.in_reply_to``. In a thread (``rel_type: m.thread``) an ``m.in_reply_to``
  with ``is_falling_back: true`` is only there for clients without threads: the message
  answers the thread's root. A reply's quoted fallback (``> <@user> …`` lines) is cut off.
  A message's thread is its thread root's id; a reply outside threads is in the thread of
  what it answers; any other message is a thread of its own.
* Edits (``m.replace``, separate or bundled under ``unsigned.m.relations``) are applied
  to the message they edit, not imported; reactions (``m.annotation``) are counted on it.
  Element leaves both out of its exports (it writes edited messages already edited), so
  a file with no reaction event says nothing of reactions (None, not 0).
* What the file shows was seen at its newest event: the export was made then or later.
* Privacy: Element exports direct-message and invite-only rooms too, already decrypted. A
  room the file shows to be private (``private``: an ``m.room.join_rules`` event whose
  ``join_rule`` is not ``public``, or an ``m.room.member`` event with ``is_direct``) is not
  imported at all. Element's usual export holds no join rules: a file that shows nothing
  either way is taken as the public room it was exported as.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from seedbed.importers.items import DAMAGE, Author, Item, NotImported, when, words
from seedbed.importers.mapping import MATRIX_MESSAGE
from seedbed.people.names import is_bot

PLATFORM = "matrix"
NOTICE = "m.notice"

REACTIONS, EDITS = "reactions", "edits"
OTHER = "other events not imported"
ENCRYPTED = "encrypted events not readable"
DELETED = "deleted messages"


class BadObject(ValueError):
    """The object lacks what it must have: the message says what."""


def export(doc) -> tuple[str, list]:
    """(room name, events) of an Element export; BadObject when the document is not one."""
    if not isinstance(doc, dict) or "room_name" not in doc or not isinstance(doc.get("messages"), list):
        what = f"a JSON {type(doc).__name__}" if not isinstance(doc, dict) else \
            f"an object with {', '.join(list(doc)[:6]) or 'nothing'}"
        raise BadObject(f"not an Element (Matrix) room export: {what}, not room_name and messages")
    events = doc["messages"]
    first = next((e for e in events if isinstance(e, dict) and isinstance(e.get("room_id"), str)), {})
    return str(doc.get("room_name") or first.get("room_id") or ""), events


def private(events: list) -> str:
    """What in the file shows that the room is private, in a few words naming the event; ""
    when nothing does. Any such event counts, whenever it was sent: a room that was private
    for a while holds conversations meant to stay in it. A join_rules event whose join_rule
    is damaged or missing is not shown to be public, so it counts too."""
    for index, event in enumerate(events):
        if not isinstance(event, dict):
            continue
        kind, content = event.get("type"), event.get("content")
        content = content if isinstance(content, dict) else {}
        ident = event.get("event_id")
        named = f"{ident} at messages[{index}]" if isinstance(ident, str) else f"at messages[{index}]"
        if kind == "m.room.join_rules" and content.get("join_rule") != "public":
            return f"a private room (m.room.join_rules event {named}: join_rule {content.get('join_rule')!r})"
        if kind == "m.room.member" and content.get("is_direct") is True:
            who = event.get("state_key")
            return f"a direct-message room (m.room.member event {named}" + (
                f" for {who}" if isinstance(who, str) else "") + ": is_direct)"
    return ""


@dataclass
class Room:
    name: str
    names: dict[str, str] = field(default_factory=dict)  # user ID -> display name
    notice_senders: set[str] = field(default_factory=set)
    reactions: Counter | None = None  # by event id; None when the file shows no reactions
    edits: dict[str, dict] = field(default_factory=dict)  # event id -> its newest content
    threads: dict[str, str] = field(default_factory=dict)  # event id -> its thread
    seen_at: dt.datetime | None = None


def _relation(content: dict) -> dict:
    relation = content.get("m.relates_to")
    return relation if isinstance(relation, dict) else {}


def _reply_to(relation: dict) -> str:
    reply = relation.get("m.in_reply_to")
    target = reply.get("event_id") if isinstance(reply, dict) else None
    return target if isinstance(target, str) else ""


def survey(name: str, events: list) -> Room:
    """A first look at every event: names, bots, reactions, edits and threads, for ``message``.
    Damaged events are passed over here; ``message`` reports them."""
    room = Room(name)
    seen = _Seen()
    for order, event in enumerate(events):
        if isinstance(event, dict) and isinstance(event.get("content"), dict):
            try:
                _look(room, seen, event, order)
            except DAMAGE:
                continue
    for (target, sender), (_, _, new) in seen.edits.items():
        if seen.senders.get(target) == sender:  # only its sender may edit a message
            room.edits[target] = new
            if new.get("msgtype") == NOTICE:
                room.notice_senders.add(sender)
    if seen.reacted or seen.bundled:
        room.reactions = Counter({k: len(v) for k, v in seen.reacted.items()})
        for ident, n in seen.bundled.items():
            room.reactions[ident] = max(room.reactions[ident], n)
    return room


@dataclass
class _Seen:
    reacted: dict[str, set] = field(default_factory=dict)  # event id -> {(sender, key)}
    bundled: dict[str, int] = field(default_factory=dict)  # event id -> reactions the server counted
    edits: dict[tuple, tuple] = field(default_factory=dict)  # (target, editor) -> (time, order, new content)
    senders: dict[str, str] = field(default_factory=dict)  # message id -> its sender


def _look(room: Room, seen: _Seen, event: dict, order: int) -> None:
    kind, content, sender, at = event.get("type"), event["content"], event.get("sender"), _at(event)
    if at is not None and (room.seen_at is None or at > room.seen_at):
        room.seen_at = at
    relation = _relation(content)
    if kind == "m.room.member" and isinstance(event.get("state_key"), str):
        if isinstance(content.get("displayname"), str) and content["displayname"].strip():
            room.names[event["state_key"]] = content["displayname"].strip()
    elif kind == "m.reaction" and relation.get("rel_type") == "m.annotation":
        if isinstance(relation.get("event_id"), str) and isinstance(sender, str):
            seen.reacted.setdefault(relation["event_id"], set()).add((sender, str(relation.get("key"))))
    elif kind == "m.room.message" and isinstance(event.get("event_id"), str) and isinstance(sender, str):
        if relation.get("rel_type") == "m.replace":
            _edit(seen.edits, relation.get("event_id"), event, order)
            return
        ident = event["event_id"]
        seen.senders[ident] = sender
        if content.get("msgtype") == NOTICE:
            room.notice_senders.add(sender)
        unsigned = event.get("unsigned")
        relations = unsigned.get("m.relations") if isinstance(unsigned, dict) else None
        if isinstance(relations, dict):
            _edit(seen.edits, ident, relations.get("m.replace"), -1)
            annotations = relations.get("m.annotation")
            if isinstance(annotations, dict) and isinstance(annotations.get("chunk"), list):
                seen.bundled[ident] = sum(c["count"] for c in annotations["chunk"] if isinstance(c, dict)
                                          and isinstance(c.get("count"), int) and c["count"] > 0)
        root = relation.get("event_id") if relation.get("rel_type") == "m.thread" else None
        reply = _reply_to(relation)
        room.threads[ident] = root if isinstance(root, str) else room.threads.get(reply, reply) or ident


def _edit(edits: dict, target, event, order: int) -> None:
    """Note an edit event of ``target``: of one editor's edits, the newest wins."""
    if not isinstance(target, str) or not isinstance(event, dict) or not isinstance(event.get("content"), dict):
        return
    new, at, sender = event["content"].get("m.new_content"), event.get("origin_server_ts"), event.get("sender")
    if not isinstance(new, dict) or not isinstance(new.get("body"), str) or not _number(at) \
            or not isinstance(sender, str):
        return
    seen = edits.get((target, sender))
    if seen is None or (at, order) > seen[:2]:
        edits[(target, sender)] = (at, order, new)


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _at(event: dict) -> dt.datetime | None:
    value = event.get("origin_server_ts")
    return when(value / 1000) if _number(value) else None


def strip_fallback(body: str) -> str:
    """A reply's text without the quote of what it answers (``> <@user> …`` lines, then a blank
    line), which clients without rich replies show."""
    lines = body.split("\n")
    quoted = 0
    while quoted < len(lines) and lines[quoted].startswith(">"):
        quoted += 1
    if quoted and (quoted == len(lines) or not lines[quoted].strip()):
        return "\n".join(lines[quoted + 1:])
    return body


def message(room: Room, data) -> Item:
    """One event as an item; NotImported for what is not a message, BadObject for damage."""
    if not isinstance(data, dict):
        raise BadObject(f"not an event (a JSON {type(data).__name__})")
    kind, content = data.get("type"), data.get("content")
    if not isinstance(kind, str):
        raise BadObject("an event without its type")
    if kind == "m.reaction":
        raise NotImported(REACTIONS)
    if kind == "m.room.encrypted":
        raise NotImported(ENCRYPTED)
    if kind != "m.room.message":
        raise NotImported(OTHER)
    if not isinstance(content, dict):
        raise BadObject("a message whose content is not an object")
    relation = _relation(content)
    if relation.get("rel_type") == "m.replace":
        raise NotImported(EDITS)
    if not content:  # what a deleted (redacted) message keeps
        raise NotImported(DELETED)
    ident, sender, at = data.get("event_id"), data.get("sender"), _at(data)
    if not isinstance(ident, str) or not ident:
        raise BadObject("a message without its event_id")
    if not isinstance(sender, str) or not sender.startswith("@") or ":" not in sender:
        raise BadObject(f"its sender {sender!r} is not a Matrix user ID")
    if at is None:
        raise BadObject(f"its origin_server_ts {data.get('origin_server_ts')!r} is not a time")
    shown = room.edits.get(ident, content)
    body = shown.get("body")
    if not isinstance(body, str):
        raise BadObject("a message without its body")
    root = relation.get("event_id") if relation.get("rel_type") == "m.thread" else ""
    if not isinstance(root, str):
        raise BadObject("a thread message whose thread root is not an event id")
    reply = _reply_to(relation)
    parent = root if root and (relation.get("is_falling_back") is True or not reply) else reply
    text = strip_fallback(body) if reply else body
    name, localpart = room.names.get(sender, ""), sender[1:].split(":", 1)[0]
    bot = sender in room.notice_senders or shown.get("msgtype") == NOTICE or is_bot(name, "", localpart)
    author = Author(PLATFORM, "", sender, name=name, username=localpart, external_id=sender, is_bot=bot)
    return Item(
        platform=PLATFORM, key=ident, author=author, kind=MATRIX_MESSAGE.kind,
        contribution_type=MATRIX_MESSAGE.contribution_type, occurred_at=at, channel=room.name, parent_key=parent,
        thread_key=root or room.threads.get(ident) or room.threads.get(reply, reply) or ident, body=text,
        size=words(text), reactions=None if room.reactions is None else room.reactions.get(ident, 0),
        seen_at=max(t for t in (room.seen_at, at) if t is not None),
    )
