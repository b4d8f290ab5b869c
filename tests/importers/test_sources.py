"""`seedbed sources` lists what was imported; `seedbed sync` re-runs it all incrementally."""
import json

import pytest

from seedbed.activity.models import Activity, Source
from seedbed.cli import main

pytestmark = pytest.mark.django_db


def mbox(n: int) -> str:
    return (f"From a{n}@example.org Mon Mar  2 10:00:00 2026\nFrom: Ana <a{n}@example.org>\nSubject: Topic {n}\n"
            f"Message-ID: <{n}@example.org>\nDate: Mon, 02 Mar 2026 10:00:00 +0000\n\nbody {n}\n\n")


def test_sources_then_sync_picks_up_what_is_new_and_reports_what_failed(tmp_path, make_repo, capsys):
    repo = make_repo()
    repo.commit("first", files={"a.py": "x = 1\n"})
    archive = tmp_path / "dev.mbox"
    archive.write_text(mbox(1))
    gone = tmp_path / "gone.mbox"
    gone.write_text(mbox(9))
    for cmd in (["import", "git", str(repo.path)], ["import", "mbox", str(archive)], ["import", "mbox", str(gone)]):
        assert main(cmd) == 0
    capsys.readouterr()
    assert main(["sources", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["kind"], r["status"], r["activities"]) for r in rows] == [("git", "ok", 1), ("mbox", "ok", 1), ("mbox", "ok", 1)]
    assert rows[1]["cursor"]["complete"] is True and rows[1]["last_run_at"]

    repo.commit("second", files={"b.py": "y = 2\n"})
    archive.write_text(mbox(1) + mbox(2))
    gone.unlink()
    assert main(["sync"]) == 1  # one source failed
    out, err = capsys.readouterr()
    assert "1 new" in out and str(gone) in err and "no such file" in err
    assert Activity.objects.filter(platform="git").count() == 2 and Activity.objects.filter(platform="mbox").count() == 3
    assert main(["sync"]) == 1
    assert "unchanged" in capsys.readouterr().out
    assert main(["sources", "--json"]) == 0
    failed = [r for r in json.loads(capsys.readouterr().out) if r["location"] == str(gone)]
    assert failed[0]["status"] == "failed" and "no such file" in failed[0]["error"]
    assert main(["sources"]) == 0
    assert "error: " in capsys.readouterr().out


def test_nothing_to_sync_is_fine(capsys):
    Source.objects.create(kind="demo", location="demo:git:local")
    assert main(["sync"]) == 0 and "nothing to sync" in capsys.readouterr().out
