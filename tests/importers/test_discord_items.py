"""discord_items and json_document, pure: DiscordChatExporter's files read into items without a
database, checked against the answer key (tests/data/chat/answer_key.json); and anything at all
(hypothesis) is read or refused with BadObject / JSONDecodeError / NotAnObject, nothing else."""
import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedbed.importers import slack_items
from seedbed.importers.discord_items import BadObject, Channel, Conversation, channel, skip_reason
from seedbed.importers.items import Item, reaction_total, when
from seedbed.importers.json_document import Document, NotAnObject
from tests.importers.slack_discord_samples import DISCORD_FILES, answers, chat, utc, whole_seconds

SKIP_WORDS = {"join": "joins", "pin": "pins", "thread_created": "thread notices"}


def read(name: str) -> tuple[Channel, dict[str, Item | None], dict]:
    """(channel, item or None by message id, the header) of a sample, as the importer reads it."""
    document = Document(chat(f"discord/{name}").read_text(encoding="utf-8"), "messages")
    found, conversation = {}, None
    for _, _, data in document:
        conversation = conversation or Conversation(channel(document.header), when(document.header["exportedAt"]))
        found[data["id"]] = conversation.message(data)
    return conversation.where, found, document.header


@pytest.mark.parametrize("name", DISCORD_FILES)
def test_every_sample_reads_as_the_answer_key_says(name):
    key = answers(f"discord/{name}")
    where, found, header = read(name)
    assert list(found) == [m["id"] for m in key["messages"]]  # every entry, in file order
    for m in key["messages"]:
        item = found[m["id"]]
        if m["skip"]:
            assert item is None, m["id"]
            continue
        assert (item.platform, item.key, item.kind, item.contribution_type) == ("discord", m["id"], "chat", "ideas")
        a = m["author"]
        assert (item.author.source_kind, item.author.instance, item.author.key) == ("discord", "", a["id"])
        assert (item.author.username, item.author.name, item.author.is_bot) == (a["name"], a["display_name"], a["is_bot"])
        assert whole_seconds(item.occurred_at) == utc(m["time_utc"])  # help.json writes +01:00
        assert item.occurred_at.utcoffset().total_seconds() == 0
        assert item.reactions == m["reactions"]
        assert m["text_contains"] in item.body
        if where.thread:  # a thread's messages answer the thread's starter, unless they answer another
            assert item.parent_key == (m["reply_to"] or (where.id if m["id"] != where.id else ""))
            assert item.thread_key == m["thread"] == where.id
        else:
            assert item.parent_key == (m["reply_to"] or "")
    assert sum(i.reactions for i in found.values() if i) == key["totals"]["reactions"]
    assert sum(1 for i in found.values() if i and i.author.is_bot) == key["totals"]["by_bots"]
    assert len({i.author.key for i in found.values() if i}) == key["totals"]["distinct_authors"]


def test_skipped_messages_are_counted_by_what_they_are():
    for name in DISCORD_FILES:
        for m in answers(f"discord/{name}")["messages"]:
            data = _raw(name, m["id"])
            assert skip_reason(data) == (SKIP_WORDS[m["kind"]] if m["skip"] else ""), m["id"]


def _raw(name: str, ident: str) -> dict:
    doc = json.loads(chat(f"discord/{name}").read_text(encoding="utf-8"))
    return next(m for m in doc["messages"] if m["id"] == ident)


def test_a_thread_is_in_the_channel_it_was_started_in():
    where, found, header = read("help-thread.json")
    assert where == Channel(header["channel"]["id"], "help", header["guild"]["id"], thread="calendar-export 📅")
    assert {i.channel for i in found.values()} == {"help"}
    assert {i.extra["thread"] for i in found.values()} == {"calendar-export 📅"}
    where, found, _ = read("general.json")
    assert (where.name, where.thread) == ("general", "") and all(i.extra == {} for i in found.values() if i)


