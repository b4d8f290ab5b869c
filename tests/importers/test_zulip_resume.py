"""Kill `seedbed import zulip EXPORT.tar.gz…` with a real SIGKILL at several points; running the
same command again must end with exactly the database an uninterrupted run makes (resume_helpers:
one export is one transaction, watched through SQLite's WAL)."""
import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest

from tests.importers.resume_helpers import KILLS, check_killed_run, reference
from tests.importers.zulip_matrix_helpers import ZULIP_SAMPLE

MESSAGES = 6000  # per big export: more than one batch of the item store, so the WAL grows mid-way
PER_FILE = 1000  # as Zulip writes them
PEOPLE = 120
START = 1767225600.0  # 2026-01-01


def _export(path: Path, string_id: str, first_id: int) -> Path:
    """An export in the shape of the sample's: users, 3 public channels, 1 private one, a direct
    message in every 50, reactions; realm.json written after the message files."""
    users = [{"id": 100 + p, "full_name": f"Person {p}" if p % 7 else f"P\u00e9rson {p}", "realm": 2,
              "delivery_email": f"p{p}@example.org", "email": f"user{100 + p}@{string_id}.zulip.example",
              "is_bot": p == 0, "bot_type": 2 if p == 0 else None, "is_active": True} for p in range(PEOPLE)]
    channels = [{"id": c, "name": f"channel-{c}", "invite_only": c == 4, "recipient": 500 + c} for c in range(1, 5)]
    recipients = [{"id": 500 + c["id"], "type": 2, "type_id": c["id"]} for c in channels] + \
        [{"id": 1000 + u["id"], "type": 1, "type_id": u["id"]} for u in users]
    messages, reactions = [], []
    for n in range(MESSAGES):
        ident = first_id + n
        direct = n % 50 == 7
        messages.append({"id": ident, "sender": 100 + n % PEOPLE, "realm": 2, "type": 1,
                         "recipient": 1000 + 100 + (n + 1) % PEOPLE if direct else 501 + n % 4,
                         "subject": "\u0007" if direct else f"topic {n // 40}",
                         "content": f"Message {n}: seeds and soil", "date_sent": START + n * 60.25,
                         "last_edit_time": START + n * 60.25 + 30 if n % 9 == 0 else None,
                         "edit_history": None, "is_channel_message": not direct})
        if n % 3 == 0:
            reactions.append({"id": len(reactions) + 1, "user_profile": 100 + (n + 5) % PEOPLE, "message": ident,
                              "emoji_name": "seedling"})
    realm = {"zerver_realm": [{"id": 2, "name": f"Org {string_id}", "string_id": string_id}],
             "zerver_userprofile": users, "zerver_userprofile_crossrealm": [], "zerver_recipient": recipients,
             "zerver_stream": channels, "zerver_reaction": reactions}
    top = f"zulip-export-{string_id}"
    members = {f"{top}/messages-{k + 1:06d}.json": {"zerver_message": messages[k * PER_FILE:(k + 1) * PER_FILE],
                                                    "zerver_usermessage": []}
               for k in range(MESSAGES // PER_FILE)}
    members[f"{top}/realm.json"] = realm
    with tarfile.open(path, "w:gz") as tar:
        for name, value in members.items():
            data = json.dumps(value, ensure_ascii=False).encode()
            info = tarfile.TarInfo(name)
            info.size, info.mtime = len(data), START + MESSAGES * 61
            tar.addfile(info, io.BytesIO(data))
    return path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("zulip-resume")
    files = [_export(folder / "big-1.tar.gz", "big1", 1),
             Path(shutil.copyfile(ZULIP_SAMPLE, folder / "zulip-export.tar.gz")),
             _export(folder / "big-2.tar.gz", "big2", 1)]
    return (files, *reference(folder, "zulip", files))


def test_the_uninterrupted_run_imports_every_export(inputs):
    files, _, expected = inputs
    assert [s[:3] for s in expected["sources"]] == sorted(("zulip", str(f.resolve()), "ok") for f in files)
    keys = {a[1]: a for a in expected["activities"]}
    public = [n for n in range(MESSAGES) if n % 50 != 7 and n % 4 != 3]  # not direct, not in the private channel
    assert {f"big1:{1 + n}" for n in public} | {f"big2:{1 + n}" for n in public} <= set(keys)
    assert len(keys) == 2 * len(public) + 7  # and the sample's
    assert keys["big2:45"][8] == "big2:41"  # in channel-1, topic 1 starts with message 40; 44 answers it


@pytest.mark.parametrize("where, kill_after, grown", KILLS)
def test_a_killed_import_finishes_on_the_next_run_exactly_as_an_uninterrupted_one(tmp_path, inputs, where, kill_after,
                                                                                   grown):
    files, template, expected = inputs
    check_killed_run(tmp_path, "zulip", files, template, expected, kill_after, grown, where)
