"""The readers of `import slack` and `import discord` without a database (hypothesis): random
bytes, damaged JSON, damaged values and files cut anywhere end in items or in ImportFailed (one
line naming the file), never in another exception; with --skip-bad, a damaged part is reported
and the rest still read."""
import copy
import io
import json
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
from tests.importers.slack_discord_samples import DISCORD_FILES, SLACK_ZIP, chat, zip_members

SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=20,
)


def read_all(read, data: bytes, skip_bad: bool, suffix: str) -> list[Item] | None:
    """Items read from a file holding ``data``, or None when the reader refused it as it should."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        report = Report(path, skip_bad)
        try:
            found = list(read(path, report))
        except ImportFailed as exc:
            assert str(exc).startswith(str(path)) and "\n" not in str(exc)
            return None
    for item in found:
        assert isinstance(item, Item) and item.key and item.author.key and item.occurred_at.tzinfo is not None
        json.dumps(item.extra)
    return found


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


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_the_sample_export_reads_whole():
    found = read_all(slack_export._read, SLACK_ZIP.read_bytes(), False, ".zip")
    assert len(found) == 15


@SLOW
@given(st.binary(max_size=2000), st.booleans())
def test_random_bytes_are_refused_as_not_a_slack_export(data, skip_bad):
    assert read_all(slack_export._read, data, skip_bad, ".zip") is None


@SLOW
@given(st.sampled_from(JSON_MEMBERS), st.integers(1, 3), st.booleans(), st.data())
def test_an_export_with_damaged_values_is_read_or_refused(name, times, skip_bad, draw):
    members = dict(MEMBERS)
    members[name] = json.dumps(_damage(json.loads(MEMBERS[name]), draw, times)).encode()
    found = read_all(slack_export._read, _zip(members), skip_bad, ".zip")
    if skip_bad and name not in ("users.json", "channels.json"):
        assert found is not None  # a damaged day file is a bad part, not the end of the import


@SLOW
@given(st.sampled_from(JSON_MEMBERS), st.binary(max_size=200) | st.text(max_size=200).map(str.encode),
       st.booleans())
def test_a_member_that_is_not_json_is_named(name, data, skip_bad):
    members = dict(MEMBERS)
    members[name] = data
    read_all(slack_export._read, _zip(members), skip_bad, ".zip")


@SLOW
@given(st.integers(0, SLACK_ZIP.stat().st_size - 1), st.booleans())
def test_an_export_cut_anywhere_is_refused(size, skip_bad):
    assert read_all(slack_export._read, SLACK_ZIP.read_bytes()[:size], skip_bad, ".zip") is None


# ---- Discord -----------------------------------------------------------------------------------

DISCORD = {name: chat(f"discord/{name}").read_bytes() for name in DISCORD_FILES}


@pytest.mark.parametrize("name", DISCORD_FILES)
def test_the_samples_read_whole(name):
    assert read_all(discord._read, DISCORD[name], False, ".json")


@SLOW
@given(st.binary(max_size=2000), st.booleans())
def test_random_bytes_are_read_or_refused(data, skip_bad):
    read_all(discord._read, data, skip_bad, ".json")


@SLOW
@given(st.sampled_from(DISCORD_FILES), st.integers(1, 3), st.booleans(), st.data())
def test_a_file_with_damaged_values_is_read_or_refused(name, times, skip_bad, draw):
    read_all(discord._read, json.dumps(_damage(json.loads(DISCORD[name]), draw, times)).encode(), skip_bad, ".json")


@SLOW
@given(st.sampled_from(DISCORD_FILES), st.data())
def test_a_file_cut_anywhere_is_refused_or_with_skip_bad_gives_what_came_before(name, draw):
    data = DISCORD[name]
    size = draw.draw(st.integers(0, len(data) - 1), label="size")
    cut = data[:size]
    assert read_all(discord._read, cut, False, ".json") is None
    before = read_all(discord._read, cut, True, ".json")
    whole = [i.key for i in read_all(discord._read, data, False, ".json")]
    if before is not None:
        assert [i.key for i in before] == whole[:len(before)]


@SLOW
@given(st.text(max_size=400))
def test_any_text_is_read_or_refused(text):
    read_all(discord._read, text.encode("utf-8", "surrogatepass"), False, ".json")
