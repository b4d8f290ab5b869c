"""Use cases on people: attach identities, merge and undo merges.

Every state change here runs in a transaction and leaves a record that says who or
what did it, when and why.
"""
from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.db import connection, transaction
from django.db.models import Max, Min, OuterRef, Q, Subquery
from django.utils import timezone

from seedbed.core.errors import SeedbedError
from seedbed.core import audit
from seedbed.core.bulk import insert_with_ids, reserve_ids
from seedbed.core.models import AuditAction
from seedbed.people import erasure
from seedbed.people.models import (
    ApartReason,
    Identity,
    KeepApart,
    MergeProposal,
    MergeRecord,
    Person,
    ProposalStatus,
)
from seedbed.people.names import parse_name
from seedbed.people.placeholders import email_key, is_personal_email
from seedbed.people.evidence import names_compatible


class MergeError(SeedbedError):
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
    ("accounts.invitation", "person"),  # the link someone was e-mailed keeps working for the survivor
    ("recognition.highlight", "person"),
    ("recognition.highlight", "mentor"),
    ("recognition.thanks", "person"),
]


class EmailIndex:
    """Which person a personal e-mail address already belongs to (case-insensitive).

    Loaded once per import so that attaching thousands of identities costs no query each.
    An address shared by clearly different names (``Ann Lee`` and ``Bob Kay``) joins nobody:
    each name keeps its own person and identity resolution asks a steward instead. A GitHub
    noreply address is one account, so it joins whatever the names say.
    """

    def __init__(self, *, load: bool = True) -> None:
        self._people: dict[str, list[tuple[int, str]]] = {}
        if not load:
            return
        rows = Identity.objects.exclude(email_key="").values_list("email_key", "person_id", "name")
        for key, person_id, name in rows.order_by("id"):
            if is_personal_email(key):
                self._remember(key, person_id, name)

    def person_for(self, email: str, name: str = "") -> int | None:
        key = email_key(email)
        if not is_personal_email(key):
            return None
        one_account = key.endswith("@users.noreply.github.com")
        parsed = parse_name(name)
        for person_id, other in self._people.get(key, ()):
            if one_account or names_compatible(parsed, parse_name(other)) is not False:
                return person_id
        return None

    def remember(self, email: str, person_id: int, name: str = "") -> None:
        key = email_key(email)
        if is_personal_email(key):
            self._remember(key, person_id, name)

    def _remember(self, key: str, person_id: int, name: str) -> None:
        known = self._people.setdefault(key, [])
        if (person_id, name) not in known and len(known) < 20:
            known.append((person_id, name))


def _display_name(name: str, username: str, email: str) -> str:
    return (name or username or email_key(email).split("@")[0] or "Unknown").strip()[:200]


