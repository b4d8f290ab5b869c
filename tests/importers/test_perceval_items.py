"""perceval_items, pure: Perceval's envelope and each backend's items, on small hand-made items
for the edge cases the samples' README lists, and on anything at all (hypothesis): whatever a
line holds, items() returns or raises BadItem or Unsupported, nothing else."""
import copy
import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedbed.importers import gitlog, mail, perceval_items
from seedbed.importers.items import Item, State
from seedbed.importers.perceval_items import BadItem, Unsupported, envelope, items
from tests.importers.perceval_helpers import SAMPLES, lines

SHA = "0123456789abcdef0123456789abcdef01234567"
GH = "https://github.com/marigold-dev/marigold"
WHEN = 1772470800.0


def wrap(backend: str, data: dict, category: str = "", origin: str = GH, updated_on=WHEN) -> dict:
    return {"backend_name": backend, "backend_version": "1.0.0", "category": category, "origin": origin,
            "data": data, "perceval_version": "1.6.1", "timestamp": WHEN, "updated_on": updated_on,
            "uuid": "0" * 40, "tag": origin}


def by_key(found) -> dict:
    return {one.key: one for one in found}


# ---- envelope ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, 42, "x", [1, 2], {"backend_name": "Git"}, {"data": {}},
                                   {"backend_name": 3, "data": {}}, {"backend_name": "Git", "data": []}])
def test_what_is_not_a_perceval_item_is_a_bad_item(value):
    with pytest.raises(BadItem):
        envelope(value)


def test_the_envelope_names_backend_category_origin_data_and_when():
    backend, category, origin, data, updated = envelope(wrap("GitHub", {"number": 1}, "issue"))
    assert (backend, category, origin, data) == ("github", "issue", GH, {"number": 1})
    assert updated == dt.datetime.fromtimestamp(WHEN, dt.timezone.utc)
    assert envelope(wrap("Git", {}, updated_on="not a time"))[4] is None


def test_backends_not_read_are_unsupported_not_bad():
    rss = lines("unknown-backend.jsonl")[0]
    with pytest.raises(Unsupported):
        items(rss)
    with pytest.raises(Unsupported):
        items(wrap("Jira", {"key": "X-1"}))


# ---- git -----------------------------------------------------------------------------------


def commit(**data):
    return wrap("Git", {"commit": SHA, "Author": "Ana Souza <ana@example.org>",
                        "AuthorDate": "Tue Feb 24 14:30:00 2026 -0300", "Commit": "Ana Souza <ana@example.org>",
                        "CommitDate": "Tue Feb 24 14:30:00 2026 -0300", "message": "Title\n\nBody text",
                        "parents": [], "files": [], **data}, "commit")


def test_a_committer_who_is_not_the_author_is_kept_as_import_git_keeps_it():
    assert items(commit())[0].committer is None
    found = items(commit(Commit="GitHub <noreply@github.com>", **{"Co-authored-by": ["Bo Li <bo@example.org>"]}))
    assert [(one.key[:40], one.committer.key, one.committer.email) for one in found] == [
        (SHA, "GitHub <noreply@github.com>", "noreply@github.com")] * 2


def test_a_commit_is_keyed_by_its_sha_with_its_author_and_files():
    (one,) = items(commit(files=[{"action": "M", "added": "3", "removed": "1", "file": "src/a.py"},
                                 {"action": "R100", "added": "0", "removed": "0", "file": "docs/old.md",
                                  "newfile": "docs/new.md"}]))
    assert (one.platform, one.key, one.kind, one.title, one.body) == ("git", SHA, "commit", "Title", "Body text")
    assert (one.author.source_kind, one.author.key, one.author.name, one.author.email) == (
        "git", "Ana Souza <ana@example.org>", "Ana Souza", "ana@example.org")
    assert one.occurred_at == dt.datetime(2026, 2, 24, 17, 30, tzinfo=dt.timezone.utc)
    assert (one.files_changed, one.lines_added, one.lines_removed, one.size) == (2, 3, 1, 4)


def test_a_merge_commits_combined_diff_is_not_its_own_change():
    (one,) = items(commit(Merge="dc71a5d f352912", parents=[SHA.replace("0", "1"), SHA.replace("0", "2")],
                          files=[{"added": "5", "removed": "0", "file": "docs/contributing.md"}]))
    assert (one.files_changed, one.lines_added, one.size, one.contribution_type) == (0, 0, 0, "maintenance")
    assert one.extra["parents"] == [SHA.replace("0", "1"), SHA.replace("0", "2")]


