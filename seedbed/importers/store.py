"""Save parsed items (``seedbed.importers.items``) as activities: the write step that the
JSON-lines, chat and event importers share.

One file is one transaction: identities, activities, links between them, identity
resolution and the source's cursor commit together or not at all. So bad input found
halfway leaves nothing of the file, and a run killed at any moment leaves either the
whole file or none of it: the next run imports it again, and because items are unique by
(platform, key) it ends with the same database as an uninterrupted run.

An item seen before is not inserted again; what this sighting adds to what is stored
(title, body, merged, reactions, extra …) is combined by ``sightings.combine``, the rule that
makes the order in which files are imported not matter.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from seedbed.activity.models import Activity, PendingState, Source
from seedbed.core.bulk import insert_new
from seedbed.importers.items import Author, Item, State
from seedbed.importers.progress import Progress
from seedbed.importers.sightings import FIELDS, combine
from seedbed.people.merging import ResolverRun, run_resolver
from seedbed.people.erasure import Suppressions
from seedbed.people.models import Identity
from seedbed.people.services import IdentityRegistry

BATCH = 5000
CHUNK = 5000  # keys per IN (...) list
MAX_TEXT = 100_000  # characters of a body kept
# keys of Activity.extra that hold someone's username on the item's platform: an erased
# person's is not written (and erasure removes those already written)
PEOPLE_IN_EXTRA = ("merged_by",)


@dataclass
class Stored:
    items: int = 0  # items read (an item seen twice counts twice)
    created: int = 0
    updated: int = 0
    identities_created: int = 0
    resolved: ResolverRun = field(default_factory=ResolverRun)


class Identities:
    """One IdentityRegistry per (source kind, instance) the items' authors come from."""

    def __init__(self):
        self.registries: dict[tuple[str, str], IdentityRegistry] = {}
        self.suppressions = Suppressions()

    def erased(self, platform: str, username: str) -> bool:
        return self.suppressions.covers(platform, "", "", username=username)

    def note(self, author: Author, when) -> tuple[str, str, str]:
        where = (author.source_kind, author.instance)
        registry = self.registries.get(where)
        if registry is None:
            registry = self.registries[where] = IdentityRegistry(*where)
            registry.suppressions = self.suppressions
        key = registry.note(author.key, when, name=author.name, email=author.email, username=author.username,
                            external_id=author.external_id, is_bot=author.is_bot)
        return (*where, key)

    def flush(self) -> Callable[[tuple[str, str, str]], int]:
        ids = {where: registry.flush() for where, registry in self.registries.items()}
        return lambda ref: ids[ref[:2]][ref[2]]

    def finish(self) -> tuple[int, list[int]]:
        for registry in self.registries.values():
            registry.save_seen()
        created = sorted(i for r in self.registries.values() for i in r.created_ids)
        return len(created), created


def _batches(items: Iterable[Item | State], size: int) -> Iterator[list[Item | State]]:
    batch: list[Item | State] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _gather(batch: list[Item | State]) -> tuple[dict, dict, dict]:
    """Per (platform, key): the newest sighting of an item (for what is written once: author,
    time, kind …), the record of all its sightings in the batch combined, and the state news
    about items the batch does not hold (the newest per key)."""
    newest: dict[tuple[str, str], Item] = {}
    records: dict[tuple[str, str], dict] = {}
    states: dict[tuple[str, str], State] = {}
    for one in batch:
        ref = (one.platform, one.key[:300])
        if isinstance(one, State):
            seen = states.get(ref)
            if seen is None or one.seen_at >= seen.seen_at:
                states[ref] = one
            continue
        seen = newest.get(ref)
        if seen is None or (one.seen_at is not None and (seen.seen_at is None or one.seen_at >= seen.seen_at)):
            newest[ref] = one
        records[ref] = combine(records.get(ref, {}), _item_record(one))  # alone too: one shape for every record
    for ref in [ref for ref in states if ref in records]:
        records[ref] = combine(records[ref], _state_record(states.pop(ref)))
    return newest, records, states


