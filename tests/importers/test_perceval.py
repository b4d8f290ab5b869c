"""`seedbed import perceval FILE…` on the samples of tests/data/perceval, checked against their
answer key (tests/data/perceval/README.md): what each backend's items become, the same item
by two routes being one activity, bad input, re-runs, sync and erasure.

Expected facts are read from the sample lines wherever they can be; the README's own facts
(who merged PR #12, which Meetup member was a no-show …) are named where they are used.
"""
import contextlib
import gzip
import json
import os
import shutil
import subprocess

import pytest
from django.db import transaction

from seedbed.activity.models import Activity, Source
from seedbed.people.erasure import ERASED_NAME, ERASED_SOURCE, erase
from seedbed.people.models import Identity, PersonKind
from tests.conftest import requirement_missing
from tests.importers.perceval_helpers import (
    MBOX_SAMPLES, REPO, cli, copy, counts, data, git_date, imported, lines, message_ids, rows, sample, signature,
    slack_key, snapshot, utc,
)

pytestmark = pytest.mark.django_db

PR = f"pr:{REPO}#"
ISSUE = f"issue:{REPO}#"


def login(obj: dict) -> dict:
    """The account Perceval enriched an object with (user_data), else the one the API gave."""
    return obj.get("user_data") or obj["user"]


# ---- git -----------------------------------------------------------------------------------


def test_git_commits_become_commits_of_their_authors_and_co_authors(capsys):
    out = imported(capsys, "git.jsonl")
    got = rows("git")
    commits = data("git.jsonl")
    expected = {c["commit"] for c in commits}
    expected |= {f"{c['commit']}:co-authored:{signature(co)[1].lower()}" for c in commits
                 for co in c.get("Co-authored-by", [])}
    assert set(got) == expected
    assert f"{len(expected)} new activities" in out
    for c in commits:
        row = got[c["commit"]]
        name, email = signature(c["Author"])
        assert (row["kind"], row["who"], row["name"], row["email"]) == ("commit", ("git", "", c["Author"]), name, email)
        assert row["occurred_at"] == git_date(c["AuthorDate"])  # not CommitDate, which is updated_on
        assert row["title"] == c["message"].split("\n")[0]
        for co in c.get("Co-authored-by", []):
            co_row = got[f"{c['commit']}:co-authored:{signature(co)[1].lower()}"]
            assert (co_row["kind"], co_row["parent"], co_row["who"]) == ("co-authored", c["commit"], ("git", "", co))
            assert co_row["type"] == row["type"]  # "as its commit"


def test_git_merge_commits_and_committers(capsys):
    imported(capsys, "git.jsonl")
    got = rows("git")
    merge = next(c for c in data("git.jsonl") if c.get("Merge"))
    row = got[merge["commit"]]
    # a merge's files are its combined diff (no action): it changes nothing of its own
    assert (row["files"], row["added"], row["removed"], row["type"]) == (0, 0, 0, "maintenance")
    assert row["extra"]["parents"] == merge["parents"]
    # README: f352912 adds docs/contributing.md
    docs_only = next(c for c in data("git.jsonl") if c["commit"].startswith("f352912"))
    assert got[docs_only["commit"]]["type"] == "doc"
    assert got[docs_only["commit"]]["added"] == sum(int(f["added"]) for f in docs_only["files"])
    # README: "GitHub <noreply@github.com> is a committer only": the committer of the commits
    # merged on GitHub, as `import git` records it, authoring nothing
    github = Identity.objects.get(email="noreply@github.com")
    assert not Activity.objects.filter(identity=github).exists()
    assert Activity.objects.filter(committer=github).exists()
    committers = {c["Commit"] for c in data("git.jsonl") if c["Commit"] != c["Author"]}
    assert set(Identity.objects.values_list("key", flat=True)) == {
        c["Author"] for c in data("git.jsonl")} | {co for c in data("git.jsonl") for co in c.get("Co-authored-by", [])} \
        | committers


def _make_marigold(tmp_path):
    if shutil.which("git") is None or shutil.which("bash") is None:
        requirement_missing("git and bash")
    target = tmp_path / "marigold"
    subprocess.run(["bash", str(sample("make_repo.sh")), str(target)], check=True, capture_output=True,
                   env={"PATH": os.environ["PATH"]})
    return target


@pytest.mark.parametrize("first", ["git", "perceval"])
def test_a_commit_from_perceval_and_from_import_git_is_one_activity(tmp_path, capsys, first):
    repo = _make_marigold(tmp_path)
    runs = {"git": ("import", "git", repo), "perceval": ("import", "perceval", sample("git.jsonl"))}
    second = "perceval" if first == "git" else "git"
    assert cli(capsys, *runs[first])[0] == 0
    before = set(Activity.objects.values_list("platform", "key", "identity__key"))
    assert len(before) == sum(1 + len(c.get("Co-authored-by", [])) for c in data("git.jsonl"))
    code, out, err = cli(capsys, *runs[second])
    assert code == 0, err
    assert set(Activity.objects.values_list("platform", "key", "identity__key")) == before


