#!/usr/bin/env python3
"""Write the GH Archive sample files in this directory (stdlib only, deterministic).

    python tests/data/gharchive/make_samples.py

Everything here is invented: people, orgs, repos, ids, hashes and text. The
event envelope follows GitHub's "GitHub event types" page and the payload
objects follow the REST object schemas (pulls, issues, comments, reviews,
releases). See README.md for the sources, the two payload shapes ("full" and
"reduced") and the answer key. The answer key is also written, machine
readable, to answer_key.json.

Determinism: fixed ids and timestamps, JSON with sorted nothing (insertion
order), gzip with mtime=0 and no file name in the header, so a rerun gives
byte-identical files.
"""

import base64
import copy
import gzip
import hashlib
import io
import json
import os
import zlib
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
API = "https://api.github.com"
WEB = "https://github.com"
DAY = "2026-03-02"


def ts(hms, day=DAY):
    return f"{day}T{hms}Z"


def sha(label):
    return hashlib.sha1(label.encode("utf-8")).hexdigest()


_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def b62(n):
    out = ""
    while True:
        n, r = divmod(n, 62)
        out = _B62[r] + out
        if not n:
            return out


def node_id(prefix, repo_id, obj_id):
    """A node id in the modern shape, e.g. PR_kwDOK6c9Xe2uBn7Q."""
    return f"{prefix}_kwDO{b62(repo_id)}{b62(obj_id)}"


# --------------------------------------------------------------------------
# Accounts
# --------------------------------------------------------------------------

# login -> (id, type, app_id for bots)
ACCOUNTS = {
    "amara-okafor": (38112245, "User", None),
    "tomasz-nowak": (45067712, "User", None),
    "zoe-lindqvist": (51234987, "User", None),
    "jose-araujo": (60213458, "User", None),
    "li-ming-dev": (72345016, "User", None),
    "hannah-mueller": (44890213, "User", None),
    "priya-raman": (83456721, "User", None),
    "kit-ochieng": (29876540, "User", None),
    # Bot accounts: login ends in "[bot]"; the event-level actor has no type
    # field, only the nested user objects carry "type": "Bot".
    "dependabot[bot]": (49699333, "Bot", 29110),
    "github-actions[bot]": (41898282, "Bot", 15368),
    # Organisations
    "marigold-dev": (143829571, "Organization", None),
    "juniper-labs": (156203984, "Organization", None),
}
BOTS = sorted(login for login, (_, t, _) in ACCOUNTS.items() if t == "Bot")


def account_id(login):
    return ACCOUNTS[login][0]


def user_node_id(login):
    uid, utype, _ = ACCOUNTS[login]
    tag = {"User": "04:User", "Bot": "03:Bot", "Organization": "12:Organization"}[utype]
    return base64.b64encode(f"{tag}{uid}".encode()).decode()


def user_obj(login):
    """simple-user as nested in payload objects."""
    uid, utype, app_id = ACCOUNTS[login]
    u = f"{API}/users/{login}"
    if utype == "Bot":
        avatar = f"https://avatars.githubusercontent.com/in/{app_id}?v=4"
        html = f"{WEB}/apps/{login[:-5]}"
    else:
        avatar = f"https://avatars.githubusercontent.com/u/{uid}?v=4"
        html = f"{WEB}/{login}"
    return OrderedDict([
        ("login", login), ("id", uid), ("node_id", user_node_id(login)),
        ("avatar_url", avatar), ("gravatar_id", ""), ("url", u),
        ("html_url", html),
        # abridged: followers_url, repos_url, events_url ... templates omitted
        ("type", utype), ("user_view_type", "public"), ("site_admin", False),
    ])


def actor_obj(login):
    """Event-level actor: exactly the six documented keys (no "type")."""
    uid = account_id(login)
    display = login[:-5] if login.endswith("[bot]") else login
    return OrderedDict([
        ("id", uid), ("login", login), ("display_login", display),
        ("gravatar_id", ""), ("url", f"{API}/users/{login}"),
        ("avatar_url", f"https://avatars.githubusercontent.com/u/{uid}?"),
    ])


def org_obj(login):
    uid = account_id(login)
    return OrderedDict([
        ("id", uid), ("login", login), ("gravatar_id", ""),
        ("url", f"{API}/orgs/{login}"),
        ("avatar_url", f"https://avatars.githubusercontent.com/u/{uid}?"),
    ])


# --------------------------------------------------------------------------
# Repositories
# --------------------------------------------------------------------------

REPOS = {
    # full_name: (id, description, language, created_at, is_fork)
    "marigold-dev/trellis": (712093458, "Community garden plot scheduler 🌻", "Python", "2023-11-04T09:12:44Z", False),
    "marigold-dev/compost": (745120376, "Compost bin telemetry — Kompost, composta, 堆肥", "Python", "2024-01-19T16:40:02Z", False),
    "juniper-labs/sprout": (801556902, "Seed germination tracker (发芽率)", "Python", "2024-06-02T07:55:31Z", False),
    "kit-ochieng/dotfiles": (523884017, "My dotfiles: zsh, fish, neovim", "Shell", "2022-08-13T20:01:19Z", False),
    # pre-existing forks used as PR heads
    "zoe-lindqvist/trellis": (760334412, "Community garden plot scheduler 🌻", "Python", "2024-03-03T11:20:00Z", True),
    "jose-araujo/compost": (730998812, "Compost bin telemetry — Kompost, composta, 堆肥", "Python", "2024-02-10T13:00:00Z", True),
    "hannah-mueller/sprout": (809112233, "Seed germination tracker (发芽率)", "Python", "2024-07-01T18:30:00Z", True),
    # forks created inside the sample hours (ForkEvent forkee)
    "priya-raman/compost": (1170188240, "Compost bin telemetry — Kompost, composta, 堆肥", "Python", ts("15:08:19"), True),
    "jose-araujo/sprout": (1170245513, "Seed germination tracker (发芽率)", "Python", ts("15:46:02"), True),
    "priya-raman/dotfiles": (1170311876, "My dotfiles: zsh, fish, neovim", "Shell", ts("16:44:05"), True),
}


def repo_id(full):
    return REPOS[full][0]


def repo_ref(full):
    return OrderedDict([("id", repo_id(full)), ("name", full), ("url", f"{API}/repos/{full}")])


def repo_obj(full, pushed_at=None, public_flag=False):
    rid, desc, lang, created, is_fork = REPOS[full]
    owner, name = full.split("/")
    u = f"{API}/repos/{full}"
    d = OrderedDict([
        ("id", rid), ("node_id", "R_kgDO" + b62(rid)), ("name", name),
        ("full_name", full), ("private", False), ("owner", user_obj(owner)),
        ("html_url", f"{WEB}/{full}"), ("description", desc), ("fork", is_fork),
        ("url", u),  # abridged: the *_url templates (pulls_url, issues_url, ...) omitted
        ("created_at", created), ("updated_at", pushed_at or created),
        ("pushed_at", pushed_at or created),
        ("homepage", None), ("size", 0 if created.startswith(DAY) else 1843),
        ("stargazers_count", 0 if is_fork else 57), ("watchers_count", 0 if is_fork else 57),
        ("language", lang), ("has_issues", not is_fork), ("archived", False),
        ("forks_count", 0 if is_fork else 9), ("license", None),
        ("open_issues_count", 0 if is_fork else 12), ("topics", []),
        ("visibility", "public"), ("forks", 0 if is_fork else 9),
        ("open_issues", 0 if is_fork else 12), ("watchers", 0 if is_fork else 57),
        ("default_branch", "main"),
    ])
    if public_flag:
        d["public"] = True
    return d


def owner_of(full):
    return full.split("/")[0]


def org_of(full):
    o = owner_of(full)
    return o if ACCOUNTS.get(o, (0, ""))[1] == "Organization" else None


# author_association per (repo, login); dropped in the reduced shape.
ASSOC = {
    "marigold-dev/trellis": {"amara-okafor": "MEMBER", "tomasz-nowak": "MEMBER", "zoe-lindqvist": "CONTRIBUTOR",
                             "jose-araujo": "CONTRIBUTOR", "dependabot[bot]": "CONTRIBUTOR", "github-actions[bot]": "NONE"},
    "marigold-dev/compost": {"amara-okafor": "MEMBER", "tomasz-nowak": "MEMBER", "jose-araujo": "CONTRIBUTOR",
                             "priya-raman": "FIRST_TIME_CONTRIBUTOR"},
    "juniper-labs/sprout": {"li-ming-dev": "MEMBER", "hannah-mueller": "CONTRIBUTOR", "priya-raman": "NONE",
                            "dependabot[bot]": "CONTRIBUTOR", "github-actions[bot]": "NONE"},
    "kit-ochieng/dotfiles": {"kit-ochieng": "OWNER", "zoe-lindqvist": "NONE"},
}


def reactions(url, **counts):
    keys = ["+1", "-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes"]
    vals = {k: 0 for k in keys}
    vals.update({k.replace("plus1", "+1"): v for k, v in counts.items()})
    d = OrderedDict([("url", url), ("total_count", sum(vals.values()))])
    for k in keys:
        d[k] = vals[k]
    return d


# --------------------------------------------------------------------------
# Items (issues and pull requests) with mutable state
# --------------------------------------------------------------------------

