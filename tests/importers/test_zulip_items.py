"""zulip_items, pure: realm.json, the topics' first messages and each message, on small
hand-made rows for the cases the chat samples' README lists (tests/data/chat/README.md,
Zulip), and on anything at all (hypothesis): whatever a row holds, ``realm`` returns or
raises BadObject, ``message`` returns an item or raises NotImported, BadObject or one of
``items.DAMAGE`` (which the importer reports as a bad message), nothing else."""
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedbed.importers import zulip_items
from seedbed.importers.items import DAMAGE
from seedbed.importers.zulip_items import DIRECT, PRIVATE_CHANNEL, SYSTEM_BOT, BadObject, NotImported, Topics

UTC = dt.timezone.utc
SENT = 1773046931.3189  # 2026-03-09 09:02:11 UTC


def user(ident, name, email, delivery=None, bot=False, bot_type=None):
    return {"id": ident, "full_name": name, "email": email, "delivery_email": email if delivery is None else delivery,
            "is_bot": bot, "bot_type": bot_type, "realm": 2, "is_active": True}


def realm_json(**tables):
    data = {
        "zerver_realm": [{"id": 2, "name": "Marigold Gardeners", "string_id": "marigold"}],
        "zerver_userprofile": [user(8, "Amara Okafor", "amara@example.org"),
                               user(9, "Tomasz Nowak", "tomasz@example.org"),
                               user(11, "李明", "user11@marigold.zulip.example", "li.ming@example.net"),
                               user(12, "GitHub Bot", "github-bot@marigold.zulip.example", bot=True, bot_type=2)],
        "zerver_userprofile_crossrealm": [{"id": 1, "email": "notification-bot@zulip.com", "recipient_id": 1}],
        "zerver_recipient": [{"id": 18, "type": 1, "type_id": 8}, {"id": 19, "type": 1, "type_id": 9},
                             {"id": 23, "type": 2, "type_id": 5}, {"id": 24, "type": 2, "type_id": 6},
                             {"id": 25, "type": 3, "type_id": 3}, {"id": 26, "type": 2, "type_id": 7}],
        "zerver_stream": [{"id": 5, "name": "general", "invite_only": False, "recipient": 23},
                          {"id": 6, "name": "jardinería", "invite_only": False, "recipient": 24},
                          {"id": 7, "name": "stewards", "invite_only": True, "recipient": 26}],
        "zerver_huddle": [{"id": 3, "recipient": 25, "group_size": 3}],
        "zerver_reaction": [{"id": 70, "user_profile": 9, "message": 1002, "emoji_name": "+1"},
                            {"id": 71, "user_profile": 11, "message": 1002, "emoji_name": "heart"},
                            {"id": 72, "user_profile": 8, "message": 1008, "emoji_name": "+1"}],
    }
    data.update(tables)
    return data


def msg(ident, sender=8, recipient=23, topic="planting day", content="Who's in?", sent=SENT, **more):
    return {"id": ident, "sender": sender, "recipient": recipient, "subject": topic, "content": content,
            "date_sent": sent, "last_edit_time": None, "edit_history": None, "is_channel_message": recipient != 18,
            **more}


def read(*messages, **tables):
    """The realm with its topics' first messages, as the importer's first pass leaves it."""
    realm = zulip_items.realm(realm_json(**tables))
    topics = Topics()
    for m in messages:
        topics.see(m)
    realm.roots = topics.roots(realm)
    return realm


def not_imported(realm, data) -> str:
    with pytest.raises(NotImported) as caught:
        zulip_items.message(realm, data)
    return caught.value.reason


# ---- realm.json ----------------------------------------------------------------------------


def test_the_organization_its_users_channels_and_reactions():
    realm = zulip_items.realm(realm_json())
    assert realm.instance == "marigold"
    assert realm.users[11].email == "li.ming@example.net"  # delivery_email, not the made-up `email`
    assert (realm.users[11].source_kind, realm.users[11].instance, realm.users[11].key) == ("zulip", "marigold", "11")
    assert realm.users[12].is_bot and not realm.users[8].is_bot
    assert realm.system_bots == {1}
    assert realm.channels[7].private and not realm.channels[5].private
    assert realm.reactions[1002] == 2


def test_an_export_without_delivery_email_uses_the_email_column():
    (row,) = [user(8, "Amara Okafor", "amara@example.org")]
    del row["delivery_email"]
    realm = zulip_items.realm(realm_json(zerver_userprofile=[row]))
    assert realm.users[8].email == "amara@example.org"


def test_a_bot_type_alone_makes_a_bot():
    realm = zulip_items.realm(realm_json(zerver_userprofile=[{**user(30, "Garden Feed", "feed@x.org"), "bot_type": 3}]))
    assert realm.users[30].is_bot


@pytest.mark.parametrize("value", [None, [], "realm", {"zerver_realm": []}, {"zerver_message": []},
                                   realm_json(zerver_realm=[]), realm_json(zerver_stream=None),
                                   realm_json(zerver_realm=[{"id": 2, "name": "x"}])])
def test_what_is_not_a_realm_json_is_a_bad_object(value):
    with pytest.raises(BadObject):
        zulip_items.realm(value)


