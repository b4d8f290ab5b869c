"""Code work in the demo: git commits and the forge around them (pull requests, reviews, issues).

Pure; mixed into seedbed.demo.timeline.Timeline, whose helpers (emit, pools, type_for...)
these methods use. Keys follow the real importers: a commit is its sha, a co-authorship is
"<sha>:co-authored:<email>".
"""
from __future__ import annotations

from seedbed.demo import text
from seedbed.demo.pools import Item
from seedbed.demo.population import DAY, WINDOW, Member

ORG = "https://github.com/seedbed-demo"
REPO_FOR = {
    "code": ("marigold", "marigold-mobile"), "test": ("marigold", "marigold-mobile"), "security": ("marigold",),
    "maintenance": ("marigold", "marigold-mobile"), "a11y": ("marigold-mobile", "marigold-website"),
    "translation": ("marigold",), "doc": ("marigold-docs",), "blog": ("marigold-website",),
    "content": ("marigold-website",), "design": ("marigold-website", "marigold-mobile"),
    "example": ("marigold-examples",), "tool": ("marigold-cli",), "plugin": ("marigold-plugins",),
    "data": ("species-data",), "infra": ("marigold-infra",), "platform": ("marigold-packaging",),
}
COMMIT_TYPES = tuple(text.COMMIT)
ISSUE_TYPES = tuple(text.ISSUE)
SMALL = {"doc", "translation", "content", "blog", "a11y", "security"}


