"""matrix_items, pure: the export's header, the first look at the events (names, bots,
reactions, edits, threads) and each message, on small hand-made events for the cases the
chat samples' README lists (tests/data/chat/README.md, Matrix), and on anything at all
(hypothesis): ``message`` returns an item or raises NotImported, BadObject or one of
``items.DAMAGE``; ``survey`` never raises."""
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedbed.importers import matrix_items
from seedbed.importers.items import DAMAGE
from seedbed.importers.matrix_items import BadObject, NotImported, strip_fallback, survey

UTC = dt.timezone.utc
T0 = 1773078125470  # 2026-03-09 17:42:05.470 UTC
ROOM = "!GxYqWkLmNoPqRsTu:matrix.example.org"
AMARA, OLA, ZOE, BOT = "@amara:matrix.example.org", "@ola:matrix.example.org", "@zoe:matrix.example.org", \
    "@github:matrix.org"


def event(ident, sender=AMARA, body="Welcome Ola!", at=T0, kind="m.room.message", msgtype="m.text", **content):
    c = {"msgtype": msgtype, "body": body, **content} if kind == "m.room.message" else content
    return {"type": kind, "room_id": ROOM, "sender": sender, "content": c, "origin_server_ts": at,
            "unsigned": {"age": 1}, "event_id": ident}


def member(user, name, at=T0 - 1000, membership="join"):
    content = {"membership": membership, **({"displayname": name} if name is not None else {})}
    return {"type": "m.room.member", "room_id": ROOM, "sender": user, "state_key": user, "content": content,
            "origin_server_ts": at, "event_id": f"$member-{user}-{at}"}


def reaction(ident, target, sender=ZOE, key="🌱", at=T0 + 1000):
    return {"type": "m.reaction", "room_id": ROOM, "sender": sender, "origin_server_ts": at, "event_id": ident,
            "content": {"m.relates_to": {"rel_type": "m.annotation", "event_id": target, "key": key}}}


def edit(ident, target, body, sender=AMARA, at=T0 + 5000):
    return event(ident, sender, f"* {body}", at, **{"m.new_content": {"msgtype": "m.text", "body": body},
                                                    "m.relates_to": {"rel_type": "m.replace", "event_id": target}})


def thread(ident, root, reply_to=None, falling_back=True, **more):
    relation = {"rel_type": "m.thread", "event_id": root, "is_falling_back": falling_back}
    if reply_to:
        relation["m.in_reply_to"] = {"event_id": reply_to}
    return event(ident, **{"m.relates_to": relation}, **more)


def items(*events, name="Marigold Gardeners 🌼"):
    room = survey(name, list(events))
    out = {}
    for one in events:
        try:
            item = matrix_items.message(room, one)
        except NotImported:
            continue
        out[item.key] = item
    return out


# ---- the export ----------------------------------------------------------------------------


def test_the_header_names_the_room():
    assert matrix_items.export({"room_name": "Garden", "messages": []}) == ("Garden", [])
    assert matrix_items.export({"room_name": "", "messages": [event("$1")]})[0] == ROOM


@pytest.mark.parametrize("doc", [None, [], "x", {"messages": []}, {"room_name": "x", "messages": {}},
                                 {"guild": {}, "channel": {}, "messages": []}])
def test_what_is_not_an_element_export_is_a_bad_object(doc):
    with pytest.raises(BadObject, match="not an Element"):
        matrix_items.export(doc)


# ---- messages ------------------------------------------------------------------------------


def test_a_message_is_a_chat_message_of_its_sender_in_the_room():
    (item,) = items(event("$1")).values()
    assert (item.platform, item.key, item.kind, item.contribution_type) == ("matrix", "$1", "chat", "ideas")
    assert (item.channel, item.body, item.size, item.parent_key, item.thread_key) == (
        "Marigold Gardeners 🌼", "Welcome Ola!", 2, "", "$1")
    assert item.occurred_at == dt.datetime(2026, 3, 9, 17, 42, 5, 470000, tzinfo=UTC)
    assert (item.author.source_kind, item.author.instance, item.author.key, item.author.username) == (
        "matrix", "", AMARA, "amara")
    assert item.reactions is None  # the file says nothing of reactions


def test_names_come_from_the_newest_membership_event_of_that_user():
    got = items(member(OLA, "Ola"), member(OLA, "Ola Nordmann", at=T0 - 10), member(OLA, None, at=T0 - 5,
                                                                                    membership="leave"),
                event("$1", sender=OLA), event("$2"))
    assert got["$1"].author.name == "Ola Nordmann"
    assert got["$2"].author.name == ""  # no membership event of Amara in the file


