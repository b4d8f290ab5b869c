"""The real-format samples in tests/data/mbox, against the facts their README lists.

The README's "Expected facts" tables are the answer key: each valid file's messages, with
sender, decoded name and subject, UTC date, parent and thread root. They were written by
someone who did not see the parser.
"""
import datetime as dt
import re
from pathlib import Path

import pytest

from seedbed.importers import mail_threads
from seedbed.importers.errors import ImportFailed
from seedbed.importers.mbox_files import read

DATA = Path(__file__).resolve().parent.parent / "data" / "mbox"


def expected() -> dict[str, list[dict]]:
    facts = DATA.joinpath("README.md").read_text(encoding="utf-8").split("## Expected facts", 1)[1].split("\n## ", 1)[0]
    files: dict[str, list[dict]] = {}
    current = None
    for line in facts.splitlines():
        heading = re.match(r"### `([^`]+)`", line)
        if heading:
            current = files.setdefault(heading.group(1), [])
        elif current is not None and re.match(r"\| \d+ \|", line):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            current.append(dict(id=cells[1].strip("`"), sender=cells[2], name=cells[3], subject=cells[4],
                                date=cells[5], parent=cells[6].strip("`"), thread=cells[7].strip("`")))
    return files


FILES = expected()


def test_the_readme_lists_every_valid_sample():
    assert len(FILES) >= 8 and all(FILES.values())


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_sample_reads_as_its_readme_says(name):
    mails, skipped = read(DATA / name, skip_bad=False)
    mail_threads.thread(mails)
    assert skipped == [] and len(mails) == len(FILES[name])
    for m, want in zip(mails, FILES[name]):
        where = f"{name} message {m.number}"
        assert m.message_id == want["id"], where
        assert m.sender_email == want["sender"].split(" ")[0], where
        if want["name"] == "—":
            assert m.sender_name == "", where
        else:  # "René Faure (raw Latin-1 …)": the name is what comes before any remark
            assert m.sender_name == want["name"].split(" (")[0], where
        assert m.subject == want["subject"].split(" (raw")[0], where
        assert m.date == dt.datetime.fromisoformat(want["date"].replace("Z", "+00:00")), where
        assert (m.in_reply_to or "—") == want["parent"], where  # the column is the In-Reply-To header
        assert m.thread == want["thread"], where


def test_bots_in_the_list_sample_are_recognised():
    mails, _ = read(DATA / "bots-and-lists.mbox", skip_bad=False)
    assert [m.is_bot for m in mails] == [False, True, True, True, True, False, True]


def test_invalid_samples_fail_where_their_readme_says():
    with pytest.raises(ImportFailed, match=r"truncated\.mbox\.gz: the archive is truncated or corrupt after message 2"):
        read(DATA / "truncated.mbox.gz", skip_bad=False)
    kept, skipped = read(DATA / "truncated.mbox.gz", skip_bad=True)  # what came before the cut, whole
    assert [m.message_id for m in kept] == ["<trunc1@example.org>", "<trunc2@example.org>"] and "truncated" in skipped[0]
    with pytest.raises(ImportFailed, match=r"not-an-mbox\.mbox: not an mbox archive: byte 0"):
        read(DATA / "not-an-mbox.mbox", skip_bad=True)
    with pytest.raises(ImportFailed, match=r"garbage-headers\.mbox: message 2 \(byte 253\)"):
        read(DATA / "garbage-headers.mbox", skip_bad=False)
    mails, skipped = read(DATA / "garbage-headers.mbox", skip_bad=True)
    assert [m.message_id for m in mails] == ["<gh1@example.org>", "<gh3@example.net>"] and len(skipped) == 1