class _Rollback(Exception):
    pass


def _then_forget(work):
    """Run ``work`` in a savepoint that is rolled back; return what it returned."""
    found = {}
    with contextlib.suppress(_Rollback), transaction.atomic():
        found["result"] = work()
        raise _Rollback
    return found["result"]


def test_a_commit_is_the_same_whichever_route_brought_it_first(tmp_path, capsys):
    """The store promises that import order does not matter; the README that a commit from
    Perceval and from `import git` is one commit. So the commit's facts must not depend on
    which of the two ran first."""
    repo = _make_marigold(tmp_path)

    def commits_after(*runs):
        def work():
            for run in runs:
                assert cli(capsys, *run)[0] == 0
            return {a.key: dict(kind=a.kind, type=a.contribution_type, files=a.files_changed, added=a.lines_added,
                                removed=a.lines_removed, size=a.size, author=a.identity.key,
                                committer=a.committer.key if a.committer else None)
                    for a in Activity.objects.select_related("identity", "committer")}
        return _then_forget(work)

    git_run, perceval_run = ("import", "git", repo), ("import", "perceval", sample("git.jsonl"))
    perceval_first, git_first = commits_after(perceval_run, git_run), commits_after(git_run, perceval_run)
    assert set(perceval_first) == set(git_first)
    differences = {key[:7]: {field: (value, git_first[key][field]) for field, value in facts.items()
                             if value != git_first[key][field]}
                   for key, facts in perceval_first.items() if facts != git_first[key]}
    assert differences == {}, "(Perceval first, git first)"


def test_repeated_git_items_add_nothing(capsys):
    imported(capsys, "git.jsonl")
    before = snapshot()["activities"]
    out = imported(capsys, "git.jsonl.gz")
    assert "0 new activities" in out
    code, out, err = cli(capsys, "import", "perceval", sample("malformed.jsonl"), "--skip-bad")
    assert code == 0 and "0 new activities" in out and "line 3" in err
    assert snapshot()["activities"] == before


# ---- GitHub --------------------------------------------------------------------------------


def _github_expected():
    issues, pulls = data("github-issues.jsonl"), data("github-pulls.jsonl")
    # README, cross-route case 2: every pull request is in both files
    assert {i["number"] for i in issues if "pull_request" in i} == {p["number"] for p in pulls}
    parents = {}
    for issue in issues:
        key = f"{PR if 'pull_request' in issue else ISSUE}{issue['number']}"
        parents[key] = None
        for c in issue["comments_data"]:
            parents[f"comment:{c['id']}"] = key
    for pull in pulls:
        for r in pull["reviews_data"]:
            parents[f"review:{r['id']}"] = f"{PR}{pull['number']}"
        # Perceval leaves review_comments_data {} when there is none
        for c in pull["review_comments_data"] if isinstance(pull["review_comments_data"], list) else []:
            parents[f"review-comment:{c['id']}"] = f"{PR}{pull['number']}"
    return issues, pulls, parents


def test_github_issues_pull_requests_comments_and_reviews(capsys):
    imported(capsys, "github-issues.jsonl", "github-pulls.jsonl")
    issues, pulls, parents = _github_expected()
    got = rows("github")
    assert {k: v["parent"] for k, v in got.items()} == parents
    assert len([k for k in got if k.startswith(ISSUE)]) == 3  # README: real issues #7, #9, #16
    kinds = {"pr": "pull-request", "issue": "issue", "comment": "comment", "review": "review",
             "review-comment": "comment"}
    assert all(row["kind"] == kinds[key.split(":")[0]] for key, row in got.items())
    assert all(row["type"] == "review" for key, row in got.items() if key.startswith(("review", "review-comment")))
    for pull in pulls:
        row = got[f"{PR}{pull['number']}"]
        assert (row["merged"], row["username"], row["who"]) == (
            pull["merged"], pull["user_data"]["login"], ("github", "", str(pull["user_data"]["id"])))
        for r in pull["reviews_data"]:
            review = got[f"review:{r['id']}"]
            assert (review["extra"]["state"], review["username"]) == (r["state"].upper(), login(r)["login"])
        by_time = [login(r)["login"] for r in sorted(pull["reviews_data"], key=lambda r: r["submitted_at"])]
        author = pull["user_data"]["login"]
        assert row["reviewed_by"] == list(dict.fromkeys(who for who in by_time if who != author))
    assert got[f"{PR}12"]["reviewed_by"] == ["toliveira", "kmori", "jane-doe"]  # the answer key's order