def store(items: Iterable[Item | State], source: Source, *, progress: Progress,
          position: Callable[[], int] | None = None) -> Stored:
    """Save items and link them; the caller holds the transaction (one per file) and the cursor.

    ``position()`` tells how far the reading got, for progress (in the unit the caller
    started the progress with); without it progress counts items.
    """
    out = Stored()
    people = Identities()
    touched: dict[str, set[str]] = {}
    reported = 0
    for batch in _batches(items, BATCH):
        out.items += len(batch)
        created, updated = _save(*_gather(batch), people, source)
        out.created += created
        out.updated += updated
        for item in batch:
            touched.setdefault(item.platform, set()).add(item.key)
        now = position() if position else out.items
        progress.advance(now - reported)
        reported = now
    out.identities_created, new_ids = people.finish()
    out.resolved = run_resolver(new_ids) if new_ids else ResolverRun()
    for platform, keys in touched.items():
        link(platform, sorted(keys))  # after resolution: a reply to oneself elsewhere is not a reply received
    return out


def _row(item: Item, identity_ref, source_id: int | None) -> dict:
    """The columns written once, when the item is first stored (the rest: ``_stored``)."""
    return dict(
        platform=item.platform, key=item.key[:300], identity_id=identity_ref, source_id=source_id, kind=item.kind,
        contribution_type=item.contribution_type, occurred_at=item.occurred_at, channel=item.channel[:300],
        parent_key=item.parent_key[:300], thread_key=item.thread_key[:300], files_changed=item.files_changed,
        lines_added=item.lines_added, lines_removed=item.lines_removed,
    )


def _scrub(extra: dict, platform: str, people: Identities) -> dict:
    return {k: v for k, v in extra.items()
            if not (k in PEOPLE_IN_EXTRA and isinstance(v, str) and people.erased(platform, v))}


def _known(refs, fields=FIELDS) -> dict[tuple[str, str], dict]:
    """The stored activities among (platform, key) pairs, by pair."""
    known = {}
    for platform, keys in _by_platform(refs).items():
        for start in range(0, len(keys), CHUNK):
            rows = Activity.objects.filter(platform=platform, key__in=keys[start:start + CHUNK])
            known.update({(platform, r["key"]): r for r in rows.values("key", "id", *fields)})
    return known


def _item_record(item: Item) -> dict:
    """What one sighting says, as a record for ``sightings.combine`` (unscrubbed, untrimmed)."""
    extra = dict(item.extra)
    if item.seen_at is not None:
        extra["seen_at"] = item.seen_at.isoformat()
    return dict(title=item.title, body=item.body, url=item.url, size=item.size, merged=item.merged,
                accepted=item.accepted, reactions=item.reactions, extra=extra)


def _state_record(state: State) -> dict:
    return dict(merged=state.merged, extra={**state.extra, "state_at": state.seen_at.isoformat()})


def _stored(record: dict, platform: str, people: Identities) -> dict:
    """A combined record as the activity's columns hold it: trimmed, counts not negative, no
    erased person's account name."""
    return dict(title=(record.get("title") or "")[:500], body=(record.get("body") or "")[:MAX_TEXT],
                url=(record.get("url") or "")[:1000], size=max(0, record.get("size") or 0), merged=record.get("merged"),
                accepted=record.get("accepted"), reactions=max(0, record.get("reactions") or 0),
                extra=_scrub(record.get("extra") or {}, platform, people))


def _update(stored: dict, record: dict, platform: str, people: Identities) -> Activity | None:
    """The stored activity with what the record adds, or None when it adds nothing."""
    after = _stored(combine({name: stored[name] for name in FIELDS}, record), platform, people)
    if all(after[name] == stored[name] for name in FIELDS):
        return None
    return Activity(pk=stored["id"], **after)


def _save(newest: dict[tuple[str, str], Item], records: dict[tuple[str, str], dict],
          states: dict[tuple[str, str], State], people: Identities, source: Source) -> tuple[int, int]:
    known = _known(newest)
    fresh, changed = [], []
    for ref, item in newest.items():
        identity = people.note(item.author, item.occurred_at)
        stored = known.get(ref)
        if stored is None:
            committer = people.note(item.committer, item.occurred_at) if item.committer is not None else None
            fresh.append({**_row(item, identity, source.pk), "committer_id": committer,
                          **_stored(records[ref], item.platform, people)})
        else:
            update = _update(stored, records[ref], item.platform, people)
            if update is not None:
                changed.append(update)
    identity_of = people.flush()
    for row in fresh:
        row["identity_id"] = identity_of(row["identity_id"])
        if row["committer_id"] is not None:
            row["committer_id"] = identity_of(row["committer_id"])
    insert_new(Activity, fresh)
    Activity.objects.bulk_update(changed, FIELDS, batch_size=500)
    # news heard earlier about the items just added, then this batch's news
    arrived = [(r["platform"], r["key"]) for r in fresh]
    waiting = {}
    for platform, keys in _by_platform(arrived).items():
        for start in range(0, len(keys), CHUNK):
            rows = PendingState.objects.filter(platform=platform, key__in=keys[start:start + CHUNK])
            waiting.update({(p.platform, p.key): State(p.platform, p.key, p.seen_at, p.merged, p.extra) for p in rows})
            rows.delete()
    _apply(waiting, people)
    return len(fresh), len(changed) + _apply(states, people)