class Item:
    def __init__(self, repo, number, issue_id, title, body, author, created_at, *,
                 pr_id=None, head_repo=None, head_ref=None, commits=1, additions=0,
                 deletions=0, changed_files=1, comments=0, review_comments=0,
                 labels=(), state="open", closed_at=None, updated_at=None,
                 state_reason=None, react=None, draft=False):
        self.repo, self.number, self.issue_id = repo, number, issue_id
        self.title, self.body, self.author, self.created_at = title, body, author, created_at
        self.pr_id, self.head_repo, self.head_ref = pr_id, head_repo, head_ref
        self.commits, self.additions, self.deletions = commits, additions, deletions
        self.changed_files = changed_files
        self.comments, self.review_comments = comments, review_comments
        self.labels = list(labels)
        self.state, self.closed_at = state, closed_at
        self.updated_at = updated_at or created_at
        self.state_reason = state_reason
        self.react = react or {}
        self.draft = draft
        self.merged, self.merged_at, self.merged_by, self.merge_commit_sha = False, None, None, None
        self.head_sha = sha(f"{repo}#{number}:head") if pr_id else None
        self.base_sha = sha(f"{repo}#{number}:base") if pr_id else None

    @property
    def is_pr(self):
        return self.pr_id is not None

    def label(self):
        if self.is_pr:
            return f"PR {self.pr_id} #{self.number}"
        return f"Issue {self.issue_id} #{self.number}"

    def ref(self):
        d = OrderedDict([("kind", "pr" if self.is_pr else "issue"), ("repo", self.repo),
                         ("number", self.number), ("id", self.pr_id if self.is_pr else self.issue_id)])
        if self.is_pr:
            d["issue_id"] = self.issue_id
        return d

    # ---- object builders -------------------------------------------------

    def label_objs(self):
        out = []
        for name, color in self.labels:
            lid = int(sha(self.repo + name)[:8], 16) % 9_000_000_000 + 1_000_000_000
            out.append(OrderedDict([
                ("id", lid), ("node_id", "LA_kwDO" + b62(repo_id(self.repo)) + b62(lid)),
                ("url", f"{API}/repos/{self.repo}/labels/{name}"), ("name", name),
                ("color", color), ("default", name in ("bug", "documentation", "enhancement")),
                ("description", None),
            ]))
        return out

    def issue_obj(self, reduced=False):
        u = f"{API}/repos/{self.repo}/issues/{self.number}"
        html = f"{WEB}/{self.repo}/{'pull' if self.is_pr else 'issues'}/{self.number}"
        d = OrderedDict([
            ("url", u), ("repository_url", f"{API}/repos/{self.repo}"),
            ("labels_url", f"{u}/labels{{/name}}"), ("comments_url", f"{u}/comments"),
            ("events_url", f"{u}/events"), ("html_url", html),
            ("id", self.issue_id),
            ("node_id", node_id("PR" if self.is_pr else "I", repo_id(self.repo), self.issue_id)),
            ("number", self.number), ("title", self.title), ("user", user_obj(self.author)),
            ("labels", self.label_objs()), ("state", self.state), ("locked", False),
            ("assignee", None), ("assignees", []), ("milestone", None),
            ("comments", self.comments), ("created_at", self.created_at),
            ("updated_at", self.updated_at), ("closed_at", self.closed_at),
        ])
        if not reduced:
            d["author_association"] = ASSOC[self.repo][self.author]
        d["type"] = None
        d["active_lock_reason"] = None
        if self.is_pr:
            d["draft"] = self.draft
            p = f"{API}/repos/{self.repo}/pulls/{self.number}"
            d["pull_request"] = OrderedDict([
                ("url", p), ("html_url", html), ("diff_url", html + ".diff"),
                ("patch_url", html + ".patch"), ("merged_at", self.merged_at),
            ])
        d["body"] = self.body
        d["reactions"] = reactions(u + "/reactions", **self.react)
        d["timeline_url"] = u + "/timeline"
        d["performed_via_github_app"] = None
        d["state_reason"] = self.state_reason
        return d

    def _branch(self, which):
        if which == "head":
            full, ref, s = self.head_repo, self.head_ref, self.head_sha
        else:
            full, ref, s = self.repo, "main", self.base_sha
        return OrderedDict([
            ("label", f"{owner_of(full)}:{ref}"), ("ref", ref), ("sha", s),
            ("user", user_obj(owner_of(full))), ("repo", repo_obj(full)),
        ])

    def pr_simple(self):
        """PR object as nested in review / review-comment payloads (no merge
        status, no counters)."""
        p = f"{API}/repos/{self.repo}/pulls/{self.number}"
        html = f"{WEB}/{self.repo}/pull/{self.number}"
        i = f"{API}/repos/{self.repo}/issues/{self.number}"
        return OrderedDict([
            ("url", p), ("id", self.pr_id),
            ("node_id", node_id("PR", repo_id(self.repo), self.pr_id)),
            ("html_url", html), ("diff_url", html + ".diff"), ("patch_url", html + ".patch"),
            ("issue_url", i), ("number", self.number), ("state", self.state),
            ("locked", False), ("title", self.title), ("user", user_obj(self.author)),
            ("body", self.body), ("created_at", self.created_at),
            ("updated_at", self.updated_at), ("closed_at", self.closed_at),
            ("merged_at", self.merged_at), ("merge_commit_sha", self.merge_commit_sha),
            ("assignee", None), ("assignees", []), ("requested_reviewers", []),
            ("requested_teams", []), ("labels", self.label_objs()), ("milestone", None),
            ("draft", self.draft), ("commits_url", p + "/commits"),
            ("review_comments_url", p + "/comments"),
            ("review_comment_url", f"{API}/repos/{self.repo}/pulls/comments{{/number}}"),
            ("comments_url", i + "/comments"),
            ("statuses_url", f"{API}/repos/{self.repo}/statuses/{self.head_sha}"),
            ("head", self._branch("head")), ("base", self._branch("base")),
            ("_links", OrderedDict([
                ("self", {"href": p}), ("html", {"href": html}), ("issue", {"href": i}),
                ("comments", {"href": i + "/comments"}),
                ("review_comments", {"href": p + "/comments"}),
                ("review_comment", {"href": f"{API}/repos/{self.repo}/pulls/comments{{/number}}"}),
                ("commits", {"href": p + "/commits"}),
                ("statuses", {"href": f"{API}/repos/{self.repo}/statuses/{self.head_sha}"}),
            ])),
            ("author_association", ASSOC[self.repo][self.author]),
            ("auto_merge", None), ("active_lock_reason", None),
        ])

    def pr_full(self):
        """PR object as in a PullRequestEvent payload (full shape)."""
        d = self.pr_simple()
        d["merged"] = self.merged
        d["mergeable"] = None
        d["rebaseable"] = None
        d["mergeable_state"] = "unknown"
        d["merged_by"] = user_obj(self.merged_by) if self.merged_by else None
        d["comments"] = self.comments
        d["review_comments"] = self.review_comments
        d["maintainer_can_modify"] = self.head_repo != self.repo
        d["commits"] = self.commits
        d["additions"] = self.additions
        d["deletions"] = self.deletions
        d["changed_files"] = self.changed_files
        return d

    def pr_stub(self):
        """Reduced shape (Events API since 2025-10-07): url, id, number, head, base."""
        def br(full, ref, s):
            return OrderedDict([("ref", ref), ("sha", s), ("repo", OrderedDict([
                ("id", repo_id(full)), ("url", f"{API}/repos/{full}"), ("name", full.split("/")[1])]))])
        return OrderedDict([
            ("url", f"{API}/repos/{self.repo}/pulls/{self.number}"), ("id", self.pr_id),
            ("number", self.number),
            ("head", br(self.head_repo, self.head_ref, self.head_sha)),
            ("base", br(self.repo, "main", self.base_sha)),
        ])


# --------------------------------------------------------------------------
# Event writer
# --------------------------------------------------------------------------

class Hour:
    """Collects the lines of one file and the answer-key rows."""

    def __init__(self, name, first_id, step=173):
        self.name, self.next_id, self.step = name, first_id, step
        self.lines = []   # list of (dict-or-raw-str)
        self.rows = []    # answer-key rows, same order

    def emit(self, etype, actor, repo, payload, at, *, item=None, obj=None,
             shape="full", note=""):
        eid = str(self.next_id)
        self.next_id += self.step + (len(self.lines) * 7) % 11
        ev = OrderedDict([("id", eid), ("type", etype), ("actor", actor_obj(actor)),
                          ("repo", repo_ref(repo)), ("payload", payload),
                          ("public", True), ("created_at", at)])
        org = org_of(repo)
        if org:
            ev["org"] = org_obj(org)
        self.lines.append(ev)
        self.rows.append(OrderedDict([
            ("line", len(self.lines)), ("id", eid), ("type", etype),
            ("action", payload.get("action")), ("repo", repo), ("org", org),
            ("actor", actor), ("actor_is_bot", actor.endswith("[bot]")),
            ("created_at", at), ("item", item.ref() if item else None),
            ("object", obj), ("shape", shape), ("note", note),
        ]))
        return ev

    def repeat(self, ev, row):
        """Append an identical copy of an event already written elsewhere."""
        self.lines.append(copy.deepcopy(ev))
        r = copy.deepcopy(row)
        r["line"] = len(self.lines)
        r["note"] = "DUPLICATE: byte-identical copy of an event in an earlier file"
        self.rows.append(r)


def comment_obj(item, cid, author, body, at, reduced=False, react=None):
    i = f"{API}/repos/{item.repo}/issues/{item.number}"
    u = f"{API}/repos/{item.repo}/issues/comments/{cid}"
    html = f"{WEB}/{item.repo}/{'pull' if item.is_pr else 'issues'}/{item.number}#issuecomment-{cid}"
    d = OrderedDict([
        ("url", u), ("html_url", html), ("issue_url", i), ("id", cid),
        ("node_id", node_id("IC", repo_id(item.repo), cid)), ("user", user_obj(author)),
        ("created_at", at), ("updated_at", at),
    ])
    if not reduced:
        d["author_association"] = ASSOC[item.repo][author]
    d["body"] = body
    d["reactions"] = reactions(u + "/reactions", **(react or {}))
    d["performed_via_github_app"] = None
    return d


def review_obj(item, rid, author, state, body, at, reduced=False):
    html = f"{WEB}/{item.repo}/pull/{item.number}#pullrequestreview-{rid}"
    p = f"{API}/repos/{item.repo}/pulls/{item.number}"
    d = OrderedDict([
        ("id", rid), ("node_id", node_id("PRR", repo_id(item.repo), rid)),
        ("user", user_obj(author)), ("body", body), ("commit_id", item.head_sha),
        ("submitted_at", at), ("state", state), ("html_url", html), ("pull_request_url", p),
    ])
    if not reduced:
        d["author_association"] = ASSOC[item.repo][author]
    d["_links"] = OrderedDict([("html", {"href": html}), ("pull_request", {"href": p})])
    return d


def review_comment_obj(item, cid, review_id, author, body, at, path, line, hunk):
    u = f"{API}/repos/{item.repo}/pulls/comments/{cid}"
    html = f"{WEB}/{item.repo}/pull/{item.number}#discussion_r{cid}"
    p = f"{API}/repos/{item.repo}/pulls/{item.number}"
    return OrderedDict([
        ("url", u), ("pull_request_review_id", review_id), ("id", cid),
        ("node_id", node_id("PRRC", repo_id(item.repo), cid)), ("diff_hunk", hunk),
        ("path", path), ("commit_id", item.head_sha), ("original_commit_id", item.head_sha),
        ("user", user_obj(author)), ("body", body), ("created_at", at), ("updated_at", at),
        ("html_url", html), ("pull_request_url", p),
        ("author_association", ASSOC[item.repo][author]),
        ("_links", OrderedDict([("self", {"href": u}), ("html", {"href": html}),
                                ("pull_request", {"href": p})])),
        ("reactions", reactions(u + "/reactions")),
        ("start_line", None), ("original_start_line", None), ("start_side", None),
        ("line", line), ("original_line", line), ("side", "RIGHT"),
        ("original_position", 4), ("position", 4), ("subject_type", "line"),
    ])


def push_payload(full, push_id, ref, before, head, commits=None, reduced=False):
    d = OrderedDict([("repository_id", repo_id(full)), ("push_id", push_id)])
    if not reduced:
        d["size"] = len(commits)
        d["distinct_size"] = len(commits)
    d["ref"] = ref
    d["head"] = head
    d["before"] = before
    if not reduced:
        d["commits"] = [OrderedDict([
            ("sha", c_sha),
            # GH Archive obfuscates e-mail local parts (SHA1 of the local part)
            ("author", OrderedDict([("email", sha(local) + "@" + host), ("name", name)])),
            ("message", msg), ("distinct", True),
            ("url", f"{API}/repos/{full}/commits/{c_sha}"),
        ]) for c_sha, local, host, name, msg in commits]
    return d


def create_payload(full, ref, ref_type):
    d = OrderedDict([("ref", ref), ("ref_type", ref_type)])
    d["full_ref"] = ("refs/tags/" if ref_type == "tag" else "refs/heads/") + ref
    d["master_branch"] = "main"
    d["description"] = REPOS[full][1]
    d["pusher_type"] = "user"
    return d


def release_obj(full, rel_id, tag, name, body, author, at):
    u = f"{API}/repos/{full}/releases/{rel_id}"
    return OrderedDict([
        ("url", u), ("assets_url", u + "/assets"),
        ("upload_url", f"https://uploads.github.com/repos/{full}/releases/{rel_id}/assets{{?name,label}}"),
        ("html_url", f"{WEB}/{full}/releases/tag/{tag}"), ("id", rel_id),
        ("author", user_obj(author)), ("node_id", node_id("RE", repo_id(full), rel_id)),
        ("tag_name", tag), ("target_commitish", "main"), ("name", name),
        ("draft", False), ("immutable", False), ("prerelease", False),
        ("created_at", at), ("updated_at", at), ("published_at", at), ("assets", []),
        ("tarball_url", f"{API}/repos/{full}/tarball/{tag}"),
        ("zipball_url", f"{API}/repos/{full}/zipball/{tag}"),
        ("body", body),
    ])


