"""Mailing-list archives, parsed: mbox (plain or gzip), Pipermail monthly text archives and
HyperKitty exports. Pure: bytes in, plain ``Mail`` records out; no ORM, no settings.

One pass over the (decompressed) bytes splits the archive at its ``From `` lines (mboxo and
mboxrd alike); each message is read with the standard library's ``email`` parser, in its
lenient compat32 mode, which is the fastest it has. What a list archive does to messages is
undone here: Pipermail's ``jane at example.org`` addresses, RFC 2047 headers, charsets that
lie, quoted replies and signatures (kept apart from the author's own words).

A message that cannot be attributed (no sender address) or dated, or whose header block is
broken, raises ``BadMessage`` naming its number and byte offset; the caller decides whether
to stop (the default) or skip it.
"""
from __future__ import annotations

import datetime as dt
import email
import email.policy
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

from seedbed.importers.items import clean

GZIP_MAGIC = b"\x1f\x8b"
MAX_HEADER_LINE = 8000  # longer than any real header; a sign of a broken header block
_FROM_LINE = re.compile(rb"^From \S+(?: at \S+)?\s+(.*\S)\s*$")
_ESCAPED_FROM = re.compile(rb"^>+From ")
# A separator is "From ADDRESS DATE" with an asctime date ("Mon Mar  2 10:00:00 2026", a zone
# allowed); an unescaped "From the docs, …" after a blank line is body text.
_SEPARATOR = re.compile(rb"^From \S+(?: at \S+)?\s+[A-Z][a-z]{2},? [A-Z][a-z]{2} +\d{1,2} \d{1,2}:\d{2}(?::\d{2})?"
                        rb"(?: [+-]\d{4}| [A-Z]{2,5})? \d{4}(?: [+-]\d{4})?\s*$")
_OBFUSCATED = re.compile(r"^\s*([\w.+\-=/!#$%&'*?^`{|}~]+) at ([\w\-]+(?:\.[\w\-]+)+)\s*$")
_PIPERMAIL_FROM = re.compile(r"^\s*([\w.+\-=/!#$%&'*?^`{|}~]+ at [\w\-]+(?:\.[\w\-]+)+)\s*(?:\((.*)\))?\s*$")
_MSGID = re.compile(r"<[^<>\s]+>")
_SIMPLE_FROM = re.compile(r'^(?:([^"<>,;()@]*?)\s*<([^<>\s@]+@[^<>\s@]+)>|([^"<>,;()\s@]+@[^"<>,;()\s@]+))$')
_QUOTE_HEADER = re.compile(
    r"^(?:on .{3,200}wrote:|le .{3,200}a écrit ?:|am .{3,200}schrieb.{0,100}:|el .{3,200}escribió:|"
    r"em .{3,200}escreveu:|-+\s*original message\s*-+)\s*$", re.IGNORECASE)
_BOT_LOCAL = re.compile(r"(?:^|[-_.+])(?:bounces?|request|owner|admin|mailman|majordomo|listserv|noreply|no-reply|"
                        r"donotreply|do-not-reply|notifications?|jenkins|buildbot|ci)(?:$|[-_.+])", re.IGNORECASE)


class BadMessage(ValueError):
    """One message that cannot be read; ``where`` names it in the file."""

    def __init__(self, number: int, offset: int, reason: str):
        super().__init__(f"message {number} (byte {offset}): {reason}")
        self.number, self.offset, self.reason = number, offset, reason


class BadArchive(ValueError):
    """The file as a whole is not a readable archive (wrong kind, truncated)."""


@dataclass(slots=True)
class Mail:
    number: int  # 1-based, in the file
    offset: int  # byte offset of its "From " line, in the decompressed archive
    message_id: str  # "<...>"; made from the message's bytes when it has none
    sender_email: str
    sender_name: str
    date: dt.datetime  # aware, UTC
    subject: str
    in_reply_to: str = ""  # the message it answers, when its headers say
    references: tuple[str, ...] = ()
    body: str = ""  # the author's own words
    quoted: str = ""  # what they quoted from others
    signature: str = ""
    list_id: str = ""
    is_bot: bool = False
    charset: str = ""  # the body's charset when it was not UTF-8 or ASCII
    words: int = 0
    parent: str = ""  # filled by ``mail_threads.thread``: the message answered, from headers or subject
    thread: str = ""  # filled by ``mail_threads.thread``: the first message of the conversation
    defects: list[str] = field(default_factory=list)