def test_a_sender_of_notices_is_a_bot_in_all_their_messages():
    got = items(event("$1", sender=BOT, body="opened a pull request"),
                event("$2", sender=BOT, body="[trellis] build passed", msgtype="m.notice"), event("$3"))
    assert got["$1"].author.is_bot and got["$2"].author.is_bot and not got["$3"].author.is_bot


def test_a_rich_reply_answers_what_it_quotes_without_the_quote():
    body = "> <@amara:matrix.example.org> Welcome Ola!\n> Planting day\n\nTakk! I'll be there"
    got = items(event("$1"), event("$2", sender=OLA, body=body, **{"m.relates_to": {"m.in_reply_to": {
        "event_id": "$1"}}}))
    assert (got["$2"].body, got["$2"].parent_key, got["$2"].thread_key) == ("Takk! I'll be there", "$1", "$1")


@pytest.mark.parametrize("body", ["> not a fallback, no blank line after\nhello", "plain\n> later quote"])
def test_only_a_leading_quote_then_a_blank_line_is_a_fallback(body):
    assert strip_fallback(body) == body


def test_in_a_thread_a_falling_back_reply_is_not_a_reply_but_a_real_one_is():
    got = items(event("$root"), thread("$a", "$root", reply_to="$root"),
                thread("$b", "$root", reply_to="$a"),  # only the fallback to the previous message
                thread("$c", "$root", reply_to="$a", falling_back=False),  # a real reply inside the thread
                thread("$d", "$root"))
    assert {k: (i.parent_key, i.thread_key) for k, i in got.items()} == {
        "$root": ("", "$root"), "$a": ("$root", "$root"), "$b": ("$root", "$root"), "$c": ("$a", "$root"),
        "$d": ("$root", "$root")}


def test_edits_are_applied_by_their_sender_only_and_not_imported():
    got = items(event("$1", body="Seed swap next weak?"), edit("$e1", "$1", "Seed swap next week?"),
                edit("$e0", "$1", "older edit", at=T0 + 10), edit("$e2", "$1", "not yours", sender=ZOE, at=T0 + 9000))
    assert set(got) == {"$1"}
    assert got["$1"].body == "Seed swap next week?"


def test_an_edit_bundled_with_its_message_is_applied():
    original = event("$1", body="Seed swap next weak?")
    original["unsigned"]["m.relations"] = {"m.replace": edit("$e1", "$1", "Seed swap next week?")}
    assert items(original)["$1"].body == "Seed swap next week?"


def test_reactions_are_counted_once_per_sender_and_key_on_their_message():
    got = items(event("$1"), event("$2"), reaction("$r1", "$1"), reaction("$r2", "$1", sender=OLA),
                reaction("$r3", "$1", sender=OLA), reaction("$r4", "$1", sender=OLA, key="👍"),
                reaction("$r5", "$gone"))
    assert (got["$1"].reactions, got["$2"].reactions) == (3, 0)


def test_a_thread_bundled_with_its_root_says_nothing_of_reactions():
    root = event("$1")
    root["unsigned"]["m.relations"] = {"m.thread": {"latest_event": thread("$2", "$1"), "count": 1}}
    assert items(root, thread("$2", "$1"))["$1"].reactions is None


def test_bundled_reaction_counts_are_read():
    one = event("$1")
    one["unsigned"]["m.relations"] = {"m.annotation": {"chunk": [{"type": "m.reaction", "key": "👍", "count": 2}]}}
    assert items(one)["$1"].reactions == 2


@pytest.mark.parametrize("data, reason", [
    (reaction("$r", "$1"), matrix_items.REACTIONS),
    (edit("$e", "$1", "x"), matrix_items.EDITS),
    (member(OLA, "Ola"), matrix_items.OTHER),
    ({**event("$t", kind="m.room.topic", topic="Seeds"), "state_key": ""}, matrix_items.OTHER),
    (event("$x", kind="m.room.encrypted", algorithm="m.megolm.v1.aes-sha2"), matrix_items.ENCRYPTED),
    ({**event("$d"), "content": {}, "unsigned": {"redacted_because": {}}}, matrix_items.DELETED),
])
def test_what_is_not_a_message_is_counted_not_imported(data, reason):
    with pytest.raises(NotImported) as caught:
        matrix_items.message(survey("r", [data]), data)
    assert caught.value.reason == reason


def join_rules(rule, ident="$rules"):
    return {**event(ident, kind="m.room.join_rules", join_rule=rule), "state_key": ""}


def direct(user, ident="$invite"):
    data = member(user, "Ola", membership="invite")
    data["content"]["is_direct"] = True
    return {**data, "event_id": ident}