class ForgeActions:
    def sha(self) -> str:
        return f"{self.rng.getrandbits(160):040x}"

    def lines(self, ctype: str) -> tuple[int, int, int]:
        rng = self.rng
        added = 1 + int(rng.lognormvariate(2.0 if ctype in SMALL else 3.0, 1.2))
        removed = int(added * rng.random() * 0.7)
        return added, removed, 1 + min(60, int(rng.lognormvariate(0.3, 0.9)))

    def commit(self, identity: int, s: int, ctype: str, repo: str, title: str, committer: int | None = None) -> int:
        sha = self.sha()
        added, removed, files = self.lines(ctype)
        return self.emit(
            identity, "git", sha, "commit", ctype, s, channel=repo, title=title, url=f"{ORG}/{repo}/commit/{sha}",
            size=added + removed, files_changed=files, lines_added=added, lines_removed=removed, committer=committer,
        )

    def do_commit(self, m: Member, s: int) -> None:
        rng = self.rng
        ctype = self.type_for(m, COMMIT_TYPES, "code")
        repo = rng.choice(REPO_FOR[ctype])
        committer = None
        if rng.random() < 0.12:
            maintainer = self.active_maintainer(s, m.index)
            if maintainer is not None:
                committer = self.book.get(maintainer, "git", s)
        identity = self.book.get(m, "git", s)
        index = self.commit(identity, s, ctype, repo, text.fill(rng, text.COMMIT[ctype]), committer)
        self.pools["commits"].add(self.item(index, s, m.index, ctype))

    def item(self, index: int, s: int, person: int, ctype: str) -> Item:
        a = self.c.activities[index]
        return Item(index=index, s=s, person=person, platform=a.platform, key=a.key, thread=a.thread_key or a.key,
                    channel=a.channel, ctype=ctype, url=a.url, title=a.title)

    def do_co_author(self, m: Member, s: int) -> None:
        target = self.pools["commits"].pick(self.rng, s, m.index)
        if target is None:
            return self.do_commit(m, s)
        identity = self.book.get(m, "git", s)
        email = self.c.identities[identity].email.lower()
        key = f"{target.key}:co-authored:{email}"
        if ("co", key) in self.acted:
            return self.do_commit(m, s)
        self.acted.add(("co", key))
        commit = self.c.activities[target.index]
        self.emit(
            identity, "git", key, "co-authored", commit.contribution_type, target.s, channel=commit.channel,
            parent_key=commit.key, parent=target.index, title=commit.title, url=commit.url, size=commit.size,
            files_changed=commit.files_changed, lines_added=commit.lines_added, lines_removed=commit.lines_removed,
            extra={"commit": commit.key},
        )

    def number(self, repo: str) -> int:
        return self.next(f"gh:{repo}")  # issues and pull requests share one sequence per repository

    def do_pr(self, m: Member, s: int) -> None:
        rng = self.rng
        ctype = self.type_for(m, COMMIT_TYPES, "code")
        repo = rng.choice(REPO_FOR[ctype])
        self.pull_request(self.book.get(m, "github", s), m.index, s, ctype, repo, text.fill(rng, text.COMMIT[ctype]))

    def pull_request(self, identity: int, person: int, s: int, ctype: str, repo: str, title: str) -> int:
        rng = self.rng
        n = self.number(repo)
        added, removed, files = self.lines(ctype)
        if s > WINDOW - 14 * DAY and rng.random() < 0.6:
            state = "open"
        else:
            state = "merged" if rng.random() < 0.8 else "closed"
        body = rng.choice(["", f"Closes #{max(1, n - rng.randint(1, 40))}.", "Tests included.", "Draft: feedback welcome."])
        key = f"pr:{repo}#{n}"
        index = self.emit(
            identity, "github", key, "pull-request", ctype, s, channel=repo, thread_key=key, title=title, body=body,
            url=f"{ORG}/{repo}/pull/{n}", size=added + removed, files_changed=files, lines_added=added,
            lines_removed=removed, merged=state == "merged", extra={"state": state},
        )
        item = self.item(index, s, person, ctype)
        self.pools["prs"].add(item)
        self.prs.append(item)
        return index

    def do_review(self, m: Member, s: int) -> None:
        rng = self.rng
        target = self.pools["prs"].pick(rng, s, m.index)
        if target is None:
            return self.do_issue_comment(m, s)
        identity = self.book.get(m, "github", s)
        state = rng.choices(["APPROVED", "COMMENTED", "CHANGES_REQUESTED"], (55, 25, 20))[0]
        body = text.fill(rng, text.REVIEW[state])
        review_id = self.next("gh:review", step=40)
        index = self.emit(
            identity, "github", f"review:{review_id}", "review", "review", s, channel=target.channel,
            parent_key=target.key, thread_key=target.key, parent=target.index, body=body,
            url=f"{target.url}#pullrequestreview-{review_id}", size=text.words(body), extra={"state": state},
        )
        target.answers.append(index)
        if body in text.REVIEW_THANKING_AUTHOR:
            self.c.truth.not_help.append(index)

    def do_issue(self, m: Member, s: int) -> None:
        rng = self.rng
        ctype = self.type_for(m, ISSUE_TYPES, "bug")
        repo = rng.choice(REPO_FOR.get(ctype, ("marigold", "marigold-mobile")))
        n = self.number(repo)
        key = f"issue:{repo}#{n}"
        body = rng.choice(["Steps to reproduce are below.", "Seen on the latest release.", "Screenshot attached.", ""])
        index = self.emit(
            self.book.get(m, "github", s), "github", key, "issue", ctype, s, channel=repo, thread_key=key,
            title=text.fill(rng, text.ISSUE[ctype]), body=body, url=f"{ORG}/{repo}/issues/{n}", size=text.words(body),
        )
        self.pools["issues"].add(self.item(index, s, m.index, ctype))

    def do_issue_comment(self, m: Member, s: int) -> None:
        rng = self.rng
        pool = self.pools["prs"] if rng.random() < 0.35 else self.pools["issues"]
        target = pool.pick(rng, s, m.index)
        if target is None:
            return self.do_issue(m, s)
        thanking = m.persona == "maintainer" and rng.random() < 0.2
        body = text.fill(rng, text.ISSUE_COMMENT_THANKS if thanking else text.ISSUE_COMMENT)
        if m.persona == "helper":
            ctype = "support"
        else:
            ctype = rng.choice(["bug", "bug", "projectManagement"]) if target.ctype in ISSUE_TYPES else "review"
        comment_id = self.next("gh:comment", step=30)
        index = self.emit(
            self.book.get(m, "github", s), "github", f"comment:{comment_id}", "comment", ctype, s,
            channel=target.channel, parent_key=target.key, thread_key=target.key, parent=target.index, body=body,
            url=f"{target.url}#issuecomment-{comment_id}", size=text.words(body),
        )
        target.answers.append(index)
        if thanking:
            self.c.truth.not_help.append(index)

    def do_release(self, m: Member, s: int) -> None:
        rng = self.rng
        repo = "marigold" if rng.random() < 0.75 else "marigold-mobile"
        major, minor, patch = self.versions.get(repo, (1, 0, 0))
        if rng.random() < 0.3:
            patch += 1
        elif minor >= 9 and rng.random() < 0.3:
            major, minor, patch = major + 1, 0, 0
        else:
            minor, patch = minor + 1, 0
        self.versions[repo] = (major, minor, patch)
        version = f"{major}.{minor}.{patch}"
        body = text.fill(rng, text.RELEASE_NOTES)
        label = "Marigold" if repo == "marigold" else "Marigold Mobile"
        index = self.emit(
            self.book.get(m, "github", s), "github", f"release:{repo}@v{version}", "release", "maintenance", s,
            channel=repo, title=f"{label} {version}", body=body, url=f"{ORG}/{repo}/releases/tag/v{version}",
            size=text.words(body), extra={"tag": f"v{version}"},
        )
        self.c.truth.not_help.append(index)