# -- splitting ------------------------------------------------------------------------------------
def split(lines: Iterable[bytes]) -> Iterator[tuple[int, int, bytes, bytes]]:
    """(number, offset, "From " line, raw message) for each message of an mbox given as lines.

    A ``From `` line starts a message at the start of the file or after a blank line (mboxo
    and mboxrd escape any other with ``>``). Raises ``BadArchive`` if the file does not
    start with one."""
    number, offset, start = 0, 0, 0
    from_line, chunk = b"", []
    previous_blank = True
    for line in lines:
        if line.startswith(b"From ") and previous_blank and (number == 0 or _SEPARATOR.match(line)):
            if number:
                yield number, start, from_line, b"".join(chunk)
            number += 1
            start, from_line, chunk = offset, line, []
        elif number == 0:
            if line.strip():
                raise BadArchive(f"not an mbox archive: byte {offset} should start a message with a 'From ' line")
        else:
            chunk.append(line[1:] if _ESCAPED_FROM.match(line) else line)
        previous_blank = not line.strip()
        offset += len(line)
    if number:
        yield number, start, from_line, b"".join(chunk)
    else:
        raise BadArchive("no messages: an empty file, or not an mbox archive")


# -- one message ----------------------------------------------------------------------------------
def parse(number: int, offset: int, from_line: bytes, raw: bytes, now: dt.datetime | None = None) -> Mail:
    """One message of an archive, or ``BadMessage``. ``now``: dates after it are not believed."""
    head = raw.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    if b"\x00" in head:
        raise BadMessage(number, offset, "a NUL byte in its headers")
    if any(len(line) > MAX_HEADER_LINE for line in head.splitlines()):
        raise BadMessage(number, offset, f"a header line longer than {MAX_HEADER_LINE} bytes")
    quick = _quick(raw)
    if quick is not None:  # a plain single-part message: no need for the email package
        h, payload = quick
        msg, defects = None, []
    else:
        msg = email.message_from_bytes(raw, policy=email.policy.compat32)
        h, defects = _headers(msg), [type(d).__name__ for d in msg.defects]
        if "MissingHeaderBodySeparatorDefect" in defects and "from" not in h:
            raise BadMessage(number, offset, "its header block is broken (a line that is not a header)")
    sender_email, sender_name = _sender(h)
    if not sender_email:
        raise BadMessage(number, offset, "no sender address in its From header")
    date = _date(h.get("date"), from_line, now)
    if date is None:
        raise BadMessage(number, offset, "no readable date, neither in its Date header nor its 'From ' line")
    text, charset = _text(msg) if msg is not None else _decode(payload, _charset(h))
    body, quoted, signature = own_words(clean(text))
    references = tuple(_MSGID.findall(_header(h, "References")))
    replied = _header(h, "In-Reply-To")
    # HyperKitty's exports write In-Reply-To without its angle brackets
    in_reply_to = next(iter(_MSGID.findall(replied)), "") or \
        next((f"<{w}>" for w in replied.split() if "@" in w and "<" not in w), "")
    message_id = next(iter(_MSGID.findall(_header(h, "Message-ID"))), "") or \
        f"<{hashlib.sha1(raw).hexdigest()}@seedbed.invalid>"
    list_id = next(iter(re.findall(r"<([^<>]+)>", _header(h, "List-Id"))), "")
    return Mail(
        number=number, offset=offset, message_id=message_id, sender_email=sender_email, sender_name=sender_name,
        date=date, subject=_header(h, "Subject"), in_reply_to=in_reply_to, references=references, body=body,
        quoted=quoted, signature=signature, list_id=list_id, is_bot=_is_bot(h, sender_email), charset=charset,
        words=len(body.split()), defects=defects,
    )


