"""GH Archive import speed: parsing and filtering an hour of events, and importing it.

    .venv/bin/python benchmarks/gharchive_import.py [--events 200000] [--runs 3] [--json]
    .venv/bin/python benchmarks/gharchive_import.py --smoke     # what .ci/run does: 5,000 events, 1 run

The hour is written by this script from a seeded random generator, in GH Archive's shape
(one JSON event per line, gzip): the mix of event types of a 2024 hour (pushes 55 %, branch
creation 12 %, pull requests 7 %, stars 6 %, comments 4 % …), full pull request objects with
their head and base repositories as the API wrote them before its 2025 trimming (15-25 KB a
line), 30,000 repositories of 12,000 owners, one owner ("bench-org") with 1 % of the events.
Each run, pinned to CPU 0 with ``taskset`` when it exists:

* parse org / parse all: read, decompress, filter and turn into items in this process
  (``jsonlines`` + ``gharchive_events``), for ``--org bench-org`` and for ``--all``;
* import org / import all: ``seedbed import gharchive FILE …`` as a subprocess into a fresh
  SQLite file (Python start-up included; database creation not: ``seedbed stats`` makes it);
* again: the same org import once more (the file is unchanged: the cost of asking).

The issue's targets: at least 30,000 events per second parsed and filtered on one core,
and the whole file's import within 2x of parsing it.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
BIN = Path(sys.executable).parent
MIX = [("PushEvent", 55), ("CreateEvent", 12), ("PullRequestEvent", 7), ("WatchEvent", 6), ("IssueCommentEvent", 4),
       ("DeleteEvent", 3), ("PullRequestReviewEvent", 3), ("IssuesEvent", 2), ("PullRequestReviewCommentEvent", 2),
       ("ForkEvent", 2), ("ReleaseEvent", 0.5), ("GollumEvent", 1), ("MemberEvent", 0.5), ("PublicEvent", 0.3)]
WORDS = "the a fix add test docs build cache sync parser release update remove support for with when".split()


def _user(rng, uid: int) -> dict:
    login = f"user{uid}" if uid % 50 else f"bot{uid}[bot]"
    return {"login": login, "id": uid, "node_id": f"MDQ6VXNlcj{uid}", "avatar_url": f"https://avatars.githubusercontent.com/u/{uid}?v=4",
            "gravatar_id": "", "url": f"https://api.github.com/users/{login}", "html_url": f"https://github.com/{login}",
            **{f"{k}_url": f"https://api.github.com/users/{login}/{k}" for k in
               ("followers", "following", "gists", "starred", "subscriptions", "organizations", "repos", "events",
                "received_events")},
            "type": "Bot" if login.endswith("[bot]") else "User", "site_admin": False}


def _repo_obj(rng, name: str, rid: int, owner: dict) -> dict:
    api = f"https://api.github.com/repos/{name}"
    return {"id": rid, "node_id": f"R_kgDO{rid}", "name": name.split("/")[1], "full_name": name, "private": False,
            "owner": owner, "html_url": f"https://github.com/{name}", "description": " ".join(rng.choices(WORDS, k=12)),
            "fork": False, "url": api, **{f"{k}_url": f"{api}/{k}" for k in
                                          ("forks", "keys", "collaborators", "teams", "hooks", "issue_events", "events",
                                           "assignees", "branches", "tags", "blobs", "git_tags", "git_refs", "trees",
                                           "statuses", "languages", "stargazers", "contributors", "subscribers",
                                           "subscription", "commits", "git_commits", "comments", "issue_comment",
                                           "contents", "compare", "merges", "archive", "downloads", "issues", "pulls",
                                           "milestones", "notifications", "labels", "releases", "deployments")},
            "created_at": "2019-05-01T10:00:00Z", "updated_at": "2026-03-01T10:00:00Z", "pushed_at": "2026-03-02T14:00:00Z",
            "size": rng.randint(100, 90000), "stargazers_count": rng.randint(0, 5000), "language": "Python",
            "has_issues": True, "forks_count": rng.randint(0, 900), "open_issues_count": rng.randint(0, 300),
            "default_branch": "main", "topics": ["python", "community"], "visibility": "public"}


def write_hour(path: Path, events: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    types = [t for t, _ in MIX]
    weights = [w for _, w in MIX]
    owners = [f"owner{i}" for i in range(12000)]
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=6) as out:
        for n in range(events):
            kind = rng.choices(types, weights)[0]
            if rng.random() < 0.01:
                name = f"bench-org/repo{rng.randrange(40)}"
            else:
                name = f"{rng.choice(owners)}/repo{rng.randrange(30000 // 12000 + 3)}"
            rid = abs(hash(name)) % 10**9
            actor = _user(rng, rng.randrange(1, 200000))
            number = rng.randrange(1, 5000)
            at = f"2026-03-02T15:{n * 60 // events:02d}:{n % 60:02d}Z"
            payload = _payload(rng, kind, name, rid, actor, number, at)
            event = {"id": str(30_000_000_000 + n), "type": kind,
                     "actor": {k: actor[k] for k in ("id", "login", "gravatar_id", "url", "avatar_url")},
                     "repo": {"id": rid, "name": name, "url": f"https://api.github.com/repos/{name}"},
                     "payload": payload, "public": True, "created_at": at}
            if name.startswith("bench-org/"):
                event["org"] = {"id": 9, "login": "bench-org", "gravatar_id": "", "url": "https://api.github.com/orgs/bench-org",
                                "avatar_url": "https://avatars.githubusercontent.com/u/9?"}
            out.write(json.dumps(event, separators=(",", ":")) + "\n")


def _payload(rng, kind, name, rid, actor, number, at) -> dict:
    text = " ".join(rng.choices(WORDS, k=rng.randint(5, 80)))
    if kind == "PushEvent":
        return {"repository_id": rid, "push_id": rng.randrange(10**10), "size": 1, "distinct_size": 1, "ref": "refs/heads/main",
                "head": "a" * 40, "before": "b" * 40,
                "commits": [{"sha": "c" * 40, "author": {"email": "x@example.org", "name": "X"}, "message": text,
                             "distinct": True, "url": f"https://api.github.com/repos/{name}/commits/{'c' * 40}"}]}
    issue = {"url": f"https://api.github.com/repos/{name}/issues/{number}", "html_url": f"https://github.com/{name}/issues/{number}",
             "id": rng.randrange(10**9, 3 * 10**9), "node_id": "I_kwDO", "number": number, "title": text[:60],
             "user": _user(rng, rng.randrange(1, 200000)), "labels": [], "state": "open", "locked": False, "comments": 3,
             "created_at": "2026-03-01T10:00:00Z", "updated_at": at, "closed_at": None, "author_association": "NONE",
             "body": text, "reactions": {"total_count": 1, "+1": 1}}
    pull = {**issue, "html_url": f"https://github.com/{name}/pull/{number}", "merged": False, "merged_at": None,
            "merged_by": None, "additions": 10, "deletions": 3, "changed_files": 2, "draft": False,
            "head": {"label": "x:fix", "ref": "fix", "sha": "d" * 40, "user": actor, "repo": _repo_obj(rng, name, rid, actor)},
            "base": {"label": "x:main", "ref": "main", "sha": "e" * 40, "user": actor, "repo": _repo_obj(rng, name, rid, actor)}}
    comment = {"id": rng.randrange(10**9, 3 * 10**9), "html_url": f"https://github.com/{name}/issues/{number}#c",
               "user": _user(rng, rng.randrange(1, 200000)), "created_at": at, "updated_at": at, "body": text,
               "reactions": {"total_count": 0}}
    if kind == "PullRequestEvent":
        action = rng.choice(["opened", "closed", "synchronize", "reopened"])
        if action == "closed" and rng.random() < 0.7:
            pull.update(merged=True, merged_at=at, merged_by=actor, state="closed")
        return {"action": action, "number": number, "pull_request": pull}
    if kind == "IssuesEvent":
        return {"action": rng.choice(["opened", "closed"]), "issue": issue}
    if kind == "IssueCommentEvent":
        return {"action": "created", "issue": issue, "comment": comment}
    if kind == "PullRequestReviewEvent":
        return {"action": "created", "review": {**comment, "state": rng.choice(["approved", "commented"]),
                                                "submitted_at": at}, "pull_request": pull}
    if kind == "PullRequestReviewCommentEvent":
        return {"action": "created", "comment": {**comment, "path": "src/x.py"}, "pull_request": pull}
    if kind == "ReleaseEvent":
        return {"action": "published", "release": {"id": rng.randrange(10**8), "tag_name": "v1.0", "name": "v1.0",
                                                    "author": actor, "created_at": at, "published_at": at, "body": text,
                                                    "html_url": f"https://github.com/{name}/releases/tag/v1.0"}}
    if kind == "CreateEvent":
        return {"ref": "fix", "ref_type": "branch", "master_branch": "main", "description": None, "pusher_type": "user"}
    if kind == "ForkEvent":
        return {"forkee": _repo_obj(rng, f"{actor['login']}/fork", rid + 1, actor)}
    return {"action": "started"} if kind == "WatchEvent" else {}


def pinned(cmd: list[str]) -> list[str]:
    return ["taskset", "-c", "0", *cmd] if shutil.which("taskset") else cmd


def seedbed(db: Path, *args: str) -> float:
    env = {**os.environ, "SEEDBED_DB": str(db)}
    env.pop("DATABASE_URL", None)
    start = time.perf_counter()
    subprocess.run(pinned([str(BIN / "seedbed"), *args]), env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def parse_seconds(path: Path, orgs: list[str]) -> tuple[float, int]:
    from seedbed.importers import gharchive_events as events
    from seedbed.importers.jsonlines import JsonLines

    wanted = events.Filter.of(orgs)
    start = time.perf_counter()
    lines = JsonLines(path)
    n = sum(1 for _ in events.from_lines(lines, wanted))
    return time.perf_counter() - start, n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    count, runs = (5000, 1) if args.smoke else (args.events, args.runs)
    if shutil.which("taskset"):
        os.sched_setaffinity(0, {0})  # the parse runs in this process: the same single core
    with tempfile.TemporaryDirectory() as work:
        hour = Path(work) / "2026-03-02-15.json.gz"
        write_hour(hour, count)
        rows, items = [], {}
        for run in range(runs):
            org_db, all_db = Path(work) / f"org{run}.sqlite3", Path(work) / f"all{run}.sqlite3"
            seedbed(org_db, "stats")  # creates and migrates the database, not timed
            seedbed(all_db, "stats")
            (parse_org, items["org"]), (parse_all, items["all"]) = parse_seconds(hour, ["bench-org"]), parse_seconds(hour, [])
            rows.append({"parse_org": parse_org, "parse_all": parse_all,
                         "import_org": seedbed(org_db, "import", "gharchive", str(hour), "--org", "bench-org"),
                         "again": seedbed(org_db, "import", "gharchive", str(hour), "--org", "bench-org"),
                         "import_all": seedbed(all_db, "import", "gharchive", str(hour), "--all")})
    median = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
    result = {"events": count, "runs": runs, "items_org": items["org"], "items_all": items["all"],
              **{f"{k}_s": round(v, 3) for k, v in median.items()},
              **{f"{k}_per_s": round(count / median[k]) for k in ("parse_org", "parse_all", "import_org", "import_all")},
              "import_over_parse_org": round(median["import_org"] / median["parse_org"], 2),
              "import_over_parse_all": round(median["import_all"] / median["parse_all"], 2)}
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        for scope in ("org", "all"):
            print(f"{scope:>3}: {count:,} events, {result[f'items_{scope}']:,} items, median of {runs}: "
                  f"parse {median[f'parse_{scope}']:.2f} s ({result[f'parse_{scope}_per_s']:,}/s), "
                  f"import {median[f'import_{scope}']:.2f} s ({result[f'import_{scope}_per_s']:,}/s, "
                  f"{result[f'import_over_parse_{scope}']}x parse)")
        print(f"again (org, unchanged file): {median['again']:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
