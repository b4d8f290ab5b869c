"""Kill `seedbed import matrix FILE.json…` with a real SIGKILL at several points; running the
same command again must end with exactly the database an uninterrupted run makes (resume_helpers:
one room is one transaction, watched through SQLite's WAL)."""
import json
import shutil
from pathlib import Path

import pytest

from tests.importers.resume_helpers import KILLS, check_killed_run, reference
from tests.importers.zulip_matrix_helpers import MATRIX_UNFILTERED

MESSAGES = 6000  # per big room: more than one batch of the item store, so the WAL grows mid-way
PEOPLE = 120
START = 1767225600000  # 2026-01-01, in ms


def _room(path: Path, name: str) -> Path:
    """A room in the shape of the unfiltered sample: members, messages, rich replies, threads,
    notices, reactions and edits."""
    room_id = f"!{name}:matrix.example.org"
    events = []

    def add(kind, sender, content, at, ident=None, **more):
        events.append({"type": kind, "room_id": room_id, "sender": sender, "content": content, "origin_server_ts": at,
                       "unsigned": {"age": 1}, "event_id": ident or f"${name}-{len(events)}", **more})

    for p in range(PEOPLE):
        user = f"@p{p}:matrix.example.org"
        name_ = f"Person {p}" if p % 7 else f"P\u00e9rson {p}"
        add("m.room.member", user, {"membership": "join", "displayname": name_}, START - 1000 + p, state_key=user)
    for n in range(MESSAGES):
        at, sender, ident = START + n * 60_000, f"@p{n % PEOPLE}:matrix.example.org", f"${name}-m{n}"
        content = {"msgtype": "m.notice" if n % PEOPLE == 0 else "m.text", "body": f"Message {n}: seeds and soil"}
        if n % 5 == 1:
            content["m.relates_to"] = {"m.in_reply_to": {"event_id": f"${name}-m{n - 1}"}}
            content["body"] = f"> <@p0:matrix.example.org> earlier\n\n{content['body']}"
        elif n % 5 == 2:
            root = f"${name}-m{n - 2}"
            content["m.relates_to"] = {"rel_type": "m.thread", "event_id": root, "is_falling_back": True,
                                       "m.in_reply_to": {"event_id": root}}
        add("m.room.message", sender, content, at, ident)
        if n % 3 == 0:
            add("m.reaction", f"@p{(n + 5) % PEOPLE}:matrix.example.org",
                {"m.relates_to": {"rel_type": "m.annotation", "event_id": ident, "key": "🌱"}}, at + 1000)
        if n % 11 == 0:
            add("m.room.message", sender, {"msgtype": "m.text", "body": f"* Message {n}: edited",
                                           "m.new_content": {"msgtype": "m.text", "body": f"Message {n}: edited"},
                                           "m.relates_to": {"rel_type": "m.replace", "event_id": ident}}, at + 2000)
    doc = {"room_name": name, "room_creator": "Person 1", "topic": "", "export_date": "13/03/2026",
           "exported_by": "Person 1", "messages": events}
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("matrix-resume")
    files = [_room(folder / "big-1.json", "big1"),
             Path(shutil.copyfile(MATRIX_UNFILTERED, folder / "room-export-unfiltered.json")),
             _room(folder / "big-2.json", "big2")]
    return (files, *reference(folder, "matrix", files))


def test_the_uninterrupted_run_imports_every_room(inputs):
    files, _, expected = inputs
    assert [s[:3] for s in expected["sources"]] == sorted(("matrix", str(f.resolve()), "ok") for f in files)
    keys = {a[1]: a for a in expected["activities"]}
    assert {f"${room}-m{n}" for room in ("big1", "big2") for n in range(MESSAGES)} <= set(keys)
    assert len(keys) == 2 * MESSAGES + 8  # and the sample's
    assert keys["$big2-m1"][8] == "$big2-m0" and keys["$big2-m1"][10] == "Message 1: seeds and soil"
    assert keys["$big2-m12"][8] == "$big2-m10"  # a thread message answers the root
    assert keys["$big2-m11"][10] == "Message 11: edited" and keys["$big2-m3"][13] == 1


@pytest.mark.parametrize("where, kill_after, grown", KILLS)
def test_a_killed_import_finishes_on_the_next_run_exactly_as_an_uninterrupted_one(tmp_path, inputs, where, kill_after,
                                                                                   grown):
    files, template, expected = inputs
    check_killed_run(tmp_path, "matrix", files, template, expected, kill_after, grown, where)
