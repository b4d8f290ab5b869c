"""The readers of `import slack` and `import discord` without a database (hypothesis): random
bytes, damaged JSON, damaged values and files cut anywhere end in items or in ImportFailed (one
line naming the file), never in another exception; with --skip-bad, a damaged part is reported
and the rest still read. What is read is items of the file; what is refused says why, with where
the file breaks when it breaks."""
import copy
import datetime as dt
import io
import json
import re
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedbed.importers import discord, slack_export
from seedbed.importers.errors import ImportFailed
from seedbed.importers.file_import import Report
from seedbed.importers.items import Item
from tests.importers.slack_discord_samples import DISCORD_FILES, SLACK_ZIP, answers, chat, importable, zip_members

SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=20,
)


def read_all(read, data: bytes, skip_bad: bool, suffix: str) -> tuple[list[Item] | None, str, list[str]]:
    """(the items read, "", the bad parts skipped) from a file holding ``data``; or (None, why, [])
    when the reader refused it as it should: an ImportFailed of one line naming the file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        report = Report(path, skip_bad)
        try:
            found = list(read(path, report))
        except ImportFailed as exc:
            assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc), str(exc)
            return None, str(exc).removeprefix(f"{path}: "), []
    for item in found:
        assert isinstance(item, Item) and isinstance(item.key, str) and item.key and item.author.key
        assert item.occurred_at.utcoffset() == dt.timedelta(0)  # UTC, whatever offset the file wrote
        assert item.seen_at.utcoffset() == dt.timedelta(0) and item.seen_at >= item.occurred_at
        assert isinstance(item.reactions, int) and item.reactions >= 0
        json.dumps(item.extra)
    assert all("\n" not in line for line in report.skipped)
    return found, "", report.skipped


def _places(value, prefix=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield prefix, k
            yield from _places(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield prefix, i
            yield from _places(v, prefix + (i,))


def _damage(value, draw, times: int):
    value = copy.deepcopy(value)
    for _ in range(times):
        places = list(_places(value))
        if not places:
            return draw.draw(json_values, label="whole")
        path, step = draw.draw(st.sampled_from(places), label="where")
        container = value
        for part in path:
            container = container[part]
        if isinstance(container, dict) and draw.draw(st.booleans(), label="drop"):
            del container[step]
        else:
            container[step] = draw.draw(json_values, label="value")
    return value


# ---- Slack -------------------------------------------------------------------------------------

MEMBERS = zip_members()
JSON_MEMBERS = [n for n in MEMBERS if n.endswith(".json")]
LISTS = ("users.json", "channels.json")  # without them nothing is read
CHANNEL_IDS = {c["name"]: c["id"] for c in answers("slack/slack-export.zip")["channels"]}


def slack_keys(day_file: str | None = None) -> list[str]:
    """The keys of the sample's importable messages (but those of ``day_file``), in file order."""
    return [f"{CHANNEL_IDS[m['where']['channel']]}:{m['id'].split(':')[1]}"
            for m in importable("slack/slack-export.zip") if m["where"]["day_file"] != day_file]


