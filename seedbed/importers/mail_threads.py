"""Conversations in a mailing-list archive: which message answers which, and where each
thread starts. Pure: ``Mail`` records in (seedbed.importers.mail), their ``parent`` and
``thread`` filled in."""
from __future__ import annotations

import re

from seedbed.importers.mail import Mail

_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|aw|sv|vs|antw|odp|r|ynt|回复|答复)\s*(?:\[\d+\])?\s*[:：]\s*|\[[^\]]{1,40}\]\s*)+",
                           re.IGNORECASE)
_REPLY_ONLY = re.compile(r"^\s*(?:\[[^\]]{1,40}\]\s*)*(?:re|aw|sv|vs|antw|odp|r|ynt|回复|答复)\s*(?:\[\d+\])?\s*[:：]",
                         re.IGNORECASE)


# -- threads --------------------------------------------------------------------------------------
def subject_key(subject: str) -> str:
    """A subject without reply prefixes and list tags, for threading by subject."""
    return " ".join(_REPLY_PREFIX.sub("", subject).split()).casefold()


def is_reply_subject(subject: str) -> bool:
    """"Re: …" and its translations, after any list tag; a forward ("Fwd: …") is not a reply."""
    return bool(_REPLY_ONLY.match(subject))


def thread(mails: list[Mail], known: dict[str, str] | None = None) -> None:
    """Fill ``parent`` and ``thread`` of each mail (in date order), from In-Reply-To, then
    References, then the subject. ``known`` maps message ids already imported to their
    thread, so a reply to an older archive joins its conversation."""
    roots: dict[str, str] = dict(known or {})
    by_subject: dict[str, str] = {}
    for mail in sorted(mails, key=lambda m: (m.date, m.number)):
        parent = mail.in_reply_to or (mail.references[-1] if mail.references else "")
        if not parent and is_reply_subject(mail.subject):
            parent = by_subject.get(subject_key(mail.subject), "")
        mail.parent = parent if parent != mail.message_id else ""
        first = next((r for r in mail.references if r in roots), "")
        # References lists the thread's first message first, even when it is not in any archive
        start = mail.references[0] if mail.references else ""
        mail.thread = roots.get(mail.parent) or roots.get(first) or start or mail.parent or mail.message_id
        roots[mail.message_id] = mail.thread
        by_subject.setdefault(subject_key(mail.subject), mail.message_id)
