"""GH Archive events as items (seedbed.importers.gharchive_events, github_items): pure, no database.

Hand-made minimal events of each type, in the full shape and in the shape GitHub trimmed in
2025, then hypothesis: whatever JSON a line holds, items() either reads it or says BadEvent.
"""
import datetime as dt
import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedbed.importers import gharchive_events as events
from seedbed.importers import github_items as gh
from seedbed.importers.gharchive_events import BadEvent, Filter, items
from seedbed.importers.items import Author, Item, State, when

DATA = Path(__file__).resolve().parent.parent / "data" / "gharchive"
AT = "2026-03-02T15:30:00Z"
SEEN = dt.datetime(2026, 3, 2, 15, 30, tzinfo=dt.timezone.utc)
REPO = "Marigold-Dev/Trellis"  # keys and channels fold it to lower case


def account(login: str, uid: int, **more) -> dict:
    return {"login": login, "id": uid, **more}


ANA, BO, CY = account("ana", 11, type="User"), account("bo", 22, type="User"), account("cy", 33, type="User")
ACTOR = {"id": 99, "login": "dee", "display_login": "dee", "gravatar_id": "", "url": "", "avatar_url": ""}


def event(kind: str, payload, *, actor=ACTOR, repo=REPO, at=AT) -> dict:
    return {"id": "30412600101", "type": kind, "actor": actor, "repo": {"id": 1, "name": repo, "url": ""},
            "payload": payload, "public": True, "created_at": at}


def issue(number=5, *, user=ANA, pull=False, **more) -> dict:
    obj = {"number": number, "id": 2900000000 + number, "title": "Crash on é", "body": "It crashes when syncing",
           "user": user, "state": "open", "labels": [], "created_at": "2026-03-01T10:00:00Z",
           "html_url": f"https://github.com/{REPO}/issues/{number}", "reactions": {"total_count": 2}, **more}
    if pull:
        obj["pull_request"] = {"url": "", "merged_at": None}
    return obj


def pull(number=42, **more) -> dict:
    return {"number": number, "id": 2598001142, "title": "Add export", "body": "Closes #36", "user": BO,
            "state": "open", "created_at": "2026-03-01T09:00:00Z", "merged": False, "merged_at": None,
            "merged_by": None, "additions": 10, "deletions": 2, "changed_files": 3, "labels": [],
            "html_url": f"https://github.com/{REPO}/pull/{number}", **more}


def stub(number=42) -> dict:
    """A pull request in a trimmed (2025) payload: only url, id, number, head, base."""
    return {"url": f"https://api.github.com/repos/{REPO}/pulls/{number}", "id": 2598001142, "number": number,
            "head": {"ref": "fix", "sha": "a" * 40, "repo": {"id": 2, "url": "", "name": "bo/trellis"}},
            "base": {"ref": "main", "sha": "b" * 40, "repo": {"id": 1, "url": "", "name": REPO}}}


def comment(cid=2689000101, user=CY, **more) -> dict:
    return {"id": cid, "user": user, "body": "Thanks, that fixed it", "created_at": "2026-03-02T15:29:00Z",
            "html_url": "", **more}


def review(rid=2712345601, state="approved", user=CY) -> dict:
    return {"id": rid, "user": user, "body": "Looks good", "state": state, "submitted_at": "2026-03-02T15:29:00Z"}


def keys(found) -> list[tuple[str, str]]:
    return [(type(one).__name__, one.key) for one in found]


# --- Filter --------------------------------------------------------------------------------------

def test_a_filter_folds_case_and_spaces_and_describes_itself_sorted():
    wanted = Filter.of([" Marigold-Dev ", "", "juniper-labs"], ["Kit-Ochieng/Dotfiles", "  "])
    assert wanted == Filter(frozenset({"marigold-dev", "juniper-labs"}), frozenset({"kit-ochieng/dotfiles"}))
    assert wanted.describe() == "org:juniper-labs org:marigold-dev repo:kit-ochieng/dotfiles"
    assert not wanted.everything and Filter.of().everything and Filter.of().describe() == "all"


