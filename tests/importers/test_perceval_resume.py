"""Kill `seedbed import perceval FILE…` with a real SIGKILL at several points; running the same
command again must end with exactly the database an uninterrupted run makes.

One file is one transaction: a kill inside it leaves nothing of that file, and the files
committed before it stay. Each run is a `seedbed` subprocess on its own SQLite file; the test
watches from outside (WAL lets it read while the import writes) which files are committed
(their source rows) and how far the open transaction got (the frames of the current WAL
generation, which SQLite writes out while a big transaction runs), and kills the process at
the point wanted.
"""
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.importers.perceval_helpers import lines, sample

SEEDBED = str(Path(sys.executable).parent / "seedbed")
COMMITS = 10_000  # half in the first file, half in the last: each more than one batch of the item store
FIRST = COMMITS // 2
MESSAGES = 5000
PEOPLE = 120
GROWN = 100  # WAL frames (pages) the open transaction has written out before a "mid-way" kill
ORIGIN = "https://github.com/marigold-dev/big"
LIST = "https://lists.example.org/mailman/private/big-dev.mbox/big-dev.mbox"


# ---- input: items in the shape of the samples -----------------------------------------------


def _person(n: int) -> str:
    return f"Person {n} <p{n}@example.org>" if n % 7 else f"P\u00e9rson {n} <P{n}@Example.org>"


def _sha(*parts) -> str:
    return hashlib.sha1(":".join(map(str, parts)).encode()).hexdigest()


def _git_items(start: int, stop: int):
    template = lines("git.jsonl")[1]  # a commit with a Co-authored-by trailer
    parent = _sha("commit", start - 1) if start else None
    for n in range(start, stop):
        item = json.loads(json.dumps(template))
        sha = _sha("commit", n)
        stamp = 1767225600 + n * 600
        date = time.strftime("%a %b %d %H:%M:%S %Y +0000", time.gmtime(stamp))
        author = _person(n % PEOPLE)
        data = item["data"]
        data.update(commit=sha, Author=author, Commit=_person(0), AuthorDate=date, CommitDate=date,
                    parents=[parent] if parent else [], refs=[])
        kind = ("src/big/m%d.py", "docs/p%d.md", "tests/test_%d.py", "po/pt_%d.po")[n % 4]
        data["files"] = [{"action": "M", "added": str(n % 9 + 1), "removed": str(n % 3), "file": kind % (n % 50),
                          "indexes": ["1111111", "2222222"], "modes": ["100644", "100644"]},
                         {"action": "A", "added": "-" if n % 11 == 0 else "2", "removed": "-" if n % 11 == 0 else "0",
                          "file": f"assets/a{n}.bin", "indexes": ["0000000", "3333333"], "modes": ["000000", "100644"]}]
        message = f"Change {n}: tune the catalogue\n\nBody of change {n}."
        if n % 5 == 0:
            co = _person((n + 1) % PEOPLE)
            data["Co-authored-by"] = [co]
            message += f"\n\nCo-authored-by: {co}"
        else:
            data.pop("Co-authored-by", None)
        data["message"] = message
        item.update(origin=ORIGIN, tag=ORIGIN, offset=sha, search_fields={"item_id": sha}, updated_on=float(stamp),
                    uuid=_sha(ORIGIN, sha), timestamp=1775044800.0)
        parent = sha
        yield item


def _mbox_items(count: int):
    template = lines("mbox.jsonl")[1]  # a reply: In-Reply-To and References
    for n in range(count):
        item = json.loads(json.dumps(template))
        sender = n % PEOPLE
        stamp = 1772445600 + n * 60
        date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(stamp))
        asks = n % 4 == 0
        data = {"Content-Type": 'text/plain; charset="utf-8"', "Date": date, "MIME-Version": "1.0",
                "From": f"Person {sender} <p{sender}@example.org>", "Message-ID": f"<{n}.big@example.org>",
                "Subject": f"{'' if asks else 'Re: '}Topic {n // 4}{'?' if asks else ''}",
                "To": "big-dev@lists.example.org",
                "body": {"plain": f"Message {n}.\n\n{'Any idea?' if asks else 'Try this.'}\n"},
                "unixfrom": f"p{sender}@example.org {time.strftime('%a %b %d %H:%M:%S %Y', time.gmtime(stamp))}"}
        if not asks:
            data["In-Reply-To"] = f"<{n - 1}.big@example.org>"
            data["References"] = f"<{n - n % 4}.big@example.org> <{n - 1}.big@example.org>"
        item.update(data=data, origin=LIST, tag=LIST, updated_on=float(stamp), uuid=_sha(LIST, data["Message-ID"]),
                    search_fields={"item_id": data["Message-ID"]}, timestamp=1775044800.0)
        yield item


def _write(path: Path, items) -> Path:
    with open(path, "w", encoding="ascii") as f:
        for item in items:
            f.write(json.dumps(item, separators=(",", ":"), sort_keys=True) + "\n")
    return path


# ---- runs ----------------------------------------------------------------------------------


def _env(db: Path) -> dict:
    env = {**os.environ, "SEEDBED_DB": str(db)}
    env.pop("DATABASE_URL", None)
    return env


