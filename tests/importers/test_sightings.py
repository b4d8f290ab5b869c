"""sightings.combine: what several sightings of one item add up to, in any order."""
import functools
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from seedbed.importers.sightings import combine


def item(at: int, title="Add export", body="Closes #36", size=3, reactions=None, merged=False, **extra) -> dict:
    return dict(title=title, body=body, url="", size=size, merged=merged, accepted=None, reactions=reactions,
                extra={"number": 42, "state": "merged" if merged else "open", "seen_at": f"2026-03-02T15:{at:02}", **extra})


def state(at: int, merged: bool | None, **extra) -> dict:
    return dict(merged=merged, extra={**extra, "state_at": f"2026-03-02T15:{at:02}"})


def fold(records):
    return functools.reduce(combine, records)


def test_the_newer_content_wins_and_an_empty_value_keeps_the_known_one():
    out = combine(item(0), item(10, title="Add CSV export", body="", size=0))
    assert (out["title"], out["body"], out["size"]) == ("Add CSV export", "Closes #36", 3)
    assert out["extra"]["seen_at"] == "2026-03-02T15:10" and "state_at" not in out["extra"]


def test_a_reaction_count_of_zero_is_a_count_unless_seen_at_the_same_moment():
    assert combine(item(0, reactions=4), item(10, reactions=0))["reactions"] == 0
    assert combine(item(0, reactions=4), item(10, reactions=None))["reactions"] == 4
    # the pull list (no reactions) and the issue list (with them), the same hour, either order
    assert combine(item(5, reactions=0), item(5, reactions=2))["reactions"] == 2
    assert combine(item(5, reactions=2), item(5, reactions=0))["reactions"] == 2


def test_a_state_heard_later_than_the_content_is_kept_apart_from_it():
    out = combine(item(0), state(20, True, state="merged", merged_by="bo"))
    assert (out["merged"], out["extra"]["state"], out["extra"]["merged_by"]) == (True, "merged", "bo")
    assert (out["extra"]["seen_at"], out["extra"]["state_at"]) == ("2026-03-02T15:00", "2026-03-02T15:20")
    # an edit seen at 10 changes the title, not the state heard at 20
    out = combine(out, item(10, title="Add CSV export"))
    assert (out["title"], out["merged"], out["extra"]["state"]) == ("Add CSV export", True, "merged")


def test_an_older_sighting_fills_the_state_only_when_it_tells_the_same_state():
    merged_event = state(20, True, state="merged", merged_at="2026-03-02T15:20Z")
    assert combine(merged_event, item(10, merged=True, merged_by="cy"))["extra"]["merged_by"] == "cy"
    assert "closed_at" not in combine(item(30), item(10, merged=False, state="closed", closed_at="x"))["extra"]


def test_reopening_drops_what_only_a_closed_item_has():
    closed = item(0, state="closed", closed_at="2026-03-02T15:00Z", state_reason="completed")
    out = combine(closed, state(10, False, state="open", state_reason="reopened"))
    assert out["extra"]["state"] == "open" and "closed_at" not in out["extra"]
    assert out["extra"]["state_reason"] == "reopened"


def test_false_and_zero_in_extra_are_values_not_gaps():
    out = combine(item(0, draft=True, comments=3), item(10, draft=False, comments=0))
    assert (out["extra"]["draft"], out["extra"]["comments"]) == (False, 0)


_titles = st.sampled_from(["Add export", "Add CSV export", "Fix typo"])
_states = st.sampled_from([None, (True, "merged"), (False, "closed"), (False, "open")])


@st.composite
def sightings(draw):
    """Items that each say their title, body and size (gaps filled from older sightings are
    the one place order may matter, see the module docstring), and states, at distinct times."""
    times = draw(st.lists(st.integers(0, 59), min_size=2, max_size=5, unique=True))
    out = []
    for at in times:
        told = draw(_states)
        if draw(st.booleans()):
            merged, name = told or (False, "open")
            out.append(item(at, title=draw(_titles), body=draw(_titles), size=draw(st.integers(1, 9)),
                            reactions=draw(st.integers(0, 3)), merged=merged, state=name))
        elif told is not None:
            out.append(state(at, told[0], state=told[1]))
    return out


@settings(max_examples=200, deadline=None)
@given(sightings())
def test_any_order_of_sightings_gives_the_same_record(records):
    if not records:
        return
    results = {repr(sorted(fold(order).items(), key=str)) for order in itertools.permutations(records)}
    assert len(results) == 1