@pytest.mark.parametrize("repo, org_wants, repo_wants", [
    ("marigold-dev/trellis", True, False),
    ("MARIGOLD-DEV/Compost", True, False),
    ("juniper-labs/sprout", False, True),
    ("Juniper-Labs/Sprout", False, True),
    ("juniper-labs/sprout-docs", False, False),
    ("marigold-dev-fork/trellis", False, False),
    ("someone/marigold-dev", False, False),
])
def test_a_filter_wants_the_owners_repositories_or_the_repository_named(repo, org_wants, repo_wants):
    assert Filter.of(["marigold-dev"]).wants(repo) is org_wants
    assert Filter.of(repos=["juniper-labs/sprout"]).wants(repo) is repo_wants
    assert Filter.of(["marigold-dev"], ["juniper-labs/sprout"]).wants(repo) is (org_wants or repo_wants)
    assert Filter.of().wants(repo)


def test_from_lines_keeps_the_wanted_repositories_and_reports_bad_events_by_line():
    class Lines(list):  # decoded lines, as JsonLines gives them, noting what is reported bad
        def bad(self, message):
            self.bad_lines.append(message)

    lines = Lines([(1, event("IssuesEvent", {"action": "opened", "issue": issue()})),
                   (2, event("IssuesEvent", {"action": "opened", "issue": issue(6)}, repo="other/repo")),
                   (4, ["not", "an", "event"]),
                   (5, event("IssuesEvent", {"action": "opened"}, repo="marigold-dev/compost"))])
    lines.bad_lines = []
    found = list(events.from_lines(lines, Filter.of(["marigold-dev"])))
    assert keys(found) == [("Item", "issue:marigold-dev/trellis#5")]
    assert lines.bad_lines[0].startswith("line 4: ") and lines.bad_lines[1].startswith("line 5: ")
    assert len(lines.bad_lines) == 2


# --- each event type -----------------------------------------------------------------------------

def test_an_issue_event_is_the_issue_of_its_author():
    [one] = items(event("IssuesEvent", {"action": "opened", "issue": issue(labels=[{"name": "question"}])}))
    assert isinstance(one, Item)
    assert (one.platform, one.key, one.kind, one.contribution_type) == ("github", "issue:marigold-dev/trellis#5",
                                                                        "issue", "question")
    assert (one.channel, one.thread_key, one.parent_key) == ("marigold-dev/trellis", one.key, "")
    assert one.author == Author("github", "", "11", username="ana", external_id="11")
    assert (one.title, one.body, one.size, one.reactions, one.merged) == ("Crash on é", "It crashes when syncing", 4, 2,
                                                                          None)
    assert one.occurred_at == dt.datetime(2026, 3, 1, 10, tzinfo=dt.timezone.utc) and one.seen_at == SEEN
    assert one.extra == {"number": 5, "state": "open", "labels": ["question"]}


def test_a_full_pull_request_event_says_merged_and_by_whom():
    merged = pull(title="docs: export", state="closed", merged=True, merged_at=AT, merged_by=CY, closed_at=AT)
    [one] = items(event("PullRequestEvent", {"action": "closed", "number": 42, "pull_request": merged}))
    assert (one.key, one.kind, one.contribution_type, one.merged) == ("pr:marigold-dev/trellis#42", "pull-request",
                                                                      "doc", True)
    assert one.author.username == "bo" and one.size == 12
    assert (one.extra["state"], one.extra["merged_by"], one.extra["files_changed"]) == ("merged", "cy", 3)


def test_a_full_pull_request_closed_without_merging_is_closed():
    closed = pull(state="closed", closed_at=AT)
    [one] = items(event("PullRequestEvent", {"action": "closed", "number": 42, "pull_request": closed}))
    assert (one.merged, one.extra["state"]) == (False, "closed") and "merged_by" not in one.extra


def test_a_short_pull_request_that_does_not_say_whether_it_merged_is_neither():
    short = {k: v for k, v in pull(state="closed").items() if k not in ("merged", "merged_at", "merged_by")}
    [around, _] = items(event("PullRequestReviewEvent", {"action": "created", "pull_request": short,
                                                        "review": review()}))
    assert around.merged is None and "state" not in around.extra  # closed, merged or not: unknown