def test_a_binary_file_is_counted_as_import_git_counts_it():
    """Perceval writes git's "-" line counts for a binary file; `import git` (gitlog) counts the
    file as changed, without lines. The same commit must have the same numbers by both routes."""
    (one,) = items(commit(files=[{"action": "A", "added": "-", "removed": "-", "file": "logo.png"},
                                 {"action": "M", "added": "2", "removed": "1", "file": "src/a.py"}]))
    by_git = gitlog.parse_record([SHA.encode(), b"", b"Ana Souza", b"ana@example.org", b"1771954200", b"Ana Souza",
                                  b"ana@example.org", b"1771954200", b"", b"Title\n\nBody text\n",
                                  b"-\t-\tlogo.png\n2\t1\tsrc/a.py\n"])
    assert (one.files_changed, one.lines_added, one.lines_removed) == (
        len(by_git.changes), by_git.lines_added, by_git.lines_removed)


def test_co_authors_get_their_own_activity_on_the_commit_but_not_the_author_twice():
    found = by_key(items(commit(**{"Co-authored-by": ["Bo Li <Bo@Example.org>", "Ana Souza <ANA@example.org>"]})))
    assert set(found) == {SHA, f"{SHA}:co-authored:bo@example.org"}
    co = found[f"{SHA}:co-authored:bo@example.org"]
    assert (co.kind, co.parent_key, co.author.key) == ("co-authored", SHA, "Bo Li <Bo@Example.org>")


@pytest.mark.parametrize("damage", [{"commit": "not-a-sha"}, {"commit": None}, {"AuthorDate": "yesterday"},
                                    {"Author": ""}])
def test_a_commit_without_sha_author_or_date_is_a_bad_item(damage):
    with pytest.raises(BadItem):
        items(commit(**damage))


# ---- GitHub --------------------------------------------------------------------------------


def account(login, ident, kind="User", name=None):
    return {"login": login, "id": ident, "type": kind, "name": name, "email": None, "organizations": []}


def pull(**data):
    return wrap("GitHub", {"number": 15, "id": 1800000003, "title": "Add a parser", "body": "It parses.",
                           "user": account("bo", 2), "user_data": account("bo", 2, name="Bo Li"),
                           "created_at": "2026-03-05T20:00:00Z", "state": "open", "merged": False, "merged_at": None,
                           "merged_by": None, "merged_by_data": [], "review_comments_data": {},
                           "reviews_data": [], "additions": 7, "deletions": 2, **data}, "pull_request")


def test_an_unmerged_pull_request_with_perceval_s_empty_placeholders():
    (one,) = items(pull())  # merged_by_data [] and review_comments_data {}: no merger, no comments
    assert (one.key, one.kind, one.merged, one.size) == ("pr:marigold-dev/marigold#15", "pull-request", False, 9)
    assert "merged_by" not in one.extra and one.extra["state"] == "open"
    assert (one.author.key, one.author.username, one.author.name) == ("2", "bo", "Bo Li")


def test_a_merged_pull_request_with_reviews_and_review_comments():
    found = by_key(items(pull(
        state="closed", merged=True, merged_at="2026-03-06T10:00:00Z", merged_by_data=account("ana", 1),
        reviews_data=[{"id": 7, "state": "changes_requested", "submitted_at": "2026-03-06T09:00:00Z",
                       "user": account("ana", 1), "user_data": account("ana", 1)}],
        review_comments_data=[{"id": 9, "body": "nit", "created_at": "2026-03-06T09:00:00Z", "path": "a.py",
                               "user": account("ana", 1), "user_data": account("ana", 1)}]), GH))
    pr = found["pr:marigold-dev/marigold#15"]
    assert (pr.merged, pr.extra["merged_by"], pr.extra["state"]) == (True, "ana", "merged")
    assert (found["review:7"].kind, found["review:7"].extra["state"], found["review:7"].parent_key) == (
        "review", "CHANGES_REQUESTED", pr.key)
    assert (found["review-comment:9"].kind, found["review-comment:9"].parent_key) == ("comment", pr.key)


