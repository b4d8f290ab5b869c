"""The pure mailing-list parser: splitting, one message, encodings, quoting, threads, bad input."""
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedbed.importers import mail, mail_threads

UTC = dt.timezone.utc


def mbox(*messages: str) -> list[bytes]:
    text = "".join(f"From someone@example.org Mon Mar  2 10:00:00 2026\n{m.strip()}\n\n" for m in messages)
    return text.encode("utf-8").splitlines(keepends=True)


def parsed(*messages: str) -> list[mail.Mail]:
    out = [mail.parse(*parts) for parts in mail.split(mbox(*messages))]
    mail_threads.thread(out)
    return out


ROOT = """From: Ana Souza <ana@example.org>
Subject: [marigold-dev] How do I sync?
Message-ID: <1@example.org>
Date: Mon, 02 Mar 2026 10:00:00 +0100

Sync fails on Android. Any idea?"""

REPLY = """From: "Bo Li" <Bo@Example.org>
Subject: Re: [marigold-dev] How do I sync?
Message-ID: <2@example.org>
In-Reply-To: <1@example.org>
References: <1@example.org>
Date: Mon, 02 Mar 2026 12:00:00 +0000

On Mon, Ana Souza wrote:
> Sync fails on Android. Any idea?

Clear the cache first.
From now on it should work.

--
Bo"""


def test_it_reads_senders_dates_threads_and_keeps_quotes_and_signatures_apart():
    ana, bo = parsed(ROOT, REPLY)
    assert (ana.sender_email, ana.sender_name, ana.date) == ("ana@example.org", "Ana Souza", dt.datetime(2026, 3, 2, 9, tzinfo=UTC))
    assert (bo.sender_email, bo.sender_name) == ("bo@example.org", "Bo Li")
    assert bo.body == "Clear the cache first.\nFrom now on it should work."
    assert bo.quoted == "On Mon, Ana Souza wrote:\n> Sync fails on Android. Any idea?" and bo.signature == "Bo"
    assert (bo.parent, bo.thread, ana.thread) == ("<1@example.org>", "<1@example.org>", "<1@example.org>")
    assert (ana.number, bo.number) == (1, 2) and ana.offset == 0 and bo.offset > 0


def test_escaped_from_lines_are_unescaped_and_only_from_lines_after_a_blank_line_split():
    lines = b"From a@x Mon Mar  2 10:00:00 2026\nFrom: a@x\nSubject: s\nMessage-ID: <a@x>\nDate: Mon, 2 Mar 2026 10:00:00 +0000\n\n" \
            b">From the start, it failed.\n\nFrom b@x Mon Mar  2 11:00:00 2026\nFrom: b@x\nMessage-ID: <b@x>\n" \
            b"Date: Mon, 2 Mar 2026 11:00:00 +0000\n\nok\n"
    first, second = [mail.parse(*p) for p in mail.split(lines.splitlines(keepends=True))]
    assert first.body == "From the start, it failed." and second.sender_email == "b@x"


def test_pipermail_addresses_are_de_obfuscated():
    [m] = parsed("From: jane.doe at example.org (Jane Doe)\nMessage-ID: <p@x>\nDate: Mon, 2 Mar 2026 10:00:00 +0000\n\nhi")
    assert (m.sender_email, m.sender_name) == ("jane.doe@example.org", "Jane Doe")


def test_encoded_headers_lying_charsets_and_raw_bytes_are_read_not_fatal():
    raw = ("From: =?ISO-8859-1?Q?Jos=E9_Mu=F1oz?= <jose@example.org>\nSubject: =?UTF-8?B?w4lsw6h2ZXM=?= =?UTF-8?B?IGV0IGTDqWJ1dA==?=\n"
           "Message-ID: <e@x>\nDate: Mon, 2 Mar 2026 10:00:00 +0000\nContent-Type: text/plain; charset=\"utf-8\"\n\n").encode()
    raw += "Caf\u00e9 cr\u00e8me".encode("latin-1")  # declared UTF-8, written in Latin-1
    m = mail.parse(1, 0, b"From x Mon Mar  2 10:00:00 2026\n", raw)
    assert (m.sender_name, m.subject) == ("José Muñoz", "Élèves et début")
    assert m.body == "Café crème" and m.charset == "cp1252"
    raw8 = b"From: Zo\xc3\xab <zoe@x>\nMessage-ID: <z@x>\nDate: Mon, 2 Mar 2026 10:00:00 +0000\n\n\xff\xfe bytes"
    z = mail.parse(1, 0, b"From x Mon Mar  2 10:00:00 2026\n", raw8)
    assert z.sender_name == "Zoë" and z.body.endswith("bytes")


def test_a_missing_date_falls_back_to_the_from_line():
    [m] = mail.split(b"From a@x Tue Mar  3 08:30:00 2026\nFrom: a@x\nMessage-ID: <d@x>\n\nhi\n".splitlines(keepends=True))
    assert mail.parse(*m).date == dt.datetime(2026, 3, 3, 8, 30, tzinfo=UTC)


