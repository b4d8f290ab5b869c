"""GH Archive hours into the database through `seedbed import gharchive`, checked against the
answer key of the samples in tests/data/gharchive (written by someone who did not see the importer).

Expected values come from answer_key.json; account ids come from the sample events themselves.
"""
import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
from django.db import transaction

from seedbed.activity.models import Activity, PendingState, Source
from seedbed.cli import main
from seedbed.people.erasure import erase
from seedbed.people.models import Identity, Person

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent.parent / "data" / "gharchive"
KEY = json.loads((DATA / "answer_key.json").read_text(encoding="utf-8"))
AFTER = KEY["after_importing_15_then_16"]
H15, H16 = DATA / "2026-03-02-15.json.gz", DATA / "2026-03-02-16.json.gz"
INVALID = ["truncated.json.gz", "malformed-line.json.gz", "not-json.json.gz", "not-gzip.json.gz", "wrong-shape.json.gz"]


def pr_key(pr: dict) -> str:
    return f"pr:{pr['repo']}#{pr['number']}"


def issue_key(issue: dict) -> str:
    return f"issue:{issue['repo']}#{issue['number']}"


def gharchive(capsys, *args) -> tuple[int, str, str]:
    """`seedbed import gharchive ARGS`: exit status, standard output, standard error."""
    capsys.readouterr()
    code = main(["import", "gharchive", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def lines_of(path: Path) -> list[bytes]:
    with gzip.open(path) as f:
        return f.read().splitlines(keepends=True)


def account_ids() -> dict[str, str]:
    """login -> numeric account id, from the actors of the two valid hours."""
    return {json.loads(line)["actor"]["login"]: str(json.loads(line)["actor"]["id"])
            for path in (H15, H16) for line in lines_of(path)}


def activity(key: str) -> Activity:
    return Activity.objects.select_related("identity__person").get(platform="github", key=key)


def children(parent: Activity, prefix: str) -> int:
    return Activity.objects.filter(parent=parent, key__startswith=prefix).count()


def expected_total() -> int:
    """Activities the answer key implies: pull requests, issues, their comments, reviews and releases."""
    prs, issues = AFTER["pull_requests"], AFTER["issues"]
    reviews = {r["id"] for pr in prs for r in pr["reviews"]}
    return (len(prs) + len(issues) + len(reviews) + len(AFTER["releases"]) + sum(i["comments"] for i in issues)
            + sum(pr["issue_comments"] + pr["review_comments"] for pr in prs))


def dump() -> dict:
    """Everything an import writes, without database ids."""
    return {
        "activities": sorted(Activity.objects.values_list(
            "platform", "key", "kind", "contribution_type", "occurred_at", "channel", "parent_key", "thread_key",
            "parent__key", "title", "body", "url", "size", "merged", "reactions", "replies_received", "reviewed_by",
            "extra", "identity__key"), key=lambda row: row[:2]),
        "identities": sorted(Identity.objects.values_list(
            "source_kind", "key", "username", "name", "is_bot", "first_seen", "last_seen", "person__kind")),
        "people": sorted(((p.display_name, p.kind, p.first_seen, p.last_seen, p.merged_into_id is None)
                          for p in Person.objects.all()), key=repr),
        "pending": sorted(PendingState.objects.values_list("platform", "key", "seen_at", "merged", "extra"), key=repr),
    }


class _Undo(Exception):
    pass


def dump_after(capsys, *runs: list) -> dict:
    """The dump after these imports (each a list of arguments), then the database as it was."""
    try:
        with transaction.atomic():
            for args in runs:
                code, _, err = gharchive(capsys, *args)
                assert code == 0, err
            found = dump()
            raise _Undo
    except _Undo:
        return found


def attempt(capsys, *args) -> tuple[int, str, str]:
    """`seedbed import gharchive ARGS`, then the database as it was."""
    try:
        with transaction.atomic():
            result = gharchive(capsys, *args)
            raise _Undo
    except _Undo:
        return result


@pytest.fixture
def both_hours(capsys):
    code, out, err = gharchive(capsys, H15, H16, "--all")
    assert code == 0, err
    return out


# --- the two valid hours, against the answer key ----------------------------------------------

def test_every_pull_request_has_its_author_final_state_merger_and_reviews(both_hours):
    for pr in AFTER["pull_requests"]:
        where = pr_key(pr)
        a = activity(where)
        assert (a.kind, a.channel, a.title) == ("pull-request", pr["repo"], pr["title"]), where
        assert a.identity.username == pr["author"], where
        state = {"closed-unmerged": "closed"}.get(pr["final_state"], pr["final_state"])
        assert (a.extra["state"], a.merged) == (state, pr["final_state"] == "merged"), where
        assert a.extra.get("merged_by") == pr["merged_by"], where
        reviews = Activity.objects.filter(parent=a, kind="review")
        assert sorted((r.key, r.identity.username, r.extra["state"]) for r in reviews) == sorted(
            (f"review:{r['id']}", r["reviewer"], r["state"].upper()) for r in pr["reviews"]), where
        first_reviews = dict.fromkeys(r["reviewer"] for r in pr["reviews"] if r["reviewer"] != pr["author"])
        assert a.reviewed_by == list(first_reviews), where  # the key lists reviews oldest first
        assert children(a, "comment:") == pr["issue_comments"], where
        assert children(a, "review-comment:") == pr["review_comments"], where


def test_the_dismissed_review_is_dismissed_and_still_its_reviewers(both_hours):
    dismissed = [(pr, r) for pr in AFTER["pull_requests"] for r in pr["reviews"] if r["state"] == "dismissed"]
    assert dismissed, "the answer key has a dismissed review"
    for pr, r in dismissed:
        review = activity(f"review:{r['id']}")
        assert (review.extra["state"], review.identity.username, review.parent.key) == (
            "DISMISSED", r["reviewer"], pr_key(pr))


def test_every_issue_has_its_author_final_state_and_comments(both_hours):
    for issue in AFTER["issues"]:
        where = issue_key(issue)
        a = activity(where)
        assert (a.kind, a.channel, a.identity.username) == ("issue", issue["repo"], issue["author"]), where
        assert a.extra["state"] == issue["final_state"] and a.merged is None, where
        assert children(a, "comment:") == issue["comments"], where
        others = Activity.objects.filter(parent=a).exclude(identity__person=a.identity.person).count()
        assert a.replies_received == others, where


def test_releases(both_hours):
    for release in AFTER["releases"]:
        a = activity(f"release:{release['id']}")
        assert (a.kind, a.channel, a.title, a.extra["tag"], a.identity.username) == (
            "release", release["repo"], release["name"], release["tag"], release["author"])
        assert a.occurred_at.isoformat().replace("+00:00", "Z") == release["published_at"]


def test_accounts_are_github_identities_by_numeric_id_and_bots_are_bots(both_hours):
    ids = account_ids()
    identities = list(Identity.objects.select_related("person"))
    assert identities and {i.source_kind for i in identities} == {"github"}
    for identity in identities:
        assert identity.key == ids[identity.username], identity.username
        bot = identity.username in AFTER["bots"]
        assert (identity.is_bot, identity.person.kind == "bot") == (bot, bot), identity.username
    assert set(AFTER["bots"]) <= {i.username for i in identities}


def test_the_duplicate_event_is_imported_once_and_nothing_is_missing_or_extra(both_hours):
    assert Activity.objects.count() == expected_total()
    assert not PendingState.objects.exists()
    [dup] = KEY["files"]["2026-03-02-16.json.gz"]["duplicate_ids_of_earlier_file"]
    copies = [line for path in (H15, H16) for line in lines_of(path) if json.loads(line)["id"] == dup]
    assert len(copies) == 2 and copies[0] == copies[1]  # read twice, stored once
    assert f"{KEY['files']['2026-03-02-16.json.gz']['lines']} events" in both_hours


def _pr(repo: str, number: int) -> dict:
    return next(pr for pr in AFTER["pull_requests"] if (pr["repo"], pr["number"]) == (repo, number))


def test_a_pull_request_seen_only_in_the_reduced_shape_gets_its_title_from_a_comments_issue(both_hours):
    pr = _pr("juniper-labs/sprout", 9)
    a = activity(pr_key(pr))
    assert (a.title, a.identity.username, a.identity.is_bot) == (pr["title"], pr["author"], True)
    about_it = [e for e in map(json.loads, lines_of(H16)) if e["repo"]["name"] == pr["repo"]
                and e["payload"].get("pull_request", e["payload"].get("issue", {})).get("number") == pr["number"]]
    titled = [e["type"] for e in about_it if "title" in e["payload"].get("pull_request", e["payload"].get("issue", {}))]
    assert titled == ["IssueCommentEvent"]  # the only place its title is written


def test_a_reduced_shape_merge_keeps_the_title_and_author_learned_before(both_hours):
    pr = _pr("juniper-labs/sprout", 8)
    a = activity(pr_key(pr))
    assert (a.title, a.identity.username) == (pr["title"], pr["author"])
    assert (a.merged, a.extra["state"], a.extra["merged_by"]) == (True, "merged", pr["merged_by"])


# --- order of the hours ---------------------------------------------------------------------------

def _split_16(tmp_path: Path) -> tuple[Path, Path]:
    """Hour 16 as two files: the events before and after its line 10."""
    lines = lines_of(H16)
    early, late = tmp_path / "2026-03-02-16a.json", tmp_path / "2026-03-02-16b.json"
    early.write_bytes(b"".join(lines[:9]))
    late.write_bytes(b"".join(lines[9:]))
    return early, late


@pytest.mark.parametrize("order", ["16 then 15", "16 late half, 15, 16 early half", "15, 16 early half, 16 late half"])
def test_the_order_the_hours_come_in_does_not_change_the_result(capsys, tmp_path, order):
    early, late = _split_16(tmp_path)
    runs = {"16 then 15": [[H16, "--all"], [H15, "--all"]],
            "16 late half, 15, 16 early half": [[late, "--all"], [H15, "--all"], [early, "--all"]],
            "15, 16 early half, 16 late half": [[H15, "--all"], [early, "--all"], [late, "--all"]]}[order]
    expected = dump_after(capsys, [H15, H16, "--all"])
    found = dump_after(capsys, *runs)
    assert found["pending"] == [] and found["activities"] == expected["activities"]
    assert found["identities"] == expected["identities"] and found["people"] == expected["people"]


def test_a_merge_heard_before_its_pull_request_waits_for_it(capsys):
    pr = _pr("juniper-labs/sprout", 8)
    assert gharchive(capsys, H16, "--all")[0] == 0
    assert not Activity.objects.filter(key=pr_key(pr)).exists()
    waiting = PendingState.objects.get(platform="github", key=pr_key(pr))
    assert (waiting.merged, waiting.extra["merged_by"]) == (True, pr["merged_by"])
    assert gharchive(capsys, H15, "--all")[0] == 0
    a = activity(pr_key(pr))
    assert (a.merged, a.extra["state"], a.extra["merged_by"], a.title) == (True, "merged", pr["merged_by"], pr["title"])
    assert not PendingState.objects.exists()


# --- filters --------------------------------------------------------------------------------------

def _repos_with_items(wants) -> set[str]:
    return {e["repo"] for name in ("2026-03-02-15.json.gz", "2026-03-02-16.json.gz")
            for e in KEY["files"][name]["events"] if e["item"] and wants(e)}


@pytest.mark.parametrize("args, location, wants", [
    pytest.param(["--org", "Marigold-DEV"], "org:marigold-dev", lambda e: e["org"] == "marigold-dev", id="org"),
    pytest.param(["--repo", "Juniper-Labs/SPROUT"], "repo:juniper-labs/sprout",
                 lambda e: e["repo"] == "juniper-labs/sprout", id="repo"),
    pytest.param(["--org", "marigold-dev", "--repo", "juniper-labs/sprout"], "org:marigold-dev repo:juniper-labs/sprout",
                 lambda e: e["org"] == "marigold-dev" or e["repo"] == "juniper-labs/sprout", id="org and repo"),
])
def test_org_and_repo_filters_import_only_their_repositories_whatever_the_case(capsys, args, location, wants):
    everything = dump_after(capsys, [H15, H16, "--all"])["activities"]
    channels = _repos_with_items(wants)
    assert channels and channels != {row[5] for row in everything}
    code, _, err = gharchive(capsys, H15, H16, *args)
    assert code == 0, err
    assert set(Activity.objects.values_list("channel", flat=True)) == channels
    assert dump()["activities"] == [row for row in everything if row[5] in channels]
    assert Source.objects.get(kind="gharchive").location == location


def test_without_a_filter_the_command_says_what_to_name_and_imports_nothing(capsys):
    code, _, err = gharchive(capsys, H15)
    assert code != 0 and err.count("\n") == 1
    assert all(flag in err for flag in ("--org", "--repo", "--all"))
    assert not Activity.objects.exists() and not Source.objects.exists()


# --- running again, folders, sync, sources -----------------------------------------------------

def test_running_again_on_an_unchanged_file_changes_nothing(capsys, both_hours):
    before = list(Activity.objects.order_by("id").values())
    cursor = Source.objects.get(kind="gharchive").cursor
    code, out, _ = gharchive(capsys, H15, H16, "--all")
    assert code == 0 and out.count("unchanged") == 2
    assert list(Activity.objects.order_by("id").values()) == before
    assert Source.objects.get(kind="gharchive").cursor == cursor


def test_a_folder_imports_the_gh_archive_files_inside_it(capsys, tmp_path):
    folder = tmp_path / "hours"
    (folder / "march").mkdir(parents=True)
    shutil.copy(H15, folder / "2026-03-02-15.json.gz")
    shutil.copy(H16, folder / "march" / "2026-03-02-16.json.gz")
    (folder / "notes.txt").write_text("not an hour")
    code, out, err = gharchive(capsys, folder, folder / "2026-03-02-15.json.gz", "--all")
    assert code == 0, err
    assert Activity.objects.count() == expected_total()
    assert out.count(" events, ") == 2  # the file named twice is read once
    cursor = Source.objects.get(kind="gharchive").cursor
    assert sorted(cursor["files"]) == sorted(str(p.resolve()) for p in folder.rglob("*.json.gz"))
    assert str(folder.resolve()) in cursor["paths"]


def test_sync_picks_up_an_hour_dropped_into_a_folder_imported_before(capsys, tmp_path):
    folder = tmp_path / "hours"
    folder.mkdir()
    shutil.copy(H15, folder)
    assert gharchive(capsys, folder, "--all")[0] == 0
    merged = _pr("marigold-dev/trellis", 42)
    assert activity(pr_key(merged)).merged is False
    shutil.copy(H16, folder)
    assert main(["sync"]) == 0
    assert re.search(r"gharchive all: [1-9]\d* new", capsys.readouterr().out)
    assert Activity.objects.count() == expected_total()
    assert (activity(pr_key(merged)).merged, activity(pr_key(merged)).extra["merged_by"]) == (True, merged["merged_by"])
    assert main(["sync"]) == 0 and "unchanged" in capsys.readouterr().out


def test_sources_shows_the_gh_archive_source_with_its_files(capsys, both_hours):
    capsys.readouterr()
    assert main(["sources", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["kind"], r["location"], r["status"]) for r in rows] == [("gharchive", "all", "ok")]
    assert sorted(rows[0]["cursor"]["files"]) == sorted(str(p.resolve()) for p in (H15, H16))
    assert rows[0]["activities"] == Activity.objects.count() and rows[0]["last_run_at"]


# --- invalid files --------------------------------------------------------------------------------

def where_it_breaks(name: str) -> list[str]:
    """What the error must say about where the file broke, from the answer key."""
    info = KEY["files"][name]
    if name == "truncated.json.gz":  # the last whole line, and where the cut line starts
        return [f"line {info['complete_lines']} ", f"byte {info['break']['line_starts_at_offset']} ", "truncated"]
    if name == "wrong-shape.json.gz":
        return [f"line {info['bad_lines'][0]['line']}:"]
    brk = info["break"]
    found = [f"line {brk['line']} (byte {brk.get('line_starts_at_offset', brk['json_error_offset'])})"]
    if "json_error_pos_in_line" in brk:
        found.append(f"column {brk['json_error_pos_in_line'] + 1}")
    return found


@pytest.mark.parametrize("name", INVALID)
def test_an_invalid_file_is_a_one_line_error_saying_where_and_writes_nothing(capsys, both_hours, name):
    before = dump()
    cursor = Source.objects.get(kind="gharchive").cursor
    code, _, err = gharchive(capsys, DATA / name, "--all")
    assert code != 0 and err.count("\n") == 1 and str(DATA / name) in err
    for fragment in where_it_breaks(name):
        assert fragment in err, (fragment, err)
    assert dump() == before
    source = Source.objects.get(kind="gharchive")
    assert source.cursor == cursor and source.status == "failed" and name in source.error


def skipped_lines(name: str) -> list[str]:
    info = KEY["files"][name]
    if name == "truncated.json.gz":
        return [f"byte {info['break']['line_starts_at_offset']} "]
    if name == "wrong-shape.json.gz":
        return [f"line {bad['line']}:" for bad in info["bad_lines"]]
    return [f"line {info['break']['line']} "]


@pytest.mark.parametrize("name", INVALID)
def test_skip_bad_imports_what_is_good_and_reports_the_bad_lines(capsys, both_hours, name):
    before = dump()
    code, _, err = gharchive(capsys, DATA / name, "--all", "--skip-bad")
    assert code == 0, err
    reported = [line for line in err.splitlines() if line.startswith(f"seedbed: skipped {DATA / name}: ")]
    for fragment in skipped_lines(name):
        assert any(fragment in line for line in reported), (fragment, err)
    # their good lines are stars, pushes and branches: nothing to import, and the state stays the key's
    assert dump() == before
    assert str((DATA / name).resolve()) in Source.objects.get(kind="gharchive").cursor["files"]


def _event(line: bytes) -> dict:
    return json.loads(line)


def _with(event: dict, path: list, value) -> bytes:
    event = json.loads(json.dumps(event))
    target = event
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return json.dumps(event).encode() + b"\n"


def _first(kind: str) -> dict:
    return next(_event(line) for line in lines_of(H15) if _event(line)["type"] == kind)


BAD_LINES = {
    "not JSON": lambda: b'{"id": "1", "type": "IssuesEvent", "actor": \n',
    "a JSON array": lambda: b"[1, 2, 3]\n",
    "an event without its issue": lambda: _with(_first("IssuesEvent"), ["payload", "issue"], None),
    "a created_at out of range": lambda: _with(_first("IssuesEvent"), ["created_at"], "0001-01-01T00:00:00+01:00"),
}
ODD_LINES = {  # readable, or a bad event: either will do, a crash will not
    "labels that are a number": lambda: _with(_first("IssuesEvent"), ["payload", "issue", "labels"], 7),
    "labels that are a string": lambda: _with(_first("IssuesEvent"), ["payload", "issue", "labels"], "bug"),
    "a comment's author that is a list": lambda: _with(_first("IssueCommentEvent"), ["payload", "comment", "user"], [1]),
}


def _hour_with(tmp_path: Path, line: bytes) -> Path:
    """Hour 15 with this line inserted as line 21."""
    lines = lines_of(H15)
    hour = tmp_path / "2026-03-02-15.json"
    hour.write_bytes(b"".join(lines[:20]) + line + b"".join(lines[20:]))
    return hour


@pytest.mark.parametrize("what", BAD_LINES)
def test_a_bad_line_among_good_events_stops_the_file_or_is_skipped(capsys, tmp_path, what):
    hour = _hour_with(tmp_path, BAD_LINES[what]())
    code, _, err = gharchive(capsys, hour, "--all")
    assert code != 0 and err.count("\n") == 1 and str(hour) in err and "line 21" in err, err
    assert not Activity.objects.exists() and not Identity.objects.exists()
    expected = dump_after(capsys, [H15, "--all"])
    code, _, err = gharchive(capsys, hour, "--all", "--skip-bad")
    assert code == 0 and "line 21" in err and err.count("\n") == 1, err
    assert dump() == expected


@pytest.mark.parametrize("what", ODD_LINES)
def test_a_line_of_an_odd_shape_is_read_or_reported_never_a_crash(capsys, tmp_path, what):
    hour = _hour_with(tmp_path, ODD_LINES[what]())
    code, _, err = attempt(capsys, hour, "--all")
    assert code == 0 or (err.count("\n") == 1 and "line 21" in err), err
    expected = dump_after(capsys, [H15, "--all"])
    code, _, err = gharchive(capsys, hour, "--all", "--skip-bad")
    assert code == 0, err
    assert [row[:2] for row in dump()["activities"]] == [row[:2] for row in expected["activities"]]


# --- erasure --------------------------------------------------------------------------------------

MERGERS = sorted({pr["merged_by"] for pr in AFTER["pull_requests"] if pr["merged_by"]})


def _not_named_anywhere(login: str, account: str) -> None:
    assert not Identity.objects.filter(username__iexact=login).exists()
    assert not Identity.objects.filter(source_kind="github", key=account).exists()
    for key, extra, reviewed_by in Activity.objects.values_list("key", "extra", "reviewed_by"):
        assert extra.get("merged_by") != login and login not in reviewed_by, key
    assert all(extra.get("merged_by") != login for extra in PendingState.objects.values_list("extra", flat=True))


ERASED_WHEN = {"after both hours": ([H15, H16], []), "between the hours": ([H15], [H16]),
               "after the later hour only": ([H16], [H15])}  # the last: merges still pending


@pytest.mark.parametrize("when", ERASED_WHEN)
@pytest.mark.parametrize("login", MERGERS)
def test_an_erased_person_who_merged_pull_requests_stays_erased_on_a_reimport(capsys, tmp_path, login, when):
    account = account_ids()[login]
    before, after = ERASED_WHEN[when]
    assert gharchive(capsys, *before, "--all")[0] == 0
    erase(Identity.objects.get(source_kind="github", key=account).person, actor_label="test")
    _not_named_anywhere(login, account)
    for hour in after:
        assert gharchive(capsys, hour, "--all")[0] == 0
        _not_named_anywhere(login, account)
    for hour in (H15, H16):  # fresh copies: read again from the start
        shutil.copy(hour, tmp_path)
    assert gharchive(capsys, tmp_path, "--all")[0] == 0
    _not_named_anywhere(login, account)
    for pr in AFTER["pull_requests"]:
        if pr["merged_by"] == login:
            a = activity(pr_key(pr))
            assert (a.merged, a.extra["state"]) == (True, "merged")
    assert Activity.objects.count() == expected_total()