class IdentityRegistry:
    """The identities of one source instance by key, for an importer.

    New identities are staged and created in bulk by ``flush`` (one query per table rather
    than two per identity), each attached to the person who already has its personal
    e-mail, or to a new person shared by the new identities with that e-mail. ``seen``
    times are kept per key and written once by ``save_seen``.
    """

    def __init__(self, source_kind: str, source_instance: str = ""):
        self.source_kind, self.source_instance = source_kind, source_instance
        self.index = EmailIndex()
        self.ids: dict[str, int] = dict(
            Identity.objects.filter(source_kind=source_kind, source_instance=source_instance).values_list("key", "id")
        )
        self.pending: dict[str, dict] = {}
        self.spans: dict[str, tuple] = {}
        self.created = 0
        self.created_ids: list[int] = []  # for identity resolution after the import
        self.suppressions = erasure.Suppressions()  # erased people stay erased
        self.erased_id: int | None = None
        self.adopted: list[tuple[int, str, dict]] = []  # (identity id, its real key, what the import knows)

    def note(self, key: str, when, *, name: str = "", email: str = "", username: str = "", external_id: str = "",
             raw_encoding: str = "", is_bot: bool = False) -> str:
        """Remember that ``key`` was active at ``when``; stage it if it is new. Returns the key."""
        key = key[:600]
        if key not in self.ids and key not in self.pending:
            if self.suppressions.covers(self.source_kind, self.source_instance, key, email, username):
                if self.erased_id is None:
                    self.erased_id = erasure.erased_identity().pk
                self.ids[key] = self.erased_id  # someone erased: their items go to the erased contributor
                return key
            fields = dict(name=name[:300], email=email[:320], username=username[:200], external_id=external_id[:200],
                          raw_encoding=raw_encoding, is_bot=is_bot)
            placeholder = f"login:{username.lower()}"[:600] if username else ""
            if placeholder and placeholder != key and placeholder in self.ids:
                # an account known only by its name (a spreadsheet said "GitHub: jdoe"): this is it
                self.ids[key] = self.ids.pop(placeholder)
                self.adopted.append((self.ids[key], key, fields))
            else:
                self.pending[key] = fields
        span = self.spans.get(key)
        self.spans[key] = (when, when) if span is None else (min(span[0], when), max(span[1], when))
        return key

    def flush(self) -> dict[str, int]:
        """Create the staged identities (and their new people); return key -> identity id for all."""
        self._adopt()
        if not self.pending:
            return self.ids
        staged = list(self.pending.items())
        new_people: list[dict] = []
        owner: list[tuple[int | None, int | None, str]] = []  # (existing person, index in new_people, reason)
        fresh = EmailIndex(load=False)  # addresses first seen in this batch -> index in new_people
        for key, fields in staged:
            existing = self.index.person_for(fields["email"], fields["name"])
            ekey = email_key(fields["email"])
            sibling = None if existing else fresh.person_for(fields["email"], fields["name"])
            if existing:
                owner.append((existing, None, f"same e-mail address as an existing identity ({ekey})"))
            elif sibling is not None:
                owner.append((None, sibling, f"same e-mail address as an existing identity ({ekey})"))
            else:
                fresh.remember(fields["email"], len(new_people), fields["name"])
                new_people.append(dict(
                    display_name=_display_name(fields["name"], fields["username"], fields["email"]),
                    kind="bot" if fields["is_bot"] else "member",
                ))
                owner.append((None, len(new_people) - 1, "first seen"))
        # bulk.insert_with_ids, not bulk_create: an import of a GH Archive hour meets tens of
        # thousands of new accounts, and Django compiling their INSERTs took most of its time
        for person, pk in zip(new_people, reserve_ids(Person, len(new_people))):
            person["id"] = pk
        insert_with_ids(Person, new_people)
        identities = []
        for (key, fields), (existing, new_index, reason), pk in zip(
                staged, owner, reserve_ids(Identity, len(staged))):
            person_id = existing or new_people[new_index]["id"]
            identities.append(dict(
                id=pk, person_id=person_id, source_kind=self.source_kind, source_instance=self.source_instance,
                key=key, email_key=email_key(fields["email"])[:320], link_reason=reason[:300], **fields,
            ))
            self.index.remember(fields["email"], person_id, fields["name"])
        insert_with_ids(Identity, identities)
        for identity in identities:
            self.ids[identity["key"]] = identity["id"]
            self.created_ids.append(identity["id"])
        self.created += len(identities)
        self.pending.clear()
        return self.ids

    def _adopt(self) -> None:
        """Give identities known by an account name their real key, and what they lacked."""
        for pk, key, fields in self.adopted:
            identity = Identity.objects.get(pk=pk)
            identity.key = key
            for name, value in fields.items():
                if value and not getattr(identity, name):
                    setattr(identity, name, value)
            identity.email_key = identity.email_key or email_key(identity.email)[:320]
            identity.save()
        self.adopted.clear()

    def save_seen(self) -> None:
        """Widen each noted identity's first/last seen to what this run saw, then their people's."""
        self.flush()
        updates, people = [], set()
        keys = sorted(self.spans)
        adapt = connection.ops.adapt_datetimefield_value
        for start in range(0, len(keys), 5000):
            chunk = {self.ids[k]: self.spans[k] for k in keys[start : start + 5000]}
            rows = Identity.objects.filter(id__in=list(chunk)).values_list("id", "first_seen", "last_seen", "person_id")
            for identity_id, old_first, old_last, person_id in rows:
                first, last = chunk[identity_id]
                first = min(first, old_first) if old_first else first
                last = max(last, old_last) if old_last else last
                updates.append((adapt(first), adapt(last), identity_id))
                people.add(person_id)
        # one prepared statement: bulk_update's CASE expression per row cost seconds on large imports
        table = connection.ops.quote_name(Identity._meta.db_table)
        with connection.cursor() as cursor:
            cursor.executemany(f"UPDATE {table} SET first_seen = %s, last_seen = %s WHERE id = %s", updates)
        refresh_seen(people)


def refresh_seen(person_ids) -> None:
    """Recompute people's first and last seen from their identities."""
    ids = sorted(set(person_ids))
    of_person = Identity.objects.filter(person_id=OuterRef("pk")).values("person_id")
    for start in range(0, len(ids), 5000):
        Person.objects.filter(id__in=ids[start : start + 5000]).update(
            first_seen=Subquery(of_person.annotate(m=Min("first_seen")).values("m")),
            last_seen=Subquery(of_person.annotate(m=Max("last_seen")).values("m")),
        )


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
    moved: dict = {"seen": {
        "survivor": [_iso(survivor.first_seen), _iso(survivor.last_seen)],
        "absorbed": [_iso(absorbed.first_seen), _iso(absorbed.last_seen)],
    }}
    for label, field in PERSON_LINKS:
        model = apps.get_model(label)
        rows = model.objects.filter(**{field: absorbed})
        if label == "groups.membership":
            # The survivor already in the same group and role keeps one membership; the
            # absorbed person's row stays where it is (unique per group, person and role).
            held = set(model.objects.filter(person=survivor).values_list("group_id", "role"))
            rows = rows.exclude(id__in=[m.id for m in rows if (m.group_id, m.role) in held])
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
    MergeProposal.objects.filter(
        Q(person_a=absorbed) | Q(person_b=absorbed), status__in=[ProposalStatus.OPEN, ProposalStatus.UNSURE]
    ).update(status=ProposalStatus.SUPERSEDED)
    span = [d for d in (survivor.first_seen, absorbed.first_seen) if d]
    last = [d for d in (survivor.last_seen, absorbed.last_seen) if d]
    Person.objects.filter(pk=survivor.pk).update(
        first_seen=min(span) if span else None, last_seen=max(last) if last else None
    )
    record = MergeRecord.objects.create(
        survivor=survivor, absorbed=absorbed, method=method, reason=reason, confidence=confidence,
        confirmed=confirmed, actor=actor, actor_label=actor_label, moved=moved,
    )
    if actor is not None:  # a person decided; identity resolution's own merges are in MergeRecord
        audit.record(actor, AuditAction.MERGED, survivor, f"merge {record.pk}: person {absorbed.pk} into {survivor.pk}")
    return record


