"""Write a deterministic synthetic git history with ``git fast-import``.

    python benchmarks/make_history.py PATH [--commits 100000] [--extra 100] [--seed 1]

PATH becomes a bare repository holding exactly ``--commits`` commits, all reachable from
its refs, shaped like a long-lived open-source project:

* a few thousand authors with a heavy-tailed (Zipf-like) share of the commits, some with
  two e-mail addresses, a handful of bots and translators; a few maintainers commit
  other people's patches (committer != author), and author dates of such commits lag
  behind their commit dates, as after a rebase;
* ``Co-authored-by:`` and ``Signed-off-by:`` trailers on some commits;
* ``main``, maintenance branches ``stable/N.x`` with backports, feature branches merged
  into ``main`` with merge commits (a few left unmerged), annotated release tags and
  lightweight tags;
* every ordinary commit changes 1-5 files across code, tests, docs, locale and CI paths
  (and now and then adds, deletes or touches a binary file); files grow and shrink by
  real line edits, so ``git log --numstat`` has numbers to report;
* dates spread over nine years, in the authors' own time zones.

``--extra K`` additionally writes K more commits on top of ``main`` to the ref
``refs/bench/next``, records its tip and that of ``main`` in ``PATH/bench-meta.json``, and
deletes the ref: pointing ``refs/heads/main`` at the recorded ``next`` tip later adds
exactly K new commits (the incremental-import benchmark), and pointing it back restores
the original history. The same arguments always give the same commit ids.

Only the standard library and ``git`` are needed.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import time
from bisect import bisect
from itertools import accumulate
from pathlib import Path

GENERATOR_VERSION = 1
START = 1420070400  # 2015-01-01T00:00:00Z
SPAN = 9 * 365 * 86400

FIRST = (
    "Alice Bob Carol David Erin Frank Grace Heidi Ivan Judy Mallory Niaj Olivia Peggy Rupert Sybil Trent "
    "Victor Walter Yasmin Zoë José Renée Søren Åsa Jürgen François Łukasz Ørjan Małgorzata Chloé Noémie "
    "Ahmed Fatima Wei Mei Hiroshi Yuki Priya Arjun Sanjay Olumide Chinwe Kwame Amara Diego Lucía Mateo "
    "Valentina Sven Ingrid Pavel Olga Dmitri Anya Tomás Inês Giulia Marco Nikos Eleni Kemal Ayşe"
).split()
LAST = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez "
    "Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sánchez Clark "
    "Müller Schmidt Schneider Fischer Weber Dubois Lefèvre Rossi Russo Novák Kowalski Nowak Ivanov "
    "Petrov Yamamoto Tanaka Suzuki Wang Li Zhang Liu Chen Singh Kumar Patel Okafor Mensah Silva Santos "
    "Pereira Costa Johansson Nielsen Hansen Jensen Öztürk Yılmaz Papadopoulos O'Brien"
).split()
DOMAINS = ("example.com", "example.org", "example.net", "mail.example", "corp.example", "uni.example")
TZ = ("+0000", "+0100", "+0200", "+0300", "-0500", "-0400", "-0700", "-0800", "+0530", "+0800", "+0900", "-0300")
BOTS = (
    ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"),
    ("pre-commit-ci[bot]", "66853113+pre-commit-ci[bot]@users.noreply.github.com"),
    ("Weblate (bot)", "hosted@weblate.org"),
)
LANGS = "de fr es it pt_BR nl sv da nb fi pl cs ru uk tr el ja zh_Hans ko hi ar he fa id vi".split()
PACKAGES = "core api cli web models storage auth search sync utils plugins reports i18n".split()
WORDS = (
    "request response cache value index record user group item entry token session config option "
    "handler parser render widget query result error limit offset buffer stream event signal hook "
    "schema field column table filter order batch chunk queue worker task job timeout retry path"
).split()
VERBS = "Fix Add Remove Update Refactor Simplify Document Test Rename Improve Speed up Handle Support Drop".split()
PREFIXES = ("", "", "", "", "fix: ", "feat: ", "docs: ", "chore: ", "refactor: ", "test: ", "ci: ")


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


class People:
    """Authors with Zipf-like weights, plus maintainers, translators and bots."""

    def __init__(self, rng: random.Random, n: int):
        self.rng = rng
        self.people = []
        for i in range(n):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            name = f"{first} {last}"
            login = f"{first}{last}{i}".lower().encode("ascii", "ignore").decode().replace("'", "")
            if rng.random() < 0.25:
                email = f"{1000000 + i * 37}+{login}@users.noreply.github.com"
            else:
                email = f"{login}@{rng.choice(DOMAINS)}"
            emails = [email]
            if rng.random() < 0.1:  # a second address: work and personal
                emails.append(f"{first.lower()}.{i}@{rng.choice(DOMAINS)}".encode("ascii", "ignore").decode())
            self.people.append((name, emails, rng.choice(TZ)))
        # heavy tail: weight of the r-th most active person ~ 1 / r^1.1
        self.cum = list(accumulate(1.0 / (r + 1) ** 1.1 for r in range(n)))
        self.maintainers = list(range(min(15, n)))
        self.translators = list(range(n - 1, max(n - 60, 0), -1))  # rare contributors, each a language

    def pick(self) -> int:
        return bisect(self.cum, self.rng.random() * self.cum[-1])

    def ident(self, who: int, when: int) -> str:
        name, emails, tz = self.people[who]
        email = emails[0] if len(emails) == 1 or self.rng.random() < 0.7 else emails[1]
        return f"{name} <{email}> {when} {tz}"

    @staticmethod
    def bot(which: int, when: int) -> str:
        name, email = BOTS[which]
        return f"{name} <{email}> {when} +0000"

    def trailer(self, who: int) -> str:
        name, emails, _ = self.people[who]
        return f"{name} <{emails[0]}>"


class Content:
    """File contents as tuples of lines; edits that keep each file near its own target size."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.pools = {
            "code": [self._code_line(rng) for _ in range(4000)],
            "docs": [_words(rng, rng.randint(3, 14)).capitalize() + "." for _ in range(3000)],
            "po": [f'msgid "{_words(rng, rng.randint(1, 6))}"\nmsgstr "{_words(rng, rng.randint(1, 6))}"' for _ in range(2000)],
            "yaml": [f"{'  ' * rng.randint(0, 3)}{rng.choice(WORDS)}: {rng.choice(WORDS)}" for _ in range(500)],
        }

    @staticmethod
    def _code_line(rng: random.Random) -> str:
        indent = "    " * rng.choice((0, 1, 1, 2, 2, 2, 3))
        a, b, c = rng.choice(WORDS), rng.choice(WORDS), rng.choice(WORDS)
        return rng.choice((
            f"{indent}{a}_{b} = {c}({rng.randint(0, 999)})",
            f"{indent}def {a}_{b}(self, {c}):",
            f"{indent}return self.{a}.get({b!r}, {c})",
            f"{indent}if {a} is not None and {b} > {rng.randint(0, 99)}:",
            f"{indent}# {a} {b} {c}: keep in sync with {rng.choice(WORDS)}",
            f"{indent}for {a} in {b}_{c}:",
            f"{indent}raise {a.capitalize()}Error(f\"bad {b}: {{{c}}}\")",
            "",
        ))

    def pool(self, path: str) -> list[str]:
        if path.endswith(".po"):
            return self.pools["po"]
        if path.endswith((".md", ".rst")):
            return self.pools["docs"]
        if path.endswith((".yml", ".toml", ".txt", "Makefile")):
            return self.pools["yaml"]
        return self.pools["code"]

    def target(self) -> int:
        return max(5, min(2000, int(self.rng.lognormvariate(4.1, 0.8))))  # median ~60 lines

    def new(self, path: str, target: int) -> tuple[str, ...]:
        pool = self.pool(path)
        return tuple(self.rng.choices(pool, k=max(1, target // 2 + self.rng.randint(0, target))))

    def edit(self, path: str, lines: tuple[str, ...], target: int) -> tuple[str, ...]:
        rng, pool = self.rng, self.pool(path)
        out = list(lines)
        hunks = rng.choice((1, 1, 1, 2, 2, 3))
        grow = 0.7 if len(out) < target * 0.7 else 0.2 if len(out) > target * 1.3 else 0.5
        for _ in range(hunks):
            pos = rng.randint(0, len(out))
            dele = int(rng.expovariate(1 / 3)) if rng.random() > grow else rng.randint(0, 2)
            add = int(rng.expovariate(1 / 5)) + 1 if rng.random() < grow else rng.randint(0, 2)
            if dele == 0 and add == 0:
                add = 1
            out[pos : pos + dele] = rng.choices(pool, k=add)
        if not out or tuple(out) == lines:
            out.append(rng.choice(pool) + f"  # {len(out)}")
        return tuple(out)


AREAS = {"code": "src/", "tests": "tests/", "docs": "docs/", "locale": "locale/", "infra": ".github/"}


def _area_of(path: str) -> str:
    for area, prefix in AREAS.items():
        if path.startswith(prefix):
            return area
    return "other"


class Branch:
    """A ref being written: its tree as path -> (blob mark, lines), files by area in creation order."""

    def __init__(self, ref: str, tip: int | None = None, files: dict | None = None, areas: dict | None = None):
        self.ref, self.tip = ref, tip
        self.files: dict[str, tuple[int, tuple[str, ...] | None]] = files if files is not None else {}
        self.areas: dict[str, list[str]] = areas if areas is not None else {a: [] for a in [*AREAS, "other"]}
        self.changed: dict[str, int | None] = {}  # since the fork: path -> blob mark, None when deleted
        self.fresh = True  # the next commit must name its parent with "from"
        self.planned = 0
        self.commits = 0

    def fork(self, ref: str) -> "Branch":
        return Branch(ref, self.tip, dict(self.files), {a: list(paths) for a, paths in self.areas.items()})

    def put(self, path: str, mark: int, lines) -> None:
        if path not in self.files:
            self.areas[_area_of(path)].append(path)
        self.files[path] = (mark, lines)
        self.changed[path] = mark

    def delete(self, path: str) -> None:
        del self.files[path]
        self.areas[_area_of(path)].remove(path)
        self.changed[path] = None


class Writer:
    def __init__(self, stream, seed: int, people: int):
        self.out = stream
        self.rng = random.Random(seed)
        self.people = People(self.rng, people)
        self.content = Content(self.rng)
        self.mark = 0
        self.clock = START
        self.step = 1.0
        self.targets: dict[str, int] = {}
        self.commits = 0
        self.pr = 1000

    # --- raw fast-import commands -------------------------------------------------
    def _next_mark(self) -> int:
        self.mark += 1
        return self.mark

    def _data(self, payload: bytes) -> None:
        self.out.write(b"data %d\n" % len(payload))
        self.out.write(payload)
        self.out.write(b"\n")

    def blob(self, payload: bytes) -> int:
        mark = self._next_mark()
        self.out.write(b"blob\nmark :%d\n" % mark)
        self._data(payload)
        return mark

    def commit(self, branch: Branch, author: str, committer: str, message: str, changes: list[str],
               merge: int | None = None) -> int:
        mark = self._next_mark()
        head = [f"commit {branch.ref}", f"mark :{mark}", f"author {author}", f"committer {committer}"]
        self.out.write(("\n".join(head) + "\n").encode())
        self._data(message.encode())
        tail = []
        if branch.fresh and branch.tip is not None:
            tail.append(f"from :{branch.tip}")
        branch.fresh = False
        if merge is not None:
            tail.append(f"merge :{merge}")
        tail.extend(changes)
        self.out.write(("\n".join(tail) + "\n\n").encode() if tail else b"\n")
        branch.tip = mark
        branch.commits += 1
        self.commits += 1
        return mark

    def tag(self, name: str, commit: int, tagger: str, message: str) -> None:
        self.out.write(f"tag {name}\nfrom :{commit}\ntagger {tagger}\n".encode())
        self._data(message.encode())

    def lightweight(self, ref: str, commit: int) -> None:
        self.out.write(f"reset {ref}\nfrom :{commit}\n\n".encode())

    # --- the project's life ---------------------------------------------------------
    def tick(self) -> tuple[int, int]:
        self.clock += max(1, int(self.rng.expovariate(1 / self.step)))
        committed = self.clock
        authored = committed
        if self.rng.random() < 0.3:  # rebased, amended or applied later
            authored -= int(self.rng.expovariate(1 / 86400))
        return authored, committed

    def new_path(self, area: str) -> str:
        rng = self.rng
        for attempt in range(1000):
            tail = f"{attempt // 20}" if attempt >= 20 else ""  # when the short names run out
            if area == "code":
                path = f"src/seedling/{rng.choice(PACKAGES)}/{rng.choice(WORDS)}_{rng.choice(WORDS)}{tail}.py"
            elif area == "tests":
                path = f"tests/{rng.choice(PACKAGES)}/test_{rng.choice(WORDS)}_{rng.choice(WORDS)}{tail}.py"
            elif area == "docs":
                ext = rng.choice((".rst", ".rst", ".md"))
                section = rng.choice(("guide", "howto", "reference", "topics", "releases"))
                path = f"docs/{section}/{rng.choice(WORDS)}-{rng.choice(WORDS)}{tail}{ext}"
            elif area == "locale":
                path = f"locale/{rng.choice(LANGS)}/LC_MESSAGES/{rng.choice(('django', 'djangojs', 'cli'))}{tail}.po"
            else:
                path = f".github/workflows/{rng.choice(WORDS)}{tail}.yml"
            if path not in self.targets:
                self.targets[path] = self.content.target()
                return path
        raise RuntimeError(f"no new path left in {area}")

    def change_file(self, branch: Branch, path: str, changes: list[str], new: bool = False) -> None:
        target = self.targets.setdefault(path, self.content.target())
        if path.endswith(".png"):
            lines = None
            mark = self.blob(self.rng.randbytes(self.rng.randint(200, 3000)) + b"\0")
        else:
            old = branch.files.get(path)
            if new or old is None or old[1] is None:
                lines = self.content.new(path, target)
            else:
                lines = self.content.edit(path, old[1], target)
            mark = self.blob(("\n".join(lines) + "\n").encode())
        branch.put(path, mark, lines)
        changes.append(f"M 100644 :{mark} {self._quote(path)}")

    @staticmethod
    def _quote(path: str) -> str:
        if any(c in path for c in ' "\\\n') or path.startswith('"'):
            return '"' + path.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        return path

    def initial(self, branch: Branch) -> None:
        changes: list[str] = []
        for path in ("README.md", "pyproject.toml", "requirements.txt", "Makefile", ".github/workflows/ci.yml",
                     "docs/index.rst", "docs/guide/café guide.md"):
            self.change_file(branch, path, changes, new=True)
        for area, n in (("code", 40), ("tests", 15), ("docs", 10), ("locale", 8)):
            for _ in range(n):
                self.change_file(branch, self.new_path(area), changes, new=True)
        _, committed = self.tick()
        who = self.people.ident(0, committed)
        self.commit(branch, who, who, "Initial import\n", changes)

    def ordinary(self, branch: Branch, backport: bool = False) -> None:
        rng, people = self.rng, self.people
        area = rng.choices(("code", "tests", "docs", "locale", "infra", "deps"), (55, 14, 12, 10, 4, 5))[0]
        authored, committed = self.tick()
        author_id = people.pick()
        bot = None
        if area == "deps" and rng.random() < 0.6:
            bot = 0
        elif area == "infra" and rng.random() < 0.2:
            bot = 1
        elif area == "locale":
            if rng.random() < 0.3:
                bot = 2
            else:
                author_id = rng.choice(people.translators)
        nfiles = rng.choices((1, 2, 3, 4, 5), (40, 25, 15, 12, 8))[0]
        paths = self._choose(branch, area, nfiles)
        changes: list[str] = []
        for path, how in paths:
            if how == "D":
                branch.delete(path)
                changes.append(f"D {self._quote(path)}")
            else:
                self.change_file(branch, path, changes, new=how == "A")
        title = self._title(area, paths[0][0])
        if backport:
            title = f"[{branch.ref.rsplit('/', 1)[-1]}] {title}"
        lines = [title, ""]
        if rng.random() < 0.55:
            for _ in range(rng.randint(1, 3)):
                lines.append(_words(rng, rng.randint(6, 14)).capitalize() + ".")
            lines.append("")
        if rng.random() < 0.1:
            lines.append(f"Fixes #{rng.randint(1, 20000)}")
        if bot is None and rng.random() < 0.04:
            for _ in range(rng.choice((1, 1, 2))):
                lines.append(f"Co-authored-by: {people.trailer(people.pick())}")
        if rng.random() < 0.08:
            lines.append(f"Signed-off-by: {people.trailer(author_id)}")
        message = "\n".join(lines).strip("\n") + "\n"
        if bot is not None:
            author, committer = people.bot(bot, authored), people.bot(bot, committed)
        else:
            author = people.ident(author_id, authored)
            who = rng.choice(people.maintainers) if rng.random() < 0.12 else author_id  # applied by a maintainer
            committer = people.ident(who, committed)
        self.commit(branch, author, committer, message, changes)

    def _title(self, area: str, path: str) -> str:
        rng = self.rng
        stem = path.rsplit("/", 1)[-1].split(".")[0]
        if area == "locale":
            return f"Translated using Weblate ({path.split('/')[1]})"
        if area == "deps":
            return f"Bump {rng.choice(WORDS)}-{rng.choice(WORDS)} from 1.{rng.randint(0, 30)} to 1.{rng.randint(31, 60)}"
        return f"{rng.choice(PREFIXES)}{rng.choice(VERBS)} {rng.choice(WORDS)} {rng.choice(WORDS)} in {stem}"

    def _choose(self, branch: Branch, area: str, n: int) -> list[tuple[str, str]]:
        """(path, A|M|D) for one commit: mostly files of one area, early (old) files more often."""
        rng = self.rng
        if area == "deps":
            return [("requirements.txt", "M")] + ([("pyproject.toml", "M")] if n > 1 else [])
        candidates = branch.areas[area]
        tests = branch.areas["tests"]
        chosen: dict[str, str] = {}
        for _ in range(n):
            r = rng.random()
            if r < 0.035 or not candidates:
                chosen.setdefault(self.new_path(area), "A")
            elif r < 0.045 and len(candidates) > 5 and area != "infra":
                chosen.setdefault(candidates[int(len(candidates) * rng.random() ** 2)], "D")
            elif r < 0.05:
                chosen.setdefault(f"docs/_static/figure-{rng.randint(1, 40)}.png", "M")
            else:
                chosen.setdefault(candidates[int(len(candidates) * rng.random() ** 2)], "M")
            if area == "code" and tests and rng.random() < 0.3:  # with its test
                chosen.setdefault(tests[int(len(tests) * rng.random() ** 2)], "M")
            if len(chosen) >= n:
                break
        return list(chosen.items())[:5]

    def merge(self, target: Branch, other: Branch, message: str, take_changes: bool = True) -> None:
        """A merge commit on ``target``; its tree takes every file ``other`` changed (theirs wins)."""
        _, committed = self.tick()
        maintainer = self.rng.choice(self.people.maintainers)
        if self.rng.random() < 0.5:
            committer = f"GitHub <noreply@github.com> {committed} +0000"
        else:
            committer = self.people.ident(maintainer, committed)
        author = self.people.ident(maintainer, committed)
        changes = []
        if take_changes:
            for path, mark in sorted(other.changed.items()):
                if mark is None:
                    if path in target.files:
                        target.delete(path)
                        changes.append(f"D {self._quote(path)}")
                elif target.files.get(path, (None,))[0] != mark:
                    target.put(path, mark, other.files[path][1])
                    changes.append(f"M 100644 :{mark} {self._quote(path)}")
        self.commit(target, author, committer, message, changes, merge=other.tip)


def generate(stream, commits: int, extra: int, seed: int, authors: int) -> dict:
    """Write the fast-import stream; return the refs to delete afterwards and the extension's ref."""
    w = Writer(stream, seed, authors)
    w.step = SPAN / max(commits + extra, 1)
    rng = w.rng
    main = Branch("refs/heads/main")
    w.initial(main)
    stables: list[Branch] = []
    features: list[Branch] = []
    merged: list[str] = []
    patch: dict[str, int] = {}
    release = 0
    release_every = max(commits // 14, 50)
    feature_no = 0
    while w.commits < commits:
        left = commits - w.commits
        r = rng.random()
        if r < 0.006 and len(features) < 4 and left > 20:  # a contributor forks a feature branch
            feature_no += 1
            feature = main.fork(f"refs/heads/feature/{feature_no}-{rng.choice(WORDS)}-{rng.choice(WORDS)}")
            feature.planned = rng.randint(1, 12)
            features.append(feature)
        elif r < 0.10 and features:
            feature = rng.choice(features)
            if feature.commits < feature.planned:
                w.ordinary(feature)
                continue
            features.remove(feature)
            if rng.random() < 0.93:  # else abandoned: it stays a branch of its own
                w.pr += rng.randint(1, 40)
                login = feature.ref.split("/", 3)[-1]
                w.merge(main, feature, f"Merge pull request #{w.pr} from contributor/{login}\n\n{_words(rng, 6)}\n")
                merged.append(feature.ref)
        elif r < 0.14 and stables:  # a backport, now and then a bug-fix release
            stable = stables[-1] if rng.random() < 0.8 or len(stables) == 1 else stables[-2]
            w.ordinary(stable, backport=True)
            if rng.random() < 0.04:
                patch[stable.ref] += 1
                version = stable.ref.rsplit("/", 1)[-1][:-2]
                w.tag(f"v{version}.0.{patch[stable.ref]}", stable.tip, w.people.ident(0, w.clock), "Bug-fix release\n")
        elif r < 0.1405 and stables:  # merge-forward of the maintenance branch, keeping main's tree
            w.merge(main, stables[-1], f"Merge branch '{stables[-1].ref.split('/', 2)[-1]}' into main\n", take_changes=False)
        else:
            w.ordinary(main)
            if w.commits // release_every > release and w.commits < commits:
                release += 1
                w.tag(f"v{release}.0.0", main.tip, w.people.ident(0, w.clock), f"Release {release}.0\n\n{_words(rng, 10)}\n")
                if release % 3 == 0:
                    w.lightweight(f"refs/tags/snapshot-{release}", main.tip)
                stables.append(main.fork(f"refs/heads/stable/{release}.x"))
                patch[stables[-1].ref] = 0
    if extra:  # K more commits on top of main, for the incremental import
        following = main.fork("refs/bench/next")
        for _ in range(extra):
            w.ordinary(following)
    stream.write(b"done\n")
    return {"delete": merged, "next": "refs/bench/next" if extra else None}


def make(path: Path, commits: int, extra: int = 100, seed: int = 1, authors: int = 3000, quiet: bool = False) -> dict:
    """Build the repository at ``path`` (replacing whatever is there) and return its metadata."""
    if path.exists():
        shutil.rmtree(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(path)], check=True)
    subprocess.run(["git", "-C", str(path), "config", "gc.auto", "0"], check=True)
    proc = subprocess.Popen(
        ["git", "-C", str(path), "fast-import", "--quiet", "--done", "--active-branches=64"],
        stdin=subprocess.PIPE,
    )
    try:
        info = generate(proc.stdin, commits, extra, seed, authors)
        proc.stdin.close()
    except BrokenPipeError:
        info = None
    if proc.wait() != 0 or info is None:
        raise SystemExit("git fast-import failed")
    git = ["git", "-C", str(path)]
    meta = {"generator": GENERATOR_VERSION, "commits": commits, "extra": extra, "seed": seed, "authors": authors}
    meta["main"] = subprocess.run(git + ["rev-parse", "refs/heads/main"], capture_output=True, text=True, check=True).stdout.strip()
    if info["next"]:
        meta["next"] = subprocess.run(git + ["rev-parse", info["next"]], capture_output=True, text=True, check=True).stdout.strip()
        info["delete"].append(info["next"])
    # merged feature branches go away, as they would on a forge
    subprocess.run(git + ["update-ref", "--stdin"], input="".join(f"delete {r}\n" for r in info["delete"]),
                   text=True, check=True)
    counted = int(subprocess.run(git + ["rev-list", "--all", "--count"], capture_output=True, text=True, check=True).stdout)
    if counted != commits:
        raise SystemExit(f"generated {counted} reachable commits, expected {commits}")
    meta["refs"] = len(subprocess.run(git + ["for-each-ref"], capture_output=True, text=True, check=True).stdout.splitlines())
    meta["seconds"] = round(time.monotonic() - started, 1)
    (path / "bench-meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    if not quiet:
        print(f"{path}: {commits} commits (+{extra} on refs/bench/next, not kept), {meta['refs']} refs, "
              f"{meta['seconds']} s", file=sys.stderr)
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="where to create the bare repository (replaced if it exists)")
    parser.add_argument("--commits", type=int, default=100_000, help="commits reachable from the refs (default 100000)")
    parser.add_argument("--extra", type=int, default=100, help="commits of the incremental extension (default 100)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--authors", type=int, default=3000)
    args = parser.parse_args(argv)
    if args.commits < 2:
        parser.error("--commits must be at least 2")
    make(args.path, args.commits, args.extra, args.seed, args.authors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
