"""Erasure: a person asks to be forgotten, and stays forgotten.

``erase`` removes their identities, notes, interactions, profile, motivation, breaks, groups,
mentorships, invitations, merge records and login, in one transaction. Their activity stays,
attributed to the one anonymous "erased contributor" (so counts and history hold), and keyed
hashes of their identity keys, personal addresses and usernames go on the suppression list:
``Suppressions.covers`` tells an importer that an identity it meets belongs to someone
erased, and its items go to the erased contributor too. The erasure is audited without the
erased data, and nothing can undo it.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q

from seedbed.activity.models import Activity, PendingState
from seedbed.core import audit
from seedbed.core.errors import SeedbedError
from seedbed.core.models import AuditAction, AuditEntry, InstanceFact
from seedbed.people.models import (
    Identity, KeepApart, MergeProposal, MergeRecord, Person, PersonKind, Suppression,
)
from seedbed.people.placeholders import email_key, is_personal_email

ERASED_NAME = "Erased contributor"
ERASED_SOURCE = "erased"
_SALT_FACT = "suppression-salt"


class ErasureError(SeedbedError):
    """This person cannot be erased (the message says why)."""


@dataclass(frozen=True)
class Erasure:
    people: int  # the person and those merged into them
    identities: int
    activities_kept: int
    suppressed: int  # suppression keys added


def _salt() -> bytes:
    """This installation's key for the suppression hashes: made once, kept in the database
    (not the secret key, which an administrator may rotate)."""
    fact, _ = InstanceFact.objects.get_or_create(key=_SALT_FACT, defaults={"value": {"salt": secrets.token_hex(32)}})
    return bytes.fromhex(fact.value["salt"])


def digest(value: str, salt: bytes) -> str:
    return hmac.new(salt, value.encode("utf-8"), hashlib.sha256).hexdigest()


def identity_values(source_kind: str, source_instance: str, key: str, email: str, username: str) -> list[str]:
    """What identifies an identity for suppression: its key in its source, its personal
    address (placeholders are shared by strangers, so never), its username in its source."""
    values = [f"k:{source_kind}:{source_instance}:{key}"]
    if email and is_personal_email(email):
        values.append(f"e:{email_key(email)}")
    if username:
        values.append(f"u:{source_kind}:{source_instance}:{username.strip().lower()}")
    return values


class Suppressions:
    """The suppression list, loaded once for an import."""

    def __init__(self):
        self.hashes = set(Suppression.objects.values_list("key_hash", flat=True))
        self.salt = _salt() if self.hashes else b""

    def covers(self, source_kind: str, source_instance: str, key: str, email: str = "", username: str = "") -> bool:
        if not self.hashes:
            return False
        return any(digest(v, self.salt) in self.hashes
                   for v in identity_values(source_kind, source_instance, key, email, username))


def erased_identity() -> Identity:
    """The one identity all erased people's activity is attributed to (made when first needed)."""
    person = Person.objects.filter(kind=PersonKind.ERASED).order_by("pk").first()
    if person is None:
        person = Person.objects.create(display_name=ERASED_NAME, kind=PersonKind.ERASED)
    identity, _ = Identity.objects.get_or_create(
        person=person, source_kind=ERASED_SOURCE, source_instance="", key=ERASED_SOURCE,
        defaults={"link_reason": "activity of erased people"},
    )
    return identity


def _merged_into(person: Person) -> list[int]:
    """The person and everyone merged into them, however deep."""
    found, frontier = [person.pk], [person.pk]
    while frontier:
        frontier = list(Person.objects.filter(merged_into_id__in=frontier).values_list("pk", flat=True))
        found += frontier
    return found


# Rows about the work, not the person, that outlive an erasure: they pass to the erased
# contributor, with their free text about the person emptied. (model label, field, scrub)
KEPT_AS_ERASED: list[tuple[str, str, dict]] = [
    ("recognition.highlight", "person", {}),  # the work stays credited, to "an erased contributor"
    ("recognition.thanks", "person", {"note": ""}),  # the budget's spending must still add up
]
# Free text about other people's work that may name the erased person (a reviewer, someone
# who said thank you): their names are replaced there. (model label, field)
NAMED_IN: list[tuple[str, str]] = [
    ("recognition.highlight", "title"), ("recognition.highlight", "why"), ("recognition.highlight", "reason"),
    ("recognition.nomination", "sentence"), ("recognition.digest", "intro"),
]


