"""GitHub's objects (as its REST API and events write them) as items. Pure.

GH Archive events and Perceval's github items carry the same API objects, so both go
through here and the same pull request gets the same key whichever route brought it:
``pr:owner/repo#12`` (issues ``issue:…``; repository names folded to lower case, as GitHub
compares them); comments, reviews, review comments and releases by their numeric ids.
"""
from __future__ import annotations

import re

from seedbed.importers.items import Author, Item, State, when, words
from seedbed.importers.mapping import (
    GITHUB_COMMENT, GITHUB_ISSUE, GITHUB_PULL, GITHUB_RELEASE, GITHUB_REVIEW, GITHUB_REVIEW_COMMENT,
)

PLATFORM = "github"


class BadObject(ValueError):
    """The object lacks what it must have (a number, an id, a date): the message says what."""


def user(obj) -> Author | None:
    """A GitHub account; None for no one (a deleted account shows as null)."""
    if not isinstance(obj, dict) or not (obj.get("login") or obj.get("id")):
        return None
    login = str(obj.get("login") or "")
    ident = obj.get("id")
    bot = obj.get("type") == "Bot" or login.lower().endswith("[bot]")
    return Author(
        source_kind=PLATFORM, instance="", key=str(ident) if ident is not None else f"login:{login.lower()}",
        name=str(obj.get("name") or ""), email=str(obj.get("email") or ""), username=login,
        external_id=str(ident or ""), is_bot=bot,
    )


def repo_name(full_name: str) -> str:
    return full_name.strip().lower()


def issue_key(repo: str, number, pull: bool) -> str:
    return f"{'pr' if pull else 'issue'}:{repo_name(repo)}#{number}"


_TITLE_TYPES = (  # conventional-commit style prefixes of titles
    (re.compile(r"^\s*\[?(docs?|documentation)\b", re.I), "doc"),
    (re.compile(r"^\s*\[?tests?\b", re.I), "test"),
    (re.compile(r"^\s*\[?(ci|build)\b", re.I), "infra"),
    (re.compile(r"^\s*\[?(i18n|l10n|translations?)\b", re.I), "translation"),
    (re.compile(r"^\s*\[?(chore|deps)\b|^\s*bump\s", re.I), "maintenance"),
)
_LABEL_TYPES = (  # label words -> type; the first that matches decides
    (("security", "vulnerability"), "security"),
    (("doc", "docs", "documentation"), "doc"),
    (("translation", "i18n", "l10n", "localization", "localisation"), "translation"),
    (("accessibility", "a11y"), "a11y"),
    (("test", "tests", "testing"), "test"),
    (("ci", "infra", "infrastructure", "build"), "infra"),
    (("design", "ux", "ui"), "design"),
    (("question", "support"), "question"),
    (("enhancement", "feature", "proposal", "idea", "rfc", "feature request"), "ideas"),
    (("dependencies", "chore"), "maintenance"),
)


def _labels(obj: dict) -> list[str]:
    out = []
    for label in obj.get("labels") or []:
        name = label.get("name") if isinstance(label, dict) else label
        if isinstance(name, str) and name:
            out.append(name)
    return out


def _label_type(labels: list[str]) -> str | None:
    words_ = [set(re.split(r"[\s:/_\-]+", label.lower())) | {label.lower()} for label in labels]
    for names, kind in _LABEL_TYPES:
        if any(set(names) & w for w in words_):
            return kind
    return None


def issue_type(issue: dict) -> str:
    """An issue's contribution type: from its labels; a bug report when they say nothing."""
    return _label_type(_labels(issue)) or "bug"


_NOT_FOR_PULLS = ("question", "ideas")  # a pull request labelled "enhancement" is code, not an idea


def pull_type(pull: dict) -> str:
    """A pull request's contribution type: from its title's prefix (``docs:``), else its labels, else code."""
    title = str(pull.get("title") or "")
    for pattern, kind in _TITLE_TYPES:
        if pattern.search(title):
            return kind
    kind = _label_type([label for label in _labels(pull) if _label_type([label]) not in _NOT_FOR_PULLS])
    return kind or "code"