# --------------------------------------------------------------------------
# The story
# --------------------------------------------------------------------------

TRELLIS, COMPOST, SPROUT, DOTFILES = ("marigold-dev/trellis", "marigold-dev/compost",
                                      "juniper-labs/sprout", "kit-ochieng/dotfiles")


def build_valid_hours():
    h15 = Hour(f"{DAY}-15.json.gz", 30412600101)
    h16 = Hour(f"{DAY}-16.json.gz", 30413955007)

    # ---- items that already exist before 15:00 ----------------------------
    i38 = Item(TRELLIS, 38, 2870012038, "Docs: 日本語 translation of the quick-start",
               "The quick-start is only in English.\r\n\r\nI started a 日本語 version in `docs/ja/` — "
               "would you take it? 🙏", "zoe-lindqvist", "2026-02-20T08:31:17Z",
               labels=[("documentation", "0075ca")], comments=4, state="closed",
               closed_at="2026-02-27T12:02:44Z", updated_at="2026-02-27T12:02:44Z",
               state_reason="not_planned", react={"plus1": 3, "heart": 1})
    p17 = Item(COMPOST, 17, 2881550017, "Fix humus ratio rounding (½ → 0.5)",
               "Ratios like ½ and ¾ were rounded to 0 and 1.\r\n\r\nNow they are parsed with "
               "`fractions.Fraction` first.", "jose-araujo", "2026-02-26T10:14:09Z",
               pr_id=2571220817, head_repo="jose-araujo/compost", head_ref="fix/humus-ratio",
               commits=2, additions=41, deletions=9, changed_files=3, comments=2,
               state="closed", closed_at="2026-02-28T17:45:00Z", updated_at="2026-02-28T17:45:00Z",
               labels=[("bug", "d73a4a")])

    # ---- items created inside the sample hours ------------------------------
    i41 = Item(TRELLIS, 41, 2911190041,
               "Crash when the plot name contains accents (é, ñ, ü) — UnicodeDecodeError",
               "Steps:\n1. Create a plot called `Huerta Muñoz`\n2. Export the week view\n\n"
               "```\nUnicodeDecodeError: 'ascii' codec can't decode byte 0xc3\n```",
               "jose-araujo", ts("15:02:03"), labels=[("bug", "d73a4a")])
    p42 = Item(TRELLIS, 42, 2911200442, "Add 🌱 seed-bank export (CSV + JSON)",
               "Closes #36.\r\n\r\n- CSV export with UTF-8 BOM so Excel opens `Ærtebønne` correctly\r\n"
               "- JSON export\r\n\r\nTack för granskningen! 🙏", "zoe-lindqvist", ts("15:05:11"),
               pr_id=2598001142, head_repo="zoe-lindqvist/trellis", head_ref="seed-bank-export",
               commits=3, additions=214, deletions=12, changed_files=5,
               labels=[("enhancement", "a2eeef")])
    p43 = Item(TRELLIS, 43, 2911201143, "Bump requests from 2.32.3 to 2.32.4",
               "Bumps [requests](https://github.com/psf/requests) from 2.32.3 to 2.32.4.\n\n"
               "Dependabot will resolve any conflicts with this PR as long as you don't alter it yourself.",
               "dependabot[bot]", ts("15:06:02"), pr_id=2598003343, head_repo=TRELLIS,
               head_ref="dependabot/pip/requests-2.32.4", commits=1, additions=1, deletions=1,
               changed_files=1, labels=[("dependencies", "0366d6")])
    i07 = Item(SPROUT, 7, 2911203307, "发芽率统计不准确 / germination rate is off by one",
               "发芽率总是少算一天。The germination rate window drops the last day.",
               "priya-raman", ts("15:06:45"))
    i18 = Item(COMPOST, 18, 2911210018, "Wurmkiste 🪱 sensor reports °F instead of °C",
               "Die Temperatur der Wurmkiste wird in °F angezeigt, obwohl `units=metric` gesetzt ist.",
               "priya-raman", ts("15:16:20"))
    p08 = Item(SPROUT, 8, 2911220008, "Prise en charge des unités métriques 📏 (metric units)",
               "Ajoute les unités métriques (g, kg, cm).\n\nFixes #5 — ça marche aussi pour les "
               "graines très légères (0,002 g).", "hannah-mueller", ts("15:18:05"),
               pr_id=2598011808, head_repo="hannah-mueller/sprout", head_ref="metric-units",
               commits=4, additions=158, deletions=37, changed_files=6)
    i03 = Item(DOTFILES, 3, 2911290003, "Note to self: zsh → fish 🐟 migration", None,
               "kit-ochieng", ts("15:49:12"))
    p09 = Item(SPROUT, 9, 2911600009, "Bump pytest from 8.3.4 to 8.3.5",
               "Bumps [pytest](https://github.com/pytest-dev/pytest) from 8.3.4 to 8.3.5.",
               "dependabot[bot]", ts("16:23:10"), pr_id=2598450909, head_repo=SPROUT,
               head_ref="dependabot/pip/pytest-8.3.5", commits=1, additions=1, deletions=1)
    p19 = Item(COMPOST, 19, 2911700019, "Docs: ‘Kompost’ glossary (DE/ES/中文)", None,
               "jose-araujo", ts("16:47:30"), pr_id=2598502319, head_repo="jose-araujo/compost",
               head_ref="docs/glossary", commits=1, additions=88, deletions=0, changed_files=2,
               labels=[("documentation", "0075ca")])

    # ---- helpers that update state and emit ---------------------------------
    def touch(item, at):
        item.updated_at = at

    def issues_event(h, action, actor, item, at, shape="full", note=""):
        if action == "opened":
            item.state, item.closed_at = "open", None
        elif action == "closed":
            item.state, item.closed_at, item.state_reason = "closed", at, "completed"
        elif action == "reopened":
            item.state, item.closed_at, item.state_reason = "open", None, "reopened"
        touch(item, at)
        payload = OrderedDict([("action", action), ("issue", item.issue_obj(reduced=shape == "reduced"))])
        return h.emit("IssuesEvent", actor, item.repo, payload, at, item=item, shape=shape, note=note)

    def issue_comment(h, actor, item, cid, body, at, shape="full", react=None, note=""):
        item.comments += 1
        touch(item, at)
        red = shape == "reduced"
        payload = OrderedDict([("action", "created"), ("issue", item.issue_obj(reduced=red)),
                               ("comment", comment_obj(item, cid, actor, body, at, reduced=red, react=react))])
        return h.emit("IssueCommentEvent", actor, item.repo, payload, at, item=item,
                      obj={"kind": "issue_comment", "id": cid}, shape=shape, note=note)

    def pr_event(h, action, actor, item, at, shape="full", note="", merge=False):
        if action == "opened":
            item.state = "open"
        elif action == "reopened":
            item.state, item.closed_at = "open", None
        elif action == "closed":
            item.state, item.closed_at = "closed", at
        elif action == "merged":
            item.state, item.closed_at = "closed", at
        if action == "merged" or merge:
            item.merged, item.merged_at, item.merged_by = True, at, actor
            item.merge_commit_sha = sha(f"{item.repo}#{item.number}:merge")
        touch(item, at)
        if shape == "reduced":
            pr = item.pr_stub()
        else:
            pr = item.pr_full()
        payload = OrderedDict([("action", action), ("number", item.number), ("pull_request", pr)])
        return h.emit("PullRequestEvent", actor, item.repo, payload, at, item=item, shape=shape, note=note)

    def review(h, actor, item, rid, state, body, at, shape="full", action="created", reviewer=None, note=""):
        touch(item, at)
        red = shape == "reduced"
        rv = review_obj(item, rid, reviewer or actor, state, body, at if action == "created" else REVIEW_AT[rid], reduced=red)
        if action == "created":
            REVIEW_AT[rid] = at
        payload = OrderedDict([("action", action), ("review", rv),
                               ("pull_request", item.pr_stub() if red else item.pr_simple())])
        return h.emit("PullRequestReviewEvent", actor, item.repo, payload, at, item=item,
                      obj={"kind": "review", "id": rid, "state": state, "reviewer": reviewer or actor},
                      shape=shape, note=note)

    def review_comment(h, actor, item, cid, review_id, body, at, path, line, hunk):
        item.review_comments += 1
        touch(item, at)
        payload = OrderedDict([("action", "created"),
                               ("comment", review_comment_obj(item, cid, review_id, actor, body, at, path, line, hunk)),
                               ("pull_request", item.pr_simple())])
        return h.emit("PullRequestReviewCommentEvent", actor, item.repo, payload, at, item=item,
                      obj={"kind": "review_comment", "id": cid, "review_id": review_id})

    REVIEW_AT = {}

    def commit(label, local, host, name, msg):
        return (sha(label), local, host, name, msg)

    # ======================= hour 15 =========================================
    h = h15
    h.emit("PushEvent", "amara-okafor", TRELLIS,
           push_payload(TRELLIS, 23051877101, "refs/heads/main", sha("trellis-main-0"), sha("trellis-main-2"), [
               commit("trellis-main-1", "amara", "example.org", "Amara Okafọ", "Tidy CHANGELOG for 2.4.0"),
               commit("trellis-main-2", "amara", "example.org", "Amara Okafọ", "Plot calendar: week starts on Monday (ISO 8601) 📅"),
           ]), ts("15:00:07"), obj={"kind": "push", "ref": "refs/heads/main"})
    h.emit("WatchEvent", "priya-raman", SPROUT, OrderedDict([("action", "started")]), ts("15:01:15"))
    issues_event(h, "opened", "jose-araujo", i41, ts("15:02:03"))
    h.emit("CreateEvent", "dependabot[bot]", TRELLIS,
           create_payload(TRELLIS, "dependabot/pip/requests-2.32.4", "branch"), ts("15:04:30"),
           obj={"kind": "branch", "ref": "dependabot/pip/requests-2.32.4"})
    pr_event(h, "opened", "zoe-lindqvist", p42, ts("15:05:11"))
    pr_event(h, "opened", "dependabot[bot]", p43, ts("15:06:02"))
    issues_event(h, "opened", "priya-raman", i07, ts("15:06:45"))
    h.emit("ForkEvent", "priya-raman", COMPOST,
           OrderedDict([("forkee", repo_obj("priya-raman/compost", pushed_at=ts("15:08:19"), public_flag=True))]),
           ts("15:08:19"), obj={"kind": "fork", "forkee": "priya-raman/compost"})
    issue_comment(h, "amara-okafor", i41, 2689000101,
                  "Thanks José! Can you share the exact plot name? ¿Tiene una «ñ»?", ts("15:09:50"))
    pr_event(h, "reopened", "jose-araujo", p17, ts("15:11:33"))
    issue_comment(h, "li-ming-dev", i07, 2689000117,
                  "谢谢！Confirmed: the window is `[start, end)` instead of `[start, end]`.", ts("15:12:58"),
                  react={"plus1": 2})
    review(h, "amara-okafor", p42, 2712345601, "changes_requested",
           "Nice start! Two things before we merge — see inline. Merci !", ts("15:14:40"))
    review_comment(h, "amara-okafor", p42, 1988400101, 2712345601,
                   "Please write the BOM only for CSV, not for JSON (RFC 8259 §8.1).", ts("15:14:41"),
                   "trellis/export.py", 42,
                   "@@ -30,6 +30,14 @@ def export(rows, fmt):\n+    fh.write('\\ufeff')")
    issues_event(h, "opened", "priya-raman", i18, ts("15:16:20"))
    pr_event(h, "opened", "hannah-mueller", p08, ts("15:18:05"))
    issues_event(h, "reopened", "zoe-lindqvist", i38, ts("15:19:47"))
    issue_comment(h, "zoe-lindqvist", p42, 2689000142,
                  "Pushed a fix: BOM only for CSV now. ¡Gracias por la revisión!", ts("15:21:30"))
    h.emit("PushEvent", "kit-ochieng", DOTFILES,
           push_payload(DOTFILES, 23051877555, "refs/heads/main", sha("dot-0"), sha("dot-1"), [
               commit("dot-1", "kit", "example.net", "Kit Ochieng'", "nvim: use 🌙 colourscheme at night"),
           ]), ts("15:22:10"), obj={"kind": "push", "ref": "refs/heads/main"})
    issue_comment(h, "hannah-mueller", i07, 2689000160,
                  "Kann ich bestätigen — happens with Zeitzone Europe/Berlin too.", ts("15:24:02"))
    review(h, "tomasz-nowak", p42, 2712345650, "commented",
           "Looks neat. Nit: naïve datetime on line 88 — użyj `datetime.now(tz=UTC)`.", ts("15:26:44"))
    review(h, "tomasz-nowak", p17, 2712345677, "approved", "Dzięki! ½ → 0.5 ✅", ts("15:27:30"))
    issue_comment(h, "github-actions[bot]", p42, 2689000188,
                  "### Benchmark ✅\n\n| rows | time |\n|---|---|\n| 10 000 | 1.8 s |", ts("15:29:15"))
    h.emit("WatchEvent", "hannah-mueller", TRELLIS, OrderedDict([("action", "started")]), ts("15:31:02"))
    review(h, "li-ming-dev", p08, 2712345720, "changes_requested",
           "Almost there. 请看行内评论。", ts("15:33:48"))
    review_comment(h, "li-ming-dev", p08, 1988400177, 2712345720,
                   "Use `Decimal` here — 0.1 + 0.2 ≠ 0.3 🙃", ts("15:33:49"), "sprout/units.py", 17,
                   "@@ -12,4 +12,9 @@ GRAMS_PER_KG = 1000\n+    return float(value) * factor")
    h.emit("PushEvent", "github-actions[bot]", TRELLIS,
           push_payload(TRELLIS, 23051878002, "refs/heads/gh-pages", sha("pages-0"), sha("pages-1"), [
               commit("pages-1", "41898282+github-actions[bot]", "users.noreply.github.com",
                      "github-actions[bot]", "Deploy docs 🚀 from @ " + sha("trellis-main-2")[:7]),
           ]), ts("15:35:20"), obj={"kind": "push", "ref": "refs/heads/gh-pages"})
    issue_comment(h, "tomasz-nowak", i18, 2689000203,
                  "Danke! Is this firmware 0.9.0? The fix is in 0.9.1.", ts("15:37:05"))
    issue_comment(h, "jose-araujo", p17, 2689000219,
                  "Rebased onto main; ½ now renders as 0.5 ✔️", ts("15:38:40"))
    issues_event(h, "closed", "amara-okafor", i41, ts("15:40:22"),
                 note="closed by a maintainer, not by the author")
    pr_event(h, "closed", "amara-okafor", p43, ts("15:42:10"), note="closed without merging")
    issue_comment(h, "dependabot[bot]", p43, 2689000240,
                  "OK, I won't notify you again about this release, but will get in touch when a new "
                  "version is available. If you'd rather skip all updates until the next major or minor "
                  "version, let me know by commenting `@dependabot ignore this major version` or "
                  "`@dependabot ignore this minor version`.", ts("15:42:55"))
    review(h, "amara-okafor", p42, 2712345788, "approved", "LGTM 🎉 merci Zoë !", ts("15:44:18"))
    h.emit("ForkEvent", "jose-araujo", SPROUT,
           OrderedDict([("forkee", repo_obj("jose-araujo/sprout", pushed_at=ts("15:46:02"), public_flag=True))]),
           ts("15:46:02"), obj={"kind": "fork", "forkee": "jose-araujo/sprout"})
    h.emit("CreateEvent", "kit-ochieng", DOTFILES, create_payload(DOTFILES, "fish-migration", "branch"),
           ts("15:47:30"), obj={"kind": "branch", "ref": "fish-migration"})
    issues_event(h, "opened", "kit-ochieng", i03, ts("15:49:12"))
    h.emit("CreateEvent", "tomasz-nowak", COMPOST, create_payload(COMPOST, "v0.9.1", "tag"),
           ts("15:50:01"), obj={"kind": "tag", "ref": "v0.9.1"})
    h.emit("ReleaseEvent", "tomasz-nowak", COMPOST, OrderedDict([
        ("action", "published"),
        ("release", release_obj(COMPOST, 201445501, "v0.9.1", "Compost 0.9.1 — Wurmkiste 🪱",
                                "## Fixes\r\n- °C/°F switch honoured for the Wurmkiste sensor\r\n- ½-ratios",
                                "tomasz-nowak", ts("15:50:03")))]), ts("15:50:03"),
        obj={"kind": "release", "id": 201445501, "tag": "v0.9.1"})
    h.emit("WatchEvent", "zoe-lindqvist", DOTFILES, OrderedDict([("action", "started")]), ts("15:51:40"))
    issue_comment(h, "priya-raman", i18, 2689000266,
                  "Firmware 0.9.0, yes — will try 0.9.1 😕→🙂", ts("15:53:05"))
    h.emit("PushEvent", "li-ming-dev", SPROUT,
           push_payload(SPROUT, 23051878390, "refs/heads/main", sha("sprout-0"), sha("sprout-1"), [
               commit("sprout-1", "liming", "example.cn", "李明", "修复: 统计窗口包含最后一天 (refs #7)"),
           ]), ts("15:55:30"), obj={"kind": "push", "ref": "refs/heads/main"})
    issue_comment(h, "li-ming-dev", p08, 2689000281,
                  "Thanks Hannah — one more pass and we're good 👍", ts("15:57:44"))
    dup_ev = h.emit("WatchEvent", "priya-raman", COMPOST, OrderedDict([("action", "started")]),
                    ts("15:59:58"), note="also appears as line 1 of the 16:00 file")
    dup_row = h.rows[-1]

    # ======================= hour 16 =========================================
    h = h16
    h.repeat(dup_ev, dup_row)
    review(h, "li-ming-dev", p08, 2712346004, "approved", "LGTM，合并！", ts("16:01:10"), shape="reduced")
    review(h, "tomasz-nowak", p42, 2712345601, "dismissed",
           "Nice start! Two things before we merge — see inline. Merci !", ts("16:02:40"),
           action="dismissed", reviewer="amara-okafor",
           note="tomasz-nowak dismisses amara-okafor's changes_requested review (review.user is the reviewer)")
    pr_event(h, "closed", "amara-okafor", p42, ts("16:03:25"), merge=True,
             note="merged (full shape: closed + merged=true)")
    h.emit("PushEvent", "amara-okafor", TRELLIS,
           push_payload(TRELLIS, 23051880044, "refs/heads/main", sha("trellis-main-2"),
                        sha("marigold-dev/trellis#42:merge"), reduced=True), ts("16:03:27"),
           shape="reduced", obj={"kind": "push", "ref": "refs/heads/main"})
    issue_comment(h, "amara-okafor", i38, 2689000305,
                  "Merci ! The 日本語 quick-start looks great; reopening was the right call.", ts("16:05:40"))
    pr_event(h, "closed", "tomasz-nowak", p17, ts("16:08:12"), merge=True,
             note="merged (full shape: closed + merged=true)")
    issues_event(h, "closed", "kit-ochieng", i03, ts("16:10:03"), note="closed by its author")
    issues_event(h, "closed", "li-ming-dev", i07, ts("16:12:30"), shape="reduced",
                 note="closed by a maintainer, not by the author")
    pr_event(h, "merged", "li-ming-dev", p08, ts("16:18:44"), shape="reduced",
             note="merged (reduced shape: action merged, PR stub; merged_by = actor)")
    h.emit("PushEvent", "li-ming-dev", SPROUT,
           push_payload(SPROUT, 23051880377, "refs/heads/main", sha("sprout-1"),
                        sha("juniper-labs/sprout#8:merge"), reduced=True), ts("16:19:30"),
           shape="reduced", obj={"kind": "push", "ref": "refs/heads/main"})
    h.emit("CreateEvent", "dependabot[bot]", SPROUT, create_payload(SPROUT, "dependabot/pip/pytest-8.3.5", "branch"),
           ts("16:22:05"), obj={"kind": "branch", "ref": "dependabot/pip/pytest-8.3.5"})
    pr_event(h, "opened", "dependabot[bot]", p09, ts("16:23:10"), shape="reduced",
             note="reduced shape: no title/author in payload; author = actor")
    issue_comment(h, "github-actions[bot]", p09, 2689000342,
                  "✅ All 214 tests passed on Python 3.11, 3.12, 3.13.", ts("16:25:48"), shape="reduced",
                  note="the issue object here carries the PR's title and issue id")
    h.emit("CreateEvent", "amara-okafor", TRELLIS, create_payload(TRELLIS, "v2.4.0", "tag"),
           ts("16:28:00"), obj={"kind": "tag", "ref": "v2.4.0"})
    h.emit("ReleaseEvent", "amara-okafor", TRELLIS, OrderedDict([
        ("action", "published"),
        ("release", release_obj(TRELLIS, 201460024, "v2.4.0", "Trellis 2.4.0 — «Primavera» 🌸",
                                "## What's new\r\n- 🌱 Seed-bank export (CSV + JSON) by @zoe-lindqvist in #42\r\n"
                                "- Accented plot names no longer crash the export (#41)",
                                "amara-okafor", ts("16:28:20")))]), ts("16:28:20"),
        obj={"kind": "release", "id": 201460024, "tag": "v2.4.0"})
    issue_comment(h, "priya-raman", i18, 2689000377,
                  "0.9.1 ✔️ now reports °C. Danke schön!", ts("16:31:15"), react={"hooray": 1})
    issues_event(h, "closed", "priya-raman", i18, ts("16:33:02"), note="closed by its author")
    h.emit("WatchEvent", "jose-araujo", TRELLIS, OrderedDict([("action", "started")]), ts("16:36:40"))
    issues_event(h, "reopened", "priya-raman", i07, ts("16:40:12"), shape="reduced",
                 note="reopened by its author after a maintainer closed it")
    issue_comment(h, "priya-raman", i07, 2689000399,
                  "Still off by one on 29 February 🗓️ (leap day).", ts("16:40:50"), shape="reduced")
    h.emit("ForkEvent", "priya-raman", DOTFILES,
           OrderedDict([("action", "forked"),
                        ("forkee", repo_obj("priya-raman/dotfiles", pushed_at=ts("16:44:05"), public_flag=True))]),
           ts("16:44:05"), shape="reduced", obj={"kind": "fork", "forkee": "priya-raman/dotfiles"})
    pr_event(h, "opened", "jose-araujo", p19, ts("16:47:30"))
    review(h, "tomasz-nowak", p19, 2712346188, "commented",
           "中文 part: 堆肥 is right. ES: «compostaje» rather than «composteo»?", ts("16:52:10"))
    h.emit("PushEvent", "kit-ochieng", DOTFILES,
           push_payload(DOTFILES, 23051880911, "refs/heads/fish-migration", sha("dot-1"), sha("dot-2"),
                        reduced=True), ts("16:58:01"), shape="reduced",
           obj={"kind": "push", "ref": "refs/heads/fish-migration"})

    items = [p42, p43, p17, p19, p08, p09, i41, i38, i18, i07, i03]
    return h15, h16, items


