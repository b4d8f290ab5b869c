"""Use cases of identity resolution: run the resolver, review its proposals, keep people apart.

The pure rules live in ``seedbed.people.resolve``; this module feeds it identities from the
database and writes back what it decided, each merge through ``merge_people`` so that it is
recorded and can be undone.

People's decisions come first: a rejected proposal or an undone merge becomes a KeepApart
record that the resolver never crosses; merges a steward, a curated ``.mailmap`` or the
member made are never split by it (the resolver only ever merges); and a member's own
statement (``claim_identities``/``disown_identity``) overrides anyone else's.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, F, Max, Min
from django.utils import timezone

from seedbed.core.bulk import insert_new
from seedbed.people import resolve
from seedbed.people.models import (
    ApartReason,
    Identity,
    KeepApart,
    MergeMethod,
    MergeProposal,
    MergeRecord,
    Person,
    PersonKind,
    ProposalStatus,
    ResolutionKey,
)
from seedbed.people.services import MergeError, merge_people, refresh_seen

RESOLVER_LABEL = "identity resolution"
PENDING = (ProposalStatus.OPEN, ProposalStatus.UNSURE)
_CHUNK = 2000


@dataclass
class ResolverRun:
    identities: int = 0  # identities resolved (the new ones)
    compared: int = 0  # pairs of identities compared
    merged: int = 0
    proposed: int = 0
    bots: int = 0


def _records(qs) -> list[resolve.Record]:
    rows = qs.values_list("id", "person_id", "name", "email", "username", "source_kind", "is_bot", "source_instance")
    return [resolve.Record(*row) for row in rows.iterator(chunk_size=5000)]


def _store_keys(records: list[resolve.Record]) -> dict[int, list[str]]:
    keys = {r.id: resolve.keys_for(r) for r in records}
    insert_new(ResolutionKey, [{"identity_id": i, "key": k} for i, ks in keys.items() for k in ks])
    return keys


def _people_per_key(keys: set[str]) -> dict[str, tuple[int, int]]:
    """key -> (identities, people) over the whole community. For given and family names
    ("g:", "s:") it is the number of distinct names that have them, as the resolver counts."""
    out: dict[str, tuple[int, int]] = {}
    ordered = sorted(keys)
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        rows = (
            ResolutionKey.objects.filter(key__in=chunk).values("key")
            .annotate(n=Count("id"), people=Count("identity__person", distinct=True))
        )
        out.update({r["key"]: (r["n"], r["people"]) for r in rows})
        parts = [k for k in chunk if k[:2] in ("g:", "s:")]
        if parts:  # different full names ("n:" keys) among the identities with this given/family name
            names = (
                ResolutionKey.objects.filter(key__gte="n:", key__lt="n;", identity__resolution_keys__key__in=parts)
                .values(part=F("identity__resolution_keys__key")).annotate(names=Count("key", distinct=True))
            )
            for row in names:
                out[row["part"]] = (out.get(row["part"], (0, 0))[0], row["names"])
    return out


def _candidates(new_keys: dict[int, list[str]]) -> tuple[list[resolve.Record], dict[str, int]]:
    """Existing identities that share a usable key with a new one, and people per key for the
    keys whose carriers are not all loaded (the resolver counts the others itself)."""
    wanted = {k for ks in new_keys.values() for k in ks}
    handles = {k[2:] for k in wanted if k[:2] in ("h:", "d:")}
    wanted |= {"h:" + h for h in handles} | {"d:" + h for h in handles}  # a handle meets a name that makes it
    names = {k[2:] for k in wanted if k[:2] in ("n:", "c:")}
    wanted |= {"n:" + n for n in names} | {"c:" + n for n in names}  # and a name the longer names it is in
    wanted |= {"g:" + h for h in handles}  # is this handle someone's given name?
    per_key = _people_per_key(wanted)
    blocks = sorted(k for k, (n, _) in per_key.items() if n <= resolve.block_limit(k) and k[:2] not in ("g:", "s:"))
    loaded = set(blocks)
    counts = {k: people for k, (_, people) in per_key.items() if k not in loaded}
    full_names = ResolutionKey.objects.filter(key__gte="n:", key__lt="n;")  # a range the key index answers
    counts["#names"] = full_names.values("key").distinct().count()
    for h in handles:  # a handle's carriers are those who have it and those whose name makes it
        have, made = per_key.get("h:" + h), per_key.get("d:" + h)
        if (have and "h:" + h not in loaded) or (made and "d:" + h not in loaded):
            counts["h:" + h] = (have or (0, 0))[1] + (made or (0, 0))[1]
    ids: set[int] = set()
    for start in range(0, len(blocks), _CHUNK):
        ids.update(ResolutionKey.objects.filter(key__in=blocks[start : start + _CHUNK]).values_list("identity_id", flat=True))
    # and every identity of those people, so the resolver sees each whole (their names, accounts)
    ordered, people_set = sorted(ids), set()
    for start in range(0, len(ordered), _CHUNK):
        people_set.update(Identity.objects.filter(id__in=ordered[start : start + _CHUNK]).values_list("person_id", flat=True))
    people = sorted(people_set)
    records: list[resolve.Record] = []
    for start in range(0, len(people), _CHUNK):
        records += _records(Identity.objects.filter(person_id__in=people[start : start + _CHUNK]))
    new = set(new_keys)
    return [r for r in records if r.id not in new], counts


def apart_pairs() -> list[tuple[int, int]]:
    """Pairs of current people that must stay apart."""
    rows = list(KeepApart.objects.values_list("identities_a", "identities_b"))
    wanted = {i for a, b in rows for i in (*a, *b)}
    owner = dict(Identity.objects.filter(id__in=wanted).values_list("id", "person_id")) if wanted else {}
    pairs = set()
    for side_a, side_b in rows:
        for pa in {owner[i] for i in side_a if i in owner}:
            for pb in {owner[i] for i in side_b if i in owner}:
                if pa != pb:
                    pairs.add((pa, pb))
    return sorted(pairs)


def _identity_ids(person_ids: Iterable[int]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = defaultdict(list)
    for identity_id, person_id in Identity.objects.filter(person_id__in=list(person_ids)).values_list("id", "person_id"):
        out[person_id].append(identity_id)
    return out


@transaction.atomic
def run_resolver(identity_ids: Iterable[int] | None = None) -> ResolverRun:
    """Resolve the given (new) identities against everyone, or everyone when None."""
    if identity_ids is None:
        new = _records(Identity.objects.order_by("id"))
        ResolutionKey.objects.all().delete()
        _store_keys(new)
        records, counts, new_ids = new, None, None
    else:
        ordered = sorted(set(identity_ids))
        new = []
        for start in range(0, len(ordered), _CHUNK):
            new += _records(Identity.objects.filter(id__in=ordered[start : start + _CHUNK]))
        if not new:
            return ResolverRun()
        new_keys = _store_keys(new)
        existing, counts = _candidates(new_keys)
        records, new_ids = new + existing, [r.id for r in new]
    known = MergeProposal.objects.values_list("person_a_id", "person_b_id")
    result = resolve.resolve(records, new=new_ids, apart=apart_pairs(), counts=counts, known=known)
    run = ResolverRun(identities=len(new), compared=result.compared)
    if result.bots:
        run.bots = Identity.objects.filter(id__in=result.bots, is_bot=False).update(is_bot=True)
        humans = Identity.objects.filter(is_bot=False).values("person_id")
        Person.objects.filter(identities__id__in=result.bots).exclude(id__in=humans).update(kind=PersonKind.BOT)
    people = {p.pk: p for p in Person.objects.filter(
        id__in={i for m in result.merges + result.proposals for i in (m.keep, m.other)}
    )}
    for m in result.merges:
        merge_people(
            people[m.keep], people[m.other], method=MergeMethod.RESOLVER, reason="; ".join(m.reasons)[:2000],
            confidence=m.confidence, actor_label=RESOLVER_LABEL,
        )
        run.merged += 1
    sides = _identity_ids({i for m in result.proposals for i in (m.keep, m.other)})
    MergeProposal.objects.bulk_create([
        MergeProposal(
            person_a_id=m.keep, person_b_id=m.other, identities_a=sides[m.keep], identities_b=sides[m.other],
            confidence=m.confidence, reasons=list(m.reasons),
        )
        for m in result.proposals
    ], ignore_conflicts=True)
    run.proposed = len(result.proposals)
    return run


def pending_proposals():
    """Proposals waiting for a steward, between people who are both still themselves."""
    return (
        MergeProposal.objects.filter(status__in=PENDING, person_a__merged_into__isnull=True,
                                     person_b__merged_into__isnull=True)
        .select_related("person_a", "person_b")
    )


def _pending(proposal_id: int) -> MergeProposal:
    try:
        proposal = MergeProposal.objects.select_for_update().get(pk=proposal_id)
    except MergeProposal.DoesNotExist:
        raise MergeError(f"there is no merge proposal {proposal_id}") from None
    if proposal.status not in PENDING:
        raise MergeError(f"merge proposal {proposal_id} was already decided ({proposal.get_status_display().lower()})")
    merged = Person.objects.filter(pk__in=[proposal.person_a_id, proposal.person_b_id], merged_into__isnull=False)
    if merged.exists():  # merge_people marked it superseded already; this is a proposal read before that
        raise MergeError(f"merge proposal {proposal_id} no longer applies: one of the two people was merged since")
    return proposal


def _decided(proposal: MergeProposal, status: str, actor) -> None:
    proposal.status, proposal.decided_at, proposal.decided_by = status, timezone.now(), actor
    proposal.save(update_fields=["status", "decided_at", "decided_by", "merge"])


@transaction.atomic
def accept_proposal(proposal_id: int, *, actor=None, actor_label: str = "") -> MergeRecord:
    proposal = _pending(proposal_id)
    reasons = "; ".join(proposal.reasons)
    proposal.merge = merge_people(
        proposal.person_a, proposal.person_b, method=MergeMethod.STEWARD, confirmed=True,
        confidence=proposal.confidence, reason=f"accepted proposal {proposal.pk}: {reasons}"[:2000],
        actor=actor, actor_label=actor_label,
    )
    _decided(proposal, ProposalStatus.ACCEPTED, actor)
    return proposal.merge


@transaction.atomic
def reject_proposal(proposal_id: int, *, actor=None) -> KeepApart:
    proposal = _pending(proposal_id)
    sides = _identity_ids([proposal.person_a_id, proposal.person_b_id])
    _decided(proposal, ProposalStatus.REJECTED, actor)
    return KeepApart.objects.create(
        identities_a=sides[proposal.person_a_id], identities_b=sides[proposal.person_b_id],
        reason=ApartReason.REJECTED, actor=actor,
    )


@transaction.atomic
def mark_unsure(proposal_id: int, *, actor=None) -> MergeProposal:
    proposal = _pending(proposal_id)
    _decided(proposal, ProposalStatus.UNSURE, actor)
    return proposal


@transaction.atomic
def claim_identities(person: Person, identity_ids: Iterable[int], *, actor=None) -> list[MergeRecord]:
    """The member says these identities are theirs: their word beats any earlier decision."""
    person = Person.objects.get(pk=person.pk)
    if person.merged_into_id:
        raise MergeError(f"{person} has been merged into someone else")
    owners = set(Identity.objects.filter(id__in=list(identity_ids)).values_list("person_id", flat=True)) - {person.pk}
    records = []
    for other in Person.objects.filter(pk__in=owners).order_by("pk"):
        records.append(merge_people(
            person, other, method=MergeMethod.SELF, confirmed=True, reason=f"{person} said these identities are theirs",
            actor=actor,
        ))
    mine = set(Identity.objects.filter(person=person).values_list("id", flat=True))
    # forget any keep-apart that separated them from their own identities
    for apart in KeepApart.objects.all():
        if set(apart.identities_a) <= mine and set(apart.identities_b) <= mine:
            apart.delete()
    return records


@transaction.atomic
def disown_identity(person: Person, identity_id: int, *, actor=None) -> Person:
    """The member says an identity is not theirs: it leaves them for a person of its own and
    is never merged with them again, whoever merged it before."""
    identity = Identity.objects.select_for_update().filter(pk=identity_id, person=person).first()
    if identity is None:
        raise MergeError(f"identity {identity_id} does not belong to {person}")
    rest = list(Identity.objects.filter(person=person).exclude(pk=identity.pk).values_list("id", flat=True))
    if not rest:
        raise MergeError(f"{identity} is {person}'s only identity")
    alone = Person.objects.create(
        display_name=(identity.name or identity.username or identity.email or "Unknown")[:200],
        kind=PersonKind.BOT if identity.is_bot else PersonKind.MEMBER,
        first_seen=identity.first_seen, last_seen=identity.last_seen,
    )
    Identity.objects.filter(pk=identity.pk).update(person=alone, link_reason=f"{person} said it is not theirs"[:300])
    KeepApart.objects.create(identities_a=rest, identities_b=[identity.pk], reason=ApartReason.MEMBER, actor=actor)
    refresh_seen([person.pk])
    return alone


def history():
    return MergeRecord.objects.select_related("survivor", "absorbed", "actor", "undone_by")


def proposal_sides(proposal: MergeProposal) -> dict:
    """What a steward needs to judge a proposal: per side, identities, sources and activity."""
    return proposal_sides_many([proposal])[proposal.pk]


def proposal_sides_many(proposals) -> dict[int, dict]:
    """``proposal_sides`` for a page of proposals in five queries, however long the page."""
    from seedbed.activity.models import Activity

    proposals = list(proposals)
    people = {p.person_a_id for p in proposals} | {p.person_b_id for p in proposals}
    identities: dict[int, list[Identity]] = defaultdict(list)
    for identity in Identity.objects.filter(person_id__in=people).order_by("source_kind", "name", "id"):
        identities[identity.person_id].append(identity)
    activity = Activity.objects.filter(identity__person_id__in=people)
    spans = {
        row["identity__person_id"]: row
        for row in activity.values("identity__person_id").annotate(first=Min("occurred_at"), last=Max("occurred_at"),
                                                                  n=Count("id"))
    }
    channels: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for row in activity.exclude(channel="").values("identity__person_id", "channel").annotate(n=Count("id")):
        channels[row["identity__person_id"]].append((-row["n"], row["channel"]))
    out = {}
    for proposal in proposals:
        sides = {}
        for side, person in (("a", proposal.person_a), ("b", proposal.person_b)):
            mine, span = identities[person.pk], spans.get(person.pk, {})
            sides[side] = {
                "person": person, "identities": mine, "sources": sorted({i.source_kind for i in mine}),
                "first": span.get("first") or person.first_seen, "last": span.get("last") or person.last_seen,
                "channels": [c for _, c in sorted(channels[person.pk])[:6]], "activities": span.get("n", 0),
            }
        out[proposal.pk] = sides
    return out