def test_github_authors_bots_and_replies_received(capsys):
    imported(capsys, "github-issues.jsonl", "github-pulls.jsonl")
    issues, pulls, parents = _github_expected()
    got = rows("github")
    objects = {f"{PR if 'pull_request' in i else ISSUE}{i['number']}": i for i in issues}
    objects |= {f"comment:{c['id']}": c for i in issues for c in i["comments_data"]}
    objects |= {f"review:{r['id']}": r for p in pulls for r in p["reviews_data"]}
    for key, obj in objects.items():
        who = login(obj)
        row = got[key]
        assert (row["username"], row["name"], row["email"]) == (who["login"], who.get("name") or "",
                                                               who.get("email") or ""), key
        assert row["is_bot"] == (who.get("type") == "Bot"), key
        assert row["occurred_at"] == utc(obj.get("created_at") or obj["submitted_at"]), key
    assert {row["username"] for row in got.values() if row["is_bot"]} == {"dependabot[bot]", "github-actions[bot]"}
    assert {row["person_kind"] for row in got.values() if row["is_bot"]} == {PersonKind.BOT}
    for key in objects:
        answers = [k for k, parent in parents.items() if parent == key]
        from_others = [k for k in answers if got[k]["username"] != got[key]["username"]]
        assert got[key]["replies"] == len(from_others), key


@pytest.mark.parametrize("order", [("github-issues.jsonl", "github-pulls.jsonl"),
                                   ("github-pulls.jsonl", "github-issues.jsonl")])
def test_a_pull_request_in_the_issue_list_is_that_pull_request_with_its_data(capsys, order):
    """README cross-route case 2: #12 is in both files (issue id 2900000012, pull id 1800000001).
    It is one activity, with what the pull request says (merger, lines changed) and what only
    the issue says (its reactions), whichever file is imported first."""
    imported(capsys, *order)
    pull = data("github-pulls.jsonl")[0]
    as_issue = next(i for i in data("github-issues.jsonl") if i["number"] == 12)
    assert (pull["number"], as_issue["id"]) == (12, 2900000012)
    assert Activity.objects.filter(platform="github", extra__number=12, kind="pull-request").count() == 1
    assert not Activity.objects.filter(platform="github", key=f"{ISSUE}12").exists()
    row = rows("github")[f"{PR}12"]
    assert {"merged": row["merged"], "merged_by": row["extra"].get("merged_by"),
            "merged_at": row["extra"].get("merged_at"), "size": row["size"], "reactions": row["reactions"]} == {
        "merged": True, "merged_by": pull["merged_by_data"]["login"], "merged_at": pull["merged_at"],
        "size": pull["additions"] + pull["deletions"], "reactions": as_issue["reactions"]["total_count"]}
    assert row["extra"]["merged_by"] == "jane-doe"  # the answer key


def _gharchive_pr12_merged(path):
    """PR #12 closed and merged, as a PullRequestEvent in GH Archive's full shape, from the
    README's facts for matching (cross-route case 1)."""
    def account(ident, name):
        return {"login": name, "id": ident, "node_id": f"U_{ident}",
                "avatar_url": f"https://avatars.githubusercontent.com/u/{ident}?v=4", "gravatar_id": "",
                "url": f"https://api.github.com/users/{name}", "html_url": f"https://github.com/{name}",
                "type": "User", "user_view_type": "public", "site_admin": False}

    amara, jane = account(41000001, "amara-o"), account(41000002, "jane-doe")
    repo = {"id": 770000001, "node_id": "R_marigold", "name": "marigold", "full_name": REPO,
            "owner": account(143000001, "marigold-dev") | {"type": "Organization"}}
    pull = {
        "url": f"https://api.github.com/repos/{REPO}/pulls/12", "id": 1800000001, "node_id": "PR_kwDOLmRg0s5rSxAB",
        "html_url": f"https://github.com/{REPO}/pull/12", "number": 12, "state": "closed", "locked": False,
        "title": "docs: add contributor guide", "user": amara, "body": data("github-pulls.jsonl")[0]["body"],
        "created_at": "2026-02-25T09:20:00Z", "updated_at": "2026-02-26T10:00:00Z",
        "closed_at": "2026-02-26T10:00:00Z", "merged_at": "2026-02-26T10:00:00Z",
        "merge_commit_sha": "913f5844470b43909928a4baca02d62b8ad53174", "labels": [], "draft": False,
        "head": {"label": "amara-o:contributor-guide", "ref": "contributor-guide",
                 "sha": "f3529128d44744cfabc3aea8eaf2834193291f0b", "user": amara,
                 "repo": repo | {"full_name": "amara-o/marigold", "owner": amara}},
        "base": {"label": "marigold-dev:main", "ref": "main", "sha": "dc71a5d388eabf3e9c3cbce71e292c060f790ff2",
                 "user": repo["owner"], "repo": repo},
        "merged": True, "mergeable": None, "merged_by": jane, "comments": 1, "review_comments": 1, "commits": 1,
        "additions": 5, "deletions": 0, "changed_files": 1,
    }
    event = {"id": "50000000001", "type": "PullRequestEvent",
             "actor": {"id": 41000002, "login": "jane-doe", "display_login": "jane-doe", "gravatar_id": "",
                       "url": "https://api.github.com/users/jane-doe",
                       "avatar_url": "https://avatars.githubusercontent.com/u/41000002?"},
             "repo": {"id": 770000001, "name": REPO, "url": f"https://api.github.com/repos/{REPO}"},
             "payload": {"action": "closed", "number": 12, "pull_request": pull}, "public": True,
             "created_at": "2026-02-26T10:00:00Z",
             "org": {"id": 143000001, "login": "marigold-dev", "gravatar_id": "",
                     "url": "https://api.github.com/orgs/marigold-dev",
                     "avatar_url": "https://avatars.githubusercontent.com/u/143000001?"}}
    path.write_bytes(gzip.compress((json.dumps(event) + "\n").encode(), mtime=0))
    return path


