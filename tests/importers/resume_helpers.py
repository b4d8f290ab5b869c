"""Kill-and-rerun for the file importers (one file, one source, one transaction): run `seedbed
import KIND FILE…` as a subprocess on its own SQLite file, watch from outside (WAL lets a reader
look while the import writes) which files have committed (their source rows) and how far the open
transaction got (the frames of the current WAL generation, which SQLite writes out while a big
transaction runs), and SIGKILL it at the point wanted. The same approach as
test_perceval_resume.py, for any kind."""
from __future__ import annotations

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

SEEDBED = str(Path(sys.executable).parent / "seedbed")
GROWN = 100  # WAL frames (pages) the open transaction has written out before a "mid-way" kill


def env(db: Path) -> dict:
    out = {**os.environ, "SEEDBED_DB": str(db)}
    out.pop("DATABASE_URL", None)
    return out


def fresh(db: Path, template: Path | None = None) -> None:
    """A migrated database whose WAL is empty, so what the import writes is all that is in it:
    a copy of ``template`` (an earlier fresh database: migrating takes longer), else made."""
    if template is not None:
        shutil.copyfile(template, db)
        return
    subprocess.run([SEEDBED, "sources"], env=env(db), check=True, capture_output=True, timeout=300)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def committed(db: Path, kind: str) -> list[str] | None:
    """The files whose transaction has committed (their source is there), or None when busy."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as conn:
            return sorted(r[0] for r in conn.execute("SELECT location FROM activity_source WHERE kind = ?", (kind,)))
    except sqlite3.OperationalError:
        return None


def wal(db: Path) -> tuple[bytes, int]:
    """(salts, frames) of the WAL's current generation."""
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


def run(db: Path, kind: str, files: list[Path], kill_after: int | None = None, grown: int = 0) -> None:
    """`seedbed import KIND FILES`; with ``kill_after``, SIGKILL it once that many files are
    committed and the next file's transaction has written ``grown`` WAL frames."""
    proc = subprocess.Popen([SEEDBED, "import", kind, *map(str, files)], env=env(db),
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
        done = committed(db, kind)
        if done is not None and done != wanted and len(done) > kill_after:
            proc.kill()
            pytest.fail(f"too late: {len(done)} files committed, wanted to kill after {kill_after}")
        if done == wanted:
            salts, frames = wal(db)
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
                " a.thread_key, p.key, a.title, a.body, a.url, a.size, a.reactions, a.replies_received, a.extra,"
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
            "sources": sorted((k, loc, status, json.loads(c)) for k, loc, status, c in
                              q("SELECT kind, location, status, cursor FROM activity_source")),
        }


KILLS = [  # (where, files committed before the kill, WAL frames the next one has written)
    ("mid-way through the first file's transaction", 0, GROWN),
    ("right after the first file committed", 1, 0),
    ("mid-way through the last file's transaction", 2, GROWN),
]


def reference(folder: Path, kind: str, files: list[Path]) -> tuple[Path, dict]:
    """(a fresh database to copy, what an uninterrupted run of ``files`` makes)."""
    template = folder / "fresh.sqlite3"
    fresh(template)
    db = folder / "reference.sqlite3"
    fresh(db, template)
    run(db, kind, files)
    return template, dump(db)


def check_killed_run(tmp_path: Path, kind: str, files: list[Path], template: Path, expected: dict, kill_after: int,
                     grown: int, where: str) -> None:
    """Kill a run at the point wanted; it leaves the files committed before, whole; the next run
    ends with exactly the database of an uninterrupted run (``expected``)."""
    db = tmp_path / "killed.sqlite3"
    fresh(db, template)
    run(db, kind, files, kill_after, grown)
    interrupted = dump(db)
    done = sorted(str(f.resolve()) for f in files[:kill_after])
    assert [s[1] for s in interrupted["sources"]] == done, where
    assert {a[:2] for a in interrupted["activities"]} == {a[:2] for a in expected["activities"] if a[-1] in done}
    run(db, kind, files)
    assert dump(db) == expected