def test_a_trimmed_opened_event_makes_the_actor_the_author():
    bot = {**ACTOR, "id": 49699333, "login": "dependabot[bot]", "display_login": "dependabot"}
    [one] = items(event("PullRequestEvent", {"action": "opened", "number": 9, "pull_request": stub(9)}, actor=bot))
    assert isinstance(one, Item) and one.key == "pr:marigold-dev/trellis#9"
    assert one.author == Author("github", "", "49699333", username="dependabot[bot]", external_id="49699333",
                                is_bot=True)
    assert (one.merged, one.extra["state"], one.title, one.occurred_at) == (False, "open", "", SEEN)


@pytest.mark.parametrize("action, merged, extra", [
    ("merged", True, {"state": "merged", "merged_at": AT, "merged_by": "dee"}),
    ("closed", False, {"state": "closed", "closed_at": AT}),
    ("reopened", False, {"state": "open"}),
])
def test_a_trimmed_state_change_is_only_news_about_the_pull_request(action, merged, extra):
    found = items(event("PullRequestEvent", {"action": action, "number": 42, "pull_request": stub()}))
    assert found == [State("github", "pr:marigold-dev/trellis#42", SEEN, merged, extra)]


def test_the_number_may_come_from_the_payload_and_other_trimmed_actions_say_nothing():
    no_number = {k: v for k, v in stub().items() if k != "number"}
    [one] = items(event("PullRequestEvent", {"action": "merged", "number": 42, "pull_request": no_number}))
    assert one.key == "pr:marigold-dev/trellis#42"
    assert items(event("PullRequestEvent", {"action": "labeled", "number": 42, "pull_request": stub()})) == []
    with pytest.raises(BadEvent, match="number"):
        items(event("PullRequestEvent", {"action": "merged", "pull_request": no_number}))


def test_a_comment_on_a_pull_request_brings_the_pull_request_and_points_at_it():
    on_pr = issue(42, user=BO, pull=True, title="Bump pytest")
    found = items(event("IssueCommentEvent", {"action": "created", "issue": on_pr, "comment": comment()}))
    assert keys(found) == [("Item", "pr:marigold-dev/trellis#42"), ("Item", "comment:2689000101")]
    pr, said = found
    assert (pr.kind, pr.title, pr.author.username, pr.merged) == ("pull-request", "Bump pytest", "bo", False)
    assert (said.kind, said.contribution_type, said.parent_key, said.thread_key) == (
        "comment", "review", pr.key, pr.key)
    assert (said.author.username, said.body, said.size) == ("cy", "Thanks, that fixed it", 4)


def test_a_comment_on_an_issue_has_the_issues_type_and_a_deleted_one_only_brings_the_issue():
    bug = issue(labels=[{"name": "documentation"}])
    issue_, said = items(event("IssueCommentEvent", {"action": "created", "issue": bug, "comment": comment()}))
    assert (issue_.key, said.parent_key, said.contribution_type) == ("issue:marigold-dev/trellis#5", issue_.key, "doc")
    gone = items(event("IssueCommentEvent", {"action": "deleted", "issue": bug, "comment": comment()}))
    assert keys(gone) == [("Item", "issue:marigold-dev/trellis#5")]


def test_a_comment_by_a_deleted_account_is_left_out():
    found = items(event("IssueCommentEvent", {"action": "created", "issue": issue(), "comment": comment(user=None)}))
    assert keys(found) == [("Item", "issue:marigold-dev/trellis#5")]


@pytest.mark.parametrize("state", ["approved", "changes_requested", "commented", "dismissed"])
def test_a_review_in_a_trimmed_payload_is_the_review_alone_with_its_state_upper_case(state):
    [one] = items(event("PullRequestReviewEvent", {"action": "created", "pull_request": stub(),
                                                   "review": review(state=state)}))
    assert (one.key, one.kind, one.contribution_type) == ("review:2712345601", "review", "review")
    assert (one.parent_key, one.author.username, one.extra) == ("pr:marigold-dev/trellis#42", "cy",
                                                                {"state": state.upper()})
    assert one.occurred_at == dt.datetime(2026, 3, 2, 15, 29, tzinfo=dt.timezone.utc)


