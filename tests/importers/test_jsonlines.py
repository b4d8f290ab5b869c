"""Reading JSON-lines files, gzip or plain (seedbed.importers.jsonlines.JsonLines): no database.

Bad input is reported by line number and byte offset in the decompressed stream; nothing but
ImportFailed ever comes out of a file, whatever its bytes.
"""
import gzip
import json
import random
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from seedbed.importers.errors import ImportFailed
from seedbed.importers.items import clean_all
from seedbed.importers.jsonlines import JsonLines

EVENTS = [{"id": "1", "type": "IssuesEvent", "title": "Crash on é 🌱"}, [1, 2.5, None, True], "just a string", 42]


def write(path, data: bytes, compress: bool = False):
    path.write_bytes(gzip.compress(data, mtime=0) if compress else data)
    return path


def read(path, skip_bad=False) -> tuple[list, JsonLines]:
    lines = JsonLines(path, skip_bad=skip_bad)
    return list(lines), lines


def as_lines(*values, ensure_ascii=False, end=b"\n") -> bytes:
    return b"".join(json.dumps(v, ensure_ascii=ensure_ascii).encode() + end for v in values)


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("name", ["hour.json.gz", "hour.json"])
def test_plain_and_gzip_files_read_the_same_whatever_their_name(tmp_path, compress, name):
    found, lines = read(write(tmp_path / name, as_lines(*EVENTS), compress))
    assert found == list(enumerate(EVENTS, 1))
    assert (lines.lines, lines.offset, lines.skipped) == (4, len(as_lines(*EVENTS)), [])


def test_blank_lines_are_skipped_but_counted_and_crlf_ends_are_fine(tmp_path):
    data = b"\n" + as_lines(EVENTS[0], end=b"\r\n") + b"   \n\t\r\n" + as_lines(EVENTS[1])
    found, lines = read(write(tmp_path / "h.json", data))
    assert found == [(2, EVENTS[0]), (5, EVENTS[1])] and lines.skipped == []


def test_a_lone_surrogate_escape_becomes_the_replacement_character_and_pairs_stay_emoji(tmp_path):
    data = (b'{"name": "Ren\\udce9 Faure"}\n'  # Perceval's way of writing a byte it could not decode
            b'{"\\udce9key": ["\\ud83c"]}\n'  # in a key; a high surrogate alone
            b'{"seed": "\\ud83c\\udf31", "both": "\\ud83c\\udf31 \\udce9", "reversed": "\\udf31\\ud83c"}\n')
    found, lines = read(write(tmp_path / "perceval.json", data))
    assert found == [(1, {"name": "Ren\ufffd Faure"}), (2, {"\ufffdkey": ["\ufffd"]}),
                     (3, {"seed": "🌱", "both": "🌱 \ufffd", "reversed": "\ufffd\ufffd"})]
    assert lines.skipped == []


def test_bytes_that_are_not_utf8_stop_the_file_naming_the_line_and_its_byte_offset(tmp_path):
    first = as_lines(EVENTS[0])
    path = write(tmp_path / "latin1.json.gz", first + b'{"a": "caf\xe9"}\n' + as_lines(EVENTS[1]), compress=True)
    with pytest.raises(ImportFailed, match=rf"^{path}: line 2 \(byte {len(first)}\): not valid JSON "
                                           r"\(not UTF-8 at column 11\) \(use --skip-bad"):
        read(path)
    found, lines = read(path, skip_bad=True)
    assert found == [(1, EVENTS[0]), (3, EVENTS[1])]
    assert lines.skipped == [f"line 2 (byte {len(first)}): not valid JSON (not UTF-8 at column 11)"]


def test_a_line_that_is_not_json_names_its_line_byte_and_column(tmp_path):
    first = as_lines(*EVENTS[:2])
    path = write(tmp_path / "h.json", first + b'{"id": "2", "type": \n' + as_lines(EVENTS[2]))
    with pytest.raises(ImportFailed, match=rf"line 3 \(byte {len(first)}\): not valid JSON \(Expecting value at column 21\)"):
        read(path)