@pytest.mark.parametrize("gharchive_first", [True, False])
def test_a_pull_request_from_gh_archive_and_from_perceval_is_one_activity(tmp_path, capsys, gharchive_first):
    hour = _gharchive_pr12_merged(tmp_path / "2026-02-26-10.json.gz")
    runs = [("import", "gharchive", hour, "--all"), ("import", "perceval", sample("github-pulls.jsonl"))]
    for run in runs if gharchive_first else runs[::-1]:
        code, out, err = cli(capsys, *run)
        assert code == 0, err
    pulls = Activity.objects.filter(platform="github", kind="pull-request", channel__iexact=REPO, extra__number=12)
    assert list(pulls.values_list("key", flat=True)) == [f"{PR}12"]
    row = rows("github")[f"{PR}12"]
    assert (row["merged"], row["extra"].get("merged_by"), row["who"]) == (True, "jane-doe", ("github", "", "41000001"))
    assert Identity.objects.filter(source_kind="github", username="amara-o").count() == 1


# ---- GitLab --------------------------------------------------------------------------------


def test_gitlab_issues_merge_requests_notes_and_approvals(capsys):
    imported(capsys, "gitlab.jsonl")
    got = rows("gitlab")
    expected = {}
    for line in lines("gitlab.jsonl"):
        item = line["data"]
        project = line["origin"].split("gitlab.com/", 1)[1]
        request = line["category"] == "merge_request"
        key = f"{'mr' if request else 'issue'}:{project}#{item['iid']}"
        expected[key] = (None, "pull-request" if request else "issue")
        row = got[key]
        assert (row["username"], row["name"], row["reactions"]) == (
            item["author"]["username"], item["author"]["name"], len(item["award_emoji_data"]))
        if request:
            assert row["merged"] is (item["state"] == "merged")
            assert row["extra"].get("merged_by") == (item["merged_by"] or {}).get("username")
        for note in item["notes_data"]:
            if not note["system"]:
                expected[f"note:{note['id']}"] = (key, "comment")
                assert got[f"note:{note['id']}"]["username"] == note["author"]["username"]
                assert got[f"note:{note['id']}"]["reactions"] == len(note["award_emoji_data"])
            elif request and note["body"] == "approved this merge request":
                expected[f"approval:{note['id']}"] = (key, "review")
                assert got[f"approval:{note['id']}"]["extra"]["state"] == "APPROVED"
    assert {k: (v["parent"], v["kind"]) for k, v in got.items()} == expected
    # the answer key: MR !5 merged by jdoe, approved (system notes) by tomas.oliveira and jdoe;
    # "assigned to @aokafor" and "closed" are the platform's bookkeeping
    assert got[f"mr:{REPO}#5"]["merged"] and got[f"mr:{REPO}#5"]["extra"]["merged_by"] == "jdoe"
    assert got[f"mr:{REPO}#5"]["reviewed_by"] == ["tomas.oliveira", "jdoe"]
    assert (got[f"mr:{REPO}#7"]["merged"], got[f"mr:{REPO}#6"]["merged"]) == (False, False)
    assert got[f"mr:{REPO}#6"]["extra"].get("draft") is True
    assert not {"note:700000001", "note:700000004", "approval:700000001", "approval:700000004"} & set(got)
    assert {row["username"] for row in got.values() if row["is_bot"]} == {"support-bot", "renovate-bot"}