def _by_platform(refs) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for platform, key in refs:
        out.setdefault(platform, []).append(key)
    return out


def _apply(states: dict[tuple[str, str], State], people: Identities) -> int:
    """States onto their items (``sightings.combine``); states of items not here yet wait for
    them, the newest per item. Returns items changed."""
    if not states:
        return 0
    known = _known(states)
    changed, later = [], []
    for ref, state in states.items():
        stored = known.get(ref)
        if stored is None:
            later.append(PendingState(platform=ref[0], key=ref[1], seen_at=state.seen_at, merged=state.merged,
                                      extra=_scrub(state.extra, state.platform, people)))
            continue
        update = _update(stored, _state_record(state), state.platform, people)
        if update is not None:
            changed.append(update)
    Activity.objects.bulk_update(changed, FIELDS, batch_size=500)
    if later:
        held: dict[tuple[str, str], tuple[int, object]] = {}
        for platform, keys in _by_platform((p.platform, p.key) for p in later).items():
            for start in range(0, len(keys), CHUNK):
                rows = PendingState.objects.filter(platform=platform, key__in=keys[start:start + CHUNK])
                held.update({(platform, k): (pk, at) for pk, k, at in rows.values_list("id", "key", "seen_at")})
        newer = [p for p in later if (p.platform, p.key) not in held or p.seen_at > held[(p.platform, p.key)][1]]
        PendingState.objects.filter(id__in=[held[(p.platform, p.key)][0] for p in newer
                                            if (p.platform, p.key) in held]).delete()
        PendingState.objects.bulk_create(newer, batch_size=500)
    return len(changed)


def link(platform: str, keys: list[str]) -> None:
    """Point these items at what they answer and earlier items at these, whichever came first;
    count the replies each received from someone else; name the reviewers of pull requests."""
    parent = Activity.objects.filter(platform=platform, key=OuterRef("parent_key")).values("id")[:1]
    affected: set[int] = set()
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start:start + CHUNK]
        (Activity.objects.filter(platform=platform, parent__isnull=True).exclude(parent_key="")
         .filter(Q(key__in=chunk) | Q(parent_key__in=chunk)).update(parent_id=Subquery(parent)))
        rows = Activity.objects.filter(platform=platform, key__in=chunk).values_list("id", "parent_id")
        for pk, parent_id in rows:
            affected.add(pk)
            if parent_id is not None:
                affected.add(parent_id)
    ids = sorted(affected)
    author = Identity.objects.filter(pk=OuterRef(OuterRef("identity_id"))).values("person_id")[:1]
    received = (Activity.objects.filter(parent_id=OuterRef("pk")).exclude(identity__person_id=Subquery(author))
                .order_by().values("parent_id").annotate(n=Count("id")).values("n"))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        Activity.objects.filter(id__in=chunk).update(replies_received=Coalesce(Subquery(received), Value(0)))
        _reviewers(chunk)


def _reviewers(ids: list[int]) -> None:
    """A pull request's reviewed_by: who reviewed it, in the order of their first review, not its author."""
    pulls = dict(Activity.objects.filter(id__in=ids, kind="pull-request")
                 .values_list("id", "identity__person_id"))
    if not pulls:
        return
    names: dict[int, list[str]] = {pk: [] for pk in pulls}
    reviews = (Activity.objects.filter(parent_id__in=list(pulls), kind="review").order_by("occurred_at", "id")
               .values_list("parent_id", "identity__person_id", "identity__username", "identity__name"))
    for pull, person, username, name in reviews:
        who = username or name
        if person != pulls[pull] and who and who not in names[pull]:
            names[pull].append(who)
    current = dict(Activity.objects.filter(id__in=list(pulls)).values_list("id", "reviewed_by"))
    changed = [Activity(pk=pk, reviewed_by=who) for pk, who in names.items() if current.get(pk) != who]
    Activity.objects.bulk_update(changed, ["reviewed_by"], batch_size=500)