@transaction.atomic
def erase(person: Person, *, actor=None, actor_label: str = "") -> Erasure:
    """Erase ``person`` for good. ``actor``: who asked (the member themselves, or a steward
    acting on their request); None for the command line, named by ``actor_label``."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.kind == PersonKind.ERASED:
        raise ErasureError("this is the erased contributor itself; there is no one to erase")
    if person.merged_into_id:
        raise ErasureError(f"person {person.pk} was merged into person {person.merged_into_id}: erase that person")
    people = _merged_into(person)
    identities = list(Identity.objects.filter(person_id__in=people))
    identity_ids = [i.pk for i in identities]
    salt = _salt()
    hashes = {digest(v, salt) for i in identities
              for v in identity_values(i.source_kind, i.source_instance, i.key, i.email, i.username)}
    Suppression.objects.bulk_create([Suppression(key_hash=h) for h in sorted(hashes)], ignore_conflicts=True)
    _unname([p.display_name for p in Person.objects.filter(pk__in=people)]
            + [v for i in identities for v in (i.name, i.username) if v])
    _forget_accounts(identities)
    erased = erased_identity()
    kept = Activity.objects.filter(identity_id__in=identity_ids).update(identity=erased)
    for label, field, scrub in KEPT_AS_ERASED:
        apps.get_model(label).objects.filter(**{f"{field}__in": people}).update(**{field: erased.person_id, **scrub})
    MergeProposal.objects.filter(Q(person_a_id__in=people) | Q(person_b_id__in=people)).delete()
    MergeRecord.objects.filter(Q(survivor_id__in=people) | Q(absorbed_id__in=people)).delete()
    _forget_in_keep_apart(set(identity_ids))
    users = [u for u in Person.objects.filter(pk__in=people).values_list("user_id", flat=True) if u]
    # what they did themselves stays in the log, no longer under their name
    AuditEntry.objects.filter(actor_id__in=users).update(actor=None, actor_label="an erased member")
    Identity.objects.filter(pk__in=identity_ids).delete()
    Person.objects.filter(pk__in=people).update(merged_into=None, user=None)
    Person.objects.filter(pk__in=people).delete()  # notes, interactions, motivation, breaks, groups, ... go with them
    get_user_model().objects.filter(pk__in=users).delete()
    result = Erasure(people=len(people), identities=len(identity_ids), activities_kept=kept, suppressed=len(hashes))
    by_self = actor is not None and actor.pk in users
    audit.record(None if by_self else actor, AuditAction.ERASED, None,
                 f"{'the member themselves' if by_self else 'on request'}: {result.identities} identities erased, "
                 f"{result.activities_kept} activities kept as the erased contributor",
                 label="an erased member" if by_self else actor_label)
    return result


def _unname(names: list[str]) -> None:
    """Replace the names, as whole words ("max", not the "max" of "maximum"), case-insensitively."""
    names = sorted({n for n in names if len(n) >= 3}, key=len, reverse=True)  # "Ann Lee" before "Ann"
    if not names:
        return
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE)
    for label, field in NAMED_IN:
        model = apps.get_model(label)
        candidates = Q()
        for name in names:
            candidates |= Q(**{f"{field}__icontains": name})
        for pk, text in model.objects.filter(candidates).values_list("pk", field):
            new = pattern.sub(ERASED_NAME.lower(), text)
            if new != text:
                model.objects.filter(pk=pk).update(**{field: new})


def _forget_accounts(identities: list[Identity]) -> None:
    """Others' pull requests name their reviewers and who merged them by account name: the
    erased person's names go (their reviews themselves stay, as the erased contributor's)."""
    for kind in {i.source_kind for i in identities if i.username}:
        names = {i.username for i in identities if i.source_kind == kind and i.username}
        for model in (Activity, PendingState):
            for row in model.objects.filter(platform=kind, extra__merged_by__in=sorted(names)):
                row.extra.pop("merged_by", None)
                model.objects.filter(pk=row.pk).update(extra=row.extra)
        reviewed = Activity.objects.filter(platform=kind, kind="pull-request").exclude(reviewed_by=[])
        for pk, reviewers in reviewed.values_list("pk", "reviewed_by").iterator(chunk_size=5000):
            kept = [r for r in reviewers if r not in names]
            if kept != reviewers:
                Activity.objects.filter(pk=pk).update(reviewed_by=kept)


def _forget_in_keep_apart(identity_ids: set[int]) -> None:
    for row in KeepApart.objects.all():
        a = [i for i in row.identities_a if i not in identity_ids]
        b = [i for i in row.identities_b if i not in identity_ids]
        if (a, b) == (row.identities_a, row.identities_b):
            continue
        if a and b:
            KeepApart.objects.filter(pk=row.pk).update(identities_a=a, identities_b=b)
        else:
            row.delete()
