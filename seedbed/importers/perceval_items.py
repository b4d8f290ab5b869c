"""Perceval's items (``perceval BACKEND … --json-line``) as Seedbed's items. Pure.

Each line is an envelope (``backend_name``, ``category``, ``origin``, ``updated_on``,
``timestamp`` when it was fetched, ``data``) around what the backend fetched. The data goes through the same code as the
other routes to the same platform, so an item is one activity whichever route brought
it: git commits are keyed by their SHA as ``import git`` keys them, GitHub's objects go
through ``github_items`` like GH Archive's, messages through ``mail.parse`` like
``import mbox``'s.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from seedbed.activity.taxonomy import commit_type
from seedbed.importers import discourse_items, github_items, gitlab_items, mail, meetup_items, slack_items
from seedbed.importers.items import DAMAGE, Author, Item, State, when
from seedbed.importers.mapping import GIT
from seedbed.people.names import is_bot

# backends read, by Perceval's backend_name in lower case
BACKENDS = ("git", "github", "gitlab", "discourse", "mbox", "pipermail", "slack", "meetup")
# backends whose updated_on is not when the item last changed (Slack's is the message's ts):
# what they fetched was seen when Perceval fetched it, the envelope's ``timestamp``, so a
# later fetch's reactions and edits win over an earlier export's, and an earlier fetch's lose
SEEN_WHEN_FETCHED = {"slack"}


class BadItem(ValueError):
    """Not a Perceval item, or one without what its backend must give."""


class Unsupported(Exception):
    """A Perceval item of a backend Seedbed does not read (yet): reported, not an error."""


def envelope(obj) -> tuple[str, str, str, dict, dt.datetime | None]:
    """(backend, category, origin, data, updated_on) of a Perceval item, or BadItem."""
    if not isinstance(obj, dict):
        raise BadItem(f"not a Perceval item (a JSON {type(obj).__name__}, not an object)")
    backend, data = obj.get("backend_name"), obj.get("data")
    if not isinstance(backend, str) or not isinstance(data, dict):
        raise BadItem("not a Perceval item (no backend_name and data)")
    return backend.lower(), str(obj.get("category") or ""), str(obj.get("origin") or ""), data, \
        when(obj.get("updated_on"))


def items(obj, number: int = 0) -> list[Item | State | mail.Mail]:
    """What one Perceval item holds; Unsupported for backends not read, BadItem for damage."""
    backend, category, origin, data, updated = envelope(obj)
    read = _READERS.get(backend)
    if read is None:
        raise Unsupported(f"backend {obj.get('backend_name')}")
    if backend in SEEN_WHEN_FETCHED:
        updated = when(obj.get("timestamp")) or updated
    try:
        found = read(category, origin, data, updated, number)
    except (github_items.BadObject, gitlab_items.BadObject, discourse_items.BadObject, slack_items.BadObject,
            meetup_items.BadObject) as exc:
        raise BadItem(f"a {obj.get('backend_name')} {category or 'item'}: {exc}") from None
    except mail.BadMessage as exc:
        raise BadItem(f"a {obj.get('backend_name')} message: {exc.reason}") from None
    except DAMAGE as exc:
        raise BadItem(f"a {obj.get('backend_name')} {category or 'item'} with a damaged value ({exc})") from None
    return [one for one in found if one is not None]


# ---- git -----------------------------------------------------------------------------

_PERSON = re.compile(r"^\s*(.*?)\s*<([^<>]*)>\s*$")


def _signature(value) -> tuple[str, str]:
    found = _PERSON.match(str(value or ""))
    return (found.group(1), found.group(2)) if found else (str(value or "").strip(), "")


def _git_date(value) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(str(value), "%a %b %d %H:%M:%S %Y %z").astimezone(dt.timezone.utc)
    except ValueError:
        return None


def _lines(value) -> int:
    text = str(value)
    return 0 if text == "-" else int(text)  # "-" for a binary file: changed, without lines, as import git counts it


def _git_author(name: str, email: str) -> Author:
    # the identity key the git import gives the same signature
    return Author("git", "", f"{name} <{email}>", name=name, email=email, is_bot=is_bot(name, email))


def _git(category, origin, data, updated, number) -> list[Item]:
    sha = str(data.get("commit") or "")
    if not re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", sha):
        raise github_items.BadObject("no commit SHA")
    name, email = _signature(data.get("Author"))
    authored = _git_date(data.get("AuthorDate"))
    if authored is None or not (name or email):
        raise github_items.BadObject(f"commit {sha[:12]} without a readable Author and AuthorDate")
    files = [f for f in data.get("files") or [] if isinstance(f, dict)]
    # merge commits list the combined diff, without an action: like `git log --numstat`, nothing
    changes = [] if data.get("Merge") else [
        (str(f.get("newfile") or f.get("file") or ""), _lines(f.get("added", 0)), _lines(f.get("removed", 0)))
        for f in files]
    added, removed = sum(c[1] for c in changes), sum(c[2] for c in changes)
    title, _, body = str(data.get("message") or "").strip("\n").partition("\n")
    channel = _last_part(origin).removesuffix(".git")
    committer_name, committer_email = _signature(data.get("Commit"))
    committer = None if (committer_name, committer_email) == (name, email) or not (committer_name or committer_email) \
        else _git_author(committer_name, committer_email)
    common = dict(platform="git", contribution_type=commit_type(changes), occurred_at=authored, channel=channel,
                  title=title.strip(), size=added + removed, files_changed=len(changes), lines_added=added,
                  lines_removed=removed, committer=committer)
    parents = [p for p in data.get("parents") or [] if isinstance(p, str)]
    out = [Item(key=sha, author=_git_author(name, email), kind=GIT[0].kind, body=body.strip("\n"),
                extra={"parents": parents} if len(parents) > 1 else {}, **common)]
    for co in data.get("Co-authored-by") or []:
        co_name, co_email = _signature(co)
        if co_email and co_email.lower() == email.lower():
            continue
        out.append(Item(key=f"{sha}:co-authored:{co_email.lower() or co_name}"[:300],
                        author=_git_author(co_name, co_email), kind=GIT[1].kind, parent_key=sha,
                        extra={"commit": sha}, **common))
    return out


# ---- mail ----------------------------------------------------------------------------

_NOT_HEADERS = {"body", "unixfrom"}
_ESCAPED_FROM = re.compile(r"^>(>*From )", re.MULTILINE)


def _mail(category, origin, data, updated, number) -> list[mail.Mail]:
    """A message as ``import mbox`` reads it: the headers and plain body put back together."""
    lines = []
    for name, value in data.items():
        if name in _NOT_HEADERS or name.lower() in ("content-type", "content-transfer-encoding"):
            continue
        if isinstance(value, str):
            lines.append(f"{name}: {value}".replace("\r\n", "\n").replace("\n", "\n "))
    body = data.get("body")
    plain = body.get("plain") if isinstance(body, dict) else body
    # Perceval leaves mboxo's escaping (">From " for a body line "From ") as it was in the file
    text = _ESCAPED_FROM.sub(r"\1", str(plain or ""))
    raw = ("\n".join(lines) + "\nContent-Type: text/plain; charset=utf-8\n\n" + text.replace("\r\n", "\n"))
    unixfrom = str(data.get("unixfrom") or "")
    from_line = f"From {unixfrom}".encode("utf-8", "replace")
    return [mail.parse(number, 0, from_line, raw.encode("utf-8", "replace"))]


def list_name(origin: str) -> str:
    """The list an archive URL names: ``…/pipermail/marigold-dev/`` or ``…/marigold-dev.mbox``."""
    return _last_part(origin).split(".")[0] or origin


def _last_part(origin: str) -> str:
    path = urlsplit(origin).path if "://" in origin else origin
    return next((p for p in reversed(path.split("/")) if p), "")


# ---- forges, forums, chat and events ---------------------------------------------------

def _github(category, origin, data, updated, number) -> list:
    repo = "/".join(urlsplit(origin).path.strip("/").split("/")[:2])
    if "/" not in repo:
        raise github_items.BadObject(f"origin {origin!r} names no repository")
    if category == "pull_request":
        pull = github_items.pull_request(repo, data, updated)
        reviews = [github_items.review(repo, data["number"], r, updated) for r in _list(data.get("reviews_data"))]
        comments = [github_items.review_comment(repo, data["number"], c, updated)
                    for c in _list(data.get("review_comments_data"))]
        return [pull, *reviews, *comments]
    if category == "issue":
        issue = github_items.issue(repo, data, updated)
        return [issue, *[github_items.comment(repo, data, c, updated) for c in _list(data.get("comments_data"))]]
    raise github_items.BadObject(f"category {category!r} is not read (only issue and pull_request)")


def _list(value) -> list:
    """Perceval leaves some lists as {} or [] when empty: only a list of objects counts."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _gitlab(category, origin, data, updated, number) -> list:
    parts = urlsplit(origin)
    return gitlab_items.items(parts.netloc, parts.path.strip("/"), category, data, updated)


def _discourse(category, origin, data, updated, number) -> list:
    return discourse_items.topic(urlsplit(origin).netloc or origin, data, updated)


def _slack(category, origin, data, updated, number) -> list:
    # the channel's workspace, for a message that names no team (a webhook's bot_message)
    info = data.get("channel_info") if isinstance(data.get("channel_info"), dict) else {}
    team = info.get("context_team_id")
    return [slack_items.message(slack_items.workspace_of(data, team if isinstance(team, str) else ""), data, updated)]


def _meetup(category, origin, data, updated, number) -> list:
    return meetup_items.event(data, updated)


_READERS: dict[str, Callable] = {
    "git": _git, "github": _github, "gitlab": _gitlab, "discourse": _discourse, "mbox": _mail, "pipermail": _mail,
    "slack": _slack, "meetup": _meetup,
}