_PLAIN_ENCODINGS = ("", "7bit", "8bit", "binary")
_CHARSET = re.compile(r"""charset\s*=\s*"?([^";\s]+)""", re.IGNORECASE)


def _quick(raw: bytes) -> tuple[dict[str, str], bytes] | None:
    """(headers, body bytes) of a single-part message with a plain transfer encoding, read
    without the email package (most list mail; twice as fast); None for anything else."""
    sep = raw.find(b"\n\n")
    if sep < 0 or b"\r" in raw[:sep]:
        return None
    headers: dict[str, str] = {}
    name = None  # the header a continuation line belongs to; None after a repeated one
    for line in raw[:sep].decode("ascii", "surrogateescape").split("\n"):
        if line[:1] in (" ", "\t"):  # folded: continues the header before
            if name is not None:
                headers[name] += "\n" + line
            continue
        field, colon, value = line.partition(":")
        if not colon or not field or field != field.strip():
            return None  # not a header: let the email package describe the damage
        name = field.lower()
        if name in headers:
            name = None  # a repeated header: the first one counts, as in _headers
            continue
        headers[name] = value.lstrip()
    kind = headers.get("content-type", "text/plain").split(";", 1)[0].strip().lower()
    if kind not in ("text/plain", "") or headers.get("content-transfer-encoding", "").strip().lower() not in _PLAIN_ENCODINGS:
        return None
    return headers, raw[sep + 2:]


def _charset(h: dict[str, str]) -> str:
    found = _CHARSET.search(h.get("content-type", ""))
    return found.group(1) if found else ""


def _headers(msg: Message) -> dict[str, str]:
    """The first of each header, raw: 8-bit bytes still there (as surrogates) to be decoded here."""
    found: dict[str, str] = {}
    for name, value in msg.raw_items():
        found.setdefault(name.lower(), value)
    return found


def _header(headers: dict[str, str], name: str) -> str:
    value = headers.get(name.lower())
    return "" if value is None else _decoded(str(value))


def _decoded(value: str) -> str:
    """Header text: RFC 2047 words decoded, raw 8-bit bytes read as UTF-8 (or Latin-1)."""
    if value.isascii():
        if "=?" not in value:
            return " ".join(value.split())  # the common case, and the fast one
    elif any("\udc80" <= c <= "\udcff" for c in value):  # raw 8-bit bytes, kept by compat32 as surrogates
        value = _decode(value.encode("utf-8", "surrogateescape"), "utf-8")[0]
    try:
        text = str(make_header(decode_header(value)))
    except (LookupError, UnicodeError, ValueError, HeaderParseError):
        # an unknown charset or a broken encoded word: decode what can be, keep the rest
        try:
            pieces = decode_header(value)
        except (ValueError, HeaderParseError):
            pieces = [(value, None)]
        text = "".join(_decode(p, c or "utf-8")[0] if isinstance(p, bytes) else p for p, c in pieces)
    return " ".join(text.split())


def _sender(h: dict[str, str]) -> tuple[str, str]:
    """(address, display name). The address is split off before the name is decoded, so an
    encoded comma ("=?UTF-8?Q?Dubois=2C_Ren=C3=A9e?=") stays inside the name."""
    raw = " ".join(str(h.get("from", "")).split())
    pipermail = _PIPERMAIL_FROM.match(_decoded(raw))
    if pipermail:  # Pipermail: "jane.doe at example.org (Jane Doe)"
        local, _, domain = pipermail.group(1).partition(" at ")
        address, name = f"{local}@{domain}".lower(), (pipermail.group(2) or "").strip()
    else:
        simple = _SIMPLE_FROM.match(raw)
        if simple:  # "Name <address>" or a bare address, the common cases
            name, address = (simple.group(1) or "").strip(), simple.group(2) or simple.group(3)
        else:
            pairs = getaddresses([raw])
            name, address = pairs[0] if pairs else ("", "")
        name = _decoded(name)
        obfuscated = _OBFUSCATED.match(address) or _OBFUSCATED.match(name)
        if obfuscated:
            address = f"{obfuscated.group(1)}@{obfuscated.group(2)}"
        address = address.strip().strip("<>").lower()
    name = name.strip().strip('"').strip()
    if _OBFUSCATED.match(name) or name.lower() == address:
        name = ""  # the archive wrote the address where the name goes
    return (address if "@" in address else ""), name