# ---- Discourse -----------------------------------------------------------------------------


def test_discourse_topics_posts_accepted_answer_moderator_actions_and_the_system_bot(capsys):
    imported(capsys, "discourse.jsonl")
    got = rows("discourse")
    expected = {}
    for topic in data("discourse.jsonl"):
        posts = topic["post_stream"]["posts"]
        by_number = {p["post_number"]: p["id"] for p in posts}
        for post in posts:
            if post["post_type"] != 1:
                continue  # a moderator action (post 1008: "closed.enabled") is no one's writing
            if post["post_number"] == 1:
                key, parent = f"topic:{topic['id']}", None
            else:
                answered = post.get("reply_to_post_number")
                key = f"post:{post['id']}"
                parent = f"post:{by_number[answered]}" if answered not in (None, 1) else f"topic:{topic['id']}"
            expected[key] = parent
            row = got[key]
            likes = sum(a["count"] for a in post["actions_summary"] if a["id"] == 2)
            assert (row["username"], row["reactions"]) == (post["username"], likes), key
            assert row["occurred_at"] == utc(post["created_at"]), key
            assert row["accepted"] in ((True,) if post.get("accepted_answer") else (False, None)), key
            assert row["kind"] == ("topic" if post["post_number"] == 1 else "answer" if post.get("accepted_answer")
                                   else "post"), key
    assert {k: v["parent"] for k, v in got.items()} == expected
    assert "post:1008" not in got  # README: a small-action post, not a written post
    # README: post 1004 (#3) by amara is the accepted answer of a topic that asks
    assert (got["post:1004"]["kind"], got["post:1004"]["accepted"], got["post:1004"]["type"]) == (
        "answer", True, "question")
    assert got["post:1003"]["type"] == "question" and got["post:1007"]["type"] == "ideas"
    # README: post 1001 is by the system user (id -1): a bot, never a person to thank
    assert (got["topic:101"]["username"], got["topic:101"]["is_bot"], got["topic:101"]["person_kind"]) == (
        "system", True, PersonKind.BOT)
    assert not any(row["is_bot"] for key, row in got.items() if key != "topic:101")
    assert got["topic:102"]["replies"] == 2  # tomas and amara answered renee; renee's own reply does not count


# ---- Slack ---------------------------------------------------------------------------------


def test_slack_messages_threads_bots_and_reactions(capsys):
    imported(capsys, "slack.jsonl")
    got = rows("slack")
    items = data("slack.jsonl")
    said = [m for m in items if m.get("subtype") != "channel_join"]
    assert set(got) == {slack_key(m) for m in said}
    for m in said:
        row = got[slack_key(m)]
        assert (row["kind"], row["type"]) == ("chat", "ideas")
        assert row["reactions"] == sum(r["count"] for r in m.get("reactions", []))
        assert row["is_bot"] is bool(m.get("user_data", {}).get("is_bot") or "user_data" not in m)
        replying = m.get("thread_ts") not in (None, m["ts"])
        assert row["parent"] == (f"{m['channel_info']['id']}:{m['thread_ts']}" if replying else None)
        if "user_data" in m:
            profile = m["user_data"]
            assert (row["username"], row["name"], row["email"]) == (
                profile["name"], profile["real_name"], profile["profile"].get("email", ""))
        else:
            assert row["name"] == m["username"]  # README line 4: bot_id B05GHBOT01, username "GitHub"
    # the answer key: bots on lines 3 and 4; 5 reactions on 2 messages; line 5 answers line 6
    assert [got[slack_key(items[n])]["is_bot"] for n in range(6)] == [False, False, True, True, False, False]
    assert sum(row["reactions"] for row in got.values()) == 5
    assert got[slack_key(items[5])]["replies"] == 1
    join = items[6]
    assert join["subtype"] == "channel_join"
    assert not Identity.objects.filter(source_kind="slack", key=join["user"]).exists()


# ---- Meetup --------------------------------------------------------------------------------


def test_meetup_hosts_attendees_and_comments_of_past_events_only(capsys):
    imported(capsys, "meetup.jsonl")
    got = rows("meetup")
    expected = {}
    for event in data("meetup.jsonl"):
        if event["status"] != "past":
            assert not [k for k in got if k.startswith(f"event:{event['id']}:")]
            continue
        yes = [r for r in event["rsvps"] if r["response"] == "yes"]
        hosts = {h["id"] for h in event["event_hosts"]} | {r["member"]["id"] for r in yes
                                                          if r["member"]["event_context"]["host"]}
        for member in hosts:
            expected[f"event:{event['id']}:host:{member}"] = "event-organising"
        for r in yes:
            if r["member"]["id"] not in hosts and r.get("attendance_status") != "noshow":
                expected[f"event:{event['id']}:attendee:{r['member']['id']}"] = "event-attendance"
        for c in event["comments"]:
            expected[f"comment:{c['id']}"] = "comment"
            assert got[f"comment:{c['id']}"]["name"] == c["member"]["name"]
    assert {k: v["kind"] for k, v in got.items()} == expected
    # the answer key: event 298000001 took place; Tomás (230000003) did not show, Kenji
    # (230000004) said no; 298000003 was cancelled and 298000002 is upcoming
    assert {k for k in got if k.startswith("event:")} == {
        "event:298000001:host:230000001", "event:298000001:host:230000002", "event:298000001:attendee:230000006"}
    assert got["event:298000001:host:230000001"]["type"] == "eventOrganizing"
    assert got["event:298000001:host:230000001"]["name"] == "Jane Doe"


