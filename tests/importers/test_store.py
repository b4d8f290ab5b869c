"""Saving parsed items (seedbed.importers.store): the newest sighting wins, news about items not
here yet waits for them, and links count replies from others and name reviewers."""
import dataclasses
import datetime as dt
import itertools

import pytest

from seedbed.activity.models import Activity, PendingState, Source
from seedbed.importers.items import Author, Item, State
from seedbed.importers.progress import Silent
from seedbed.importers.store import link, store
from seedbed.people.models import Identity

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 3, 2, 15, 0, tzinfo=dt.timezone.utc)
KEY = "pr:marigold-dev/trellis#42"
ANA, BO, CY = (Author("github", "", str(n), username=login) for n, login in ((11, "ana"), (22, "bo"), (33, "cy")))


def at(minutes: int) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def pull(seen: int, **changes) -> Item:
    base = Item(platform="github", key=KEY, author=ANA, kind="pull-request", contribution_type="code",
                occurred_at=T0, channel="marigold-dev/trellis", thread_key=KEY, title="Add export", body="Closes #36",
                size=3, merged=False, reactions=4, seen_at=at(seen), extra={"number": 42, "state": "open"})
    return dataclasses.replace(base, **changes)


def reply(key: str, who: Author, minutes: int, kind: str = "comment", parent: str = KEY) -> Item:
    return Item(platform="github", key=key, author=who, kind=kind, contribution_type="review", occurred_at=at(minutes),
                channel="marigold-dev/trellis", parent_key=parent, thread_key=parent, body="ok", seen_at=at(minutes))


def merged(seen: int, by: str = "bo") -> State:
    return State("github", KEY, at(seen), True, {"state": "merged", "merged_by": by})


def save(*items):
    source, _ = Source.objects.get_or_create(kind="gharchive", location="all")
    return store(items, source, progress=Silent())


def the_pull() -> Activity:
    return Activity.objects.get(platform="github", key=KEY)


# --- newer sightings -------------------------------------------------------------------------------

def test_a_newer_sighting_updates_title_merged_and_extra():
    assert save(pull(0)).created == 1
    stored = save(pull(10, title="Add CSV export", merged=True, extra={"state": "merged", "merged_by": "cy"}))
    assert (stored.created, stored.updated) == (0, 1)
    a = the_pull()
    assert (a.title, a.merged, a.body) == ("Add CSV export", True, "Closes #36")
    assert a.extra == {"number": 42, "state": "merged", "merged_by": "cy", "seen_at": at(10).isoformat()}
    assert Activity.objects.count() == 1


def test_an_older_sighting_changes_nothing_the_newer_one_says():
    save(pull(10, title="Add CSV export", merged=True, extra={"number": 42, "state": "merged"}))
    before = list(Activity.objects.values())
    assert save(pull(0, title="Add export", body="older words", merged=False, reactions=0)).updated == 0
    assert list(Activity.objects.values()) == before


def test_the_same_sighting_again_changes_nothing_even_with_empty_values():
    again = pull(0, reactions=None, extra={"number": 42, "state": "open", "draft": None, "labels": []})
    assert save(again).created == 1
    before = list(Activity.objects.values())
    assert save(again).updated == 0
    assert list(Activity.objects.values()) == before


def test_an_older_sighting_fills_only_what_the_newer_one_does_not_say():
    save(pull(10, title="Add CSV export", merged=True, body="", extra={"state": "merged"}))
    save(pull(0, title="Add export", body="older words", merged=False, extra={"number": 42, "state": "open"}))
    a = the_pull()
    assert (a.title, a.body, a.merged, a.extra["number"], a.extra["state"]) == (
        "Add CSV export", "older words", True, 42, "merged")


def test_an_empty_body_or_an_unknown_reaction_count_keeps_what_was_known():
    save(pull(0))
    save(pull(10, body="", reactions=None, size=0, title="Add CSV export"))
    a = the_pull()
    assert (a.title, a.body, a.reactions, a.size) == ("Add CSV export", "Closes #36", 4, 3)
    save(pull(20, reactions=0))
    assert the_pull().reactions == 0  # a count that is known to be zero is a count


@pytest.mark.parametrize("order", [(0, 10), (10, 0)])
def test_of_two_sightings_in_one_batch_the_newer_wins_wherever_it_is(order):
    titles = {0: "old title", 10: "new title"}
    save(*(pull(m, title=titles[m]) for m in order))
    assert the_pull().title == "new title"


# --- news about items not here yet -----------------------------------------------------------------