def test_a_review_in_a_full_payload_also_brings_its_pull_request():
    found = items(event("PullRequestReviewEvent", {"action": "created", "pull_request": pull(), "review": review()}))
    assert keys(found) == [("Item", "pr:marigold-dev/trellis#42"), ("Item", "review:2712345601")]


def test_a_review_comment_points_at_its_pull_request_and_a_deleted_one_is_not_imported():
    said = comment(1988400101, path="trellis/export.py", pull_request_review_id=2712345601)
    pr, one = items(event("PullRequestReviewCommentEvent", {"action": "created", "pull_request": pull(),
                                                            "comment": said}))
    assert (one.key, one.kind, one.contribution_type, one.parent_key) == (
        "review-comment:1988400101", "comment", "review", pr.key)
    assert one.extra == {"path": "trellis/export.py", "review": 2712345601}
    assert items(event("PullRequestReviewCommentEvent", {"action": "created", "pull_request": stub(),
                                                         "comment": said}))[0].key == one.key
    gone = items(event("PullRequestReviewCommentEvent", {"action": "deleted", "pull_request": stub(), "comment": said}))
    assert gone == []


def test_a_release_is_its_authors_with_its_name_or_tag():
    release = {"id": 201445501, "tag_name": "v0.9.1", "name": "Compost 0.9.1", "author": ANA, "body": "Notes",
               "created_at": "2026-03-02T15:00:00Z", "published_at": "2026-03-02T15:10:00Z"}
    [one] = items(event("ReleaseEvent", {"action": "published", "release": release}))
    assert (one.key, one.kind, one.contribution_type, one.title) == ("release:201445501", "release", "maintenance",
                                                                     "Compost 0.9.1")
    assert one.author.username == "ana" and one.extra == {"tag": "v0.9.1"}
    assert one.occurred_at == dt.datetime(2026, 3, 2, 15, 10, tzinfo=dt.timezone.utc)
    [untitled] = items(event("ReleaseEvent", {"action": "published", "release": {**release, "name": None}}))
    assert untitled.title == "v0.9.1"


@pytest.mark.parametrize("kind", ["PushEvent", "WatchEvent", "ForkEvent", "CreateEvent", "DeleteEvent", "GollumEvent",
                                  "MemberEvent", "PublicEvent", "SomethingNewEvent"])
def test_events_that_are_no_ones_contribution_give_nothing(kind):
    assert items(event(kind, {"ref": "main"})) == []
    assert items(event(kind, None)) == []  # not even read


@pytest.mark.parametrize("broken, says", [
    ("not an event", "type"),
    ({"repo": {"name": "a/b"}, "payload": {}}, "type"),
    ({"type": 7, "repo": {"name": "a/b"}}, "type"),
    ({"type": "IssuesEvent", "payload": {}}, "repository"),
    ({"type": "IssuesEvent", "repo": {"name": "no-slash"}, "payload": {}}, "repository"),
    (event("IssuesEvent", None), "payload"),
    (event("IssuesEvent", {"action": "opened", "issue": issue()}, at="yesterday"), "created_at"),
    (event("IssuesEvent", {"action": "opened", "issue": issue()}, at=None), "created_at"),
    (event("IssuesEvent", {"action": "opened"}), "issue"),
    (event("IssuesEvent", {"action": "opened", "issue": {**issue(), "number": None}}), "number"),
    (event("IssuesEvent", {"action": "opened", "issue": issue(created_at="soon")}), "created_at"),
    (event("IssueCommentEvent", {"action": "created", "issue": issue(), "comment": comment(cid="")}), "id"),
    (event("PullRequestReviewEvent", {"action": "created", "pull_request": stub(), "review": {"state": "x"}}), "id"),
    (event("PullRequestReviewEvent", {"action": "created", "pull_request": {}, "review": review()}), "number"),
    (event("ReleaseEvent", {"action": "published", "release": {"name": "v1"}}), "id"),
    (event("ReleaseEvent", {"action": "published", "release": []}), "release"),
])
def test_an_event_without_what_its_type_must_have_is_a_bad_event_saying_what(broken, says):
    with pytest.raises(BadEvent, match=says):
        items(broken)


