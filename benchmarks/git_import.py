"""Benchmark ``seedbed import git`` against ``git log --all --numstat`` and GrimoireLab Perceval.

    .venv/bin/python benchmarks/git_import.py                      # 100,000 commits, 3 runs, SQLite
    .venv/bin/python benchmarks/git_import.py --database postgres  # the same into PostgreSQL
    .venv/bin/python benchmarks/git_import.py --perceval /tmp/perceval-venv/bin/perceval
    .venv/bin/python benchmarks/git_import.py --smoke              # CI: 2,000 commits, 1 run, < 1 min

The synthetic repository (benchmarks/make_history.py) is built once and cached under
benchmarks/work/. Each run, in this order, times with the wall clock:

1. ``git log --all --numstat`` with its output to /dev/null (the floor: what git alone costs);
2. ``seedbed import git REPO`` into a fresh database, as a subprocess; the database was
   created and migrated just before by ``seedbed stats``, which is timed apart;
3. the incremental re-import after ``refs/heads/main`` moves ahead by ``--extra`` commits
   (then main is put back, so every run sees the same history);
4. when ``--perceval`` is given: ``perceval git REPO --git-path FRESH_DIR --json-line``,
   which clones (a local, hard-linked ``git clone --bare``), runs its own ``git log`` and
   writes one JSON document per commit to a file.

Medians of the runs and their ratios are printed (``--json`` for JSON). The exit status is
non-zero only when something fails or a count is wrong (``seedbed stats --json`` must show
one commit activity per commit), never because of a timing.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_history  # noqa: E402
from machine_info import cpu_model  # noqa: E402

WORK = HERE / "work"


class BenchmarkFailed(Exception):
    pass


def _run(cmd, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def _timed(cmd, *, stdout=subprocess.DEVNULL, **kw) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    proc = subprocess.run(cmd, stdout=stdout, stderr=subprocess.PIPE, **kw)
    return time.perf_counter() - started, proc


def _check(proc: subprocess.CompletedProcess, what: str) -> None:
    if proc.returncode != 0:
        err = proc.stderr if isinstance(proc.stderr, str) else (proc.stderr or b"").decode(errors="replace")
        raise BenchmarkFailed(f"{what} failed with exit status {proc.returncode}:\n{err[-3000:]}")


def repository(commits: int, extra: int, seed: int) -> tuple[Path, dict]:
    """The cached synthetic repository, built when missing or made by other arguments."""
    path = WORK / f"history-{commits}-s{seed}.git"
    meta_file = path / "bench-meta.json"
    want = {"generator": make_history.GENERATOR_VERSION, "commits": commits, "extra": extra, "seed": seed}
    if meta_file.exists():
        meta = json.loads(meta_file.read_text())
        if all(meta.get(k) == v for k, v in want.items()):
            _set_main(path, meta["main"])  # in case an earlier run stopped mid-way
            return path, meta
    print(f"building {path.name} with git fast-import ...", file=sys.stderr)
    return path, make_history.make(path, commits, extra, seed)


def _set_main(repo: Path, sha: str) -> None:
    _check(_run(["git", "-C", str(repo), "update-ref", "refs/heads/main", sha]), "git update-ref")


class Database:
    """A fresh, empty database per run: a SQLite file or a PostgreSQL database."""

    def __init__(self, kind: str, scratch: Path, pg: dict):
        self.kind, self.scratch, self.pg = kind, scratch, pg
        self.name = f"seedbed_bench_{os.getpid()}"

    def env(self) -> dict:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SEEDBED_DB")}
        env["SEEDBED_SECRET_KEY"] = "benchmark-only"
        if self.kind == "sqlite":
            env["SEEDBED_DB"] = str(self.scratch / "seedbed.sqlite3")
        else:
            env["DATABASE_URL"] = f"postgres://{self.pg['user']}@{self.pg['host']}:{self.pg['port']}/{self.name}"
        return env

    def _pg_args(self) -> list[str]:
        return ["-h", self.pg["host"], "-p", str(self.pg["port"]), "-U", self.pg["user"]]

    def reset(self) -> None:
        if self.kind == "sqlite":
            for f in self.scratch.glob("seedbed.sqlite3*"):
                f.unlink()
        else:
            self.drop()
            _check(_run(["createdb", *self._pg_args(), self.name]), "createdb")

    def drop(self) -> None:
        if self.kind == "postgres":
            _run(["dropdb", "--if-exists", *self._pg_args(), self.name])

    def version(self, seedbed_python: str) -> str:
        if self.kind == "sqlite":
            return _run([seedbed_python, "-c", "import sqlite3; print(sqlite3.sqlite_version)"]).stdout.strip()
        out = _run(["psql", *self._pg_args(), "-d", "postgres", "-Atc", "show server_version"])
        return out.stdout.strip() or "unknown"


def seedbed_stats(seedbed: str, db: Database, cwd: Path) -> dict:
    proc = _run([seedbed, "stats", "--json"], env=db.env(), cwd=cwd)
    _check(proc, "seedbed stats --json")
    return json.loads(proc.stdout)


def one_run(args, repo: Path, meta: dict, db: Database, scratch: Path) -> dict:
    times = {}
    git = ["git", "-C", str(repo)]

    times["git_log"], proc = _timed(git + ["log", "--all", "--numstat"])
    _check(proc, "git log --all --numstat")

    db.reset()
    env = db.env()
    times["migrate"], proc = _timed([args.seedbed, "stats"], env=env, cwd=scratch)
    _check(proc, "seedbed stats (migrating a fresh database)")

    times["import"], proc = _timed([args.seedbed, "import", "git", str(repo)], env=env, cwd=scratch,
                                   stdout=subprocess.PIPE)
    _check(proc, "seedbed import git")
    stats = seedbed_stats(args.seedbed, db, scratch)
    got = stats["activities_by_kind"].get("commit", 0)
    if got != args.commits:
        raise BenchmarkFailed(f"seedbed imported {got} commit activities, the repository has {args.commits} commits")

    if meta.get("extra"):
        _set_main(repo, meta["next"])
        try:
            times["incremental"], proc = _timed([args.seedbed, "import", "git", str(repo)], env=env, cwd=scratch,
                                                stdout=subprocess.PIPE)
            _check(proc, "seedbed import git (incremental)")
            if f": {meta['extra']} new commits," not in proc.stdout.decode():
                raise BenchmarkFailed(f"incremental import did not report {meta['extra']} new commits: {proc.stdout!r}")
            # and once more with nothing new: the cost of asking
            times["noop"], proc = _timed([args.seedbed, "import", "git", str(repo)], env=env, cwd=scratch,
                                         stdout=subprocess.PIPE)
            _check(proc, "seedbed import git (nothing new)")
            if ": 0 new commits," not in proc.stdout.decode():
                raise BenchmarkFailed(f"a repeated import found new commits: {proc.stdout!r}")
        finally:
            _set_main(repo, meta["main"])
        got = seedbed_stats(args.seedbed, db, scratch)["activities_by_kind"].get("commit", 0)
        if got != args.commits + meta["extra"]:
            raise BenchmarkFailed(f"after the incremental import: {got} commit activities, "
                                  f"expected {args.commits + meta['extra']}")

    if args.perceval:
        clone = scratch / "perceval-clone"
        shutil.rmtree(clone, ignore_errors=True)
        out_file = scratch / "perceval.jsonl"
        with open(out_file, "wb") as out:
            times["perceval"], proc = _timed(
                [args.perceval, "git", str(repo), "--git-path", str(clone), "--json-line"], stdout=out, cwd=scratch
            )
        _check(proc, "perceval git")
        with open(out_file, "rb") as f:
            items = sum(1 for _ in f)
        out_file.unlink()
        shutil.rmtree(clone, ignore_errors=True)
        if items != args.commits:
            raise BenchmarkFailed(f"perceval returned {items} commits, the repository has {args.commits}")
    return times


def machine(args, db: Database) -> dict:
    cpu = cpu_model()
    info = {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "git": _run(["git", "--version"]).stdout.strip(),
        "database": f"{db.kind} {db.version(_python_of(args.seedbed))}",
    }
    if hasattr(os, "getloadavg"):
        info["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]  # a shared machine's noise
    try:
        mem = Path("/proc/meminfo").read_text().split("\n", 1)[0].split()[1]
        info["memory_gib"] = round(int(mem) / 2**20, 1)
    except (OSError, IndexError, ValueError):
        pass
    if args.perceval:
        info["perceval"] = _run([args.perceval, "--version"]).stdout.strip() or "unknown"
    return info


def _python_of(script: str) -> str:
    candidate = Path(script).parent / "python"
    return str(candidate) if candidate.exists() else sys.executable


def _default_seedbed() -> str | None:
    beside = Path(sys.executable).parent / "seedbed"  # not resolved: the venv's own bin/
    return str(beside) if beside.exists() else shutil.which("seedbed")


def summarise(runs: list[dict]) -> dict:
    medians = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    ratios = {"import/git_log": medians["import"] / medians["git_log"]}
    if "incremental" in medians:
        ratios["incremental/import"] = medians["incremental"] / medians["import"]
    if "perceval" in medians:
        ratios["import/perceval"] = medians["import"] / medians["perceval"]
        ratios["perceval/import"] = medians["perceval"] / medians["import"]
    # ratios within each run, since a shared machine's load shifts between runs
    per_run = [{"import/git_log": r["import"] / r["git_log"]} for r in runs]
    for r, pr in zip(runs, per_run):
        if "incremental" in r:
            pr["incremental/import"] = r["incremental"] / r["import"]
        if "perceval" in r:
            pr["import/perceval"] = r["import"] / r["perceval"]
            pr["perceval/import"] = r["perceval"] / r["import"]
    return {"medians": medians, "ratios": ratios, "per_run": per_run}


LABELS = {
    "git_log": "git log --all --numstat",
    "migrate": "seedbed stats (migrate, not counted)",
    "import": "seedbed import git (full)",
    "incremental": "seedbed import git (incremental)",
    "noop": "seedbed import git (nothing new)",
    "perceval": "perceval git --json-line",
}


def table(result: dict) -> str:
    runs, summary = result["runs"], result["summary"]
    lines = [
        f"{result['commits']:,} commits (+{result['extra']} for the incremental run), "
        f"{len(runs)} run(s), database: {result['machine']['database']}",
        f"load average (1/5/15 min) at start {result['machine'].get('load_average_at_start')}, "
        f"at end {result['machine'].get('load_average_at_end')}; {result['machine']['cpus']} CPUs",
        f"{'':38}{'median':>10}" + "".join(f"{'run ' + str(i + 1):>10}" for i in range(len(runs))),
    ]
    for key, label in LABELS.items():
        if key in summary["medians"]:
            lines.append(f"{label:<38}{summary['medians'][key]:>9.2f}s" + "".join(f"{r[key]:>9.2f}s" for r in runs))
    lines.append("")
    for key, value in summary["ratios"].items():
        each = "  ".join(f"{pr[key]:.3f}" for pr in summary["per_run"] if key in pr)
        lines.append(f"{key:<38}{value:>10.3f}   (per run: {each})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commits", type=int, help="size of the history (default 100000; 2000 with --smoke)")
    parser.add_argument("--runs", type=int, help="runs to take the median of (default 3; 1 with --smoke)")
    parser.add_argument("--extra", type=int, default=100, help="new commits for the incremental import (default 100)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic history (default 1)")
    parser.add_argument("--smoke", action="store_true", help="small and quick, for CI: checks, never judges timings")
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--pg-host", default="127.0.0.1")
    parser.add_argument("--pg-port", type=int, default=5432)
    parser.add_argument("--pg-user", default="postgres")
    parser.add_argument("--perceval", metavar="PATH", help="the perceval executable (in a separate venv)")
    parser.add_argument("--seedbed", metavar="PATH", default=_default_seedbed(),
                        help="the seedbed executable (default: the one beside this Python)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON (the table goes to stderr)")
    args = parser.parse_args(argv)
    args.commits = args.commits or (2000 if args.smoke else 100_000)
    args.runs = args.runs or (1 if args.smoke else 3)
    if not args.seedbed:
        parser.error("cannot find the seedbed executable; pass --seedbed")
    if args.commits < 2 or args.runs < 1 or args.extra < 0:
        parser.error("need --commits >= 2, --runs >= 1 and --extra >= 0")

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="seedbed-bench-") as tmp:
        scratch = Path(tmp)
        db = Database(args.database, scratch, {"host": args.pg_host, "port": args.pg_port, "user": args.pg_user})
        try:
            repo, meta = repository(args.commits, args.extra, args.seed)
            _timed(["git", "-C", str(repo), "log", "--all", "--numstat"])  # warm the page cache, untimed
            runs = []
            load_before = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
            for i in range(args.runs):
                runs.append(one_run(args, repo, meta, db, scratch))
                print(f"run {i + 1}/{args.runs}: " + ", ".join(f"{k} {v:.2f}s" for k, v in runs[-1].items()),
                      file=sys.stderr)
            result = {
                "commits": args.commits, "extra": meta.get("extra", 0), "seed": args.seed, "repository": str(repo),
                "machine": machine(args, db), "runs": runs,
            }
            result["machine"]["load_average_at_start"] = load_before
        except BenchmarkFailed as exc:
            print(f"benchmark failed: {exc}", file=sys.stderr)
            return 1
        finally:
            db.drop()
    result["summary"] = summarise(runs)
    result["seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(table(result), file=sys.stderr)
        print(json.dumps(result, indent=2))
    else:
        print(table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
