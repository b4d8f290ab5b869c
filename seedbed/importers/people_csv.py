"""People and notes from a spreadsheet (CSV), for communities moving to Seedbed. Pure.

The first row names the columns, in any order and case, in the community's words
("E-mail", "Time zone", "GitHub"…): ``COLUMNS`` lists what each may be called. Columns
Seedbed does not know are reported and left out, never guessed at. Every row is checked
before anything is written; a bad row is named by its line.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zoneinfo
from dataclasses import dataclass, field

# field -> the headings it may have (compared folded: lower case, no spaces, dashes or dots)
COLUMNS = {
    "name": ("name", "displayname", "fullname"),
    "emails": ("email", "emails", "emailaddress", "emailaddresses", "mail"),
    "pronouns": ("pronouns",),
    "time_zone": ("timezone", "tz"),
    "region": ("region", "location", "country", "city"),
    "languages": ("languages", "language", "spokenlanguages"),
    "interests": ("interests", "topics"),
    "skills": ("skills",),
    "groups": ("groups", "group", "teams", "team"),
    "bio": ("bio", "about"),
}
# a column named after a platform holds the person's account name there: (source kind, instance)
ACCOUNTS = {
    "github": ("github", ""), "gitlab": ("gitlab", "gitlab.com"), "discourse": ("discourse", ""),
    "slack": ("slack", ""), "discord": ("discord", ""), "matrix": ("matrix", ""), "zulip": ("zulip", ""),
    "meetup": ("meetup", ""), "mastodon": ("mastodon", ""),
}
NOTE_COLUMNS = {
    "person": ("person", "who", "email", "name", "contributor"),
    "date": ("date", "when", "createdat", "created"),
    "author": ("author", "by", "writtenby", "steward"),
    "body": ("note", "notes", "text", "body"),
}
LISTS = ("languages", "interests", "skills")
TEXTS = ("pronouns", "time_zone", "region", "bio")
LIMITS = {"name": 200, "pronouns": 50, "time_zone": 64, "region": 100, "bio": 5000}
_EMAIL = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")
_ROLE = re.compile(r"^(.*?)\s*\(\s*(organiser|organizer|member)\s*\)\s*$", re.IGNORECASE)
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


class BadRow(ValueError):
    def __init__(self, line: int, reason: str):
        super().__init__(f"line {line}: {reason}")
        self.line, self.reason = line, reason


class BadFile(ValueError):
    """The file as a whole cannot be read as this kind of CSV."""


@dataclass
class PersonRow:
    line: int
    name: str = ""
    emails: list[str] = field(default_factory=list)
    accounts: list[tuple[str, str, str]] = field(default_factory=list)  # (source kind, instance, account name)
    texts: dict[str, str] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    groups: list[tuple[str, str]] = field(default_factory=list)  # (group name, role)


@dataclass
class NoteRow:
    line: int
    person: str  # an e-mail, "#ID", "platform:account" or a name
    written: dt.datetime | None  # None: the file does not say
    author: str
    body: str


def _fold(heading: str) -> str:
    return re.sub(r"[\s_\-.]+", "", heading.strip().lower())


def _rows(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The headings and the rows (with their line numbers) of CSV text; commas, semicolons
    and tabs are all taken, as spreadsheets write them."""
    if not text.strip():
        raise BadFile("the file is empty")
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = []
    try:
        headings = next(reader)
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append((reader.line_num, cells))
    except csv.Error as exc:
        raise BadFile(f"line {reader.line_num}: not CSV ({exc})") from None
    return headings, rows


def _columns(headings: list[str], known: dict[str, tuple[str, ...]], accounts: bool):
    """column index -> field; the headings not understood."""
    by_alias = {alias: name for name, aliases in known.items() for alias in aliases}
    found: dict[int, str] = {}
    unknown = []
    for i, heading in enumerate(headings):
        folded = _fold(heading.lstrip("\ufeff"))
        name = by_alias.get(folded)
        if name is None and accounts:
            account = _account_column(heading)
            if account is not None:
                name = "account:" + "@".join(account)
        if name is None:
            if heading.strip():
                unknown.append(heading.strip())
            continue
        if name in found.values() and not name.startswith("account:"):
            raise BadFile(f"two columns for {name.replace('_', ' ')}: {heading!r} and another")
        found[i] = name
    return found, unknown