# --- accounts and types --------------------------------------------------------------------------

@pytest.mark.parametrize("obj, key, username, bot", [
    ({"login": "dependabot[bot]", "id": 49699333}, "49699333", "dependabot[bot]", True),
    ({"login": "Renovate-Bot[BOT]", "id": 1}, "1", "Renovate-Bot[BOT]", True),
    ({"login": "ci-runner", "id": 2, "type": "Bot"}, "2", "ci-runner", True),
    ({"login": "ana", "id": 11, "type": "User"}, "11", "ana", False),
    ({"login": "Ana"}, "login:ana", "Ana", False),
])
def test_accounts_are_keyed_by_their_numeric_id_and_bots_are_recognised(obj, key, username, bot):
    who = gh.user(obj)
    assert (who.source_kind, who.instance, who.key, who.username, who.is_bot) == ("github", "", key, username, bot)


@pytest.mark.parametrize("obj", [None, {}, {"login": "", "id": None}, "ana", 11])
def test_no_account_is_no_one(obj):
    assert gh.user(obj) is None


@pytest.mark.parametrize("title, labels, expected", [
    ("docs: explain the export", [], "doc"),
    ("Docs: ‘Kompost’ glossary (DE/ES/中文)", [], "doc"),
    ("[documentation] typo", [], "doc"),
    ("test: cover the parser", [], "test"),
    ("ci: cache the wheels", [], "infra"),
    ("build(deps): bump x", [], "infra"),
    ("i18n: Japanese quick-start", [], "translation"),
    ("chore(deps): bump requests", [], "maintenance"),
    ("Bump requests from 2.32.3 to 2.32.4", ["dependencies"], "maintenance"),
    ("Add seed-bank export", [], "code"),
    ("Add seed-bank export", ["enhancement"], "code"),  # a change, not an idea
    ("Add seed-bank export", ["question"], "code"),
    ("Add seed-bank export", ["enhancement", "documentation"], "doc"),
    ("Fix the crash", ["type: security"], "security"),
    ("Testing the waters", [], "code"),  # "test" must be a word of its own
    ("Documents upload", [], "code"),
])
def test_a_pull_requests_type_comes_from_its_title_then_its_labels(title, labels, expected):
    assert gh.pull_type({"title": title, "labels": [{"name": n} for n in labels]}) == expected


@pytest.mark.parametrize("labels, expected", [
    ([], "bug"),
    (["bug"], "bug"),
    (["enhancement"], "ideas"),
    (["feature request"], "ideas"),
    (["question"], "question"),
    (["documentation"], "doc"),
    (["area/docs"], "doc"),
    (["good first issue"], "bug"),
    (["a11y"], "a11y"),
    (["question", "security"], "security"),  # the more specific wins
])
def test_an_issues_type_comes_from_its_labels_and_is_a_bug_report_when_they_say_nothing(labels, expected):
    assert gh.issue_type({"title": "docs: whatever the title says", "labels": [{"name": n} for n in labels]}) == expected
    assert gh.issue_type({"labels": labels}) == expected  # label names alone, as some tools write them


# --- dates and shapes the importer must survive (found by the property tests below) ---------------

@pytest.mark.parametrize("value, expected", [
    ("2026-03-02T15:30:00Z", SEEN),
    ("2026-03-02T17:30:00+02:00", SEEN),
    ("2026-03-02T15:30:00", SEEN),
    (1772465400, SEEN),
    (None, None), ("", None), (True, None), ("yesterday", None), ([], None), (float("nan"), None), (10 ** 30, None),
    ("0001-01-01T00:00:00+01:00", None),  # before year 1 once in UTC: not a time
    ("9999-12-31T23:59:59-01:00", None),  # after year 9999 once in UTC
])
def test_when_reads_timestamps_and_gives_none_for_what_is_not_one(value, expected):
    assert when(value) == expected