def is_json(data: bytes) -> bool:
    """Whether a member's bytes are JSON that json reads (after a BOM)."""
    try:
        json.loads(data.removeprefix(b"\xef\xbb\xbf").decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return False
    return True


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_the_sample_export_reads_whole():
    found, _, skipped = read_all(slack_export._read, SLACK_ZIP.read_bytes(), False, ".zip")
    assert len(found) == answers("slack/slack-export.zip")["totals"]["importable"]
    assert sorted(i.key for i in found) == sorted(slack_keys()) and skipped == []


@SLOW
@given(st.binary(max_size=2000), st.booleans())
def test_random_bytes_are_refused_as_not_a_slack_export(data, skip_bad):
    found, error, _ = read_all(slack_export._read, data, skip_bad, ".zip")
    assert found is None
    assert error.startswith(("not a ZIP file, or a truncated one (", "not a Slack export (")), error


@SLOW
@given(st.sampled_from(JSON_MEMBERS), st.integers(1, 3), st.booleans(), st.data())
def test_an_export_with_damaged_values_is_read_or_refused(name, times, skip_bad, draw):
    members = dict(MEMBERS)
    members[name] = json.dumps(_damage(json.loads(MEMBERS[name]), draw, times)).encode()
    found, error, _ = read_all(slack_export._read, _zip(members), skip_bad, ".zip")
    if skip_bad and name not in LISTS:
        assert found is not None  # a damaged day file is a bad part, not the end of the import
    if found is None:
        assert f"member {name}" in error, error


@SLOW
@given(st.sampled_from(JSON_MEMBERS), st.binary(max_size=200) | st.text(max_size=200).map(str.encode),
       st.booleans())
def test_a_member_that_is_not_json_is_named(name, data, skip_bad):
    members = dict(MEMBERS)
    members[name] = data
    found, error, skipped = read_all(slack_export._read, _zip(members), skip_bad, ".zip")
    if name == "integration_logs.json":  # not read
        assert sorted(i.key for i in found) == sorted(slack_keys())
        return
    said = [error] if found is None else skipped
    if not is_json(data):  # named, with where it breaks
        where = rf"member {re.escape(name)}: not (UTF-8 text \(byte \d+\)|valid JSON \(.+ at line \d+ column \d+\))"
        assert any(re.match(where, line) for line in said), said
        if name in LISTS or not skip_bad:
            assert found is None
        else:  # a bad part: the other day files are read
            assert sorted(i.key for i in found) == sorted(slack_keys(name))
    if found is None:
        assert error.startswith(f"member {name}: "), error


@SLOW
@given(st.integers(0, SLACK_ZIP.stat().st_size - 1), st.booleans())
def test_an_export_cut_anywhere_is_refused(size, skip_bad):
    found, error, _ = read_all(slack_export._read, SLACK_ZIP.read_bytes()[:size], skip_bad, ".zip")
    assert found is None and error.startswith("not a ZIP file, or a truncated one ("), error


# ---- Discord -----------------------------------------------------------------------------------

DISCORD = {name: chat(f"discord/{name}").read_bytes() for name in DISCORD_FILES}
NOT_DCE = "not a DiscordChatExporter JSON export ("
# each way the reader refuses a file; all but the second name where the file breaks
REFUSALS = {
    "bytes": re.compile(re.escape(NOT_DCE) + r"not UTF-8 text at byte (?P<byte>\d+)\)"),
    "kind": re.compile(re.escape(NOT_DCE) + r"(a JSON (array|string|boolean|null|number), not an object"
                       r"|no guild and channel before its messages; its keys: .*|no messages)\)"),
    "json": re.compile(r"line (?P<line>\d+) column (?P<column>\d+): not valid JSON \(.+\)"),
    "message": re.compile(r"message (?P<index>\d+) \(line (?P<line>\d+)\): .+ \(use --skip-bad to import the rest\)"),
}


def refusal(error: str, data: bytes) -> str:
    """Which of the REFUSALS ``error`` is, after checking the place it names is in ``data``."""
    kind, found = next(((k, r.fullmatch(error)) for k, r in REFUSALS.items() if r.fullmatch(error)), (None, None))
    assert kind, error
    places = found.groupdict()
    if kind == "bytes":
        with pytest.raises(UnicodeDecodeError) as caught:
            data.decode("utf-8-sig")
        assert int(places["byte"]) == caught.value.start
    if "line" in places:
        assert 1 <= int(places["line"]) <= data.count(b"\n") + 1 and int(places.get("column") or 1) >= 1
    return kind


def json_text(data: bytes):
    """(the text, what json makes of it or None when json refuses it), or None when not UTF-8."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    try:
        return text, json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return text, None


@pytest.mark.parametrize("name", DISCORD_FILES)
def test_the_samples_read_whole(name):
    found, _, skipped = read_all(discord._read, DISCORD[name], False, ".json")
    assert [i.key for i in found] == [m["id"] for m in importable(f"discord/{name}")]
    assert len(found) == answers(f"discord/{name}")["totals"]["importable"] and skipped == []


@SLOW
@given(st.binary(max_size=2000) | st.text(alphabet='{}[]":, \n0123456789guildchanemsgtfx', max_size=80).map(str.encode),
       st.booleans())
def test_random_bytes_are_read_or_refused(data, skip_bad):
    found, error, _ = read_all(discord._read, data, skip_bad, ".json")
    decoded = json_text(data)
    if found is not None:  # a JSON object with a guild and a channel (cut short only with --skip-bad)
        assert decoded is not None and decoded[0].lstrip(" \t\n\r").startswith("{")
        assert skip_bad or isinstance(decoded[1], dict)
        return
    kind = refusal(error, data)
    assert (kind == "bytes") is (decoded is None)
    if kind == "json":  # refused where json refuses it
        assert decoded[1] is None
    assert kind != "message" or not skip_bad


def _ids(doc) -> list:
    messages = doc.get("messages") if isinstance(doc, dict) else None
    return [m.get("id") for m in messages if isinstance(m, dict)] if isinstance(messages, list) else []


@SLOW
@given(st.sampled_from(DISCORD_FILES), st.integers(1, 3), st.booleans(), st.data())
def test_a_file_with_damaged_values_is_read_or_refused(name, times, skip_bad, draw):
    original = json.loads(DISCORD[name])
    doc = _damage(original, draw, times)
    data = json.dumps(doc).encode()
    found, error, skipped = read_all(discord._read, data, skip_bad, ".json")
    intact = isinstance(doc, dict) and isinstance(doc.get("messages"), list) and all(
        doc.get(part) == original[part] for part in ("guild", "channel"))
    if found is None:  # valid JSON: refused as not DCE's, or (without --skip-bad) for a damaged message
        kind = refusal(error, data)
        assert kind in (("kind",) if skip_bad else ("kind", "message")), error
        assert not intact or kind == "message"  # with its header, only a damaged message refuses a file
        return
    keys = [i.key for i in found]
    assert keys == [i for i in _ids(doc) if i in keys]  # messages of the file, in file order
    messages = doc["messages"] if isinstance(doc.get("messages"), list) else []
    assert len(found) + len(skipped) <= len(messages)  # each read, skipped as bad, or not conversation
    assert skip_bad or skipped == []


@SLOW
@given(st.sampled_from(DISCORD_FILES), st.data())
def test_a_file_cut_anywhere_is_refused_or_with_skip_bad_gives_what_came_before(name, draw):
    data = DISCORD[name]
    size = draw.draw(st.integers(0, len(data) - 1), label="size")
    cut = data[:size]
    found, error, _ = read_all(discord._read, cut, False, ".json")
    assert found is None and refusal(error, cut) in ("bytes", "json", "kind"), error
    before, error, skipped = read_all(discord._read, cut, True, ".json")
    whole = [i.key for i in read_all(discord._read, data, False, ".json")[0]]
    if before is not None:
        assert [i.key for i in before] == whole[:len(before)]
        assert len(skipped) == 1 and "; the rest of the file cannot be read" in skipped[0]
        assert refusal(skipped[0].removesuffix("; the rest of the file cannot be read"), cut) == "json"
    else:
        assert refusal(error, cut) in ("bytes", "json", "kind")


@SLOW
@given(st.text(max_size=400))
def test_any_text_is_read_or_refused(text):
    data = text.encode("utf-8", "surrogatepass")
    found, error, _ = read_all(discord._read, data, False, ".json")
    decoded = json_text(data)
    if found is not None:
        assert isinstance(decoded[1], dict) and {"guild", "channel", "messages"} <= set(decoded[1])
        assert [i.key for i in found] == [i for i in _ids(decoded[1]) if i in {f.key for f in found}]
        return
    kind = refusal(error, data)
    assert (kind == "bytes") is (decoded is None)  # only lone surrogates are not UTF-8
    if kind == "json":
        assert decoded[1] is None