def _need(obj, *names: str) -> dict:
    if not isinstance(obj, dict):
        raise BadObject(f"expected an object, found {type(obj).__name__}")
    missing = [n for n in names if obj.get(n) in (None, "")]
    if missing:
        raise BadObject(f"no {', '.join(missing)}")
    return obj


def _created(obj: dict, what: str):
    at = when(obj.get("created_at")) or when(obj.get("submitted_at")) or when(obj.get("published_at"))
    if at is None:
        raise BadObject(f"{what} without a valid created_at")
    return at


def _reactions(obj: dict) -> int | None:
    reactions = obj.get("reactions")
    if isinstance(reactions, dict) and isinstance(reactions.get("total_count"), int):
        return reactions["total_count"]
    return None


def _merged(obj: dict) -> bool | None:
    """Whether a pull request (or the ``pull_request`` part of an issue) is merged: None when
    the object does not say (the short form in review events has no ``merged``)."""
    if obj.get("merged_at") not in (None, ""):
        return True
    if isinstance(obj.get("merged"), bool):
        return obj["merged"]
    return False if "merged_at" in obj else None


def _state(obj: dict, merged: bool | None) -> str | None:
    if merged:
        return "merged"
    if obj.get("state") == "closed" and merged is None:
        return None  # closed, but merged or not is not said: what is known stays
    return obj.get("state")


def issue(repo: str, obj: dict, seen_at) -> Item | None:
    """An issue; one that is a pull request (it has ``pull_request``) becomes that pull request."""
    _need(obj, "number")
    pull = obj.get("pull_request") if isinstance(obj.get("pull_request"), dict) else None
    author = user(obj.get("user_data") or obj.get("user"))
    if author is None:
        return None
    key = issue_key(repo, obj["number"], pull is not None)
    merged = _merged(pull) if pull is not None else None
    body = str(obj.get("body") or "")
    return Item(
        platform=PLATFORM, key=key, author=author, kind=(GITHUB_PULL if pull is not None else GITHUB_ISSUE).kind,
        contribution_type=pull_type(obj) if pull is not None else issue_type(obj),
        occurred_at=_created(obj, "an issue"), channel=repo, thread_key=key, title=str(obj.get("title") or ""),
        # a pull request's size is its changed lines, which only the pull request itself tells
        body=body, url=str(obj.get("html_url") or ""), size=0 if pull is not None else words(body), merged=merged,
        reactions=_reactions(obj),
        seen_at=seen_at,
        extra=_drop_empty({"number": obj["number"], "state": _state(obj, merged) if pull is not None else obj.get("state"),
                           "labels": _labels(obj), "closed_at": obj.get("closed_at"),
                           "state_reason": obj.get("state_reason")}),
    )


def pull_request(repo: str, obj: dict, seen_at) -> Item | None:
    _need(obj, "number")
    author = user(obj.get("user_data") or obj.get("user"))
    if author is None:
        return None
    key = issue_key(repo, obj["number"], True)
    merged = _merged(obj)
    merger = user(obj.get("merged_by_data") or obj.get("merged_by"))
    added, removed = obj.get("additions"), obj.get("deletions")
    size = added + removed if isinstance(added, int) and isinstance(removed, int) else 0
    return Item(
        platform=PLATFORM, key=key, author=author, kind=GITHUB_PULL.kind, contribution_type=pull_type(obj),
        occurred_at=_created(obj, "a pull request"), channel=repo, thread_key=key, title=str(obj.get("title") or ""),
        body=str(obj.get("body") or ""), url=str(obj.get("html_url") or ""), size=size, merged=merged,
        reactions=_reactions(obj), seen_at=seen_at,
        extra=_drop_empty({"number": obj["number"], "state": _state(obj, merged), "labels": _labels(obj),
                           "merged_by": merger.username if merger else None, "merged_at": obj.get("merged_at"),
                           "closed_at": obj.get("closed_at"), "draft": obj.get("draft") or None,
                           "files_changed": obj.get("changed_files")}),
    )


