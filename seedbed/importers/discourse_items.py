"""Discourse topics and their posts (as its API and Perceval write them) as items. Pure.

A topic is its first post, by the one who opened it (``topic:ID``); every other written
post is ``post:ID``, answering the post it replies to, else the topic. Moderator actions
(closing, pinning: ``post_type`` 3) and whispers (staff-only posts, ``post_type`` 4) are
not imported.
"""
from __future__ import annotations

import html
import re

from seedbed.importers.items import Author, Item, when, words
from seedbed.importers.mapping import DISCOURSE_ACCEPTED, DISCOURSE_ANSWERS, DISCOURSE_POST, DISCOURSE_TOPIC
from seedbed.people.names import is_bot

PLATFORM = "discourse"
REGULAR = 1  # post_type of a written post
LIKE = 2  # the id of "like" in a post's actions_summary


class BadObject(ValueError):
    """The object lacks what it must have: the message says what."""


def user(host: str, post: dict) -> Author | None:
    ident = post.get("user_id")
    username = str(post.get("username") or "")
    if ident is None and not username:
        return None
    name = str(post.get("name") or "")
    key = str(ident) if ident is not None else f"username:{username.lower()}"
    # Discourse's own "system" and other built-in accounts have negative ids
    bot = (isinstance(ident, int) and ident < 0) or is_bot(name, "", username)
    return Author(PLATFORM, host, key, name=name, username=username, external_id=str(ident or ""), is_bot=bot)


_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</(?:p|div|li|h\d|blockquote|pre)>|<br\s*/?>", re.IGNORECASE)


def text(cooked: str) -> str:
    """A post's words from its HTML (quotes of other posts left out)."""
    cooked = re.sub(r"<aside class=\"quote.*?</aside>", "", cooked, flags=re.DOTALL | re.IGNORECASE)
    return html.unescape(_TAG.sub("", _BLOCK.sub("\n", cooked))).strip()


def _likes(post: dict) -> int | None:
    for action in post.get("actions_summary") or []:
        if isinstance(action, dict) and action.get("id") == LIKE:
            return int(action.get("count") or 0)
    return None if "actions_summary" not in post else 0


def topic(host: str, data: dict, seen_at) -> list[Item]:
    if data.get("id") is None:
        raise BadObject("a topic without an id")
    stream = data.get("post_stream")
    posts = [p for p in (stream.get("posts") if isinstance(stream, dict) else None) or [] if isinstance(p, dict)]
    if not posts:
        raise BadObject(f"topic {data['id']} without posts")
    topic_key = f"topic:{data['id']}"
    title = str(data.get("title") or data.get("fancy_title") or "")
    channel = f"category {data['category_id']}" if data.get("category_id") is not None else ""
    accepted = {p.get("id") for p in posts if p.get("accepted_answer")}
    asks = title.rstrip().endswith("?") or bool(accepted)
    by_number = {p.get("post_number"): p.get("id") for p in posts}
    base = f"https://{host}/t/{data.get('slug') or '-'}/{data['id']}"
    out = []
    for post in posts:
        if post.get("post_type", REGULAR) != REGULAR or post.get("deleted_at"):
            continue
        author, at = user(host, post), when(post.get("created_at"))
        if author is None or at is None or post.get("id") is None:
            continue
        words_ = text(str(post.get("cooked") or post.get("raw") or ""))
        number = post.get("post_number")
        common = dict(platform=PLATFORM, author=author, occurred_at=at, channel=channel, thread_key=topic_key,
                      body=words_, url=f"{base}/{number}" if number else base, size=words(words_),
                      reactions=_likes(post), seen_at=seen_at)
        if number == 1:
            out.append(Item(key=topic_key, kind=DISCOURSE_TOPIC.kind,
                            contribution_type=DISCOURSE_TOPIC.contribution_type, title=title, **common))
            continue
        replied = by_number.get(post.get("reply_to_post_number"))
        parent = f"post:{replied}" if replied and post.get("reply_to_post_number") != 1 else topic_key
        mapped = DISCOURSE_ACCEPTED if post["id"] in accepted else DISCOURSE_ANSWERS if asks else DISCOURSE_POST
        out.append(Item(key=f"post:{post['id']}", kind=mapped.kind, contribution_type=mapped.contribution_type,
                        parent_key=parent, accepted=post["id"] in accepted, title="", **common))
    return out