@transaction.atomic
def undo_merge(record: MergeRecord, *, actor=None) -> None:
    """Put back every row the merge moved and make the absorbed person whole again.

    Identities imported after the merge that joined the survivor only through one of the
    absorbed person's addresses go back with them. The two are then kept apart: identity
    resolution never merges them again by itself."""
    record = MergeRecord.objects.select_for_update().get(pk=record.pk)
    if record.undone_at:
        raise MergeError(f"merge {record.pk} was already undone")
    later = MergeRecord.objects.filter(undone_at__isnull=True, created_at__gte=record.created_at, id__gt=record.id)
    blocking = later.filter(absorbed=record.survivor).first()
    if blocking:
        raise MergeError(f"undo merge {blocking.pk} first: it merged this person into someone else afterwards")
    for label, fields in record.moved.items():
        if label == "seen":
            continue
        if label == "people.person.user":
            Person.objects.filter(pk=record.survivor_id).update(user=None)
            Person.objects.filter(pk=record.absorbed_id).update(user_id=fields["user"][0])
            continue
        model = apps.get_model(label)
        for field, ids in fields.items():
            model.objects.filter(id__in=ids).update(**{field: record.absorbed_id})
    _return_later_identities(record)
    _return_later_work(record)
    Person.objects.filter(pk=record.absorbed_id).update(merged_into=None)
    KeepApart.objects.create(
        identities_a=list(Identity.objects.filter(person_id=record.survivor_id).values_list("id", flat=True)),
        identities_b=list(Identity.objects.filter(person_id=record.absorbed_id).values_list("id", flat=True)),
        reason=ApartReason.UNDONE, actor=actor,
    )
    record.undone_at = timezone.now()
    record.undone_by = actor
    record.save(update_fields=["undone_at", "undone_by"])
    _restore_seen(record)
    audit.record(actor, AuditAction.UNMERGED, record.survivor, f"merge {record.pk}: person {record.absorbed_id} apart again")


# Rows made after a merge that credit the survivor for work: they go back with whoever did
# the work once the merge is undone. (model label, person field, path from the row to the
# person who did the work), in order: later entries may follow earlier ones.
FOLLOW_WORK: list[tuple[str, str, str]] = [
    ("recognition.highlight", "person", "activities__identity__person"),
    ("recognition.thanks", "person", "highlights__person"),
]


def _return_later_work(record: MergeRecord) -> None:
    for label, field, doer in FOLLOW_WORK:
        model = apps.get_model(label)
        rows = model.objects.filter(**{field: record.survivor_id, doer: record.absorbed_id}).exclude(
            **{doer: record.survivor_id}).values_list("id", flat=True).distinct()
        model.objects.filter(id__in=list(rows)).update(**{field: record.absorbed_id})


def _return_later_identities(record: MergeRecord) -> None:
    moved = record.moved.get("people.identity", {}).get("person", [])
    theirs = set(Identity.objects.filter(id__in=moved).exclude(email_key="").values_list("email_key", flat=True))
    survivors = Identity.objects.filter(person_id=record.survivor_id)
    own = set(survivors.filter(created_at__lte=record.created_at).exclude(email_key="").values_list("email_key", flat=True))
    later = survivors.filter(created_at__gt=record.created_at, email_key__in=theirs - own)
    later.update(person_id=record.absorbed_id)


def _iso(value):
    return value.isoformat() if value else None


def _restore_seen(record: MergeRecord) -> None:
    """First/last seen as before the merge, widened by anything imported since."""
    refresh_seen([record.survivor_id, record.absorbed_id])
    before = record.moved.get("seen", {})
    for role, person_id in (("survivor", record.survivor_id), ("absorbed", record.absorbed_id)):
        first, last = (dt.datetime.fromisoformat(v) if v else None for v in before.get(role, [None, None]))
        now = Person.objects.values("first_seen", "last_seen").get(pk=person_id)
        firsts = [d for d in (first, now["first_seen"]) if d]
        lasts = [d for d in (last, now["last_seen"]) if d]
        Person.objects.filter(pk=person_id).update(
            first_seen=min(firsts) if firsts else None, last_seen=max(lasts) if lasts else None
        )