def test_a_created_at_out_of_range_is_a_bad_event():
    with pytest.raises(BadEvent, match="created_at"):
        items(event("IssuesEvent", {"action": "opened", "issue": issue()}, at="0001-01-01T00:00:00+01:00"))


@pytest.mark.parametrize("labels", [7, 2.5, True, {"name": "bug"}, "bug"])
def test_labels_that_are_not_a_list_are_read_or_a_bad_event_never_a_crash(labels):
    try:
        found = items(event("IssuesEvent", {"action": "opened", "issue": issue(labels=labels)}))
    except BadEvent:
        return
    assert keys(found) == [("Item", "issue:marigold-dev/trellis#5")]


# --- property tests --------------------------------------------------------------------------------

NAMES = ["type", "repo", "name", "payload", "created_at", "actor", "action", "number", "issue", "pull_request",
         "comment", "review", "release", "user", "login", "id", "labels", "title", "body", "state", "merged",
         "merged_at", "merged_by", "submitted_at", "published_at", "tag_name", "author", "reactions", "total_count",
         "additions", "deletions", "user_data", "merged_by_data", "author_data", "draft", "changed_files", "path"]
# ISO 8601 timestamps of any date and offset, as GitHub and other tools write them
TIMES = st.builds(lambda d, m: f"{d.isoformat()}{'+' if m >= 0 else '-'}{abs(m) // 60:02d}:{abs(m) % 60:02d}",
                  st.datetimes(), st.integers(-(23 * 60 + 59), 23 * 60 + 59)) | st.just(AT)
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | TIMES
           | st.sampled_from(["a/b", "opened", "merged", "closed", "Bot", "x[bot]"]))
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.sampled_from(NAMES) | st.text(max_size=6), inner, max_size=6), max_leaves=25)
PROPERTY = settings(max_examples=500, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


def only_bad_events(value) -> None:
    try:
        found = items(value)
    except BadEvent:
        return
    assert all(isinstance(one, (Item, State)) for one in found)


@PROPERTY
@given(JSON)
def test_any_json_value_is_read_or_a_bad_event(value):
    only_bad_events(value)


@PROPERTY
@given(st.sampled_from(events.TYPES), TIMES, st.dictionaries(st.sampled_from(NAMES), JSON, max_size=6))
def test_any_payload_of_a_contribution_event_is_read_or_a_bad_event(kind, at, payload):
    only_bad_events(event(kind, payload, at=at))


def _sample_events() -> list[dict]:
    found = []
    for name in ("2026-03-02-15.json.gz", "2026-03-02-16.json.gz"):
        with gzip.open(DATA / name) as f:
            found += [json.loads(line) for line in f]
    return found + [json.loads(line) for line in (DATA / "plain.json").read_bytes().splitlines()]


SAMPLES = [e for e in _sample_events() if e["type"] in events.TYPES]


def paths(value, prefix=()) -> list[tuple]:
    """Every key and index path inside a decoded JSON value."""
    out = []
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for step, child in children:
        out.append((*prefix, step))
        out += paths(child, (*prefix, step))
    return out


@PROPERTY
@given(st.data())
def test_real_events_with_keys_dropped_or_replaced_are_read_or_a_bad_event(data):
    value = json.loads(json.dumps(data.draw(st.sampled_from(SAMPLES))))
    for _ in range(data.draw(st.integers(1, 3))):
        every = paths(value)
        if not every:
            break
        shallow = [p for p in every if len(p) <= 3]  # the envelope, the payload and its objects' own keys
        read = [p for p in shallow if p[-1] in NAMES and (len(p) == 1 or p[0] == "payload")]  # what items() reads
        path = data.draw(st.sampled_from(read) | st.sampled_from(shallow) | st.sampled_from(every))
        target = value
        for step in path[:-1]:
            target = target[step]
        if data.draw(st.booleans()) and isinstance(target, dict):
            del target[path[-1]]
        else:
            target[path[-1]] = data.draw(SCALARS | JSON)
    only_bad_events(value)


def test_the_real_events_themselves_all_read():
    assert len(SAMPLES) > 40
    for sample in SAMPLES:
        assert all(isinstance(one, (Item, State)) for one in items(sample))
