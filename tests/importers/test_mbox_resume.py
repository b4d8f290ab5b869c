"""Kill an mbox import with a real SIGKILL at several points; the next run must end with exactly
the database an uninterrupted run makes.

Each import runs as a `seedbed` subprocess on its own SQLite file; the test watches the
source's cursor from outside (WAL lets it read while the import writes) and kills the
process once the import has reached the point wanted.
"""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from seedbed.importers.mbox import BATCH

SEEDBED = str(Path(sys.executable).parent / "seedbed")
MESSAGES = BATCH * 4 + 500


def archive(path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for n in range(MESSAGES):
            sender = n % 97
            reply = f"In-Reply-To: <{n - 1}@example.org>\n" if n % 4 else ""
            f.write(f"From p{sender}@example.org Mon Mar  2 10:00:00 2026\nFrom: Person {sender} <p{sender}@example.org>\n"
                    f"Subject: {'Re: ' if n % 4 else ''}Topic {n // 4}\nMessage-ID: <{n}@example.org>\n{reply}"
                    f"Date: Mon, 02 Mar 2026 10:{n % 60:02d}:{n % 59:02d} +0000\n\nMessage {n}, {'answer' if n % 4 else 'question?'}\n\n")
    return path


def run(db: Path, mbox: Path, kill_when=None) -> None:
    env = {**os.environ, "SEEDBED_DB": str(db)}
    env.pop("DATABASE_URL", None)
    proc = subprocess.Popen([SEEDBED, "import", "mbox", str(mbox)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    if kill_when is None:
        assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()
        return
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        cursor = _cursor(db)
        if cursor is not None and kill_when(cursor):
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return
        if proc.poll() is not None:
            pytest.fail("the import finished before it could be killed where wanted")
        time.sleep(0.002)
    proc.kill()
    pytest.fail("the import never reached the point to kill it")


def _cursor(db: Path):
    if not db.exists():
        return None
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as conn:
            row = conn.execute("SELECT cursor FROM activity_source WHERE kind = 'mbox'").fetchone()
    except sqlite3.OperationalError:
        return None  # not migrated yet, or busy
    return json.loads(row[0]) if row else None


def dump(db: Path) -> dict:
    """Everything an import writes, without database ids (which may differ between runs)."""
    with sqlite3.connect(db) as conn:
        q = conn.execute
        return {
            "activities": sorted(q(
                "SELECT a.key, a.kind, a.contribution_type, a.occurred_at, a.channel, a.parent_key, a.thread_key, a.title,"
                " a.body, a.size, a.replies_received, a.extra, i.key, p.key FROM activity_activity a"
                " JOIN people_identity i ON i.id = a.identity_id LEFT JOIN activity_activity p ON p.id = a.parent_id")),
            "identities": sorted(q("SELECT source_kind, source_instance, key, name, email, is_bot, first_seen, last_seen"
                                   " FROM people_identity")),
            "people": sorted(q("SELECT display_name, kind, first_seen, last_seen, merged_into_id IS NULL FROM people_person")),
            "merges": q("SELECT count(*) FROM people_mergerecord").fetchone(),
            "source": [(k, json.loads(c)) for k, c in q("SELECT kind, cursor FROM activity_source")],
        }


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mbox-resume")
    mbox = archive(folder / "big.mbox")
    run(folder / "reference.sqlite3", mbox)
    return mbox, dump(folder / "reference.sqlite3")


@pytest.mark.parametrize("where, kill_when", [
    ("after the first batch", lambda c: c.get("messages", 0) >= BATCH),
    ("halfway", lambda c: c.get("messages", 0) >= 2 * BATCH),
    ("in the last transaction", lambda c: c.get("messages") == MESSAGES and not c.get("complete")),
])
def test_a_killed_import_finishes_on_the_next_run_exactly_as_an_uninterrupted_one(tmp_path, reference, where, kill_when):
    mbox, expected = reference
    db = tmp_path / "killed.sqlite3"
    run(db, mbox, kill_when)
    interrupted = dump(db)
    assert interrupted["activities"] != expected["activities"] or interrupted["source"] != expected["source"], \
        f"killed {where}, yet the import was already complete"
    run(db, mbox)
    assert dump(db) == expected