def test_the_issue_list_s_pull_requests_are_pull_requests_and_bring_their_comments():
    as_issue = wrap("GitHub", {"number": 12, "id": 2900000012, "title": "docs: guide", "user": account("amara-o", 3),
                               "created_at": "2026-02-25T09:20:00Z", "state": "closed",
                               "pull_request": {"merged_at": "2026-02-26T10:00:00Z"},
                               "comments_data": [{"id": 5, "body": "Thanks!", "created_at": "2026-02-26T10:00:30Z",
                                                  "user": account("jane-doe", 4)}]}, "issue")
    found = by_key(items(as_issue))
    assert set(found) == {"pr:marigold-dev/marigold#12", "comment:5"}
    assert found["pr:marigold-dev/marigold#12"].merged is True
    assert (found["comment:5"].parent_key, found["comment:5"].contribution_type) == (
        "pr:marigold-dev/marigold#12", "review")
    plain = copy.deepcopy(as_issue)
    del plain["data"]["pull_request"]
    assert {one.key for one in items(plain)} == {"issue:marigold-dev/marigold#12", "comment:5"}


@pytest.mark.parametrize("item", [
    wrap("GitHub", {"number": 1, "user": account("a", 1), "created_at": "2026-01-01T00:00:00Z"}, "repository"),
    wrap("GitHub", {"number": 1, "user": account("a", 1), "created_at": "2026-01-01T00:00:00Z"}, "issue",
         origin="https://github.com/"),
    wrap("GitHub", {"user": account("a", 1), "created_at": "2026-01-01T00:00:00Z"}, "issue"),
    wrap("GitHub", {"number": 1, "user": account("a", 1), "created_at": "soon"}, "pull_request"),
])
def test_github_items_without_what_they_need_are_bad(item):
    with pytest.raises(BadItem):
        items(item)


# ---- GitLab --------------------------------------------------------------------------------


def gitlab(category, notes, **data):
    return wrap("GitLab", {"iid": 5, "id": 310000005, "title": "i18n: ja", "created_at": "2026-03-03T01:00:00Z",
                           "author": {"id": 16, "username": "kmori", "name": "Kenji Mori"}, "state": "opened",
                           "notes_data": notes, "award_emoji_data": [], **data}, category,
                origin="https://gitlab.com/marigold-dev/marigold")


def note(ident, body, system=False, who=("jdoe", 2)):
    return {"id": ident, "body": body, "system": system, "created_at": "2026-03-04T09:00:00Z",
            "author": {"id": who[1], "username": who[0], "name": who[0]}, "award_emoji_data": []}


def test_gitlab_system_notes_only_approvals_count_and_only_on_merge_requests():
    notes = [note(1, "approved this merge request", True), note(2, "assigned to @aokafor", True),
             note(3, "closed", True), note(4, "Looks good")]
    found = by_key(items(gitlab("merge_request", notes, state="merged", merged_by={"id": 2, "username": "jdoe"})))
    mr = "mr:marigold-dev/marigold#5"
    assert set(found) == {mr, "approval:1", "note:4"}
    assert (found["approval:1"].kind, found["approval:1"].extra, found["approval:1"].parent_key) == (
        "review", {"state": "APPROVED"}, mr)
    assert (found[mr].merged, found[mr].extra["merged_by"]) == (True, "jdoe")
    assert (found["note:4"].kind, found["note:4"].contribution_type) == ("comment", "review")
    assert set(by_key(items(gitlab("issue", notes)))) == {"issue:marigold-dev/marigold#5", "note:4"}


def test_a_gitlab_merge_request_closed_unmerged_names_no_merger():
    (mr,) = items(gitlab("merge_request", [], state="closed", merged_by=None))
    assert (mr.merged, mr.extra.get("merged_by"), mr.extra["state"]) == (False, None, "closed")


# ---- Discourse -----------------------------------------------------------------------------


def post(ident, number, post_type=1, reply_to=None, **more):
    return {"id": ident, "post_number": number, "post_type": post_type, "reply_to_post_number": reply_to,
            "username": f"u{ident}", "user_id": ident, "name": f"User {ident}", "created_at": "2026-03-05T19:00:00Z",
            "cooked": f"<p>words of {ident}</p>", "actions_summary": [{"id": 2, "count": 1}], **more}