def test_no_reaction_table_means_reactions_unknown():
    data = realm_json()
    del data["zerver_reaction"]
    realm = zulip_items.realm(data)
    assert zulip_items.message(realm, msg(1002)).reactions is None


# ---- what is never imported ----------------------------------------------------------------


@pytest.mark.parametrize("data", [
    msg(1008, sender=9, recipient=18, topic="\x07"),  # to one person
    msg(1010, sender=11, recipient=25, topic="\x07"),  # to a group
    {**msg(1012, recipient=23), "is_channel_message": False},  # the message says so
    msg(1013, recipient=23, topic="\x07"),  # the direct-message topic
    msg(1014, sender=999, recipient=18, topic="\x07", date_sent="damaged"),  # damaged, still private
    # an older export, without is_channel_message: the recipient alone says it
    {k: v for k, v in msg(1015, recipient=18, topic="shift").items() if k != "is_channel_message"},
    {k: v for k, v in msg(1016, recipient=25, topic="hoses").items() if k != "is_channel_message"},
])
def test_direct_messages_are_never_imported(data):
    assert not_imported(read(data), data) == DIRECT


def test_messages_in_private_channels_are_never_imported():
    data = msg(1020, recipient=26, topic="budget")
    assert not_imported(read(data), data) == PRIVATE_CHANNEL


def test_zulips_system_bots_are_not_imported():
    data = msg(1001, sender=1, topic="new channels", content="@_**Amara Okafor|8** created a new channel")
    assert not_imported(read(data), data) == SYSTEM_BOT


# ---- messages ------------------------------------------------------------------------------


def test_a_channel_message_is_a_chat_message_of_its_sender_in_its_channel():
    realm = read(msg(1002, reactions=None))
    item = zulip_items.message(realm, msg(1002))
    assert (item.platform, item.key, item.kind, item.contribution_type) == ("zulip", "marigold:1002", "chat", "ideas")
    assert (item.channel, item.title, item.body, item.size) == ("general", "planting day", "Who's in?", 2)
    assert item.author.key == "8" and item.author.name == "Amara Okafor"
    assert item.occurred_at == dt.datetime(2026, 3, 9, 9, 2, 11, 318900, tzinfo=UTC)
    assert item.reactions == 2
    assert (item.parent_key, item.thread_key) == ("", "marigold:5 > planting day")  # channel 5: general


def test_a_topics_later_messages_answer_its_first_whatever_the_order_or_case():
    later = msg(1004, sender=9, topic="Planting Day", sent=SENT + 300)
    first = msg(1002, sent=SENT)
    realm = read(later, first)  # the archive may hold them in any order
    one, two = zulip_items.message(realm, first), zulip_items.message(realm, later)
    assert (one.parent_key, two.parent_key) == ("", "marigold:1002")
    assert one.thread_key == two.thread_key == "marigold:5 > planting day"
    assert two.title == "Planting Day"  # as that message writes it


def test_the_same_topic_name_in_two_channels_is_two_threads():
    a, b = msg(1002, recipient=23, topic="seeds"), msg(1003, recipient=24, topic="seeds")
    realm = read(a, b)
    assert zulip_items.message(realm, b).parent_key == ""
    assert zulip_items.message(realm, a).thread_key != zulip_items.message(realm, b).thread_key


def test_a_topic_started_by_a_system_bot_starts_with_its_first_message_by_a_user():
    bot = msg(1001, sender=1, topic="new channels")
    amara, tomasz = msg(1005, topic="new channels"), msg(1006, sender=9, topic="new channels")
    realm = read(bot, amara, tomasz)
    assert zulip_items.message(realm, amara).parent_key == ""
    assert zulip_items.message(realm, tomasz).parent_key == "marigold:1005"


def test_an_edited_message_has_its_text_and_was_seen_at_its_edit_or_the_export():
    data = msg(1004, content="I'll bring the wheelbarrow and two rakes.", last_edit_time=SENT + 90,
               edit_history='[{"user_id": 9, "timestamp": 1773047310, "prev_content": "I\'ll bring it."}]')
    realm = read(data)
    assert zulip_items.message(realm, data).seen_at == dt.datetime.fromtimestamp(SENT + 90, UTC)
    realm.seen_at = dt.datetime(2026, 3, 13, 7, 30, tzinfo=UTC)
    item = zulip_items.message(realm, data)
    assert item.body == "I'll bring the wheelbarrow and two rakes." and item.seen_at == realm.seen_at


def test_older_exports_pub_date_is_the_time():
    data = msg(1002)
    data["pub_date"] = data.pop("date_sent")
    assert zulip_items.message(read(data), data).occurred_at.year == 2026


def test_a_renamed_channel_keeps_its_topics_threads():
    before = read(msg(1002))
    renamed = realm_json()
    renamed["zerver_stream"][0]["name"] = "town-square"  # channel 5, renamed between two exports
    after = zulip_items.realm(renamed)
    after.roots = before.roots
    old, new = zulip_items.message(before, msg(1002)), zulip_items.message(after, msg(1003, sender=9))
    assert (old.channel, new.channel) == ("general", "town-square")  # each as it was called then
    assert new.thread_key == old.thread_key and new.parent_key == "marigold:1002"