def test_threads_by_subject_when_headers_are_missing_but_not_for_forwards():
    base = "From: {s}@x\nSubject: {subj}\nMessage-ID: <{n}@x>\nDate: Mon, 2 Mar 2026 1{n}:00:00 +0000\n\nbody"
    mails = parsed(*(base.format(s=s, subj=subj, n=n) for n, (s, subj) in enumerate(
        [("a", "Topic"), ("b", "Re: Topic"), ("c", "AW: Topic"), ("d", "Fwd: Topic"), ("e", "RE: Re: [list] Topic")])))
    root = mails[0].message_id
    assert [m.thread for m in mails] == [root, root, root, "<3@x>", root]
    assert mails[3].parent == ""


def test_bots_are_recognised():
    [ci, human] = parsed("From: jenkins@ci.example.org\nAuto-Submitted: auto-generated\nMessage-ID: <j@x>\n"
                         "Date: Mon, 2 Mar 2026 10:00:00 +0000\n\nBuild failed",
                         "From: list-bounces@lists.example.org\nMessage-ID: <k@x>\nDate: Mon, 2 Mar 2026 10:00:00 +0000\n\nx")
    assert ci.is_bot and human.is_bot  # a bounce address is the list's robot too
    [ana] = parsed(ROOT)
    assert not ana.is_bot


def test_bad_messages_and_archives_name_their_position():
    with pytest.raises(mail.BadArchive, match="byte 0"):
        list(mail.split([b'{"not": "an mbox"}\n']))
    [(number, offset, line, raw)] = list(mail.split(mbox("Subject: no sender\nMessage-ID: <n@x>\n\nbody")))
    with pytest.raises(mail.BadMessage, match=r"message 1 \(byte 0\): no sender address"):
        mail.parse(number, offset, line, raw)
    with pytest.raises(mail.BadMessage, match="NUL"):
        mail.parse(2, 99, line, b"From: a@x\nX-Bad: \x00\n\nbody")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.binary(max_size=300), max_size=8))
def test_no_input_makes_the_parser_fail_other_than_clearly(chunks):
    lines = b"From x Mon Mar  2 10:00:00 2026\n".join([b""] + chunks).splitlines(keepends=True)
    try:
        for parts in mail.split(lines):
            try:
                mail.parse(*parts)
            except mail.BadMessage:
                pass
    except mail.BadArchive:
        pass


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.text(max_size=80), st.text(max_size=200))
def test_odd_headers_never_crash(subject, name, body):
    raw = f"From: {name} <a@x>\nSubject: {subject}\nMessage-ID: <h@x>\nDate: Mon, 2 Mar 2026 10:00:00 +0000\n\n{body}"
    try:
        m = mail.parse(1, 0, b"From x Mon Mar  2 10:00:00 2026\n", raw.encode("utf-8", "surrogatepass"))
    except mail.BadMessage:
        return
    assert isinstance(m.subject, str) and isinstance(m.body, str)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["From", "Subject", "Message-ID", "X-Thing", "Date", "subject"]),
                          st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=60),
                          st.booleans()), min_size=1, max_size=6),
       st.text(max_size=100))
def test_the_fast_path_reads_headers_as_the_email_package_does(headers, body):
    """Plain single-part messages skip the email package; they must read the same."""
    import email as email_package
    import email.policy

    lines = []
    for name, value, folded in headers:
        value = " ".join(value.split())
        lines.append(f"{name}: {value[:20]}\n {value[20:]}" if folded and len(value) > 20 else f"{name}: {value}")
    raw = ("\n".join(lines) + "\n\n" + body).encode("utf-8")
    quick = mail._quick(raw)
    if quick is None:
        return
    slow = mail._headers(email_package.message_from_bytes(raw, policy=email.policy.compat32))
    for name in {n.lower() for n, _, _ in headers}:
        assert mail._header(quick[0], name) == mail._header(slow, name)


def test_implausible_dates_give_way_to_the_archive_stamp():
    now = dt.datetime(2026, 11, 25, tzinfo=UTC)
    line = b"From a@x Mon Mar  2 10:00:00 2026\n"
    for bad in ("Mon, 02 Mar 2099 10:00:00 +0000", "Thu, 01 Jan 1970 00:00:00 +0000", "Fri, 20 Mar 2026 10:00:00 +0000"):
        m = mail.parse(1, 0, line, f"From: a@x\nMessage-ID: <d@x>\nDate: {bad}\n\nhi".encode(), now)
        assert m.date == dt.datetime(2026, 3, 2, 10, tzinfo=UTC), bad
    ok = mail.parse(1, 0, line, b"From: a@x\nMessage-ID: <d@x>\nDate: Mon, 02 Mar 2026 09:00:00 -0300\n\nhi", now)
    assert ok.date == dt.datetime(2026, 3, 2, 12, tzinfo=UTC)
    exported = b"From MAILER-DAEMON Wed Nov 25 10:00:00 2026\n"  # stamped when exported, years later
    old = mail.parse(1, 0, exported, b"From: a@x\nMessage-ID: <o@x>\nDate: Tue, 02 Mar 2010 09:00:00 +0000\n\nhi", now)
    assert old.date == dt.datetime(2010, 3, 2, 9, tzinfo=UTC)
    with pytest.raises(mail.BadMessage, match="no readable date"):
        mail.parse(1, 0, b"From a@x Mon Mar  2 10:00:00 2099\n", b"From: a@x\nMessage-ID: <d@x>\n\nhi", now)
