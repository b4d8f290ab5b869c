"""Kill a GH Archive import with a real SIGKILL at several points; the next run must end with
exactly the database an uninterrupted run makes.

The folder holds three synthetic hours (benchmarks/gharchive_import.write_hour, different
seeds), the first with the sample hour 16 added (merges of pull requests not seen yet: news
that waits in PendingState) and the last with the sample hour 15 (those pull requests). Each
import runs as a `seedbed` subprocess on its own SQLite file, migrated beforehand; the test
watches the source's cursor and the size of the write-ahead log from outside and kills the
process once the import has reached the point wanted.
"""
import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from gharchive_import import write_hour  # noqa: E402

SEEDBED = str(Path(sys.executable).parent / "seedbed")
SAMPLES = ROOT / "tests" / "data" / "gharchive"
EVENTS = 8_000  # per hour: well under a second of importing each
MIB = 1 << 20


def hours(folder: Path) -> Path:
    folder.mkdir()
    extra = {1: SAMPLES / "2026-03-02-16.json.gz", 3: SAMPLES / "2026-03-02-15.json.gz"}
    for n, seed in enumerate((1, 2, 3), 1):
        path = folder / f"2026-03-02-{14 + n}.json.gz"
        write_hour(path, EVENTS, seed)
        if n in extra:
            data = gzip.decompress(path.read_bytes()) + gzip.decompress(extra[n].read_bytes())
            path.write_bytes(gzip.compress(data, compresslevel=1))
    return folder


def _env(db: Path) -> dict:
    env = {**os.environ, "SEEDBED_DB": str(db)}
    env.pop("DATABASE_URL", None)
    return env


def migrate(db: Path) -> None:
    subprocess.run([SEEDBED, "stats"], env=_env(db), check=True, capture_output=True, timeout=300)


def files_done(db: Path):
    """How many files the source's cursor holds; None before the first commits; "busy" when unreadable."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as conn:
            row = conn.execute("SELECT cursor FROM activity_source WHERE kind = 'gharchive'").fetchone()
    except sqlite3.OperationalError:
        return "busy"
    return None if row is None else len(json.loads(row[0]).get("files", {}))


def wal_size(db: Path) -> int:
    wal = Path(f"{db}-wal")
    return wal.stat().st_size if wal.exists() else 0


def run(db: Path, folder: Path, kill_when=None) -> None:
    """Import the folder; with kill_when(files, wal_bytes, seconds_at_this_file_count), SIGKILL it there."""
    proc = subprocess.Popen([SEEDBED, "import", "gharchive", str(folder), "--all"], env=_env(db),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if kill_when is None:
        assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()
        return
    deadline, last, since = time.monotonic() + 300, object(), time.monotonic()
    while time.monotonic() < deadline:
        files = files_done(db)
        if files != "busy":
            if files != last:
                last, since = files, time.monotonic()
            if kill_when(files, wal_size(db), time.monotonic() - since):
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                return
        if proc.poll() is not None:
            pytest.fail("the import finished before it could be killed where wanted")
        time.sleep(0.002)
    proc.kill()
    pytest.fail("the import never reached the point to kill it")


def _json(text):
    return json.dumps(json.loads(text), sort_keys=True) if text is not None else None


def dump(db: Path) -> dict:
    """Everything an import writes, without database ids (which may differ between runs)."""
    with sqlite3.connect(db) as conn:
        q = conn.execute
        activities = q(
            "SELECT a.platform, a.key, a.kind, a.contribution_type, a.occurred_at, a.channel, a.parent_key,"
            " a.thread_key, a.title, a.body, a.url, a.size, a.merged, a.reactions, a.replies_received, a.reviewed_by,"
            " a.extra, i.source_kind, i.key, p.key FROM activity_activity a JOIN people_identity i ON i.id = a.identity_id"
            " LEFT JOIN activity_activity p ON p.id = a.parent_id").fetchall()
        return {
            "activities": sorted((*row[:15], _json(row[15]), _json(row[16]), *row[17:]) for row in activities),
            "identities": sorted(q(
                "SELECT i.source_kind, i.source_instance, i.key, i.name, i.email, i.username, i.is_bot, i.first_seen,"
                " i.last_seen, p.display_name, p.kind FROM people_identity i JOIN people_person p ON p.id = i.person_id")),
            "people": sorted(q("SELECT display_name, kind, first_seen, last_seen, merged_into_id IS NULL"
                               " FROM people_person"), key=repr),
            "merges": q("SELECT count(*) FROM people_mergerecord").fetchone(),
            "pending": sorted((p, k, s, m, _json(e)) for p, k, s, m, e in q(
                "SELECT platform, key, seen_at, merged, extra FROM activity_pendingstate")),
            "source": [(k, loc, status, _json(c)) for k, loc, status, c in q(
                "SELECT kind, location, status, cursor FROM activity_source")],
        }


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    work = tmp_path_factory.mktemp("gharchive-resume")
    folder = hours(work / "hours")
    db = work / "reference.sqlite3"
    migrate(db)
    run(db, folder)
    expected = dump(db)
    assert len(expected["activities"]) > 3 * 2000 and expected["pending"] == []
    return folder, expected


KILL_POINTS = {
    # (when to kill, how many files the cursor holds once killed)
    "inside the first file's transaction": (lambda files, wal, _: files is None and wal > MIB, None),
    "right after the first file committed": (lambda files, wal, _: files == 1, 1),
    "inside the last file's transaction": (lambda files, wal, seconds: files == 2 and seconds > 0.25, 2),
}


@pytest.mark.parametrize("where", KILL_POINTS)
def test_a_killed_import_finishes_on_the_next_run_exactly_as_an_uninterrupted_one(tmp_path, reference, where):
    folder, expected = reference
    kill_when, files_then = KILL_POINTS[where]
    db = tmp_path / "killed.sqlite3"
    migrate(db)
    run(db, folder, kill_when)
    interrupted = dump(db)
    assert files_done(db) == files_then, f"killed {where}, yet the cursor says otherwise"
    assert interrupted["activities"] != expected["activities"]
    if files_then is None:  # one transaction per file: nothing of it, not even its people
        assert (interrupted["activities"], interrupted["identities"], interrupted["source"]) == ([], [], [])
    if files_then == 1:
        assert interrupted["pending"], "merges heard before their pull requests wait"
    run(db, folder)
    assert dump(db) == expected