def test_an_organization_at_the_root_domain_keeps_its_empty_string_id():
    realm = read(msg(1002), zerver_realm=[{"id": 2, "name": "Marigold", "string_id": ""}])
    item = zulip_items.message(realm, msg(1002))
    assert (item.key, item.author.instance) == (":1002", "")


def test_a_host_given_is_the_instance_instead_of_the_string_id():
    data = realm_json(zerver_realm=[{"id": 2, "name": "Marigold", "string_id": ""}])
    realm = zulip_items.realm(data, "chat.example.org")
    item = zulip_items.message(realm, msg(1002))
    assert (item.key, item.author.instance) == ("chat.example.org:1002", "chat.example.org")
    assert item.thread_key == "chat.example.org:5 > planting day"


@pytest.mark.parametrize("damage, says", [
    ({"sender": 999}, "sender 999 is not a user"),
    ({"recipient": 404}, "recipient 404 is not in the export"),
    ({"date_sent": "yesterday"}, "is not a time"),
    ({"date_sent": True}, "is not a time"),
    ({"id": "1002"}, "without its id"),
    ({"content": None}, "content"),
    ({"subject": 7}, "topic"),
])
def test_a_damaged_message_is_a_bad_object_that_says_what(damage, says):
    data = {**msg(1002), **damage}
    with pytest.raises(BadObject, match=says):
        zulip_items.message(read(), data)


def test_a_recipient_whose_channel_is_missing_is_a_bad_object():
    realm = read(zerver_recipient=[{"id": 23, "type": 2, "type_id": 55}])
    with pytest.raises(BadObject, match="channel 55"):
        zulip_items.message(realm, msg(1002))


def test_the_newest_message_or_edit_is_noted():
    topics = Topics()
    topics.see(msg(1002, sent=SENT))
    topics.see(msg(1003, sent=SENT + 60, last_edit_time=SENT + 600))
    topics.see("not a message")
    topics.see(msg(1004, sent="damaged"))
    assert topics.newest == dt.datetime.fromtimestamp(SENT + 600, UTC)


# ---- anything at all -----------------------------------------------------------------------

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                    max_leaves=8)
FIELDS = ["id", "sender", "recipient", "subject", "content", "date_sent", "last_edit_time", "is_channel_message",
          "pub_date"]


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(FIELDS), JSON | st.integers(1000, 1010) | st.sampled_from([8, 9, 1, 18, 23, 25]),
                       max_size=9) | JSON)
def test_any_message_is_an_item_or_a_clear_refusal(data):
    realm = read(msg(1002))
    try:
        item = zulip_items.message(realm, data)
    except (NotImported, BadObject, *DAMAGE):
        return
    assert item.key.startswith("marigold:") and item.channel in ("general", "jardinería")


RANDOM_REALM = st.dictionaries(
    st.sampled_from(["zerver_realm", "zerver_userprofile", "zerver_recipient", "zerver_stream", "zerver_reaction",
                     "zerver_userprofile_crossrealm"]),
    st.lists(st.dictionaries(st.sampled_from(["id", "string_id", "type", "type_id", "name", "message", "full_name",
                                              "bot_type"]), JSON), max_size=3) | JSON)
IDS = st.sampled_from([1, 2, 3, 5, 6, 7, 8, 23, 24, 26])


def _damaged_realm(data) -> dict:
    """realm_json() with a few of its tables, or values in their rows, replaced by anything."""
    value = realm_json()
    for _ in range(data.draw(st.integers(1, 4))):
        table = data.draw(st.sampled_from(sorted(value)))
        rows = [r for r in value[table] if isinstance(r, dict) and r] if isinstance(value[table], list) else []
        if rows and data.draw(st.booleans()):
            row = data.draw(st.sampled_from(rows))
            row[data.draw(st.sampled_from(sorted(row)))] = data.draw(JSON | IDS | st.booleans())
        else:
            value[table] = data.draw(JSON)
    return value


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_realm_json_is_read_or_refused_as_a_bad_object(data):
    value = data.draw(RANDOM_REALM) if data.draw(st.booleans()) else _damaged_realm(data)
    try:
        realm = zulip_items.realm(value)
    except BadObject:
        return
    assert isinstance(realm.instance, str)
    message = msg(1002)  # Amara's, in recipient 23 (channel 5, general) as the undamaged realm.json has it
    try:
        item = zulip_items.message(realm, message)
    except NotImported as why:
        assert why.reason in (DIRECT, PRIVATE_CHANNEL, SYSTEM_BOT)
        return
    except (BadObject, *DAMAGE):
        return
    # imported only as what realm.json says: a user's message in a public channel, keyed in the realm
    kind, channel = realm.recipients[23]
    assert kind == zulip_items.CHANNEL and not realm.channels[channel].private
    assert (item.key, item.author) == (f"{realm.instance}:1002", realm.users[8])
    assert item.channel == realm.channels[channel].name
    assert item.thread_key == f"{realm.instance}:{channel} > planting day" and item.body == "Who's in?"