def topic(posts, title="How do I store seeds?"):
    return wrap("Discourse", {"id": 102, "title": title, "category_id": 5, "slug": "seeds",
                              "post_stream": {"posts": posts}}, "topic", origin="https://discuss.example.org")


def test_discourse_moderator_actions_and_whispers_are_not_posts_and_the_solution_is_an_answer():
    found = by_key(items(topic([post(1, 1), post(2, 2), post(3, 3, reply_to=2, accepted_answer=True),
                                post(4, 4, post_type=3, action_code="closed.enabled"), post(5, 5, post_type=4)])))
    assert set(found) == {"topic:102", "post:2", "post:3"}
    assert (found["post:3"].kind, found["post:3"].accepted, found["post:3"].parent_key) == ("answer", True, "post:2")
    assert (found["post:2"].kind, found["post:2"].contribution_type, found["post:2"].parent_key) == (
        "post", "question", "topic:102")
    assert found["topic:102"].reactions == 1 and found["topic:102"].body == "words of 1"


def test_discourse_system_user_is_a_bot_and_a_topic_without_posts_is_bad():
    (welcome,) = items(topic([post(-1, 1) | {"id": 1001}], title="Welcome"))
    assert welcome.author.is_bot
    with pytest.raises(BadItem):
        items(topic([]))


# ---- Slack ---------------------------------------------------------------------------------

CHANNEL = {"id": "C05MRGLD01", "name": "marigold-dev", "num_members": 6}


def slack(**data):
    return wrap("Slack", {"ts": "1772445600.000200", "text": "hello", "channel_info": CHANNEL, **data}, "message",
                origin="https://slack.com/C05MRGLD01")


def test_a_slack_bot_message_without_user_data_is_the_bot_s():
    (one,) = items(slack(subtype="bot_message", bot_id="B05GHBOT01", username="GitHub"))
    assert (one.key, one.kind, one.author.is_bot, one.author.name) == ("C05MRGLD01:1772445600.000200", "chat", True,
                                                                        "GitHub")


def test_slack_replies_reactions_and_joins():
    user = {"id": "U1", "name": "ana", "real_name": "Ana Souza", "is_bot": False, "profile": {"email": "ana@x.org"}}
    (reply,) = items(slack(ts="1772449200.000300", thread_ts="1772445600.000200", user="U1", user_data=user,
                           reactions=[{"name": "+1", "count": 2}, {"name": "eyes", "count": 1}]))
    assert (reply.parent_key, reply.thread_key, reply.reactions) == (
        "C05MRGLD01:1772445600.000200", "C05MRGLD01:1772445600.000200", 3)
    assert (reply.author.email, reply.author.is_bot) == ("ana@x.org", False)
    assert items(slack(subtype="channel_join", user="U1", user_data=user)) == []
    with pytest.raises(BadItem):
        items(slack(ts=None, user="U1"))


def test_a_slack_message_was_seen_when_perceval_fetched_it_not_when_it_was_written():
    """Slack's updated_on is the message's ts: the fetch (``timestamp``) is when its reactions
    and edits were seen, as an export's date is; other backends keep updated_on."""
    fetched = dict(slack(user="U1"), timestamp=1775044800.0, updated_on=1772445600.0002)
    (one,) = items(fetched)
    assert one.seen_at == dt.datetime.fromtimestamp(1775044800.0, dt.timezone.utc)
    assert one.occurred_at == dt.datetime.fromtimestamp(1772445600.0002, dt.timezone.utc)
    (one,) = items({k: v for k, v in fetched.items() if k != "timestamp"})  # no fetch time: the message's
    assert one.seen_at == one.occurred_at
    post = {"id": 70, "post_number": 1, "user_id": 5, "username": "ana", "created_at": "2026-03-01T10:00:00Z"}
    topic = wrap("Discourse", {"id": 7, "title": "t", "post_stream": {"posts": [post]}}, "topic",
                 origin="https://forum.example.org", updated_on=WHEN - 3600)
    assert [i.seen_at for i in items(topic)] == [dt.datetime.fromtimestamp(WHEN - 3600, dt.timezone.utc)]


# ---- Meetup --------------------------------------------------------------------------------


def rsvp(member, response="yes", host=False, status=None, guests=0):
    return {"response": response, "guests": guests, "attendance_status": status,
            "member": {"id": member, "name": f"Member {member}", "event_context": {"host": host}}}


