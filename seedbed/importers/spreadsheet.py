"""Import people and notes from a spreadsheet (``seedbed import people|notes FILE.csv``).

Parse: ``people_csv`` (pure), every row checked before anything is written. Then one
transaction: each row finds its person by an e-mail address or an account Seedbed
already knows, else becomes a new person; what the file adds is written, and a dry run
does all of it and rolls it back, so it shows exactly what a real run would change.

Nothing known is overwritten: a field Seedbed has already filled in (a steward, or the
member themselves, may have corrected it since the spreadsheet) is kept and the
difference reported; list fields (languages, interests, skills) and groups only grow.
Re-running a file changes nothing. People erased on request stay erased.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from seedbed.core import audit
from seedbed.core.models import AuditAction
from seedbed.groups.models import Group, GroupKind, Membership
from seedbed.importers import people_csv
from seedbed.importers.errors import ImportFailed
from seedbed.people.erasure import Suppressions
from seedbed.people.models import Identity, Note, Person
from seedbed.people.notes import MAX_NOTE
from seedbed.people.placeholders import email_key

SOURCE = "spreadsheet"  # the source kind of the identities a spreadsheet gives
LABEL = "spreadsheet import"


@dataclass
class Planned:
    changes: list[str] = field(default_factory=list)  # "line 3: new person Ana Souza" …
    kept: list[str] = field(default_factory=list)  # what the file says differently, kept as it was
    ignored: list[str] = field(default_factory=list)  # columns left out
    skipped: list[str] = field(default_factory=list)  # bad rows (with skip_bad)
    people_created: int = 0
    notes_created: int = 0
    applied: bool = False


def _read(path: str) -> str:
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise ImportFailed(f"{path}: no such file") from None
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot read it: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ImportFailed(f"{path}: line {line}: not UTF-8 (save the spreadsheet as CSV UTF-8)") from None


def _check(path: str, parsed, skip_bad: bool, planned: Planned):
    rows, unknown, bad = parsed
    planned.ignored = unknown
    if bad and not skip_bad:
        raise ImportFailed(f"{path}: {bad[0]} (use --skip-bad to import the rest)")
    planned.skipped = [str(b) for b in bad]
    return rows


def _run(apply: bool, work) -> None:
    """Do the work in a transaction; roll it back for a dry run."""
    with transaction.atomic():
        work()
        if not apply:
            transaction.set_rollback(True)


def import_people(path: str, *, dry_run: bool = False, skip_bad: bool = False,
                  group_kind: str = GroupKind.WORKING_GROUP) -> Planned:
    planned = Planned()
    try:
        rows = _check(path, people_csv.people(_read(path)), skip_bad, planned)
    except people_csv.BadFile as exc:
        raise ImportFailed(f"{path}: {exc}") from None
    _run(not dry_run, lambda: _people(rows, planned, group_kind, path, skip_bad))
    planned.applied = not dry_run
    return planned


def _people(rows: list[people_csv.PersonRow], planned: Planned, group_kind: str, path: str, skip_bad: bool) -> None:
    suppressed = Suppressions()
    groups = {g.name.lower(): g for g in Group.objects.all()}
    for row in rows:
        say = lambda text, row=row: planned.changes.append(f"line {row.line}: {text}")  # noqa: E731
        if _erased(row, suppressed):
            planned.skipped.append(f"line {row.line}: someone erased on request: not imported")
            continue
        try:
            person = _find(row)
        except people_csv.BadRow as exc:
            if not skip_bad:
                raise ImportFailed(f"{path}: {exc} (use --skip-bad to import the rest)") from None
            planned.skipped.append(str(exc))
            continue
        if person is None:
            person = Person.objects.create(display_name=(row.name or (row.accounts[0][2] if row.accounts else "")
                                                         or email_key(row.emails[0]).split("@")[0])[:200])
            planned.people_created += 1
            say(f"new person {person.display_name}")
        _identities(row, person, say)
        _fields(row, person, say, planned)
        for name, role in row.groups:
            group = groups.get(name.lower())
            if group is None:
                group = groups[name.lower()] = Group.objects.create(name=name, slug=_slug(name), kind=group_kind)
                say(f"new group {name} ({group.get_kind_display().lower()})")
            if not Membership.objects.filter(group=group, person=person, role=role).exists():
                Membership.objects.create(group=group, person=person, role=role)
                say(f"{person.display_name} joins {name}" + (" as an organiser" if role == "organiser" else ""))


def _erased(row: people_csv.PersonRow, suppressed: Suppressions) -> bool:
    return any(suppressed.covers(SOURCE, "", _key(row), email=e) for e in row.emails or [""]) or any(
        suppressed.covers(kind, instance, f"login:{account.lower()}", username=account)
        for kind, instance, account in row.accounts)


def _key(row: people_csv.PersonRow) -> str:
    """The spreadsheet identity's key: its first address, else its first account, else its name."""
    if row.emails:
        return email_key(row.emails[0])
    if row.accounts:
        kind, instance, account = row.accounts[0]
        return f"{kind}@{instance}:{account.lower()}" if instance else f"{kind}:{account.lower()}"
    return f"name:{row.name.strip().lower()}"


