"""Use cases on people: attach identities, merge and undo merges.

Every state change here runs in a transaction and leaves a record that says who or
what did it, when and why.
"""
from __future__ import annotations

from django.apps import apps
from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone

from seedbed.people.models import Identity, MergeRecord, Person
from seedbed.people.placeholders import email_key, is_personal_email


class MergeError(Exception):
    pass


# Every row that hangs on a person and must follow them through a merge (and back on undo):
# (model label, field name). Activities follow their identities.
PERSON_LINKS: list[tuple[str, str]] = [
    ("people.identity", "person"),
    ("people.note", "person"),
    ("people.interaction", "person"),
    ("people.motivation", "person"),
    ("people.declaredbreak", "person"),
    ("groups.membership", "person"),
    ("mentoring.mentorship", "mentor"),
    ("mentoring.mentorship", "mentee"),
]


class EmailIndex:
    """Which person a personal e-mail address already belongs to (case-insensitive).

    Loaded once per import so that attaching thousands of identities costs no query each.
    """

    def __init__(self) -> None:
        self._people: dict[str, int] = {}
        rows = Identity.objects.exclude(email_key="").values_list("email_key", "person_id", "person__merged_into_id")
        for key, person_id, merged_into in rows.order_by("id"):
            if is_personal_email(key):
                self._people.setdefault(key, merged_into or person_id)

    def person_for(self, email: str) -> int | None:
        key = email_key(email)
        return self._people.get(key) if is_personal_email(key) else None

    def remember(self, email: str, person_id: int) -> None:
        key = email_key(email)
        if is_personal_email(key):
            self._people.setdefault(key, person_id)


def new_identity(
    *, index: EmailIndex, source_kind: str, source_instance: str, key: str, name: str = "", email: str = "",
    username: str = "", external_id: str = "", raw_encoding: str = "", is_bot: bool = False,
) -> Identity:
    """Create an identity, attached to the person who already has its e-mail, else to a new person."""
    person_id = index.person_for(email)
    reason = f"same e-mail address as an existing identity ({email_key(email)})" if person_id else "first seen"
    if person_id is None:
        person = Person.objects.create(
            display_name=(name or username or email_key(email).split("@")[0] or "Unknown").strip()[:200],
            kind="bot" if is_bot else "member",
        )
        person_id = person.id
    identity = Identity.objects.create(
        person_id=person_id, source_kind=source_kind, source_instance=source_instance, key=key[:600],
        name=name[:300], email=email[:320], username=username[:200], external_id=external_id[:200],
        email_key=email_key(email)[:320], raw_encoding=raw_encoding, is_bot=is_bot, link_reason=reason,
    )
    index.remember(email, person_id)
    return identity


def refresh_seen(person_ids) -> None:
    """Recompute people's first and last seen from their identities."""
    ids = sorted(set(person_ids))
    for start in range(0, len(ids), 2000):
        chunk = ids[start : start + 2000]
        spans = {
            row["person_id"]: row
            for row in Identity.objects.filter(person_id__in=chunk)
            .values("person_id")
            .annotate(first=Min("first_seen"), last=Max("last_seen"))
        }
        people = list(Person.objects.filter(id__in=chunk).only("id", "first_seen", "last_seen"))
        for person in people:
            span = spans.get(person.id, {})
            person.first_seen, person.last_seen = span.get("first"), span.get("last")
        Person.objects.bulk_update(people, ["first_seen", "last_seen"], batch_size=500)


@transaction.atomic
def merge_people(
    survivor: Person, absorbed: Person, *, method: str, reason: str, confidence: float = 1.0,
    confirmed: bool = False, actor=None, actor_label: str = "",
) -> MergeRecord:
    """Move everything of ``absorbed`` onto ``survivor`` and record exactly what moved."""
    survivor = Person.objects.select_for_update().get(pk=survivor.pk)
    absorbed = Person.objects.select_for_update().get(pk=absorbed.pk)
    if survivor.pk == absorbed.pk:
        raise MergeError("cannot merge a person into themselves")
    if survivor.merged_into_id or absorbed.merged_into_id:
        raise MergeError("cannot merge a person who has already been merged into someone else")
    moved: dict[str, dict[str, list[int]]] = {}
    for label, field in PERSON_LINKS:
        model = apps.get_model(label)
        rows = model.objects.filter(**{field: absorbed})
        ids = list(rows.values_list("id", flat=True))
        if ids:
            moved.setdefault(label, {})[field] = ids
            model.objects.filter(id__in=ids).update(**{field: survivor})
    if absorbed.user_id and not survivor.user_id:
        moved["people.person.user"] = {"user": [absorbed.user_id]}
        user_id = absorbed.user_id
        Person.objects.filter(pk=absorbed.pk).update(user=None)
        Person.objects.filter(pk=survivor.pk).update(user_id=user_id)
    Person.objects.filter(pk=absorbed.pk).update(merged_into=survivor)
    span = [d for d in (survivor.first_seen, absorbed.first_seen) if d]
    last = [d for d in (survivor.last_seen, absorbed.last_seen) if d]
    Person.objects.filter(pk=survivor.pk).update(
        first_seen=min(span) if span else None, last_seen=max(last) if last else None
    )
    return MergeRecord.objects.create(
        survivor=survivor, absorbed=absorbed, method=method, reason=reason, confidence=confidence,
        confirmed=confirmed, actor=actor, actor_label=actor_label, moved=moved,
    )


@transaction.atomic
def undo_merge(record: MergeRecord, *, actor=None) -> None:
    """Put back every row the merge moved and make the absorbed person whole again."""
    record = MergeRecord.objects.select_for_update().get(pk=record.pk)
    if record.undone_at:
        raise MergeError(f"merge {record.pk} was already undone")
    later = MergeRecord.objects.filter(undone_at__isnull=True, created_at__gte=record.created_at, id__gt=record.id)
    blocking = later.filter(absorbed=record.survivor).first()
    if blocking:
        raise MergeError(f"undo merge {blocking.pk} first: it merged this person into someone else afterwards")
    for label, fields in record.moved.items():
        if label == "people.person.user":
            Person.objects.filter(pk=record.survivor_id).update(user=None)
            Person.objects.filter(pk=record.absorbed_id).update(user_id=fields["user"][0])
            continue
        model = apps.get_model(label)
        for field, ids in fields.items():
            model.objects.filter(id__in=ids).update(**{field: record.absorbed_id})
    Person.objects.filter(pk=record.absorbed_id).update(merged_into=None)
    record.undone_at = timezone.now()
    record.undone_by = actor
    record.save(update_fields=["undone_at", "undone_by"])
    refresh_seen([record.survivor_id, record.absorbed_id])