def event(status, rsvps, hosts=(1,), comments=()):
    return wrap("Meetup", {"id": "298000001", "name": "Seed swap", "status": status, "time": 1774706400000,
                           "updated": 1774774800000, "group": {"name": "Gardeners", "urlname": "gardeners"},
                           "event_hosts": [{"id": h, "name": f"Member {h}"} for h in hosts], "rsvps": rsvps,
                           "comments": list(comments)}, "event", origin="https://meetup.com/")


RSVPS = [rsvp(1, host=True), rsvp(2, host=True), rsvp(3, status="noshow"), rsvp(4, "no"), rsvp(5, guests=1),
         rsvp(6, status="attended")]


def test_a_past_meetup_credits_hosts_and_those_who_came():
    found = by_key(items(event("past", RSVPS, comments=[{"id": 9, "comment": "Thanks!", "created": 1774080000000,
                                                          "member": {"id": 5, "name": "Member 5"}}])))
    assert set(found) == {"event:298000001:host:1", "event:298000001:host:2", "event:298000001:attendee:5",
                          "event:298000001:attendee:6", "comment:9"}
    host = found["event:298000001:host:1"]
    assert (host.kind, host.contribution_type, host.size) == ("event-organising", "eventOrganizing", 6)
    assert found["event:298000001:attendee:5"].kind == "event-attendance"
    assert found["comment:9"].kind == "comment"


@pytest.mark.parametrize("status", ["upcoming", "cancelled", "draft", None])
def test_events_that_did_not_take_place_credit_no_one(status):
    assert items(event(status, RSVPS)) == []


def test_an_event_without_id_or_time_is_bad():
    for damage in ({"id": None}, {"time": "tomorrow"}):
        broken = event("past", RSVPS)
        broken["data"].update(damage)
        with pytest.raises(BadItem):
            items(broken)


# ---- mail ----------------------------------------------------------------------------------


def test_a_perceval_message_is_a_mail_as_import_mbox_reads_it():
    message = wrap("MBox", {"From": "Ana Souza <ana@example.org>", "Subject": "Sync?", "Message-ID": "<1@x.org>",
                            "Date": "Mon, 02 Mar 2026 10:00:00 +0000", "In-Reply-To": "<0@x.org>",
                            "body": {"plain": "How?\n"}, "unixfrom": "ana@example.org Mon Mar  2 10:00:00 2026"},
                   "message", origin="https://lists.example.org/marigold-dev.mbox")
    (one,) = items(message)
    assert isinstance(one, mail.Mail)
    assert (one.message_id, one.sender_email, one.sender_name, one.subject, one.in_reply_to) == (
        "<1@x.org>", "ana@example.org", "Ana Souza", "Sync?", "<0@x.org>")
    assert perceval_items.list_name(message["origin"]) == "marigold-dev"
    assert perceval_items.list_name("https://lists.example.org/pipermail/marigold-dev/") == "marigold-dev"
    nobody = copy.deepcopy(message)
    del nobody["data"]["From"]
    with pytest.raises(BadItem):
        items(nobody)


# ---- anything at all -----------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def _keys(value, into: set) -> set:
    if isinstance(value, dict):
        for k, v in value.items():
            into.add(k)
            _keys(v, into)
    elif isinstance(value, list):
        for v in value:
            _keys(v, into)
    return into


SAMPLE_NAMES = ["git.jsonl", "github-issues.jsonl", "github-pulls.jsonl", "gitlab.jsonl", "discourse.jsonl",
                "slack.jsonl", "meetup.jsonl", "mbox.jsonl", "pipermail.jsonl", "surrogates.jsonl"]
REAL = [line for name in SAMPLE_NAMES for line in lines(name)]
KNOWN_KEYS = sorted(_keys([line["data"] for line in REAL], set()))
BACKEND_NAMES = ["Git", "GitHub", "GitLab", "Discourse", "MBox", "Pipermail", "Slack", "Meetup", "RSS", "git", ""]
CATEGORIES = ["commit", "issue", "pull_request", "merge_request", "topic", "message", "event", "entry", ""]