def _find(row: people_csv.PersonRow) -> Person | None:
    """The one person the row's addresses and accounts belong to; BadRow if they belong to several."""
    found = set(Identity.objects.filter(source_kind=SOURCE, source_instance="", key=_key(row))
                .values_list("person_id", flat=True))
    keys = [email_key(e) for e in row.emails]
    if keys:
        found |= set(Identity.objects.filter(email_key__in=keys).values_list("person_id", flat=True))
    for kind, instance, account in row.accounts:
        found |= set(Identity.objects.filter(source_kind=kind, source_instance=instance, username__iexact=account)
                     .values_list("person_id", flat=True))
    people = {p.pk: p for p in (_current(pk) for pk in found)}
    if len(people) > 1:
        names = ", ".join(f"{p.display_name} (person {p.pk})" for p in people.values())
        raise people_csv.BadRow(row.line, f"its addresses and accounts belong to {len(people)} people: {names}; "
                                "merge them first (seedbed people merges)")
    return next(iter(people.values()), None)


def _current(pk: int) -> Person:
    person = Person.objects.get(pk=pk)
    while person.merged_into_id:
        person = Person.objects.get(pk=person.merged_into_id)
    return person


def _identities(row: people_csv.PersonRow, person: Person, say) -> None:
    wanted = [(SOURCE, "", _key(row), row.name, row.emails[0] if row.emails else "", "")]
    wanted += [(SOURCE, "", email_key(e), row.name, e, "") for e in row.emails[1:]]
    wanted += [(kind, instance, f"login:{account.lower()}", "", "", account) for kind, instance, account in row.accounts]
    for kind, instance, key, name, email, username in wanted:
        if username and Identity.objects.filter(source_kind=kind, source_instance=instance,
                                                username__iexact=username).exists():
            continue  # the account is known already, from an import
        identity, made = Identity.objects.get_or_create(
            source_kind=kind, source_instance=instance, key=key[:600],
            defaults=dict(person=person, name=name[:300], email=email[:320], username=username[:200],
                          email_key=email_key(email)[:320], link_reason="listed in a spreadsheet"))
        if made:
            say(f"{person.display_name}: " + (f"{kind} account {username}" if username else f"address {email}"
                                              if email else f"known as {name}"))


def _fields(row: people_csv.PersonRow, person: Person, say, planned: Planned) -> None:
    changed = []
    for name, value in row.texts.items():
        old = getattr(person, name)
        if not old:
            setattr(person, name, value)
            changed.append(name)
            say(f"{person.display_name}: {name.replace('_', ' ')} {value}")
        elif old != value:
            planned.kept.append(f"line {row.line}: {person.display_name}'s {name.replace('_', ' ')} stays "
                                f"{old!r} (the file says {value!r})")
    for name, items in row.lists.items():
        old = list(getattr(person, name) or [])
        new = [i for i in items if i.lower() not in {o.lower() for o in old}]
        if new:
            setattr(person, name, old + new)
            changed.append(name)
            say(f"{person.display_name}: {name} + {', '.join(new)}")
    if changed:
        person.save(update_fields=changed)


def _slug(name: str) -> str:
    base = slugify(name)[:180] or "group"
    slug, n = base, 1
    while Group.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def import_notes(path: str, *, dry_run: bool = False, skip_bad: bool = False) -> Planned:
    """Private notes about people, each credited to its author (a Seedbed user) when the
    file names one Seedbed knows; a note already there (same person, same text) is not added again."""
    planned = Planned()
    try:
        rows = _check(path, people_csv.notes(_read(path)), skip_bad, planned)
    except people_csv.BadFile as exc:
        raise ImportFailed(f"{path}: {exc}") from None
    _run(not dry_run, lambda: _notes(rows, planned, path, skip_bad))
    planned.applied = not dry_run
    return planned


def _notes(rows: list[people_csv.NoteRow], planned: Planned, path: str, skip_bad: bool) -> None:
    users = {u.get_username().lower(): u for u in get_user_model().objects.all()}
    for row in rows:
        person = _person_named(row.person)
        problem = None
        if person is None:
            problem = f"line {row.line}: no one known as {row.person!r} (use an e-mail, an account like github:jdoe, #ID or a name)"
        elif len(row.body) > MAX_NOTE:
            problem = f"line {row.line}: a note holds at most {MAX_NOTE:,} characters"
        if problem:
            if not skip_bad:
                raise ImportFailed(f"{path}: {problem} (use --skip-bad to import the rest)")
            planned.skipped.append(problem)
            continue
        if Note.objects.filter(person=person, body=row.body).exists():
            continue
        author = users.get(row.author.lower()) if row.author else None
        note = Note.objects.create(person=person, author=author, body=row.body,
                                   created_at=row.written or timezone.now())
        audit.record(None, AuditAction.ADDED_NOTE, person, f"note {note.pk}, from a spreadsheet", label=LABEL)
        planned.notes_created += 1
        by = f" by {author.get_username()}" if author else (f" (author {row.author!r} is not a Seedbed user)"
                                                             if row.author else "")
        planned.changes.append(f"line {row.line}: a note about {person.display_name}{by}")


def _person_named(who: str) -> Person | None:
    who = who.strip()
    if who.startswith("#") and who[1:].isdigit():
        person = Person.objects.filter(pk=int(who[1:])).first()
        return _current(person.pk) if person else None
    if "@" in who and ":" not in who.split("@")[0]:
        ids = set(Identity.objects.filter(email_key=email_key(who)).values_list("person_id", flat=True))
    elif ":" in who:
        kind, _, account = who.partition(":")
        ids = set(Identity.objects.filter(source_kind=kind.strip().lower(), username__iexact=account.strip())
                  .values_list("person_id", flat=True))
    else:
        ids = set(Person.objects.current().filter(display_name__iexact=who).values_list("pk", flat=True))
    people = {_current(pk).pk for pk in ids}
    return Person.objects.get(pk=people.pop()) if len(people) == 1 else None