def test_outside_threads_a_reply_joins_the_thread_of_what_it_answers():
    where = Channel("100", "general", "1")
    talk = Conversation(where)
    root = talk.message(_message("1", "Default"))
    reply = talk.message(_message("2", "Reply", answers="1"))
    again = talk.message(_message("3", "Reply", answers="2"))
    elsewhere = talk.message(_message("4", "Reply", answers="999"))  # a message not in the file
    assert [i.thread_key for i in (root, reply, again, elsewhere)] == ["1", "1", "1", "999"]
    assert [i.parent_key for i in (root, reply, again, elsewhere)] == ["", "1", "2", "999"]
    assert root.url == "https://discord.com/channels/1/100/1"


def _message(ident, kind="Default", answers=None, **more):
    data = {"id": ident, "type": kind, "timestamp": "2026-03-10T10:00:00.000+02:00", "content": "hello there",
            "author": {"id": "42", "name": "ana", "nickname": "Ana", "isBot": False}, "reactions": []}
    if answers:
        data["reference"] = {"messageId": answers, "channelId": "100", "guildId": "1"}
    return {**data, **more}


@pytest.mark.parametrize("kind, imported", [
    ("Default", True), ("Reply", True), ("20", True), ("23", True), ("ChatInputCommand", True),
    ("GuildMemberJoin", False), ("ThreadCreated", False), ("21", False), ("ChannelPinnedMessage", False),
    ("Call", False), ("8", False), ("46", False), ("SomethingNew", False),
])
def test_conversation_is_what_people_and_bots_wrote(kind, imported):
    item = Conversation(Channel("100", "general")).message(_message("7", kind))
    assert (item is not None) is imported


def test_a_forward_or_a_pin_is_not_a_reply():
    talk = Conversation(Channel("100", "general"))
    forward = talk.message(_message("8", "Default", answers="1"))  # DCE's forwards: type Default with a reference
    assert forward.parent_key == ""


def test_times_with_an_offset_are_utc_and_an_edit_or_the_export_is_when_it_was_seen():
    exported = when("2026-03-13T08:06:40.1187607+01:00")
    talk = Conversation(Channel("100", "general"), exported)
    item = talk.message(_message("9", timestampEdited="2026-03-10T11:00:00+02:00"))
    assert item.occurred_at == utc("2026-03-10T08:00:00Z")
    assert item.seen_at == exported
    assert Conversation(Channel("100", "general")).message(
        _message("9", timestampEdited="2026-03-10T11:00:00+02:00")).seen_at == utc("2026-03-10T09:00:00Z")


def test_bots_are_the_authors_dce_marks():
    bot = Conversation(Channel("100", "g")).message(_message("5", author={"id": "7", "name": "Seedbot", "isBot": True}))
    assert bot.author.is_bot and bot.author.name == "Seedbot"


@pytest.mark.parametrize("header", [
    {},
    json.loads(chat("invalid/wrong-kind.json").read_text(encoding="utf-8")),  # Element's room export
    {"guild": {"id": "1"}},
    {"guild": {"id": "1"}, "channel": {"name": "no id"}},
    {"guild": [], "channel": {"id": "1"}},
])
def test_what_is_not_a_dce_header_is_refused(header):
    with pytest.raises(BadObject, match="not a DiscordChatExporter JSON export"):
        channel(header)


def test_what_the_file_says_is_shown_on_one_line_in_an_error():
    with pytest.raises(BadObject) as caught:
        channel({"a\nb": 1, "c\u2028d": 2})
    assert "its keys: 'a\\nb', 'c\\u2028d')" in str(caught.value)
    with pytest.raises(BadObject) as caught:
        Conversation(Channel("100", "g")).message({**_message("x\ny"), "author": None})
    assert str(caught.value) == "message 'x\\ny' without its author's id"
    assert str(caught.value).splitlines() == [str(caught.value)]


DM_GUILD = {"id": "0", "name": "Direct Messages"}
SERVER = {"id": "1089301927446712330", "name": "Marigold Gardeners"}