def pull_state(repo: str, number, action: str, actor, seen_at) -> State | None:
    """What a pull request event in the trimmed shape (no author, no title) says: merged,
    closed without merging, or reopened; None for other actions."""
    key = issue_key(repo, number, True)
    who = user(actor)
    at = seen_at.isoformat().replace("+00:00", "Z")
    if action == "merged":
        return State(PLATFORM, key, seen_at, True,
                     _drop_empty({"state": "merged", "merged_at": at, "merged_by": who.username if who else None}))
    if action == "closed":
        return State(PLATFORM, key, seen_at, False, {"state": "closed", "closed_at": at})
    if action == "reopened":
        return State(PLATFORM, key, seen_at, False, {"state": "open"})
    return None


def comment(repo: str, parent: dict, obj: dict, seen_at) -> Item | None:
    """A comment on an issue or on a pull request's conversation; ``parent`` is the issue object."""
    _need(obj, "id")
    _need(parent, "number")
    author = user(obj.get("user_data") or obj.get("user"))
    if author is None:
        return None
    pull = isinstance(parent.get("pull_request"), dict)
    thread = issue_key(repo, parent["number"], pull)
    body = str(obj.get("body") or "")
    return Item(
        platform=PLATFORM, key=f"comment:{obj['id']}", author=author, kind=GITHUB_COMMENT.kind,
        contribution_type="review" if pull else issue_type(parent), occurred_at=_created(obj, "a comment"),
        channel=repo, parent_key=thread, thread_key=thread, body=body, url=str(obj.get("html_url") or ""),
        size=words(body), reactions=_reactions(obj), seen_at=seen_at,
    )


def review(repo: str, number, obj: dict, seen_at) -> Item | None:
    _need(obj, "id")
    author = user(obj.get("user_data") or obj.get("user"))
    if author is None:
        return None
    thread = issue_key(repo, number, True)
    body = str(obj.get("body") or "")
    return Item(
        platform=PLATFORM, key=f"review:{obj['id']}", author=author, kind=GITHUB_REVIEW.kind,
        contribution_type=GITHUB_REVIEW.contribution_type, occurred_at=_created(obj, "a review"), channel=repo,
        parent_key=thread, thread_key=thread, body=body, url=str(obj.get("html_url") or ""), size=words(body),
        seen_at=seen_at, extra=_drop_empty({"state": str(obj.get("state") or "").upper() or None}),
    )


def review_comment(repo: str, number, obj: dict, seen_at) -> Item | None:
    _need(obj, "id")
    author = user(obj.get("user_data") or obj.get("user"))
    if author is None:
        return None
    thread = issue_key(repo, number, True)
    body = str(obj.get("body") or "")
    return Item(
        platform=PLATFORM, key=f"review-comment:{obj['id']}", author=author, kind=GITHUB_REVIEW_COMMENT.kind,
        contribution_type=GITHUB_REVIEW_COMMENT.contribution_type, occurred_at=_created(obj, "a review comment"),
        channel=repo, parent_key=thread, thread_key=thread, body=body, url=str(obj.get("html_url") or ""),
        size=words(body), reactions=_reactions(obj), seen_at=seen_at,
        extra=_drop_empty({"path": obj.get("path"), "review": obj.get("pull_request_review_id")}),
    )


def release(repo: str, obj: dict, seen_at) -> Item | None:
    _need(obj, "id")
    author = user(obj.get("author_data") or obj.get("author"))
    if author is None:
        return None
    name = str(obj.get("name") or obj.get("tag_name") or "")
    body = str(obj.get("body") or "")
    return Item(
        platform=PLATFORM, key=f"release:{obj['id']}", author=author, kind=GITHUB_RELEASE.kind,
        contribution_type=GITHUB_RELEASE.contribution_type,
        occurred_at=when(obj.get("published_at")) or _created(obj, "a release"), channel=repo, title=name, body=body,
        url=str(obj.get("html_url") or ""), size=words(body), seen_at=seen_at,
        extra=_drop_empty({"tag": obj.get("tag_name"), "prerelease": obj.get("prerelease") or None}),
    )


def _drop_empty(values: dict) -> dict:
    return {k: v for k, v in values.items() if v not in (None, "", [])}