def test_a_state_for_an_unknown_item_waits_and_is_applied_when_it_arrives():
    save(merged(30))
    assert not Activity.objects.exists()
    waiting = PendingState.objects.get()
    assert (waiting.platform, waiting.key, waiting.seen_at, waiting.merged, waiting.extra) == (
        "github", KEY, at(30), True, {"state": "merged", "merged_by": "bo"})
    save(pull(0))
    a = the_pull()
    assert (a.merged, a.extra["state"], a.extra["merged_by"], a.title) == (True, "merged", "bo", "Add export")
    assert (a.extra["seen_at"], a.extra["state_at"]) == (at(0).isoformat(), at(30).isoformat())
    assert not PendingState.objects.exists()


def test_an_older_waiting_state_is_not_applied_over_a_newer_item():
    save(merged(0))
    save(pull(10, extra={"number": 42, "state": "open"}))
    a = the_pull()
    assert (a.merged, a.extra.get("state"), a.extra.get("merged_by")) == (False, "open", None)
    assert not PendingState.objects.exists()


def test_of_two_waiting_states_the_newer_is_kept_whichever_came_first():
    save(merged(10, by="bo"))
    save(merged(20, by="cy"))
    save(merged(15, by="dee"))
    assert list(PendingState.objects.values_list("seen_at", "extra__merged_by")) == [(at(20), "cy")]


def test_a_state_about_a_known_item_applies_when_newer_and_only_then():
    save(pull(10))
    save(merged(5))
    assert (the_pull().merged, the_pull().extra["state"]) == (False, "open")
    save(merged(20))
    assert (the_pull().merged, the_pull().extra["merged_by"]) == (True, "bo")
    save(State("github", KEY, at(30), None, {"draft": True}))  # merged not said: what is known stays
    assert (the_pull().merged, the_pull().extra["draft"]) == (True, True)
    assert not PendingState.objects.exists()


@pytest.mark.parametrize("state_at, merged_after", [(20, True), (5, False)])
def test_a_state_in_the_same_batch_as_its_item_applies_only_when_newer(state_at, merged_after):
    save(merged(state_at), pull(10))
    assert the_pull().merged is merged_after and not PendingState.objects.exists()


@pytest.mark.parametrize("order", list(itertools.permutations(["opened", "edited", "merged"])), ids=" then ".join)
def test_news_of_a_merge_does_not_hide_a_newer_title_whatever_the_order(order):
    """opened at 0, title edited (seen at 10), merged news at 20: the newest title and the merge, in any order."""
    sightings = {"opened": pull(0), "edited": pull(10, title="Add CSV export"), "merged": merged(20)}
    for name in order:
        save(sightings[name])
    a = the_pull()
    assert (a.title, a.merged, a.extra["state"]) == ("Add CSV export", True, "merged")


# --- links -----------------------------------------------------------------------------------------

def test_replies_received_counts_only_replies_from_other_people():
    issue = pull(0, key="issue:marigold-dev/trellis#7", kind="issue", merged=None, thread_key="")
    parent = issue.key
    save(issue, reply("comment:1", BO, 1, parent=parent), reply("comment:2", CY, 2, parent=parent),
         reply("comment:3", ANA, 3, parent=parent), reply("comment:4", BO, 4, parent=parent))
    assert Activity.objects.get(key=parent).replies_received == 3
    # a second account of the author's, once known to be theirs, is not someone else either
    ana = Identity.objects.get(source_kind="github", key="11").person
    Identity.objects.filter(source_kind="github", key="33").update(person=ana)
    link("github", [parent])
    assert Activity.objects.get(key=parent).replies_received == 2


def test_a_reply_imported_before_what_it_answers_is_linked_when_that_arrives():
    save(reply("comment:1", BO, 5))
    assert Activity.objects.get(key="comment:1").parent is None
    save(pull(0))
    assert Activity.objects.get(key="comment:1").parent == the_pull()
    assert the_pull().replies_received == 1


def test_reviewed_by_names_reviewers_in_the_order_of_their_first_review_and_not_the_author():
    save(pull(0), reply("review:1", CY, 30, "review"), reply("review:2", ANA, 5, "review"))
    assert the_pull().reviewed_by == ["cy"]
    save(reply("review:3", BO, 20, "review"), reply("review:4", CY, 10, "review"), reply("comment:9", CY, 1))
    assert the_pull().reviewed_by == ["cy", "bo"]  # cy first reviewed at 10, bo at 20; comments are no reviews
    assert the_pull().replies_received == 4