def _fresh(db: Path) -> None:
    """A migrated database whose WAL is empty, so what the import writes is all that is in it."""
    subprocess.run([SEEDBED, "sources"], env=_env(db), check=True, capture_output=True, timeout=300)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _committed(db: Path) -> list[str] | None:
    """The files whose transaction has committed (their source is there), or None when busy."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as conn:
            return sorted(r[0] for r in conn.execute("SELECT location FROM activity_source WHERE kind = 'perceval'"))
    except sqlite3.OperationalError:
        return None


def _wal(db: Path) -> tuple[bytes, int]:
    """(salts, frames) of the WAL's current generation: a new generation starts over after a
    checkpoint; within one, every page a transaction writes out adds a frame."""
    try:
        with open(f"{db}-wal", "rb") as f:
            header = f.read(32)
            if len(header) < 32:
                return b"", 0
            page = struct.unpack(">I", header[8:12])[0]
            salts, frames = header[16:24], 0
            while True:
                f.seek(32 + frames * (24 + page) + 8)
                if f.read(8) != salts:
                    return salts, frames
                frames += 1
    except FileNotFoundError:
        return b"", 0


def run(db: Path, files: list[Path], kill_after: int | None = None, grown: int = 0) -> None:
    """Import ``files``; with ``kill_after``, SIGKILL the run once that many files are committed
    and the next file's transaction has written ``grown`` WAL frames."""
    proc = subprocess.Popen([SEEDBED, "import", "perceval", *map(str, files)], env=_env(db),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if kill_after is None:
        assert proc.wait(timeout=600) == 0, proc.stderr.read().decode()
        return
    wanted = sorted(str(f.resolve()) for f in files[:kill_after])
    start = None
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the import finished before it could be killed ({proc.stderr.read().decode()[-500:]})")
        committed = _committed(db)
        if committed is not None and committed != wanted and len(committed) > kill_after:
            proc.kill()
            pytest.fail(f"too late: {len(committed)} files committed, wanted to kill after {kill_after}")
        if committed == wanted:
            salts, frames = _wal(db)
            start = start or (salts, frames)
            written = frames - start[1] if salts == start[0] else frames
            if written >= grown:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                return
        time.sleep(0.002)
    proc.kill()
    pytest.fail("the import never reached the point to kill it")


def dump(db: Path) -> dict:
    """Everything an import writes, without database ids (which differ between runs)."""
    with sqlite3.connect(db) as conn:
        q = conn.execute
        return {
            "activities": sorted(q(
                "SELECT a.platform, a.key, a.kind, a.contribution_type, a.occurred_at, a.channel, a.parent_key,"
                " a.thread_key, p.key, a.title, a.body, a.size, a.files_changed, a.lines_added, a.lines_removed,"
                " a.merged, a.accepted, a.reactions, a.replies_received, a.reviewed_by, a.extra,"
                " i.source_kind, i.source_instance, i.key, s.location"
                " FROM activity_activity a JOIN people_identity i ON i.id = a.identity_id"
                " LEFT JOIN activity_activity p ON p.id = a.parent_id"
                " LEFT JOIN activity_source s ON s.id = a.source_id")),
            "identities": sorted(q(
                "SELECT i.source_kind, i.source_instance, i.key, i.name, i.email, i.username, i.is_bot, i.first_seen,"
                " i.last_seen, p.display_name, p.kind"
                " FROM people_identity i JOIN people_person p ON p.id = i.person_id")),
            "people": sorted(q("SELECT display_name, kind, first_seen, last_seen, merged_into_id IS NULL"
                               " FROM people_person")),
            "merges": q("SELECT count(*) FROM people_mergerecord").fetchone(),
            "pending": sorted(q("SELECT platform, key, merged, extra FROM activity_pendingstate")),
            "sources": sorted((k, loc, status, json.loads(c)) for k, loc, status, c in
                              q("SELECT kind, location, status, cursor FROM activity_source")),
        }


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("perceval-resume")
    # big files first and last, so that a kill lands inside their transactions; the second
    # is big too, so that a kill right after the first commits is not too late
    files = [_write(folder / "big-git-1.jsonl", _git_items(0, FIRST)),
             _write(folder / "big-mbox.jsonl", _mbox_items(MESSAGES)),
             shutil.copyfile(sample("github-issues.jsonl"), folder / "github-issues.jsonl"),
             shutil.copyfile(sample("github-pulls.jsonl"), folder / "github-pulls.jsonl"),
             _write(folder / "big-git-2.jsonl", _git_items(FIRST, COMMITS))]
    files = [Path(f) for f in files]
    db = folder / "reference.sqlite3"
    _fresh(db)
    run(db, files)
    return files, dump(db)


def test_the_uninterrupted_run_imports_every_file(inputs):
    files, expected = inputs
    assert [s[:3] for s in expected["sources"]] == sorted(("perceval", str(f.resolve()), "ok") for f in files)
    keys = {(a[0], a[1]) for a in expected["activities"]}
    assert sum(1 for platform, _ in keys if platform == "git") == COMMITS + COMMITS // 5
    assert sum(1 for platform, _ in keys if platform == "mbox") == MESSAGES
    assert ("github", "pr:marigold-dev/marigold#12") in keys


@pytest.mark.parametrize("where, kill_after, grown", [
    ("mid-way through the first file's transaction", 0, GROWN),
    ("right after the first file committed", 1, 0),
    ("mid-way through the last file's transaction", 4, GROWN),
])
def test_a_killed_import_finishes_on_the_next_run_exactly_as_an_uninterrupted_one(tmp_path, inputs, where, kill_after,
                                                                                   grown):
    files, expected = inputs
    db = tmp_path / "killed.sqlite3"
    _fresh(db)
    run(db, files, kill_after, grown)
    interrupted = dump(db)
    # whole files or nothing of them: the files committed before the kill, all of each
    done = sorted(str(f.resolve()) for f in files[:kill_after])
    assert [s[1] for s in interrupted["sources"]] == done, where
    assert {a[:2] for a in interrupted["activities"]} == {a[:2] for a in expected["activities"] if a[-1] in done}
    run(db, files)
    assert dump(db) == expected
