"""GitLab's issues and merge requests (as its REST API and Perceval write them) as items. Pure.

Keys: ``issue:group/project#iid`` and ``mr:group/project#iid`` on the GitLab host (the
iid is what people see; the global id is not), notes ``note:ID``, approvals
``approval:NOTE_ID``. GitLab's approvals API is not in Perceval's output: an approval
shows as a system note "approved this merge request", which becomes a review.
"""
from __future__ import annotations

from seedbed.importers.github_items import issue_type, pull_type
from seedbed.importers.items import Author, Item, when, words
from seedbed.importers.mapping import GITLAB_APPROVAL, GITLAB_ISSUE, GITLAB_MR, GITLAB_NOTE
from seedbed.people.names import is_bot

PLATFORM = "gitlab"


class BadObject(ValueError):
    """The object lacks what it must have: the message says what."""


def user(host: str, obj) -> Author | None:
    if not isinstance(obj, dict) or obj.get("id") is None:
        return None
    name, username = str(obj.get("name") or ""), str(obj.get("username") or "")
    return Author(PLATFORM, host, str(obj["id"]), name=name, username=username, external_id=str(obj["id"]),
                  is_bot=bool(obj.get("bot")) or is_bot(name, "", username))


def _emoji(obj: dict) -> int | None:
    awards = obj.get("award_emoji_data")
    return len(awards) if isinstance(awards, list) else None


def items(host: str, project: str, category: str, data: dict, seen_at) -> list:
    if not project:
        raise BadObject("the origin names no project")
    if data.get("iid") is None:
        raise BadObject("no iid")
    created = when(data.get("created_at"))
    if created is None:
        raise BadObject("no valid created_at")
    author = user(host, data.get("author"))
    if author is None:
        return []
    request = category == "merge_request"
    key = f"{'mr' if request else 'issue'}:{project.lower()}#{data['iid']}"
    body = str(data.get("description") or "")
    state = str(data.get("state") or "")
    merger = user(host, data.get("merged_by") or data.get("merge_user"))
    main = Item(
        platform=PLATFORM, key=key, author=author, kind=(GITLAB_MR if request else GITLAB_ISSUE).kind,
        contribution_type=pull_type(data) if request else issue_type(data), occurred_at=created, channel=project,
        thread_key=key, title=str(data.get("title") or ""), body=body, url=str(data.get("web_url") or ""),
        size=words(body), merged=(state == "merged") if request else None, reactions=_emoji(data), seen_at=seen_at,
        extra={k: v for k, v in (("number", data["iid"]), ("state", {"opened": "open"}.get(state, state)),
                                 ("labels", [str(label) for label in data.get("labels") or []]),
                                 ("merged_by", merger.username if request and merger and state == "merged" else None),
                                 ("draft", bool(data.get("draft") or data.get("work_in_progress")) or None))
               if v not in (None, "", [])},
    )
    out = [main]
    for note in data.get("notes_data") or []:
        if isinstance(note, dict):
            out.append(_note(host, project, key, request, main.contribution_type, note, seen_at))
    return out


def _note(host, project, parent, request, parent_type, note: dict, seen_at) -> Item | None:
    author = user(host, note.get("author"))
    at = when(note.get("created_at"))
    if author is None or at is None or note.get("id") is None:
        return None
    body = str(note.get("body") or "")
    if note.get("system"):
        if request and body.strip().lower().startswith("approved this merge request"):
            return Item(platform=PLATFORM, key=f"approval:{note['id']}", author=author, kind=GITLAB_APPROVAL.kind,
                        contribution_type=GITLAB_APPROVAL.contribution_type, occurred_at=at, channel=project,
                        parent_key=parent, thread_key=parent, seen_at=seen_at, extra={"state": "APPROVED"})
        return None  # assignments, labels, closing: the platform's bookkeeping, not someone's words
    return Item(platform=PLATFORM, key=f"note:{note['id']}", author=author, kind=GITLAB_NOTE.kind,
                contribution_type="review" if request else parent_type, occurred_at=at, channel=project,
                parent_key=parent, thread_key=parent, body=body, size=words(body), reactions=_emoji(note),
                seen_at=seen_at)