@pytest.mark.parametrize("data, says", [
    (join_rules("invite"), "a private room (m.room.join_rules event $rules at messages[1]: join_rule 'invite')"),
    (join_rules("knock"), "join_rule 'knock'"),
    (join_rules("restricted"), "join_rule 'restricted'"),
    ({**join_rules("public"), "content": "damaged"}, "join_rule None"),  # not shown public: private
    (direct(OLA), f"a direct-message room (m.room.member event $invite at messages[1] for {OLA}: is_direct)"),
])
def test_a_room_the_file_shows_private_or_direct_is_named_by_the_event(data, says):
    found = matrix_items.private([event("$1"), data, event("$2")])
    assert says in found and found.startswith(("a private room (", "a direct-message room ("))


@pytest.mark.parametrize("events", [
    [],  # Element's usual export: no join rules at all
    [member(OLA, "Ola"), event("$1"), "not an event", {"type": "m.room.member", "content": None}],
    [join_rules("public"), event("$1")],
    [{**direct(OLA), "content": {"membership": "invite", "is_direct": False}}],
    [{**join_rules("invite"), "type": "m.room.topic"}],  # another kind of event with a join_rule in it
])
def test_a_room_the_file_shows_nothing_private_about_is_not_refused(events):
    assert matrix_items.private(events) == ""


def test_the_file_was_seen_at_its_newest_event():
    got = items(event("$1"), reaction("$r", "$1", at=T0 + 7000))
    assert got["$1"].seen_at == dt.datetime.fromtimestamp((T0 + 7000) / 1000, UTC)


@pytest.mark.parametrize("damage, says", [
    ({"sender": "amara"}, "not a Matrix user ID"),
    ({"origin_server_ts": "yesterday"}, "not a time"),
    ({"event_id": None}, "event_id"),
    ({"content": "text"}, "content is not an object"),
    ({"content": {"msgtype": "m.text"}}, "body"),
    ({"type": None}, "type"),
])
def test_a_damaged_event_is_a_bad_object_that_says_what(damage, says):
    data = {**event("$1"), **damage}
    with pytest.raises(BadObject, match=says):
        matrix_items.message(survey("r", [data]), data)


# ---- anything at all -----------------------------------------------------------------------

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                    max_leaves=8)
RELATION = st.fixed_dictionaries({"rel_type": st.sampled_from(["m.thread", "m.replace", "m.annotation"]),
                                  "event_id": st.sampled_from(["$1", "$2"]) | JSON,
                                  "m.in_reply_to": st.fixed_dictionaries({"event_id": st.sampled_from(["$1", "$2"])})
                                  | JSON})
CONTENT = st.dictionaries(st.sampled_from(["msgtype", "body", "m.relates_to", "m.new_content", "displayname"]),
                          JSON | RELATION, max_size=4)
# often enough a message that reads, so that what an item is gets checked
MESSAGE = st.fixed_dictionaries({"msgtype": st.sampled_from(["m.text", "m.notice"]), "body": st.text(max_size=5)},
                                optional={"m.relates_to": RELATION})
EVENT = st.fixed_dictionaries({}, optional={
    "type": st.sampled_from(["m.room.message", "m.reaction", "m.room.member"]) | JSON,
    "sender": st.sampled_from([AMARA, OLA]) | JSON, "event_id": st.sampled_from(["$1", "$2", "$3"]) | JSON,
    "origin_server_ts": st.integers(0, 4 * 10**12) | st.integers(-10**20, 10**20) | JSON,
    "content": MESSAGE | CONTENT | JSON, "state_key": st.sampled_from([AMARA, OLA]) | JSON,
    "unsigned": JSON}) | JSON | st.fixed_dictionaries({
        "type": st.just("m.room.message"), "sender": st.sampled_from([AMARA, OLA]),
        "event_id": st.sampled_from(["$1", "$2", "$3"]), "origin_server_ts": st.integers(0, 4 * 10**12),
        "content": MESSAGE}, optional={"unsigned": JSON})


@settings(max_examples=400, deadline=None)
@given(st.lists(EVENT, max_size=6))
def test_any_events_are_items_or_clear_refusals(events):
    room = survey("room", events)
    for data in events:
        try:
            item = matrix_items.message(room, data)
        except (NotImported, BadObject, *DAMAGE):
            continue
        # a message is the event itself: its own id and sender, in the room, in some thread
        assert (item.key, item.author.key, item.channel) == (data["event_id"], data["sender"], "room")
        assert isinstance(item.body, str) and isinstance(item.thread_key, str) and item.thread_key