# --------------------------------------------------------------------------
# Expected outcome after importing 15:00 then 16:00 (written by hand; the
# verification in README re-derives it from the files)
# --------------------------------------------------------------------------

EXPECTED = OrderedDict([
    ("pull_requests", [
        OrderedDict([("repo", TRELLIS), ("number", 42), ("id", 2598001142), ("issue_id", 2911200442),
                     ("title", "Add 🌱 seed-bank export (CSV + JSON)"), ("author", "zoe-lindqvist"),
                     ("final_state", "merged"), ("merged_by", "amara-okafor"),
                     ("merged_at", ts("16:03:25")), ("closed_by", "amara-okafor"),
                     ("reviews", [
                         {"id": 2712345601, "reviewer": "amara-okafor", "state": "dismissed",
                          "submitted_state": "changes_requested", "dismissed_by": "tomasz-nowak"},
                         {"id": 2712345650, "reviewer": "tomasz-nowak", "state": "commented"},
                         {"id": 2712345788, "reviewer": "amara-okafor", "state": "approved"},
                     ]),
                     ("issue_comments", 2), ("review_comments", 1)]),
        OrderedDict([("repo", TRELLIS), ("number", 43), ("id", 2598003343), ("issue_id", 2911201143),
                     ("title", "Bump requests from 2.32.3 to 2.32.4"), ("author", "dependabot[bot]"),
                     ("final_state", "closed-unmerged"), ("merged_by", None), ("merged_at", None),
                     ("closed_by", "amara-okafor"), ("reviews", []),
                     ("issue_comments", 1), ("review_comments", 0)]),
        OrderedDict([("repo", COMPOST), ("number", 17), ("id", 2571220817), ("issue_id", 2881550017),
                     ("title", "Fix humus ratio rounding (½ → 0.5)"), ("author", "jose-araujo"),
                     ("final_state", "merged"), ("merged_by", "tomasz-nowak"),
                     ("merged_at", ts("16:08:12")), ("closed_by", "tomasz-nowak"),
                     ("reviews", [{"id": 2712345677, "reviewer": "tomasz-nowak", "state": "approved"}]),
                     ("issue_comments", 1), ("review_comments", 0),
                     ("note", "created 2026-02-26 and closed before the sample; reopened at 15:11:33")]),
        OrderedDict([("repo", COMPOST), ("number", 19), ("id", 2598502319), ("issue_id", 2911700019),
                     ("title", "Docs: ‘Kompost’ glossary (DE/ES/中文)"), ("author", "jose-araujo"),
                     ("final_state", "open"), ("merged_by", None), ("merged_at", None), ("closed_by", None),
                     ("reviews", [{"id": 2712346188, "reviewer": "tomasz-nowak", "state": "commented"}]),
                     ("issue_comments", 0), ("review_comments", 0), ("note", "body is null")]),
        OrderedDict([("repo", SPROUT), ("number", 8), ("id", 2598011808), ("issue_id", 2911220008),
                     ("title", "Prise en charge des unités métriques 📏 (metric units)"),
                     ("author", "hannah-mueller"), ("final_state", "merged"), ("merged_by", "li-ming-dev"),
                     ("merged_at", ts("16:18:44")), ("closed_by", "li-ming-dev"),
                     ("reviews", [
                         {"id": 2712345720, "reviewer": "li-ming-dev", "state": "changes_requested"},
                         {"id": 2712346004, "reviewer": "li-ming-dev", "state": "approved"},
                     ]),
                     ("issue_comments", 1), ("review_comments", 1),
                     ("note", "opened/reviewed in full shape at 15:00; approved and merged in reduced shape "
                              "at 16:00: the merge has no merged/merged_by/title, so merged_by comes from "
                              "the actor and title/author must survive from the earlier full event")]),
        OrderedDict([("repo", SPROUT), ("number", 9), ("id", 2598450909), ("issue_id", 2911600009),
                     ("title", "Bump pytest from 8.3.4 to 8.3.5"), ("author", "dependabot[bot]"),
                     ("final_state", "open"), ("merged_by", None), ("merged_at", None), ("closed_by", None),
                     ("reviews", []), ("issue_comments", 1), ("review_comments", 0),
                     ("note", "only reduced-shape events: the PullRequestEvent has no title or user; "
                              "the author is the actor; the title is only in the IssueCommentEvent's issue")]),
    ]),
    ("issues", [
        OrderedDict([("repo", TRELLIS), ("number", 41), ("id", 2911190041), ("author", "jose-araujo"),
                     ("final_state", "closed"), ("closed_by", "amara-okafor"), ("comments", 1)]),
        OrderedDict([("repo", TRELLIS), ("number", 38), ("id", 2870012038), ("author", "zoe-lindqvist"),
                     ("final_state", "open"), ("closed_by", None), ("comments", 1),
                     ("note", "created and closed before the sample; reopened by its author at 15:19:47; "
                              "the issue object's own comments counter says 5 (4 earlier + 1)")]),
        OrderedDict([("repo", COMPOST), ("number", 18), ("id", 2911210018), ("author", "priya-raman"),
                     ("final_state", "closed"), ("closed_by", "priya-raman"), ("comments", 3)]),
        OrderedDict([("repo", SPROUT), ("number", 7), ("id", 2911203307), ("author", "priya-raman"),
                     ("final_state", "open"), ("closed_by", None), ("comments", 3),
                     ("note", "closed by li-ming-dev at 16:12:30, reopened by priya-raman at 16:40:12")]),
        OrderedDict([("repo", DOTFILES), ("number", 3), ("id", 2911290003), ("author", "kit-ochieng"),
                     ("final_state", "closed"), ("closed_by", "kit-ochieng"), ("comments", 0),
                     ("note", "body is null; user-owned repo, no org")]),
    ]),
    ("releases", [
        OrderedDict([("repo", COMPOST), ("id", 201445501), ("tag", "v0.9.1"),
                     ("name", "Compost 0.9.1 — Wurmkiste 🪱"), ("author", "tomasz-nowak"),
                     ("published_at", ts("15:50:03"))]),
        OrderedDict([("repo", TRELLIS), ("id", 201460024), ("tag", "v2.4.0"),
                     ("name", "Trellis 2.4.0 — «Primavera» 🌸"), ("author", "amara-okafor"),
                     ("published_at", ts("16:28:20"))]),
    ]),
    ("bots", BOTS),
])