# ---- mailing lists -------------------------------------------------------------------------


def _replies(name):
    """(Message-ID -> answered Message-ID) of a sample, from In-Reply-To."""
    return {d["Message-ID"]: d.get("In-Reply-To") for d in data(name)}


@pytest.mark.parametrize("name", ["mbox.jsonl", "pipermail.jsonl"])
def test_mailing_list_messages_threads_and_replies_received(capsys, name):
    imported(capsys, name)
    got = rows("mbox")
    answers = _replies(name)
    assert set(got) == set(answers)
    assert {k: row["parent"] for k, row in got.items()} == answers
    for key in got:
        root = key
        while answers[root]:
            root = answers[root]
        assert got[key]["thread"] == root
        assert got[key]["replies"] == sum(1 for k, parent in answers.items()
                                          if parent == key and got[k]["email"] != got[key]["email"])
        assert got[key]["kind"] == "message" and got[key]["who"][:2] == ("mbox", "marigold-dev")


def test_pipermail_addresses_are_read_back(capsys):
    imported(capsys, "pipermail.jsonl")
    got = rows("mbox")
    # README: `jane.doe at example.org (Jane Doe)`; `ama.mensah at example.com (ama.mensah at example.com)`
    jane = got["<CAH5pm1+Jane0302@mail.example.org>"]
    assert (jane["email"], jane["name"]) == ("jane.doe@example.org", "Jane Doe")
    assert got["<pm3.ama@example.com>"]["email"] == "ama.mensah@example.com"
    assert " at " not in got["<pm3.ama@example.com>"]["name"]
    assert Identity.objects.filter(source_kind="mbox").count() == 4  # Jane wrote twice


def test_an_mboxo_escaped_from_line_is_the_authors_words(capsys):
    """tests/data/mbox/README.md: message 1 of plain.mbox has a body line stored escaped as
    `>From the dashboard numbers, …`; "an mboxo or mboxrd reader should return it as `From the
    dashboard …`". Perceval does not unescape it (tests/data/perceval/README.md), so the importer
    must, or the line is taken for a quotation and the same message differs by route."""
    imported(capsys, "mbox.jsonl")
    first = Activity.objects.get(key="<20260302100102.7f3a1c@mail.example.org>")
    assert "From the dashboard numbers" in first.body
    assert ">From" not in first.body + first.extra.get("quoted", "")


@pytest.mark.parametrize("mbox_first", [True, False])
def test_a_message_from_perceval_and_from_import_mbox_is_one_message(capsys, mbox_first):
    runs = [("import", "mbox", MBOX_SAMPLES / "plain.mbox"), ("import", "perceval", sample("mbox.jsonl"))]
    if not mbox_first:
        runs.reverse()
    assert cli(capsys, *runs[0])[0] == 0
    before = sorted(Activity.objects.values_list("key", "parent__key", "thread_key", "replies_received"))
    assert [k for k, *_ in before] == sorted(message_ids("mbox.jsonl"))
    code, out, err = cli(capsys, *runs[1])
    assert code == 0, err
    assert sorted(Activity.objects.values_list("key", "parent__key", "thread_key", "replies_received")) == before


# ---- lone surrogates -----------------------------------------------------------------------


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _texts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v)


def test_lone_surrogates_become_replacement_characters(capsys):
    imported(capsys, "surrogates.jsonl")
    items = lines("surrogates.jsonl")
    assert [line["backend_name"] for line in items] == ["Git", "Git", "MBox", "MBox"]
    commit, _, message, answer = (line["data"] for line in items)
    stored = {a.key: a for a in Activity.objects.select_related("identity")}
    assert len(stored) == 4
    # the README's fields with lone surrogates: Author and message; From, Subject and body
    rene = stored[commit["commit"]].identity
    assert "\ufffd" in rene.name and rene.email == "rene.faure@example.fr"
    assert "\ufffd" in stored[commit["commit"]].title and "\ufffd" in stored[commit["commit"]].body
    assert "\ufffd" in stored[message["Message-ID"]].identity.name
    assert "\ufffd" in stored[message["Message-ID"]].title and "\ufffd" in stored[message["Message-ID"]].body
    assert "\ufffd" in stored[answer["Message-ID"]].title
    assert stored[answer["Message-ID"]].parent_id == stored[message["Message-ID"]].pk
    for value in [*Activity.objects.values_list("key", "title", "body", "channel", "thread_key", "parent_key", "extra"),
                  *Identity.objects.values_list("key", "name", "email", "username")]:
        for text in _texts(list(value)):
            assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in text), text


