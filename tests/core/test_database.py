import json
import os
import sqlite3
import subprocess
import sys


def seedbed(*args, env):
    return subprocess.run([sys.executable, "-m", "seedbed", *args], env=env, capture_output=True, text=True, timeout=120)


def test_default_database_is_sqlite_in_wal_mode_created_on_first_use(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["SEEDBED_DB"] = str(tmp_path / "community.sqlite3")
    result = seedbed("stats", "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["people"] == 0
    with sqlite3.connect(tmp_path / "community.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"people_person", "people_identity", "activity_activity"} <= tables
    # the secret key is generated once, beside the database, readable by its owner only
    key_file = tmp_path / ".seedbed-secret-key"
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    first = key_file.read_text()
    seedbed("stats", env=env)
    assert key_file.read_text() == first