# --------------------------------------------------------------------------
# Invalid / variant files
# --------------------------------------------------------------------------

def noise_events(first_id, hour, specs):
    """Small independent events (new ids, not in the valid hours)."""
    h = Hour("tmp", first_id, step=11)
    for mmss, etype, actor, repo, extra in specs:
        at = ts(f"{hour}:{mmss}")
        if etype == "WatchEvent":
            h.emit(etype, actor, repo, OrderedDict([("action", "started")]), at)
        elif etype == "PushEvent":
            h.emit(etype, actor, repo, push_payload(repo, extra, "refs/heads/main",
                                                    sha(f"{repo}{extra}a"), sha(f"{repo}{extra}b"),
                                                    reduced=True), at, shape="reduced",
                   obj={"kind": "push", "ref": "refs/heads/main"})
        elif etype == "CreateEvent":
            h.emit(etype, actor, repo, create_payload(repo, extra, "branch"), at,
                   obj={"kind": "branch", "ref": extra})
        else:
            raise ValueError(etype)
    return h


def dumps(ev, ascii_only=False):
    if isinstance(ev, str):
        return ev
    return json.dumps(ev, ensure_ascii=ascii_only, separators=(",", ":"))


def ndjson(lines, ascii_only=False):
    return "".join(dumps(e, ascii_only) + "\n" for e in lines).encode("utf-8")


def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as f:
        f.write(data)
    return buf.getvalue()


def line_offsets(data):
    offs, pos = [], 0
    for ln in data.split(b"\n")[:-1]:
        offs.append(pos)
        pos += len(ln) + 1
    return offs


def write(name, blob):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(blob)


def type_counts(rows):
    return OrderedDict(sorted(Counter(r["type"] for r in rows).items()))


def filter_counts(rows):
    return OrderedDict([
        ("org:marigold-dev", sum(1 for r in rows if r["org"] == "marigold-dev")),
        ("repo:juniper-labs/sprout", sum(1 for r in rows if r["repo"] == SPROUT)),
        ("none", len(rows)),
    ])