def test_a_nul_character_in_text_is_not_an_error_on_any_database(tmp_path, capsys):
    """JSON may escape a NUL (\\u0000) in a chat message; PostgreSQL cannot store one in text.
    Like a lone surrogate, it must not fail the import, on SQLite or PostgreSQL alike."""
    item = lines("slack.jsonl")[0]
    item["data"]["text"] = "seed\u0000swap"
    path = tmp_path / "nul.jsonl"
    path.write_text(json.dumps(item) + "\n", encoding="ascii")
    try:
        code, out, err = cli(capsys, "import", "perceval", path)
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"the import crashed: {type(exc).__name__}: {exc}")
    assert code == 0, err
    (body,) = Activity.objects.values_list("body", flat=True)
    assert "\x00" not in body and body.startswith("seed") and body.endswith("swap")


# ---- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize("name, line", [("malformed.jsonl", 3), ("not-perceval.jsonl", 1)])
def test_a_bad_line_stops_the_import_with_nothing_of_the_file_written(capsys, name, line):
    imported(capsys, "slack.jsonl")  # something that was there before stays as it was
    before, sources = snapshot(), counts()
    code, out, err = cli(capsys, "import", "perceval", sample(name))
    assert code != 0
    assert err.count("\n") == 1 and str(sample(name)) in err and f"line {line}" in err
    assert counts() == sources and snapshot()["activities"] == before["activities"]
    assert snapshot()["identities"] == before["identities"]


def test_skip_bad_imports_the_rest_and_reports_the_bad_lines(capsys):
    code, out, err = cli(capsys, "import", "perceval", sample("malformed.jsonl"), "--skip-bad")
    assert code == 0
    good = [line["data"]["commit"] for n, line in enumerate(lines("git.jsonl"), 1) if n in (1, 2, 4, 5)]
    assert set(Activity.objects.filter(kind="commit").values_list("key", flat=True)) == set(good)
    assert "line 3" in err and "1 skipped" in out
    code, out, err = cli(capsys, "import", "perceval", sample("not-perceval.jsonl"), "--skip-bad")
    assert code == 0 and "8 skipped" in out
    assert [f"line {n}:" in err for n in range(1, 9)] == [True] * 8
    assert Activity.objects.count() == len(good) + 1  # and the co-authorship of commit 1df71cb


def test_an_item_with_a_damaged_value_is_a_bad_line_too(tmp_path, capsys):
    """A Git item whose `files` is a number, not a list: a line that is not the Perceval item it
    claims to be. It must stop the import like any bad line (one line on stderr, with its number),
    or be skipped with --skip-bad; not end the command with a traceback."""
    good = sample("git.jsonl").read_text(encoding="ascii").splitlines()[:2]
    broken = lines("git.jsonl")[2]
    broken["data"]["files"] = 5
    path = tmp_path / "damaged.jsonl"
    path.write_text("\n".join([*good, json.dumps(broken)]) + "\n", encoding="ascii")
    try:
        code, out, err = cli(capsys, "import", "perceval", path)
    except Exception as exc:  # noqa: BLE001 - the point: anything but a one-line error is wrong
        pytest.fail(f"the import crashed: {type(exc).__name__}: {exc}")
    assert code != 0 and err.count("\n") == 1 and str(path) in err and "line 3" in err
    assert not Activity.objects.exists()
    code, out, err = cli(capsys, "import", "perceval", path, "--skip-bad")
    assert code == 0 and "line 3" in err and Activity.objects.filter(kind="commit").count() == 2


def test_items_of_backends_not_read_are_reported_not_imported(capsys):
    code, out, err = cli(capsys, "import", "perceval", sample("unknown-backend.jsonl"))
    assert code == 0
    assert "2 items of backend RSS not imported" in err
    assert not Activity.objects.exists() and not Identity.objects.exists()


def test_a_file_mixing_backends_imports_those_read_and_reports_the_others(tmp_path, capsys):
    path = tmp_path / "mixed.jsonl"
    path.write_text(sample("unknown-backend.jsonl").read_text(encoding="ascii")
                    + sample("git.jsonl").read_text(encoding="ascii"), encoding="ascii")
    code, out, err = cli(capsys, "import", "perceval", path)
    assert code == 0 and "2 items of backend RSS not imported" in err
    assert Activity.objects.filter(kind="commit").count() == len(lines("git.jsonl"))


