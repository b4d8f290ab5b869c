"""Meetup events (as its API and Perceval write them) as items. Pure.

An event that took place gives its hosts an organising activity each
(``event:ID:host:MEMBER``) and everyone else who said yes and was not marked a no-show
an attendance (``event:ID:attendee:MEMBER``); its comments are comments. Upcoming and
cancelled events give nothing yet: what did not happen is no one's contribution.
"""
from __future__ import annotations

from seedbed.importers.items import Author, Item, when, words
from seedbed.importers.mapping import MEETUP_ATTENDEE, MEETUP_COMMENT, MEETUP_HOST
from seedbed.people.names import is_bot

PLATFORM = "meetup"


class BadObject(ValueError):
    """The object lacks what it must have: the message says what."""


def member(obj) -> Author | None:
    if not isinstance(obj, dict) or obj.get("id") is None:
        return None
    name = str(obj.get("name") or "")
    return Author(PLATFORM, "", str(obj["id"]), name=name, external_id=str(obj["id"]), is_bot=is_bot(name))


def event(data: dict, seen_at) -> list[Item]:
    if data.get("id") is None:
        raise BadObject("an event without an id")
    at = when(data["time"] / 1000) if isinstance(data.get("time"), (int, float)) else None
    if at is None:
        raise BadObject(f"event {data['id']} without a time")
    if data.get("status") != "past":
        return []
    group = data.get("group") if isinstance(data.get("group"), dict) else {}
    channel = str(group.get("name") or group.get("urlname") or "")
    name = str(data.get("name") or "")
    url = str(data.get("link") or "")
    key = f"event:{data['id']}"
    rsvps = [r for r in data.get("rsvps") or [] if isinstance(r, dict)]
    yes = [r for r in rsvps if r.get("response") == "yes"]
    hosts = {}
    for host in data.get("event_hosts") or []:
        who = member(host)
        if who is not None:
            hosts[who.key] = who
    for r in yes:
        who = member(r.get("member"))
        context = (r.get("member") or {}).get("event_context") or {}
        if who is not None and isinstance(context, dict) and context.get("host"):
            hosts.setdefault(who.key, who)
    common = dict(platform=PLATFORM, occurred_at=at, channel=channel, thread_key=key, url=url, seen_at=seen_at,
                  extra={"event": name})
    out = [Item(key=f"{key}:host:{who.key}", author=who, kind=MEETUP_HOST.kind,
                contribution_type=MEETUP_HOST.contribution_type, title=f"Organised {name}",
                size=len(yes) + sum(int(r.get("guests") or 0) for r in yes), **common)
           for who in hosts.values()]
    for r in yes:
        who = member(r.get("member"))
        if who is None or who.key in hosts or r.get("attendance_status") == "noshow":
            continue
        out.append(Item(key=f"{key}:attendee:{who.key}", author=who, kind=MEETUP_ATTENDEE.kind,
                        contribution_type=MEETUP_ATTENDEE.contribution_type, title=f"Attended {name}", **common))
    for comment in data.get("comments") or []:
        if not isinstance(comment, dict) or comment.get("id") is None:
            continue
        created = comment.get("created")
        who = member(comment.get("member"))
        said = when(created / 1000) if isinstance(created, (int, float)) and not isinstance(created, bool) else None
        if who is None or said is None:
            continue
        body = str(comment.get("comment") or "")
        out.append(Item(platform=PLATFORM, key=f"comment:{comment['id']}", author=who, kind=MEETUP_COMMENT.kind,
                        contribution_type=MEETUP_COMMENT.contribution_type, occurred_at=said, channel=channel,
                        thread_key=key, body=body, size=words(body), url=url, seen_at=seen_at))
    return out