def main():
    key = OrderedDict()
    key["generated_by"] = "tests/data/gharchive/make_samples.py"
    key["files"] = OrderedDict()

    # ---- the two valid hours ----------------------------------------------
    h15, h16, _items = build_valid_hours()
    for h in (h15, h16):
        raw = ndjson(h.lines)
        write(h.name, gz(raw))
        key["files"][h.name] = OrderedDict([
            ("valid", True), ("gzip", True), ("lines", len(h.lines)),
            ("decompressed_bytes", len(raw)), ("events", h.rows),
            ("counts_by_type", type_counts(h.rows)),
            ("filter_counts", filter_counts(h.rows)),
        ])
    seen = {r["id"] for r in h15.rows}
    dups = [r["id"] for r in h16.rows if r["id"] in seen]
    new16 = [r for r in h16.rows if r["id"] not in seen]
    key["files"][h16.name]["duplicate_ids_of_earlier_file"] = dups
    key["files"][h16.name]["new_after_dedup"] = OrderedDict([
        ("events", len(new16)), ("counts_by_type", type_counts(new16)),
        ("filter_counts", filter_counts(new16))])
    unique = h15.rows + new16
    combined = OrderedDict([
        ("unique_events", len(unique)), ("lines_read", len(h15.rows) + len(h16.rows)),
        ("counts_by_type", type_counts(unique)), ("filter_counts", filter_counts(unique)),
        ("events_by_bots", sorted(r["id"] for r in unique if r["actor_is_bot"])),
    ])
    combined.update(EXPECTED)
    key["after_importing_15_then_16"] = combined

    # ---- plain.json: an uncompressed valid file (\\u-escaped non-ASCII) ------
    hp = Hour("plain.json", 30414100003, step=41)
    i04 = Item(DOTFILES, 4, 2911800004, "Typo in README: “colour” → “color”? 🇬🇧/🇺🇸",
               "Not sure which spelling you prefer — ¿británico o americano?", "zoe-lindqvist", ts("17:02:11"))
    hp.emit("IssuesEvent", "zoe-lindqvist", DOTFILES,
            OrderedDict([("action", "opened"), ("issue", i04.issue_obj())]), ts("17:02:11"), item=i04)
    i04.comments, i04.updated_at = 1, ts("17:05:30")
    hp.emit("IssueCommentEvent", "kit-ochieng", DOTFILES, OrderedDict([
        ("action", "created"), ("issue", i04.issue_obj()),
        ("comment", comment_obj(i04, 2689000455, "kit-ochieng", "British, obviously 🫖 — asante!", ts("17:05:30")))]),
        ts("17:05:30"), item=i04, obj={"kind": "issue_comment", "id": 2689000455})
    hp.emit("WatchEvent", "tomasz-nowak", DOTFILES, OrderedDict([("action", "started")]), ts("17:09:45"))
    hp.emit("WatchEvent", "amara-okafor", SPROUT, OrderedDict([("action", "started")]), ts("17:12:03"))
    hp.emit("PushEvent", "kit-ochieng", DOTFILES,
            push_payload(DOTFILES, 23051882200, "refs/heads/main", sha("dot-1"), sha("dot-3"), reduced=True),
            ts("17:20:40"), shape="reduced", obj={"kind": "push", "ref": "refs/heads/main"})
    raw = ndjson(hp.lines, ascii_only=True)
    write("plain.json", raw)
    key["files"]["plain.json"] = OrderedDict([
        ("valid", True), ("gzip", False), ("lines", len(hp.lines)), ("decompressed_bytes", len(raw)),
        ("note", "uncompressed NDJSON; non-ASCII written as \\u escapes (surrogate pairs for emoji); "
                 "independent of the 15:00/16:00 files (new ids, new issue kit-ochieng/dotfiles#4)"),
        ("events", hp.rows), ("counts_by_type", type_counts(hp.rows)),
        ("filter_counts", filter_counts(hp.rows)),
        ("expected", OrderedDict([("issues", [OrderedDict([
            ("repo", DOTFILES), ("number", 4), ("id", 2911800004), ("author", "zoe-lindqvist"),
            ("final_state", "open"), ("comments", 1)])])])),
    ])

    # ---- truncated.json.gz --------------------------------------------------
    ht = noise_events(30414500001, "18", [
        ("00:05", "WatchEvent", "kit-ochieng", SPROUT, None),
        ("01:10", "PushEvent", "li-ming-dev", SPROUT, 23051890001),
        ("02:15", "CreateEvent", "hannah-mueller", SPROUT, "docs/units-table"),
        ("03:20", "WatchEvent", "zoe-lindqvist", COMPOST, None),
        ("04:25", "PushEvent", "tomasz-nowak", COMPOST, 23051890002),
        ("05:30", "WatchEvent", "priya-raman", TRELLIS, None),
        ("06:35", "PushEvent", "amara-okafor", TRELLIS, 23051890003),
        ("07:40", "CreateEvent", "jose-araujo", COMPOST, "docs/glossary-fr"),
    ])
    raw = ndjson(ht.lines)
    full = gz(raw)
    offs = line_offsets(raw)
    # smallest cut whose recoverable prefix holds 5 complete lines and a good
    # part (>= 200 bytes) of line 6, i.e. the stream stops in the middle of line 6
    cut = 1
    while True:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        got = d.decompress(full[:cut])
        if got.count(b"\n") == 5 and len(got) - offs[5] >= 200 and not d.eof:
            break
        cut += 1
    write("truncated.json.gz", full[:cut])
    k = got.count(b"\n")
    key["files"]["truncated.json.gz"] = OrderedDict([
        ("valid", False), ("gzip", True), ("error", "gzip stream ends before its end-of-stream marker (EOFError)"),
        ("compressed_bytes_written", cut), ("compressed_bytes_complete_stream", len(full)),
        ("decompressed_bytes_recoverable", len(got)),
        ("decompressed_bytes_of_complete_stream", len(raw)),
        ("complete_lines", k), ("lines_in_complete_stream", len(ht.lines)),
        ("break", OrderedDict([("line", k + 1), ("line_starts_at_offset", offs[k]),
                               ("stream_ends_at_offset", len(got))])),
        ("good_events", [r["id"] for r in ht.rows[:k]]),
        ("events_of_complete_stream", ht.rows),
    ])

    # ---- malformed-line.json.gz ---------------------------------------------
    hm = noise_events(30414600001, "19", [
        ("00:05", "WatchEvent", "hannah-mueller", COMPOST, None),
        ("01:10", "PushEvent", "kit-ochieng", DOTFILES, 23051891001),
        ("02:15", "WatchEvent", "jose-araujo", DOTFILES, None),
        ("03:20", "CreateEvent", "li-ming-dev", SPROUT, "release/1.2"),
        ("04:25", "WatchEvent", "amara-okafor", DOTFILES, None),
        ("05:30", "PushEvent", "zoe-lindqvist", DOTFILES, 23051891002),
        ("06:35", "WatchEvent", "tomasz-nowak", SPROUT, None),
        ("07:40", "PushEvent", "li-ming-dev", SPROUT, 23051891003),
        ("08:45", "WatchEvent", "kit-ochieng", COMPOST, None),
        ("09:50", "CreateEvent", "amara-okafor", TRELLIS, "release/2.4"),
    ])
    good = dumps(hm.lines[6])
    broken = good[: good.index(',"repo"')]  # object cut off after "actor":{...}
    lines = list(hm.lines)
    lines[6] = broken
    raw = ndjson(lines)
    write("malformed-line.json.gz", gz(raw))
    offs = line_offsets(raw)
    try:
        json.loads(broken)
        raise AssertionError("line 7 should not parse")
    except json.JSONDecodeError as e:
        err_pos, err_msg = e.pos, e.msg
    key["files"]["malformed-line.json.gz"] = OrderedDict([
        ("valid", False), ("gzip", True), ("lines", len(lines)), ("decompressed_bytes", len(raw)),
        ("error", "line 7 is not valid JSON (object cut off after the actor; no closing brace)"),
        ("break", OrderedDict([("line", 7), ("line_starts_at_offset", offs[6]),
                               ("line_length_bytes", len(broken.encode())),
                               ("json_error", err_msg), ("json_error_pos_in_line", err_pos),
                               ("json_error_offset", offs[6] + err_pos)])),
        ("bad_line_event_id", hm.rows[6]["id"]),
        ("good_events", [r["id"] for i, r in enumerate(hm.rows) if i != 6]),
        ("events", [r for i, r in enumerate(hm.rows) if i != 6]),
    ])

    # ---- not-json.json.gz -----------------------------------------------------
    mbox = (
        "From kit@example.net Mon Mar  2 15:00:00 2026\n"
        "From: Kit Ochieng' <kit@example.net>\n"
        "To: seedbed@lists.example.org\n"
        "Subject: =?utf-8?q?Mbegu_=F0=9F=8C=B1_meeting_notes?=\n"
        "Date: Mon, 02 Mar 2026 15:00:00 +0000\n"
        "Message-ID: <20260302150000.1234@example.net>\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "\n"
        "Habari! Notes from the garden meeting are below.\n"
        "\n"
        "From zoe@example.se Mon Mar  2 15:30:00 2026\n"
        "From: Zoë Lindqvist <zoe@example.se>\n"
        "Subject: Re: Mbegu meeting notes\n"
        "\n"
        "Tack! See you Thursday.\n"
    ).encode("utf-8")
    write("not-json.json.gz", gz(mbox))
    key["files"]["not-json.json.gz"] = OrderedDict([
        ("valid", False), ("gzip", True), ("decompressed_bytes", len(mbox)),
        ("lines", mbox.count(b"\n")),
        ("error", "valid gzip, but the content is an mbox mail file, not NDJSON"),
        ("break", OrderedDict([("line", 1), ("line_starts_at_offset", 0), ("json_error_offset", 0),
                               ("first_bytes", mbox[:5].decode())])),
        ("good_events", []),
    ])

    # ---- not-gzip.json.gz -----------------------------------------------------
    html = (
        "<html>\n<head><title>404 Not Found</title></head>\n<body>\n"
        "<center><h1>404 Not Found</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n"
    ).encode("ascii")
    write("not-gzip.json.gz", html)
    key["files"]["not-gzip.json.gz"] = OrderedDict([
        ("valid", False), ("gzip", False), ("bytes", len(html)),
        ("error", "not a gzip file: first two bytes are 3c 68 ('<h'), gzip magic is 1f 8b; "
                  "read as plain text it is an HTML error page, so JSON fails too"),
        ("break", OrderedDict([("compressed_offset", 0), ("line", 1), ("json_error_offset", 0)])),
        ("good_events", []),
    ])

    # ---- wrong-shape.json.gz ------------------------------------------------
    hw = noise_events(30414700001, "20", [
        ("00:05", "WatchEvent", "priya-raman", DOTFILES, None),
        ("01:10", "PushEvent", "amara-okafor", TRELLIS, 23051892001),
        ("02:15", "WatchEvent", "li-ming-dev", TRELLIS, None),      # -> wrapped in an array
        ("03:20", "CreateEvent", "tomasz-nowak", COMPOST, "fix/sensor-units"),
        ("04:25", "WatchEvent", "hannah-mueller", DOTFILES, None),  # -> "type" removed
        ("05:30", "PushEvent", "li-ming-dev", SPROUT, 23051892002),
    ])
    lines = list(hw.lines)
    lines[2] = dumps([lines[2]])
    no_type = copy.deepcopy(lines[4])
    del no_type["type"]
    lines[4] = no_type
    raw = ndjson(lines)
    write("wrong-shape.json.gz", gz(raw))
    offs = line_offsets(raw)
    key["files"]["wrong-shape.json.gz"] = OrderedDict([
        ("valid", False), ("gzip", True), ("lines", len(lines)), ("decompressed_bytes", len(raw)),
        ("error", "every line is valid JSON, but line 3 is a JSON array (holding one event) and "
                  "line 5 is an event object without a \"type\" key"),
        ("bad_lines", [
            OrderedDict([("line", 3), ("line_starts_at_offset", offs[2]), ("problem", "array, not object"),
                         ("wrapped_event_id", hw.rows[2]["id"])]),
            OrderedDict([("line", 5), ("line_starts_at_offset", offs[4]), ("problem", "object has no \"type\""),
                         ("event_id", hw.rows[4]["id"])]),
        ]),
        ("good_events", [r["id"] for i, r in enumerate(hw.rows) if i not in (2, 4)]),
        ("events", [r for i, r in enumerate(hw.rows) if i not in (2, 4)]),
    ])

    with open(os.path.join(HERE, "answer_key.json"), "w", encoding="utf-8") as f:
        json.dump(key, f, ensure_ascii=False, indent=1)
        f.write("\n")
    render_readme(key)
    return key


# --------------------------------------------------------------------------
# README.md (rendered from the answer key; edit this script, not the README)
# --------------------------------------------------------------------------

def _item_cell(r):
    it = r["item"]
    if not it:
        return ""
    if it["kind"] == "pr":
        s = f"PR {it['id']} #{it['number']}"
        if r["type"] == "IssueCommentEvent":
            s += f" (issue {it['issue_id']})"
        return s
    return f"Issue {it['id']} #{it['number']}"


def _obj_cell(r):
    o = r["object"]
    if not o:
        return ""
    k = o["kind"]
    if k == "issue_comment":
        return f"comment {o['id']}"
    if k == "review":
        return f"review {o['id']} `{o['state']}` by {o['reviewer']}"
    if k == "review_comment":
        return f"review comment {o['id']} (in review {o['review_id']})"
    if k == "release":
        return f"release {o['id']} {o['tag']}"
    if k == "fork":
        return f"forkee {o['forkee']}"
    if k in ("branch", "tag"):
        return f"{k} `{o['ref']}`"
    if k == "push":
        return f"push `{o['ref']}`"
    return str(o)


def _event_table(rows):
    out = ["| line | event id | time | type | action | repo | actor | item | object | shape | note |",
           "|---:|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            r["line"], r["id"], r["created_at"][11:19], r["type"], r["action"] or "",
            r["repo"], r["actor"], _item_cell(r), _obj_cell(r), r["shape"], r["note"]))
    return "\n".join(out)


