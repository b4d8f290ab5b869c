"""Git ``.mailmap`` files in and out: communities keep these by hand, so Seedbed reads and
writes them (gitmailmap(5)); the parsing itself is pure, in ``seedbed.importers.mailmap``."""
from __future__ import annotations

from collections import defaultdict

from django.db import transaction

from seedbed.importers.mailmap import Mailmap
from seedbed.people.models import Identity, MergeMethod, Person
from seedbed.people.placeholders import email_key, is_personal_email
from seedbed.people.services import merge_people


def _group_key(name: str, email: str) -> str:
    """People the .mailmap maps to the same personal address are one; on a placeholder
    address only the same full canonical signature is."""
    return email_key(email) if is_personal_email(email) else f"{name} <{email_key(email)}>"


def _current(person_id: int) -> int:
    """The person a (possibly merged-away) person now lives on."""
    while True:
        merged_into = Person.objects.filter(pk=person_id).values_list("merged_into_id", flat=True).get()
        if merged_into is None:
            return person_id
        person_id = merged_into


@transaction.atomic
def apply_mailmap(mailmap: Mailmap, origin: str, actor_label: str) -> int:
    """Merge people whose git identities the .mailmap maps to one person; returns the merges.

    Only identities an entry matches, and those already equal to an entry's target, take part:
    the file's silence about an identity says nothing about it. People a steward kept apart
    (a rejected proposal, an undone merge) or a member said are not them stay apart.
    """
    from seedbed.people.merging import apart_pairs

    identities = list(Identity.objects.filter(source_kind="git"))
    groups: dict[str, list[Identity]] = {}
    matched = set()
    for identity in identities:
        proper = mailmap.lookup(identity.name, identity.email)
        if proper is not None:
            key = _group_key(*proper)
            groups.setdefault(key, []).append(identity)
            matched.add(key)
    for identity in identities:
        key = _group_key(identity.name, identity.email)
        if key in matched and mailmap.lookup(identity.name, identity.email) is None:
            groups[key].append(identity)
    apart = set(apart_pairs())
    merges = 0
    for canonical, members in groups.items():
        # Current people are looked up afresh: an earlier group may have merged some already.
        people = sorted({_current(i.person_id) for i in members})
        survivor_id = people[0]
        for other in people[1:]:
            if (survivor_id, other) in apart or (other, survivor_id) in apart:
                continue
            names = ", ".join(sorted({str(i) for i in members if _current(i.person_id) in (survivor_id, other)}))
            merge_people(
                Person.objects.get(pk=survivor_id), Person.objects.get(pk=other), method=MergeMethod.MAILMAP,
                confidence=1.0, confirmed=True, reason=f"{origin} maps {names} to {canonical}"[:2000],
                actor_label=actor_label,
            )
            merges += 1
    return merges


def _entry_part(text: str) -> str:
    return text.replace("<", "").replace(">", "").replace("\n", " ").strip()


def write_mailmap(out) -> int:
    """A .mailmap for every person with more than one git signature; returns the entries.

    The proper name is the person's display name and the proper address the personal
    address of their most recent git signature; every other signature gets one entry
    naming both its name and address, so git maps exactly it and nothing else.
    """
    people: dict[int, list[Identity]] = defaultdict(list)
    for identity in Identity.objects.filter(source_kind="git").select_related("person").order_by("person_id", "id"):
        people[identity.person_id].append(identity)
    out.write("# Written by `seedbed identities mailmap`: one person per canonical name and address.\n")
    entries = 0
    for person_id in sorted(people):
        signatures = people[person_id]
        if len({(i.name, email_key(i.email)) for i in signatures}) < 2:
            continue
        person = signatures[0].person
        personal = [i for i in signatures if is_personal_email(i.email)]
        newest = max(personal or signatures, key=lambda i: (i.last_seen is not None, i.last_seen, i.id))
        proper_name, proper_email = _entry_part(person.display_name) or _entry_part(newest.name), _entry_part(newest.email)
        for identity in signatures:
            if (identity.name, identity.email) == (proper_name, proper_email):
                continue
            out.write(f"{proper_name} <{proper_email}> {_entry_part(identity.name)} <{_entry_part(identity.email)}>\n")
            entries += 1
    return entries