def _account_column(heading: str) -> tuple[str, str] | None:
    """``GitHub`` -> ("github", ""); ``Discourse@discuss.example.org`` -> with that instance."""
    kind, _, instance = heading.strip().lower().partition("@")
    kind = _fold(kind)
    if kind not in ACCOUNTS:
        return None
    return kind, instance.strip() or ACCOUNTS[kind][1]


def _split(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;,\n]", value) if part.strip()]


def people(text: str) -> tuple[list[PersonRow], list[str], list[BadRow]]:
    """(rows, headings left out, bad rows) of a people CSV."""
    headings, raw = _rows(text)
    columns, unknown = _columns(headings, COLUMNS, accounts=True)
    if not columns:
        raise BadFile("no column Seedbed knows (name, email, time zone, interests, groups, GitHub …) in the first row")
    out, bad = [], []
    for line, cells in raw:
        try:
            out.append(_person(line, {name: (cells[i] if i < len(cells) else "").strip() for i, name in columns.items()}))
        except BadRow as exc:
            bad.append(exc)
    return out, unknown, bad


def _person(line: int, cells: dict[str, str]) -> PersonRow:
    row = PersonRow(line, name=cells.get("name", ""))
    for name, limit in LIMITS.items():
        value = row.name if name == "name" else cells.get(name, "")
        if len(value) > limit:
            raise BadRow(line, f"the {name.replace('_', ' ')} is longer than {limit} characters")
    for email in _split(cells.get("emails", "")):
        if not _EMAIL.match(email):
            raise BadRow(line, f"{email!r} is not an e-mail address")
        row.emails.append(email)
    for column, value in cells.items():
        if column.startswith("account:") and value:
            kind, _, instance = column[8:].partition("@")
            for account in _split(value):
                row.accounts.append((kind, instance, account.lstrip("@")))
    zone = cells.get("time_zone", "")
    if zone:
        try:
            zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise BadRow(line, f"{zone!r} is not a time zone (use IANA names like Europe/Lisbon)") from None
    row.texts = {k: cells[k] for k in TEXTS if cells.get(k)}
    for name in LISTS:
        items = list(dict.fromkeys(_split(cells.get(name, ""))))
        if name == "languages":
            wrong = [i for i in items if not _LANGUAGE.match(i)]
            if wrong:
                raise BadRow(line, f"{wrong[0]!r} is not a language tag (use en, pt-BR …)")
        if items:
            row.lists[name] = items
    for entry in re.split(r"[;\n]", cells.get("groups", "")):
        if entry.strip():
            found = _ROLE.match(entry.strip())
            name, role = (found.group(1), found.group(2).lower()) if found else (entry.strip(), "member")
            row.groups.append((name[:200], "organiser" if role in ("organiser", "organizer") else "member"))
    if not (row.name or row.emails or row.accounts):
        raise BadRow(line, "no name, e-mail or account to know the person by")
    return row


def notes(text: str) -> tuple[list[NoteRow], list[str], list[BadRow]]:
    headings, raw = _rows(text)
    columns, unknown = _columns(headings, NOTE_COLUMNS, accounts=False)
    missing = [n for n in ("person", "body") if n not in columns.values()]
    if missing:
        raise BadFile(f"no {' or '.join(missing)} column in the first row (person, date, author, note)")
    out, bad = [], []
    for line, cells in raw:
        values = {name: (cells[i] if i < len(cells) else "").strip() for i, name in columns.items()}
        try:
            out.append(_note(line, values))
        except BadRow as exc:
            bad.append(exc)
    return out, unknown, bad


def _note(line: int, cells: dict[str, str]) -> NoteRow:
    if not cells.get("person"):
        raise BadRow(line, "no person")
    if not cells.get("body"):
        raise BadRow(line, "no note text")
    written = _date(cells.get("date", ""))
    if cells.get("date") and written is None:
        raise BadRow(line, f"{cells['date']!r} is not a date (use YYYY-MM-DD)")
    return NoteRow(line, cells["person"], written, cells.get("author", ""), cells["body"])


def _date(value: str) -> dt.datetime | None:
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=parsed.tzinfo or dt.timezone.utc).astimezone(dt.timezone.utc)