def _counts_table(cols):
    """cols: list of (header, counts dict)."""
    types = sorted({t for _, c in cols for t in c})
    out = ["| type | " + " | ".join(h for h, _ in cols) + " |",
           "|---|" + "---:|" * len(cols)]
    for t in types:
        out.append(f"| {t} | " + " | ".join(str(c.get(t, 0)) for _, c in cols) + " |")
    out.append("| **total** | " + " | ".join(str(sum(c.values())) for _, c in cols) + " |")
    return "\n".join(out)


def _filter_table(cols):
    out = ["| filter | " + " | ".join(h for h, _ in cols) + " |",
           "|---|" + "---:|" * len(cols)]
    for f in ["org:marigold-dev", "repo:juniper-labs/sprout", "none"]:
        label = {"org:marigold-dev": "org `marigold-dev`", "repo:juniper-labs/sprout": "repo `juniper-labs/sprout`",
                 "none": "no filter"}[f]
        out.append(f"| {label} | " + " | ".join(str(c[f]) for _, c in cols) + " |")
    return "\n".join(out)


def render_readme(key):
    f15, f16 = key["files"][f"{DAY}-15.json.gz"], key["files"][f"{DAY}-16.json.gz"]
    after = key["after_importing_15_then_16"]
    pr_rows = ["| repo | # | PR id | issue id | author | final state | merged by | closed by | reviews (id: reviewer → state) | issue comments | review comments |",
               "|---|---:|---|---|---|---|---|---|---|---:|---:|"]
    for p in after["pull_requests"]:
        revs = "; ".join(
            f"{r['id']}: {r['reviewer']} → `{r['state']}`"
            + (f" (submitted `{r['submitted_state']}`, dismissed by {r['dismissed_by']})" if "dismissed_by" in r else "")
            for r in p["reviews"]) or "none"
        pr_rows.append(f"| {p['repo']} | {p['number']} | {p['id']} | {p['issue_id']} | {p['author']} | "
                       f"**{p['final_state']}** | {p['merged_by'] or '—'} | {p['closed_by'] or '—'} | {revs} | "
                       f"{p['issue_comments']} | {p['review_comments']} |")
    pr_notes = "\n".join(f"- {p['repo']}#{p['number']} “{p['title']}”" + (f": {p['note']}" if p.get("note") else "")
                         for p in after["pull_requests"])
    is_rows = ["| repo | # | issue id | author | final state | closed by (last close) | comments |",
               "|---|---:|---|---|---|---|---:|"]
    for i in after["issues"]:
        is_rows.append(f"| {i['repo']} | {i['number']} | {i['id']} | {i['author']} | **{i['final_state']}** | "
                       f"{i['closed_by'] or '—'} | {i['comments']} |")
    is_notes = "\n".join(f"- {i['repo']}#{i['number']}: {i['note']}" for i in after["issues"] if i.get("note"))
    rel_rows = ["| repo | release id | tag | name | author | published_at |", "|---|---|---|---|---|---|"]
    for r in after["releases"]:
        rel_rows.append(f"| {r['repo']} | {r['id']} | {r['tag']} | {r['name']} | {r['author']} | {r['published_at']} |")
    bot_ev = after["events_by_bots"]

    tk = key["files"]["truncated.json.gz"]
    mk = key["files"]["malformed-line.json.gz"]
    nj = key["files"]["not-json.json.gz"]
    ng = key["files"]["not-gzip.json.gz"]
    wk = key["files"]["wrong-shape.json.gz"]
    pj = key["files"]["plain.json"]

    subs = {
        "TABLE_15": _event_table(f15["events"]),
        "TABLE_16": _event_table(f16["events"]),
        "TABLE_PLAIN": _event_table(pj["events"]),
        "COUNTS": _counts_table([
            (f"{DAY}-15 (lines)", f15["counts_by_type"]), (f"{DAY}-16 (lines)", f16["counts_by_type"]),
            ("16 new after dedup", f16["new_after_dedup"]["counts_by_type"]),
            ("both hours, unique", after["counts_by_type"]), ("plain.json", pj["counts_by_type"])]),
        "FILTERS": _filter_table([
            (f"{DAY}-15", f15["filter_counts"]), (f"{DAY}-16 (lines)", f16["filter_counts"]),
            ("16 new after dedup", f16["new_after_dedup"]["filter_counts"]),
            ("both hours, unique", after["filter_counts"]), ("plain.json", pj["filter_counts"])]),
        "PRS": "\n".join(pr_rows), "PR_NOTES": pr_notes,
        "ISSUES": "\n".join(is_rows), "ISSUE_NOTES": is_notes,
        "RELEASES": "\n".join(rel_rows),
        "BOT_EVENTS": ", ".join(bot_ev), "N_BOT_EVENTS": str(len(bot_ev)),
        "N15": str(f15["lines"]), "N16": str(f16["lines"]), "NUNIQ": str(after["unique_events"]),
        "NREAD": str(after["lines_read"]), "DUP": ", ".join(f16["duplicate_ids_of_earlier_file"]),
        "T_CUT": str(tk["compressed_bytes_written"]), "T_FULL": str(tk["compressed_bytes_complete_stream"]),
        "T_REC": str(tk["decompressed_bytes_recoverable"]), "T_RAW": str(tk["decompressed_bytes_of_complete_stream"]),
        "T_LINES": str(tk["complete_lines"]), "T_BREAK": str(tk["break"]["line"]),
        "T_START": str(tk["break"]["line_starts_at_offset"]), "T_GOOD": ", ".join(tk["good_events"]),
        "T_ALL": str(tk["lines_in_complete_stream"]),
        "M_START": str(mk["break"]["line_starts_at_offset"]), "M_LEN": str(mk["break"]["line_length_bytes"]),
        "M_MSG": mk["break"]["json_error"], "M_POS": str(mk["break"]["json_error_pos_in_line"]),
        "M_OFF": str(mk["break"]["json_error_offset"]), "M_BAD": mk["bad_line_event_id"],
        "M_GOOD": ", ".join(mk["good_events"]), "M_BYTES": str(mk["decompressed_bytes"]),
        "NJ_BYTES": str(nj["decompressed_bytes"]), "NJ_LINES": str(nj["lines"]),
        "NG_BYTES": str(ng["bytes"]),
        "W_L3": str(wk["bad_lines"][0]["line_starts_at_offset"]), "W_L3ID": wk["bad_lines"][0]["wrapped_event_id"],
        "W_L5": str(wk["bad_lines"][1]["line_starts_at_offset"]), "W_L5ID": wk["bad_lines"][1]["event_id"],
        "W_GOOD": ", ".join(wk["good_events"]), "W_BYTES": str(wk["decompressed_bytes"]),
        "P_BYTES": str(pj["decompressed_bytes"]),
    }
    text = README_TEMPLATE
    for k, v in subs.items():
        text = text.replace("{{" + k + "}}", v)
    assert "{{" not in text, text[text.index("{{"):text.index("{{") + 40]
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as f:
        f.write(text)