def incompressible(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    return [{"n": i, "noise": f"{rng.getrandbits(4000):x}"} for i in range(n)]


def test_a_truncated_gzip_is_an_error_and_skip_bad_keeps_the_whole_lines_before_the_cut(tmp_path):
    values = incompressible(20)
    data = gzip.compress(as_lines(*values), mtime=0)
    path = write(tmp_path / "cut.json.gz", data[:len(data) // 2])
    with pytest.raises(ImportFailed, match=rf"^{path}: the file is truncated or corrupt after line \d+ \(byte \d+ "):
        read(path)
    found, lines = read(path, skip_bad=True)
    assert 1 <= len(found) < 20 and found == list(enumerate(values[:len(found)], 1))
    assert lines.skipped == [f"the rest of the file, after line {len(found)} (byte {len(as_lines(*values[:len(found)]))} "
                             "of the decompressed file): truncated or corrupt (Compressed file ended before the "
                             "end-of-stream marker was reached)"]


def test_a_corrupt_gzip_is_an_error_too(tmp_path):
    data = bytearray(gzip.compress(as_lines(*EVENTS), mtime=0))
    data[-8] ^= 0xFF  # the CRC of the trailer
    path = write(tmp_path / "corrupt.json.gz", bytes(data))
    with pytest.raises(ImportFailed, match=rf"{path}: the file is truncated or corrupt after line 4 .*CRC check failed"):
        read(path)


def test_a_file_that_is_not_there_is_an_error_naming_it(tmp_path):
    with pytest.raises(ImportFailed, match=rf"{tmp_path / 'gone.json.gz'}: cannot read it"):
        read(tmp_path / "gone.json.gz")


# --- property tests --------------------------------------------------------------------------------

PROPERTY = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
TEXT = st.text(st.characters() | st.integers(0xD800, 0xDFFF).map(chr))  # with surrogates, lone or in pairs
VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
                      | TEXT, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=15)
GARBAGE = st.binary(max_size=60).map(lambda b: b.replace(b"\n", b"")) | st.sampled_from(
    [b"{", b"[1,", b'{"a": "caf\xe9"}', b"\xff\xfe\x00", b"NaN", b"\x1f\x8b", b'"\\udce9', b"From kit@example.net"])


def _packed(data: bytes, how: str) -> bytes:
    if how == "plain":
        return data
    packed = gzip.compress(data, mtime=0)
    return packed if how == "gzip" else packed[:max(2, len(packed) * 2 // 3)]


@PROPERTY
@given(st.binary(max_size=3000), st.sampled_from(["plain", "gzip", "gzip cut short"]))
def test_any_bytes_give_lines_or_import_failed_and_nothing_else(tmp_path, data, how):
    path = write(tmp_path / "any.json.gz", _packed(data, how))
    try:
        read(path)
    except ImportFailed as exc:
        assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)
    found, lines = read(path, skip_bad=True)  # reports, never raises
    numbers = [n for n, _ in found]
    assert numbers == sorted(set(numbers)) and all(1 <= n <= lines.lines for n in numbers)


@PROPERTY
@given(st.lists(st.tuples(st.booleans(), VALUES, st.booleans(), GARBAGE), max_size=12), st.booleans())
def test_lines_mixing_json_and_garbage_give_each_json_line_and_report_the_rest_where_they_are(
        tmp_path, rows, compress):
    raw, expected, bad, offset = [], {}, [], 0
    for number, (good, value, ascii_, garbage) in enumerate(rows, 1):
        line = json.dumps(value, ensure_ascii=ascii_).encode("utf-8", "surrogatepass") if good else garbage
        raw.append(line + b"\n")
        try:
            expected[number] = clean_all(json.loads(line))  # what the json module makes of it, if anything
        except (ValueError, RecursionError):
            if line.strip():
                bad.append(f"line {number} (byte {offset}): ")
        offset += len(line) + 1
    assume(compress or not b"".join(raw).startswith(b"\x1f\x8b"))  # that would be a (broken) gzip file
    path = write(tmp_path / "mixed.json.gz", b"".join(raw), compress)
    found, lines = read(path, skip_bad=True)
    assert dict(found) == expected and lines.lines == len(rows)
    assert [s[:len(b)] for s, b in zip(lines.skipped, bad)] == bad and len(lines.skipped) == len(bad)
    if bad:
        with pytest.raises(ImportFailed, match="^" + re.escape(f"{path}: {bad[0]}")):
            read(path)
    else:
        assert read(path)[0] == found
