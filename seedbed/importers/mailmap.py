"""Parse a git ``.mailmap`` and apply it to identities. Pure.

Follows gitmailmap(5): e-mails and names match case-insensitively; an entry that
names a commit name matches only that name, one that does not matches every name
with that e-mail.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ENTRY_RE = re.compile(r"^\s*([^<#]*?)\s*<([^>]*)>\s*(?:([^<#]*?)\s*<([^>]*)>)?\s*(?:#.*)?$")


@dataclass(frozen=True, slots=True)
class Entry:
    proper_name: str
    proper_email: str
    commit_name: str
    commit_email: str


def parse(text: str) -> list[Entry]:
    """Entries in file order; malformed lines are skipped, as git skips them."""
    entries = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _ENTRY_RE.match(line)
        if not match:
            continue
        name1, email1, name2, email2 = match.groups()
        if email2 is None:
            # "Proper Name <commit@email>" or "<proper@email> <commit@email>" (needs two emails)
            entries.append(Entry(name1, "", "", email1))
        else:
            entries.append(Entry(name1, email1, name2 or "", email2))
    return entries


class Mailmap:
    def __init__(self, entries: list[Entry]):
        # (email, name) -> [proper name, proper email]; name "" for entries that name no commit
        # name. As in git, a later entry for the same key fills in (or overrides) only the
        # parts it gives: "Jane <old@x>" then "<new@x> <old@x>" map old@x to "Jane <new@x>".
        self._map: dict[tuple[str, str], list[str]] = {}
        for entry in entries:
            target = self._map.setdefault((entry.commit_email.lower(), entry.commit_name.lower()), ["", ""])
            if entry.proper_name:
                target[0] = entry.proper_name
            if entry.proper_email:
                target[1] = entry.proper_email

    def __len__(self) -> int:
        return len(self._map)

    def lookup(self, name: str, email: str) -> tuple[str, str] | None:
        """The proper (name, email) for a raw signature an entry matches, else None."""
        target = self._map.get((email.lower(), name.lower())) or self._map.get((email.lower(), ""))
        if target is None:
            return None
        return target[0] or name, target[1] or email

    def canonical(self, name: str, email: str) -> tuple[str, str]:
        """The proper (name, email) for a raw author signature."""
        return self.lookup(name, email) or (name, email)
