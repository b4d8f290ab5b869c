import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pytest

from seedbed.cli import main

pytestmark = pytest.mark.django_db


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_import_stats_and_export(make_repo):
    repo = make_repo()
    repo.commit("one", {"src/a.py": "a\n"}, author=("Zoë Tab", "zoe@x.org"))
    repo.commit("two\n\nCo-authored-by: Bo <bo@x.org>", {"docs/a.md": "b\n"})
    code, out, err = run("import", "git", str(repo.path))
    assert code == 0 and "2 commits" in out and "3 activities added" in out
    code, out, _ = run("stats", "--json")
    stats = json.loads(out)
    assert stats["activities_by_kind"] == {"commit": 2, "co-authored": 1}
    assert (stats["people"], stats["identities"], stats["activities"]) == (3, 3, 3)
    code, out, _ = run("identities", "export")
    lines = out.splitlines()
    assert lines[0] == "person_id\tsource\tname\temail\tusername"
    rows = {tuple(line.split("\t")[1:]) for line in lines[1:]}
    assert ("git", "Zoë Tab", "zoe@x.org", "") in rows and len(rows) == 3


def test_bad_input_exits_non_zero_with_one_line(tmp_path):
    code, out, err = run("import", "git", str(tmp_path / "nowhere"))
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("seedbed: error: ") and "nowhere" in err


def test_demo_refuses_a_database_with_real_data(make_repo):
    repo = make_repo()
    repo.commit("real work")
    assert run("import", "git", str(repo.path))[0] == 0
    code, out, err = run("demo", "--no-serve")
    assert code == 1
    assert err.splitlines()[-1].startswith("seedbed: error: ") and "not Seedbed's demo" in err