@pytest.mark.parametrize("guild, kind, private", [
    (DM_GUILD, "DirectTextChat", "a direct-message conversation"),
    (DM_GUILD, "DirectGroupTextChat", "a direct-message conversation"),
    (DM_GUILD, "SomethingNewer", "a direct-message conversation"),  # DCE's guild of DMs, whatever the kind
    (DM_GUILD, None, "a direct-message conversation"),
    (SERVER, "GuildPrivateThread", "a private thread"),
    (SERVER, "GuildTextChat", ""),
    (SERVER, "GuildPublicThread", ""),
    (SERVER, "GuildNewsThread", ""),
    (SERVER, "GuildForum", ""),
])
def test_direct_messages_and_private_threads_are_private(guild, kind, private):
    where = channel({"guild": guild, "channel": {"id": "5", "type": kind, "category": "help", "name": "ana"}})
    assert where.private == private


def test_a_forum_post_s_first_message_answers_nothing_and_the_others_answer_it():
    """A forum post is a thread whose first message, in the thread's own file, has the thread's id."""
    talk = Conversation(channel({"guild": SERVER, "channel": {"id": "500", "type": "GuildPublicThread",
                                                              "category": "garden-forum", "name": "Tomato blight?"}}))
    first, answer, reply = (talk.message(_message("500")), talk.message(_message("501")),
                            talk.message(_message("502", "Reply", answers="501")))
    assert [(i.key, i.parent_key, i.thread_key) for i in (first, answer, reply)] == [
        ("500", "", "500"), ("501", "500", "500"), ("502", "501", "500")]
    assert all(i.parent_key != i.key for i in (first, answer, reply))
    assert first.channel == "garden-forum" and first.extra == {"thread": "Tomato blight?"}


@pytest.mark.parametrize("reactions, total", [
    (None, 0), ([], 0), ([{"count": 2}, {"count": 1}], 3), ([{"count": None}, {"name": "x"}], 0),
    ([{"count": "4"}, "not an entry", 7], 4), ([{"count": -2}, {"count": 1.0}], 1),
])
def test_the_reactions_of_a_message_are_the_sum_of_the_counts_on_slack_and_discord(reactions, total):
    assert reaction_total(reactions) == total
    discord = Conversation(Channel("100", "g")).message({**_message("1"), "reactions": reactions})
    slack = slack_items.message("T1", {"ts": "1772445600.000200", "user": "U1", "reactions": reactions}, None, "g")
    assert discord.reactions == slack.reactions == total


@pytest.mark.parametrize("data", [
    {}, {"id": 5, "timestamp": "2026-03-10T10:00:00Z"}, {"id": "1", "timestamp": "yesterday"},
    {"id": "1", "timestamp": "2026-03-10T10:00:00Z", "type": "Default"},  # no author
    {"id": "1", "timestamp": "2026-03-10T10:00:00Z", "author": {"id": 3}},
    {**_message("1"), "reactions": [{"count": "many"}]},
    {**_message("1"), "reactions": 5},
    {**_message("1"), "type": []},
    [], "a string", None,
])
def test_a_damaged_message_is_a_bad_object(data):
    with pytest.raises(BadObject):
        Conversation(Channel("100", "g")).message(data)


# ---- json_document -------------------------------------------------------------------------


def test_the_document_gives_the_header_and_the_messages_one_by_one():
    text = '{"guild": {"id": "1"}, "messages": [ {"id": "a"},\n {"id": "b"} ], "messageCount": 2}'
    doc = Document(text, "messages")
    got = []
    for index, start, value in doc:
        got.append((index, doc.line(start), value["id"], list(doc.header)))
    assert got == [(1, 1, "a", ["guild", "messages"]), (2, 2, "b", ["guild", "messages"])]
    assert doc.header["messageCount"] == 2


def test_a_document_cut_short_gives_what_came_before_the_cut():
    text = chat("invalid/discord-cut.json").read_text(encoding="utf-8")
    doc = Document(text, "messages")
    got = []
    with pytest.raises(json.JSONDecodeError) as caught:
        for _, _, value in doc:
            got.append(value["id"])
    assert got == [m["id"] for m in answers("discord/general.json")["messages"][:2]]
    assert (caught.value.lineno, caught.value.colno) == (164, 18)  # the answer key's position