def test_an_empty_file_imports_nothing(capsys):
    code, out, err = cli(capsys, "import", "perceval", sample("empty.jsonl"))
    assert code == 0 and err == ""
    assert not Activity.objects.exists() and not Identity.objects.exists()


# ---- re-runs, sources, sync ----------------------------------------------------------------


def test_an_unchanged_file_is_not_read_again(capsys):
    imported(capsys, "discourse.jsonl")
    before = snapshot()
    out = imported(capsys, "discourse.jsonl")
    assert "unchanged" in out
    assert snapshot() == before


def test_the_file_is_a_source_listed_with_its_cursor(capsys):
    imported(capsys, "meetup.jsonl")
    code, out, _ = cli(capsys, "sources", "--json")
    assert code == 0
    (source,) = [s for s in json.loads(out) if s["kind"] == "perceval"]
    assert source["location"] == str(sample("meetup.jsonl").resolve())
    assert (source["status"], source["activities"], source["error"]) == ("ok", Activity.objects.count(), "")
    assert source["cursor"] and source["last_run_at"]


def test_sync_reruns_the_file_and_picks_up_what_was_added(tmp_path, capsys):
    path = copy("git.jsonl", tmp_path, "perceval.jsonl")
    assert cli(capsys, "import", "perceval", path)[0] == 0
    code, out, _ = cli(capsys, "sync")
    assert code == 0 and f"perceval {path.resolve()}: unchanged" in out
    with open(path, "a", encoding="ascii") as f:
        f.write(sample("slack.jsonl").read_text(encoding="ascii"))
    commits = Activity.objects.count()
    code, out, err = cli(capsys, "sync")
    assert code == 0, err
    added = len([m for m in data("slack.jsonl") if m.get("subtype") != "channel_join"])
    assert f"perceval {path.resolve()}: {added} new" in out
    assert Activity.objects.count() == commits + added
    assert Source.objects.get(kind="perceval").status == "ok"
    code, out, _ = cli(capsys, "sync")
    assert code == 0 and f"perceval {path.resolve()}: unchanged" in out


# ---- erasure -------------------------------------------------------------------------------


def _newer_copy(name, folder):
    """A fresh copy of a sample, every item seen an hour later (so the state of each is news)."""
    target = folder / f"again-{name}"
    with open(target, "w", encoding="ascii") as f:
        for line in lines(name):
            line["updated_on"] += 3600
            f.write(json.dumps(line, separators=(",", ":"), sort_keys=True) + "\n")
    return target


@pytest.mark.parametrize("name, source_kind, key", [
    ("git.jsonl", "git", "Tom\u00e1s Oliveira <tomas@example.net>"),
    ("github-pulls.jsonl", "github", "41000002"),  # jane-doe, who merged #12 and #17
    ("gitlab.jsonl", "gitlab", None),  # tomas.oliveira, by username below
    ("discourse.jsonl", "discourse", "7"),  # amara, whose answer was accepted
    ("slack.jsonl", "slack", "U05JANE001"),
    ("meetup.jsonl", "meetup", "230000002"),
    ("mbox.jsonl", "mbox", "tomas@example.net"),
])
def test_erased_people_stay_erased_on_a_reimport(tmp_path, capsys, name, source_kind, key):
    imported(capsys, name)
    identity = (Identity.objects.get(source_kind=source_kind, key=key) if key else
                Identity.objects.get(source_kind=source_kind, username="tomas.oliveira"))
    person = identity.person
    theirs = set(Activity.objects.filter(identity__person=person).values_list("key", flat=True))
    gone = set(Identity.objects.filter(person=person).values_list("source_kind", "source_instance", "key"))
    assert theirs
    erase(person, actor_label="test")
    identities_after_erasure = set(Identity.objects.values_list("source_kind", "source_instance", "key"))
    code, out, err = cli(capsys, "import", "perceval", _newer_copy(name, tmp_path))
    assert code == 0, err
    assert set(Identity.objects.values_list("source_kind", "source_instance", "key")) == identities_after_erasure
    assert not gone & identities_after_erasure
    assert set(Activity.objects.filter(key__in=theirs).values_list("identity__person__display_name", flat=True)) == {
        ERASED_NAME}
    # their account name is not written on others' items either (a merger, a reviewer)
    for row in rows().values():
        assert row["extra"].get("merged_by") != identity.username or not identity.username
        assert identity.username not in row["reviewed_by"] or not identity.username
    assert Identity.objects.filter(source_kind=ERASED_SOURCE).count() == 1
