"""Help received, found in threads: unit cases, and the two hand-labelled sets in tests/data/recognition."""
import json
from pathlib import Path

import pytest

from seedbed.recognition.gratitude import Message, find_help, own_words

DATA = Path(__file__).resolve().parent.parent / "data" / "recognition"


def thread(*messages):
    """messages: (author, body, reply_to index or None[, display name])."""
    out = []
    for i, (author, body, reply_to, *name) in enumerate(messages):
        out.append(Message(f"m{i}", author, body, None if reply_to is None else f"m{reply_to}",
                           names=(author, *name), bot=author.endswith("bot")))
    return out


def found(*messages):
    return [(h.thanks, h.helper_message) for h in find_help(thread(*messages))]


def test_it_points_a_thank_you_at_the_helpers_reply():
    assert found(("ann", "Sync fails. Any idea?", None), ("bob", "Clear the cache.", 0),
                 ("ann", "That did it, thank you @bob!", 1)) == [("m2", "m1")]


@pytest.mark.parametrize("body", ["Merci, ça marche !", "Danke, läuft jetzt!", "¡Gracias! Funcionó.", "ありがとうございます、直りました！",
                                  "thx 🙏", "Worked like a charm, cheers Bob!"])
def test_it_understands_thanks_in_many_words(body):
    assert found(("ann", "Sync fails. Any idea?", None), ("bob", "Clear the cache.", 0), ("ann", body, 1)) == [("m2", "m1")]


@pytest.mark.parametrize("body", [
    "Thanks in advance!", "No thanks, I'd rather try myself.", "Thanks, but that didn't work: same error.",
    "Thanks anyway, I'll ask elsewhere.", "nvm, figured it out myself, thanks", "Thanks for the detailed report!",
    "Thanks to everyone who came to the meetup!", "I'll be offline over Thanksgiving.",
    "Still failing after that. Any other idea?\n\nThanks,\nAnn", "Thanks to the new cache it is faster now.",
    "LGTM, thanks!",
])
def test_thanks_that_credit_no_help_are_not_help(body):
    assert found(("ann", "Sync fails. Any idea?", None), ("bob", "Clear the cache.", 0), ("ann", body, 1)) == []


def test_thanking_a_bot_or_oneself_is_not_help():
    assert found(("ann", "Bump the version?", None), ("dependabot", "Bumped to 2.1.", 0), ("ann", "thanks @dependabot", 1)) == []
    assert found(("ann", "Sync fails.", None), ("bob", "Which version?", 0), ("ann", "2.3, and thanks @ann", 1)) == []
    assert found(("ann", "Sync fails.", None), ("ann", "nvm, figured it out, thanks", 0)) == []


def test_a_signature_is_not_whom_they_thank():
    assert found(("ann", "Sync fails. Any idea?", None, "Ann Lee"), ("bob", "Clear the cache.", 0, "Bob Kay"),
                 ("ann", "Much appreciated, that was it.\n\nAnn", 1, "Ann Lee")) == [("m2", "m1")]


def test_the_helper_thanking_back_is_not_help_received():
    assert found(("ann", "Sync fails. Any idea?", None), ("bob", "Clear the cache.", 0),
                 ("ann", "Thanks Bob, that fixed it", 1), ("bob", "Great, thanks for confirming!", 2)) == [("m2", "m1")]


def test_the_thanked_person_is_the_one_named_among_several_helpers():
    assert found(("ann", "Sync fails. Any idea?", None), ("bob", "Clear the cache.", 0), ("cat", "Or reinstall it.", 0),
                 ("ann", "Thanks @bob, clearing the cache did it!", None)) == [("m3", "m1")]


def test_a_bystander_who_had_the_same_problem_credits_the_same_helper():
    assert found(("ann", "Sync fails. Any idea?", None), ("bob", "Clear the cache.", 0),
                 ("ann", "That fixed it, thanks!", 1), ("dan", "+1 thanks, worked for me too", None)) == [
        ("m2", "m1"), ("m3", "m1")]


def test_quoted_thanks_and_signatures_are_not_the_authors_words():
    body = "> Thanks Bob, that fixed it\n\nOn Monday, Ann wrote:\n> old text\nSame problem here on 2.4.\n-- \nThanks, Dan"
    assert own_words(body) == "Same problem here on 2.4."
    assert found(("ann", "Sync fails.", None), ("bob", "Clear the cache.", 0), ("dan", body, 1)) == []


def test_a_thank_you_to_someone_who_did_not_write_in_the_thread_points_nowhere():
    assert found(("ann", "Sync fails.", None), ("bob", "Which version?", 0), ("ann", "Thanks @carol for the tip on chat!", None)) == []


def test_mail_replies_address_people_by_first_name():
    assert found(("ann", "Hi all,\n\nsync fails. Any idea?", None, "Ann Lee"), ("bob", "Hi Ann,\n\nclear the cache.", 0, "Bob Kay"),
                 ("ann", "Hi Bob,\n\nthat worked, many thanks!\n\n> clear the cache", 1, "Ann Lee")) == [("m2", "m1")]


def score(threads):
    tp = fp = fn = 0
    for t in threads:
        messages = [Message(m["id"], m["author"], m["body"], m["reply_to"], (m["author"], m["name"]), m["bot"])
                    for m in t["messages"]]
        predicted = {h.thanks: h.helper_message for h in find_help(messages)}
        for m in t["messages"]:
            guess, truth = predicted.get(m["id"]), m["helped_by"]
            tp += bool(truth) and guess == truth
            fp += bool(guess) and guess != truth
            fn += bool(truth) and guess != truth
    return tp / (tp + fp), tp / (tp + fn)


@pytest.mark.parametrize("name", ["gratitude.jsonl", "gratitude-heldout.jsonl"])
def test_precision_and_recall_on_the_labelled_sets_hold(name):
    """A regression guard; the figures themselves, and how they were reached, are in benchmarks/README.md."""
    threads = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    assert sum(len(t["messages"]) for t in threads) >= 200
    labels = {m["label"] for t in threads for m in t["messages"]}
    assert {"in-advance", "no-thanks", "thanks-but", "bot", "self"} <= labels
    precision, recall = score(threads)
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)