# dictionaries whose keys are the ones Perceval's items use, so that the readers go deep
known_dicts = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KNOWN_KEYS) | st.text(max_size=6),
                                                               inner, max_size=6),
    max_leaves=25,
)
envelopes = st.fixed_dictionaries({
    "backend_name": st.sampled_from(BACKEND_NAMES), "category": st.sampled_from(CATEGORIES) | json_values,
    "origin": st.sampled_from([GH, "https://gitlab.com/a/b", "https://slack.com/C1", "https://meetup.com/",
                               "/srv/git/x", ""]) | json_values,
    "updated_on": json_values,
    "data": st.dictionaries(st.sampled_from(KNOWN_KEYS), known_dicts, max_size=12),
})


def read_or_refuse(value) -> None:
    """items() either reads the value, into things the store can save, or refuses it as a
    BadItem or Unsupported; any other exception is a bug."""
    try:
        found = items(value, 1)
    except (BadItem, Unsupported):
        return
    for one in found:
        assert isinstance(one, (Item, State, mail.Mail)), one
        if isinstance(one, Item):
            assert isinstance(one.key, str) and one.key and one.occurred_at.tzinfo is not None
            assert isinstance(one.author.key, str) and one.author.key
            json.dumps(one.extra)


def damaged(name: str, line: int, path: tuple, value):
    """Line ``line`` (from 1) of a sample, with the value at ``path`` inside its data replaced."""
    item = copy.deepcopy(lines(name)[line - 1])
    _at(item["data"], path[:-1])[path[-1]] = value
    return item


DAMAGE = [  # (sample, line, path inside data, new value): each crashed items() when these tests were written
    ("git.jsonl", 1, ("files",), 5),
    ("git.jsonl", 2, ("Co-authored-by",), 7),
    ("git.jsonl", 1, ("parents",), 0.5),
    ("git.jsonl", 1, ("files", 0, "added"), "\u00b2"),  # "\u00b2".isdigit(), yet int() refuses it
    ("github-issues.jsonl", 1, ("labels",), True),
    ("gitlab.jsonl", 1, ("notes_data",), 1),
    ("gitlab.jsonl", 1, ("labels",), True),
    ("discourse.jsonl", 2, ("post_stream", "posts", 1, "actions_summary"), 1),
    ("discourse.jsonl", 2, ("post_stream", "posts", 1, "actions_summary", 0, "count"), "many"),
    ("discourse.jsonl", 2, ("post_stream", "posts", 0, "post_number"), [1]),
    ("slack.jsonl", 1, ("subtype",), []),
    ("slack.jsonl", 1, ("ts",), "\u00b2"),
    ("slack.jsonl", 2, ("reactions", 0, "count"), "one"),
    ("meetup.jsonl", 2, ("rsvps",), 1),
    ("meetup.jsonl", 2, ("rsvps", 0, "member"), [1]),
    ("meetup.jsonl", 2, ("rsvps", 4, "guests"), "one"),
]


@pytest.mark.parametrize("name, line, path, value", [
    pytest.param(*d, id=f"{d[0]}:{d[1]}:{'.'.join(map(str, d[2]))}={json.dumps(d[3])}") for d in DAMAGE])
def test_a_damaged_value_in_a_real_item_is_a_bad_item_not_a_crash(name, line, path, value):
    read_or_refuse(damaged(name, line, path, value))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_any_json_value_is_read_or_refused(value):
    read_or_refuse(value)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(envelopes)
def test_any_envelope_around_any_data_is_read_or_refused(value):
    read_or_refuse(value)


def _paths(value, prefix=()):
    """Every place inside a JSON value: (path to its container, key or index)."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield prefix, k
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield prefix, i
            yield from _paths(v, prefix + (i,))


def _at(value, path):
    for step in path:
        value = value[step]
    return value


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(REAL))), st.data())
def test_real_items_with_parts_dropped_or_replaced_are_read_or_refused(index, draw):
    item = copy.deepcopy(REAL[index])
    for _ in range(draw.draw(st.integers(1, 4), label="changes")):
        places = list(_paths(item))
        container_path, step = draw.draw(st.sampled_from(places), label="where")
        container = _at(item, container_path)
        if isinstance(container, dict) and draw.draw(st.booleans(), label="drop"):
            del container[step]
        else:
            container[step] = draw.draw(json_values, label="new value")
    read_or_refuse(item)


def test_every_real_sample_item_is_read():
    """The property tests' seeds: each real line is read as it is (the samples are all valid)."""
    for line in REAL:
        assert items(line, 1) is not None
    assert SAMPLES.is_dir()