README_TEMPLATE = r'''# GH Archive sample files (test data)

Inputs and answer key for the GH Archive importer's tests. Every person, org,
repository, id, hash and text here is invented (the two bot accounts use the
public ids of the real `dependabot[bot]` and `github-actions[bot]`).

**Generated:** `python tests/data/gharchive/make_samples.py` writes every file in
this directory, this README and `answer_key.json` included. To change anything,
edit the script and run it again; don't edit the outputs by hand. The script
uses only the stdlib and is deterministic: fixed ids and timestamps, gzip with
`mtime=0` and an empty file name in the header, so a rerun gives the same bytes.

## Files

| file | what it is | expected result |
|---|---|---|
| `2026-03-02-15.json.gz` | a valid hour: {{N15}} events, 4 repos (2 orgs + 1 user repo) | imports |
| `2026-03-02-16.json.gz` | the next hour: {{N16}} lines, one of them a byte-identical copy of an event from the 15:00 file | imports; the duplicate is imported once |
| `plain.json` | an uncompressed valid file, 5 events, non-ASCII written as `\u` escapes | imports (a decompressed copy of an hourly file) |
| `truncated.json.gz` | gzip stream cut off mid-stream | fails: EOF inside line {{T_BREAK}} |
| `malformed-line.json.gz` | 10 lines, line 7 is not JSON | fails at line 7 |
| `not-json.json.gz` | valid gzip of an mbox mail file | fails at line 1, offset 0 |
| `not-gzip.json.gz` | plain text (an HTML 404 page) despite the name | fails: not gzip (byte 0) |
| `wrong-shape.json.gz` | valid JSON on every line, but line 3 is an array and line 5 has no `"type"` | fails at lines 3 and 5 |
| `answer_key.json` | the answer key below, machine readable | |
| `make_samples.py` | the generator | |

Line numbers below count from 1 within the decompressed stream; byte offsets
are 0-based offsets into the decompressed bytes (UTF-8), a line's offset being
that of its first byte.

## Where the format comes from

* **GH Archive**: <https://www.gharchive.org/>. Hourly archives at
  `https://data.gharchive.org/YYYY-MM-DD-H.json.gz`; "Each archive contains JSON
  encoded events as reported by the GitHub API", recorded from the Events API
  since 2015-01-01. The crawler
  (<https://github.com/igrigorik/gharchive.org/blob/master/crawler/crawler.rb>)
  writes one JSON-encoded event per line, files each event by the hour of its
  `created_at` using `%Y-%m-%d-%-k` (so hours 0–9 are **not** zero-padded:
  `2026-03-02-5.json.gz`), and replaces the local part of e-mail addresses with
  its SHA1 (the samples do the same for push commit authors).
* **Event envelope and payloads**: GitHub Docs, "GitHub event types",
  <https://docs.github.com/en/rest/using-the-rest-api/github-event-types>. I read
  it from its source in the `github/docs` repository
  (`content/rest/using-the-rest-api/github-event-types.md` and
  `data/reusables/webhooks/*_properties.md`, which carry the per-product
  conditionals) and from a rendered github.com/GHEC copy of the page.
* **Nested objects** (pull request, issue, issue comment, review, review comment,
  release, repository, user) follow the REST object schemas the event-types page
  links to: <https://docs.github.com/en/rest/pulls/pulls>,
  <https://docs.github.com/en/rest/issues/issues>,
  <https://docs.github.com/en/rest/issues/comments>,
  <https://docs.github.com/en/rest/pulls/reviews>,
  <https://docs.github.com/en/rest/pulls/comments>,
  <https://docs.github.com/en/rest/releases/releases>. I did not re-read those
  pages field by field for this sample. The objects are also abridged (see
  "What is abridged" below).
* **The 2025 payload reduction**: GitHub changelog, 2025-08-08, "Upcoming changes
  to GitHub Events API payloads",
  <https://github.blog/changelog/2025-08-08-upcoming-changes-to-github-events-api-payloads/>.
  I could not open the post itself. What it says comes from quotations in other
  people's notes: pull request events lose "fields that are slow to generate and
  require costly database calls"; `author_association` is removed from Pull
  Request, Pull Request Review, Pull Request Review Comment, Issue, Issue
  Comment, Commit Comment and Discussion events; there was a brownout on
  2025-09-08 and the change went live on **2025-10-07**. Several other sources
  agree:
  * the current event-types page for github.com lists only `repository_id`,
    `push_id`, `ref`, `head` and `before` for PushEvent (`size`,
    `distinct_size` and `commits` are now GHES-only in the docs source). It also
    adds `merged` to the PullRequestEvent actions (`opened`, `closed`, `merged`,
    `reopened`, `assigned`, `unassigned`, `labeled`, `unlabeled`), gives
    PullRequestReviewEvent the actions `created`, `updated` and `dismissed`,
    gives ForkEvent `action: forked`, and gives CreateEvent/DeleteEvent a
    `full_ref`;
  * google/go-github#3665, <https://github.com/google/go-github/issues/3665>
    (tracking the announcement);
  * igrigorik/gharchive.org#312, <https://github.com/igrigorik/gharchive.org/issues/312>
    ("PushEvent no longer have the commits field as announced");
  * public test fixtures and notes that recorded the wire shape after the
    change, in which `payload.pull_request` is only `url`, `id`, `number`,
    `head`, `base`. This matches the REST OpenAPI schema `pull-request-minimal`:
    `head`/`base` = `{ref, sha, repo: {id, url, name}}`.

## What the samples model

### Envelope (all files)

* Keys in GH Archive order: `id, type, actor, repo, payload, public, created_at`,
  then `org` when the repo belongs to an organisation. Every event on a
  `marigold-dev/*` or `juniper-labs/*` repo has `org`; the events on
  `kit-ochieng/dotfiles` (a user repo) have none.
* `id` is a **string** of digits. The docs table says "integer", but the docs'
  own example and GH Archive use a string. Ids increase with time.
* `actor` has exactly `id, login, display_login, gravatar_id, url, avatar_url`.
  There is **no `type`**, so a bot can only be recognised by the `[bot]` suffix
  of `login`. `display_login` drops the suffix (`dependabot`, `github-actions`),
  and `avatar_url` ends in `?`. User objects nested in payloads (`user`,
  `merged_by`, `author`, ...) do carry `"type": "User"` or `"type": "Bot"`.
* ForkEvent: `repo` is the repository that was forked; `payload.forkee` is the
  new fork.
* Text: raw UTF-8 in the `.gz` files (emoji, accents, CJK, «», “”), with CRLF
  line ends in some bodies and `null` bodies on issue #3 and PR #19. In
  `plain.json` the same kind of text is written as `\uXXXX` escapes (surrogate
  pairs for emoji).

### Two payload shapes: `full` and `reduced`

Each event in the tables below has a `shape` column.

* **full**: the shape GH Archive carried until 2025-10-07, as documented
  before the reduction. PullRequestEvent carries the whole pull request
  (`id, node_id, number, title, body, user, state, created_at, updated_at,
  closed_at, merged_at, merged, merged_by, html_url, base.repo.full_name,
  additions, deletions, changed_files, comments, review_comments, ...`), and
  comments, reviews and issues carry `author_association`. PushEvent carries
  `size`, `distinct_size` and `commits`.
* **reduced**: the shape since 2025-10-07.
  * PullRequestEvent: `payload.pull_request` is only `url, id, number, head,
    base`. There is no title, user, state or merged flag. A merge is its own
    action `merged` (not `closed` + `merged: true`), and `closed` means closed
    without merging.
  * PullRequestReviewEvent: the same PR stub, and the review has no
    `author_association`.
  * IssuesEvent and IssueCommentEvent: full issue and comment objects, minus
    `author_association`.
  * PushEvent: only `repository_id, push_id, ref, head, before`.
  * ForkEvent: has `action: "forked"`.

The dates are 2026, so real files would all be reduced. The mix here is on
purpose. `juniper-labs/sprout` PR #8 is opened and reviewed in full shape at
15:00, then approved and **merged in reduced shape** at 16:00, so the merge
must not wipe the title and author learned earlier. `juniper-labs/sprout` PR #9
exists **only in reduced shape**.

### Rules the answer key assumes

* A PR is identified by `(repo, number)` or by the PR id (`pull_request.id`).
  In an IssueCommentEvent on a PR, `issue.pull_request` is present and
  `issue.id` is the **issue** id, which is not the PR id. Both ids are given
  below.
* Merged: PullRequestEvent `closed` with `pull_request.merged == true`, with
  `merged_by` taken from `pull_request.merged_by.login` (full shape); or
  action `merged`, with `merged_by` taken from the event's actor (reduced
  shape).
* Closed without merging: `closed` with `merged == false` (full), or `closed`
  (reduced).
* PR author: `pull_request.user.login`. For a PR seen only in reduced shape,
  use the actor of its `opened` event.
* The PR objects inside PullRequestReviewEvent and PullRequestReviewCommentEvent
  (full shape) are the shorter form. They have no `merged`, `merged_by`,
  `comments`, `review_comments`, `commits`, `additions`, `deletions` or
  `changed_files`. A missing `merged` is not `false`.
* Reviews: the Events API action is `created` (webhooks say `submitted`).
  `review.state` is **lowercase**: `approved`, `changes_requested`,
  `commented`, `dismissed` (the REST API and GraphQL use uppercase). A
  dismissal is a PullRequestReviewEvent with action `dismissed` and
  `review.state` `dismissed`. `review.user` is still the reviewer; the event
  actor is the person who dismissed it.
* Edited and deleted comments: the Events API documents only `created` for
  IssueCommentEvent and PullRequestReviewCommentEvent (edits and deletions
  exist only as webhooks), and the current IssuesEvent actions don't include
  `edited` either, so the samples have **no edited or deleted comment events**.
  State changes across the two files are covered instead by merges, closes,
  reopens, a review dismissal, and an issue that is closed and reopened.
* The `comments` and `review_comments` counters inside objects are GitHub's
  running totals and include activity from before the sample (issue #38's
  object says 5, PR #17's says 3). The answer key's comment counts are the
  comment **events** in the files.
* Duplicates: an event id already imported is skipped, whichever file it is in.

### What is abridged

User objects omit the `followers_url` / `repos_url` / `events_url` ... URL
templates. Repository objects omit the `*_url` templates, `git_url`,
`clone_url` and similar. Otherwise the keys listed above, and all the keys the
importer needs, are present. No labels are added or removed and nobody is
assigned.

## ANSWER KEY

The same data is in `answer_key.json`: per file, every event row (`line, id,
type, action, repo, org, actor, actor_is_bot, created_at, item, object, shape,
note`), type counts and filter counts, plus `after_importing_15_then_16` and the
break positions of the invalid files.

Ids used: event ids ≈ 3.04e10; PR ids 2.57–2.60e9; issue ids 2.87–2.92e9;
issue comment ids 2.689e9; review ids 2.712e9; review comment ids 1.988e9;
release ids 2.01e8; push ids 2.3e10.

### `2026-03-02-15.json.gz` ({{N15}} events)

{{TABLE_15}}

### `2026-03-02-16.json.gz` ({{N16}} lines)

Line 1 is a byte-identical copy of line 42 of the 15:00 file (event
{{DUP}}). It must be imported once.

{{TABLE_16}}

### Expected state after importing 15:00 then 16:00

{{NREAD}} lines are read, giving **{{NUNIQ}} unique events** (duplicate id:
{{DUP}}).

**Pull requests**

{{PRS}}

{{PR_NOTES}}

**Issues** (real issues only; PRs are listed above)

{{ISSUES}}

{{ISSUE_NOTES}}

Issue `marigold-dev/trellis#41` is the issue closed by someone other than its
author (jose-araujo opened it, amara-okafor closed it). `juniper-labs/sprout#7`
was also closed by a non-author (li-ming-dev), then reopened.

**Releases**

{{RELEASES}}

**Bots**: `dependabot[bot]` (id 49699333) and `github-actions[bot]` (id
41898282). Every other actor is a user. Events by bots ({{N_BOT_EVENTS}}):
{{BOT_EVENTS}}.

### Event counts per type

"lines" counts every line of a file; "16 new after dedup" leaves out the
duplicate.

{{COUNTS}}

### Filter counts (events that pass the filter)

The org filter matches `org.login` (here always the owner part of `repo.name`);
the repo filter matches `repo.name`.

{{FILTERS}}

### `plain.json` (uncompressed, {{P_BYTES}} bytes, 5 events)

This file is independent of the two hours: new ids and a new issue,
`kit-ochieng/dotfiles#4` (issue id 2911800004), authored by zoe-lindqvist.
After importing it, that issue is **open** with 1 comment. Its title is
“Typo in README: “colour” → “color”? 🇬🇧/🇺🇸”, stored as `\u` escapes.

{{TABLE_PLAIN}}

### Invalid files

The events inside the invalid files have their own ids (30414500001 and up),
which appear in no valid file. Their valid lines are only noise events (watch,
push, create), so importing them leaves the PR and issue state above unchanged.

* **`truncated.json.gz`**: a complete gzip of 8 events ({{T_FULL}} bytes,
  {{T_RAW}} bytes decompressed), cut to its first {{T_CUT}} bytes. There is no
  deflate end block and no CRC/size trailer, so decompression ends with
  `EOFError: Compressed file ended before the end-of-stream marker was reached`.
  zlib recovers **{{T_REC}} decompressed bytes**. Lines 1–{{T_LINES}} are
  complete and parse (events {{T_GOOD}}). **Line {{T_BREAK}}** starts at offset
  {{T_START}} and is cut off at offset {{T_REC}}. The rest of line {{T_BREAK}}
  and everything after it (the complete stream had {{T_ALL}} lines) is lost. Reading line by line with Python's `gzip.open(...)` yields the
  {{T_LINES}} complete lines and then raises `EOFError` (the partial line is not
  yielded).
* **`malformed-line.json.gz`**: 10 lines ({{M_BYTES}} bytes decompressed).
  **Line 7** starts at offset {{M_START}} and is {{M_LEN}} bytes long (ASCII). It
  is the JSON of event {{M_BAD}} cut off after `"actor":{...}`, with no closing
  brace. `json.loads` fails with "{{M_MSG}}" at position {{M_POS}} of the line
  (its end), which is decompressed offset {{M_OFF}}. The other 9 lines are
  valid events: {{M_GOOD}}.
* **`not-json.json.gz`**: a valid gzip stream; decompressed it is a
  {{NJ_BYTES}}-byte, {{NJ_LINES}}-line mbox file starting `From kit@example.net
  Mon Mar  2 15:00:00 2026`. It fails at **line 1, offset 0** (`F` cannot start a
  JSON value). There are no events.
* **`not-gzip.json.gz`**: {{NG_BYTES}} bytes of plain ASCII (an nginx-style
  `404 Not Found` HTML page). It fails at **compressed byte 0**: the first two
  bytes are `3c 68` (`<h`), not the gzip magic `1f 8b`, and Python raises
  `gzip.BadGzipFile: Not a gzipped file (b'<h')`. An importer that falls back
  to plain text fails at line 1, offset 0 (`<` is not JSON). There are no
  events.
* **`wrong-shape.json.gz`**: 6 lines ({{W_BYTES}} bytes decompressed), each
  valid JSON.
  * **Line 3** (offset {{W_L3}}) is a JSON **array** holding one event object
    (id {{W_L3ID}}).
  * **Line 5** (offset {{W_L5}}) is an event **object without `"type"`** (id
    {{W_L5ID}}; every other key is present).
  * Lines 1, 2, 4 and 6 are valid events: {{W_GOOD}}.

### Checking the files

```python
import gzip, json
with gzip.open("tests/data/gharchive/2026-03-02-15.json.gz", "rt", encoding="utf-8") as f:
    events = [json.loads(line) for line in f]
assert len(events) == {{N15}} and all(isinstance(e["id"], str) for e in events)
```
'''


if __name__ == "__main__":
    k = main()
    for name, info in k["files"].items():
        size = os.path.getsize(os.path.join(HERE, name))
        print(f"{name:28s} {size:6d} bytes  valid={info['valid']}")