@pytest.mark.parametrize("text, error", [
    ("", json.JSONDecodeError), ("[1, 2]", NotAnObject), ("5", NotAnObject), ('"x"', NotAnObject),
    ("{", json.JSONDecodeError), ('{"a" 1}', json.JSONDecodeError), ('{"messages": [1,]}', json.JSONDecodeError),
    ('{"a": 1} {}', json.JSONDecodeError), ('{"messages": [' + "[" * 100_000 + "]}", json.JSONDecodeError),
    (":", json.JSONDecodeError), (" <html>", json.JSONDecodeError), ("NaN", NotAnObject), ("-1", NotAnObject),
])
def test_what_is_not_one_json_object_is_refused(text, error):
    with pytest.raises(error):
        list(Document(text, "messages"))


def test_a_document_s_values_are_clean_of_nul_and_lone_surrogates():
    text = '{"guild": {"n\\u0000": "a\\udce9"}, "messages": [{"content": "x\\u0000y\\ud800"}, {"content": "ok"}]}'
    doc = Document(text, "messages")
    assert [value for _, _, value in doc] == [{"content": "x\ufffdy\ufffd"}, {"content": "ok"}]
    assert doc.header["guild"] == {"n\ufffd": "a\ufffd"}
    assert [v for _, _, v in Document('{"messages": [{"content": "x\\\\u0000"}]}', "messages")] == [
        {"content": "x\\u0000"}]  # an escaped backslash before u0000 is text, as it was


def test_a_document_reads_as_json_does():
    text = chat("discord/general.json").read_text(encoding="utf-8")
    doc = Document(text, "messages")
    messages = [value for _, _, value in doc]
    assert {**doc.header, "messages": messages} == json.loads(text)


# ---- anything at all -------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=20,
)
SAMPLE_MESSAGES = [m for name in DISCORD_FILES
                   for m in json.loads(chat(f"discord/{name}").read_text(encoding="utf-8"))["messages"]]


def read_or_refuse(data) -> None:
    try:
        item = Conversation(Channel("100", "general", "1")).message(data)
    except BadObject:
        return
    if item is not None:
        assert isinstance(item.key, str) and item.key and item.occurred_at.tzinfo is not None
        assert isinstance(item.author.key, str) and item.author.key and isinstance(item.reactions, int)
        json.dumps(item.extra)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_any_json_value_is_read_or_refused(value):
    read_or_refuse(value)


def _places(value, prefix=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield prefix, k
            yield from _places(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield prefix, i
            yield from _places(v, prefix + (i,))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(SAMPLE_MESSAGES))), st.data())
def test_real_messages_with_parts_dropped_or_replaced_are_read_or_refused(index, draw):
    data = copy.deepcopy(SAMPLE_MESSAGES[index])
    for _ in range(draw.draw(st.integers(1, 3), label="changes")):
        container_path, step = draw.draw(st.sampled_from(list(_places(data))), label="where")
        container = data
        for part in container_path:
            container = container[part]
        if isinstance(container, dict) and draw.draw(st.booleans(), label="drop"):
            del container[step]
        else:
            container[step] = draw.draw(json_values, label="value")
    read_or_refuse(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300) | st.sampled_from(['{"messages": [', '{"guild": {}, "messages": [{"id": "1"}, ']).map(
    lambda head: head + "]}"))
def test_any_text_is_a_document_or_a_json_error(text):
    """Read as json reads it: the same values, or refused where json refuses it (or, an array or
    a number … that json reads, as not an object)."""
    doc = Document(text, "messages")
    try:
        elements = [value for _, _, value in doc]
    except json.JSONDecodeError as exc:
        assert 0 <= exc.pos <= len(text) and (exc.lineno, exc.colno) == (
            text.count("\n", 0, exc.pos) + 1, exc.pos - text.rfind("\n", 0, exc.pos))
        with pytest.raises((json.JSONDecodeError, RecursionError)):
            json.loads(text)
        return
    except NotAnObject as exc:
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            assert text.lstrip(" \t\n\r")[:1] in '["tfn-0123456789NI'  # a value's first character
        else:
            assert not isinstance(value, dict)
        assert "not an object" in str(exc)
        return
    whole = json.loads(text)
    assert isinstance(whole, dict)
    assert {**doc.header, **({"messages": elements} if isinstance(whole.get("messages"), list) else {})} == whole