EARLIEST = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)  # before mailing lists as archives know them
SLACK = dt.timedelta(days=2)  # how far a Date header may run ahead of the archive's own stamp


def _date(value, from_line: bytes, now: dt.datetime | None = None) -> dt.datetime | None:
    """The Date header, unless it is implausible (before 1980, in the future, or days after
    the archive's own "From " stamp): then the stamp."""
    stamp = _when(_from_line_date(from_line))
    header = _when(value)
    latest = min(t for t in (now and now + SLACK, stamp and stamp + SLACK) if t) if (now or stamp) else None
    # Not bounded below by the stamp: tools that write mbox files (Python's mailbox among them)
    # often stamp every message with the time of the export, years after it was sent.
    if header is not None and EARLIEST <= header and (latest is None or header <= latest):
        return header
    if stamp is not None and stamp >= EARLIEST and (now is None or stamp <= now + SLACK):
        return stamp
    return None


def _when(candidate) -> dt.datetime | None:
    if not candidate:
        return None
    try:
        when = parsedate_to_datetime(str(candidate))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)  # "-0000": the zone is not known
    try:
        return when.astimezone(dt.timezone.utc)
    except (OverflowError, ValueError):
        return None


def _from_line_date(line: bytes) -> str:
    match = _FROM_LINE.match(line.rstrip(b"\r\n"))
    return match.group(1).decode("ascii", "replace") if match else ""


def _decode(payload: bytes, charset: str) -> tuple[str, str]:
    """Text from bytes in a declared charset that may lie: UTF-8 first when declared or unknown,
    then the declaration, then Latin-1 (which reads any byte)."""
    declared = (charset or "").lower().strip('"')
    # UTF-8 first whatever the label says: bytes that decode as UTF-8 almost never meant
    # anything else, and mail clients mislabel it more often than anything
    for attempt in dict.fromkeys(["utf-8", declared or "utf-8"]):
        try:
            return payload.decode(attempt), "" if attempt in ("utf-8", "us-ascii") else attempt
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return payload.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return payload.decode("latin-1"), "latin-1"


def _text(msg: Message) -> tuple[str, str]:
    """The first text/plain part (or the only part), decoded."""
    part = msg
    if msg.is_multipart():
        part = next((p for p in msg.walk() if p.get_content_type() == "text/plain" and not p.is_multipart()), None)
        if part is None:
            return "", ""
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # a broken transfer encoding: the raw text is the best there is
        payload = None
    if payload is None:
        raw = part.get_payload()
        return (raw if isinstance(raw, str) else ""), ""
    return _decode(payload, part.get_content_charset() or "")


def own_words(text: str) -> tuple[str, str, str]:
    """(own words, quoted lines, signature) of a message body."""
    own, quoted, signature = [], [], []
    lines = text.replace("\r\n", "\n").split("\n")
    for i, line in enumerate(lines):
        if line in ("-- ", "--"):
            signature = lines[i + 1:]
            break
        if line.lstrip().startswith(">") or _QUOTE_HEADER.match(line.strip()):
            quoted.append(line)
        else:
            own.append(line)
    return "\n".join(own).strip(), "\n".join(quoted).strip(), "\n".join(signature).strip()


def _is_bot(h: dict[str, str], address: str) -> bool:
    auto = _header(h, "Auto-Submitted").lower()
    if auto and auto != "no":
        return True
    if _header(h, "Precedence").lower() in ("bulk", "junk", "auto_reply") and "in-reply-to" not in h:
        return True
    return _BOT_LOCAL.search(address.partition("@")[0]) is not None
