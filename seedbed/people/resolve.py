"""Which identities are the same human: automatic merges where safe, proposals where not. Pure.

Plain records in (each identity with the person it belongs to now), plain results out:
merges to make and proposals for a steward, each with its reasons and a confidence.

* **Blocking.** Each identity has a few keys (``keys_for``): its address, its handles (GitHub
  login, username, the e-mail's local part, a one-word name) and the handles people make from
  their name (``jnothman`` from Joel Nothman), its order-free full name, and loose name keys for
  initials, middle names, other scripts and typos. Only identities that share a key are
  compared, and a key shared by more than ``BLOCK_LIMIT`` identities is too common to say
  anything, so the cost grows with the number of identities, not with its square.
* **Evidence.** ``seedbed.people.evidence`` scores each compared pair.
* **Clustering.** Pairs of people at or above ``AUTO`` are merged strongest first, unless that
  would put two clearly different full names together without a compatible one between them,
  or join people kept apart (a steward rejected it, a merge was undone, a member said so).
  Everything else at or above ``PROPOSE`` becomes one proposal per pair of people.
"""
from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from seedbed.people.evidence import Profile, judge, names_compatible
from seedbed.people.names import Name

AUTO = 0.9  # merge without asking at or above this confidence
PROPOSE = 0.5  # ask a steward at or above this
BLOCK_LIMIT = 60  # a key shared by more identities than this is too common to compare on ...
# ... and for the looser keys, fewer: a handle or first name that many share says little anyway
LIMITS = {"n:": 20, "h:": 10, "p:": 6, "q:": 6, "r:": 6, "a:": 8}


def block_limit(key: str) -> int:
    return LIMITS.get(key[:2], BLOCK_LIMIT)


@dataclass(frozen=True, slots=True)
class Record:
    """One identity as the resolver sees it."""

    id: int
    person: int
    name: str = ""
    email: str = ""
    username: str = ""
    source: str = "git"
    is_bot: bool = False
    instance: str = ""  # the source's host or list ("" for git)


@dataclass(frozen=True, slots=True)
class Match:
    """Two people (``keep`` is the older) that are likely one human."""

    keep: int
    other: int
    confidence: float
    reasons: tuple[str, ...]
    identities: tuple[int, int]  # the pair of identities the evidence is about


@dataclass
class Resolution:
    merges: list[Match] = field(default_factory=list)  # apply in order: ``other`` into ``keep``
    proposals: list[Match] = field(default_factory=list)
    bots: list[int] = field(default_factory=list)  # identity ids recognised as bots
    compared: int = 0  # pairs of identities compared


def keys_for(rec: Record) -> list[str]:
    """Blocking keys of one identity (the service stores them for incremental runs)."""
    return Profile(rec).keys()


# -- resolution -------------------------------------------------------------------------------

class _Groups:
    """Union-find over people that remembers each group's names, accounts and keep-apart partners."""

    def __init__(self, profiles: list[Profile], apart: Iterable[tuple[int, int]]):
        self.parent: dict[int, int] = {}  # absent: its own root
        self.names: dict[int, list[Name]] = defaultdict(list)
        self.accounts: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for p in profiles:
            person = p.rec.person
            if p.name.full and p.name not in self.names[person]:
                self.names[person].append(p.name)
            if p.account:
                self.accounts[person][p.account[0]] |= p.account[1]
        self.apart: dict[int, set[int]] = defaultdict(set)
        for a, b in apart:
            self.apart[a].add(b)
            self.apart[b].add(a)
        # the people in each group, kept only when some must stay apart
        self.members: dict[int, set[int]] = defaultdict(set) if self.apart else {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while root in parent:
            root = parent[root]
        while x in parent and parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def kept_apart(self, ra: int, rb: int) -> bool:
        if not self.apart:
            return False
        members = self.members
        a, b = members.get(ra) or {ra}, members.get(rb) or {rb}
        small, other = (a, rb) if len(a) <= len(b) else (b, ra)
        return any(self.find(q) == other for p in small for q in self.apart.get(p, ()))

    def names_clash(self, ra: int, rb: int) -> bool:
        na, nb = self.names.get(ra, []), self.names.get(rb, [])
        if not na or not nb:
            return False
        return not any(names_compatible(a, b) for a in na for b in nb)

    def two_accounts(self, ra: int, rb: int) -> str:
        """A platform on which the two groups have different accounts (one human rarely has
        two accounts on one forum or two GitHub logins), or ""."""
        a, b = self.accounts.get(ra, {}), self.accounts.get(rb, {})
        return next((platform for platform in a.keys() & b.keys() if not a[platform] & b[platform]), "")

    def union(self, ra: int, rb: int) -> tuple[int, int]:
        """Join two groups; returns (survivor, absorbed): the older (smaller) person id survives."""
        keep, other = (ra, rb) if ra < rb else (rb, ra)
        self.parent[other] = keep
        if self.apart:
            members = self.members
            members[keep] = (members.get(keep) or {keep}) | (members.pop(other, set()) or {other})
        self.names[keep].extend(n for n in self.names.pop(other, []) if n not in self.names[keep])
        for platform, accounts in self.accounts.pop(other, {}).items():
            self.accounts[keep][platform] |= accounts
        return keep, other


def _candidate_pairs(blocks: dict[str, list[int]], made: Mapping[str, list[int]]) -> Iterator[tuple[int, int]]:
    """Pairs of identities that share a key, or a key and its partner (``made``: the partners
    of a key, by that key). Keys too common to say anything are skipped."""
    for key, ids in blocks.items():
        if len(ids) < 2 and key not in made:  # most keys: one identity has it
            continue
        partners = made.get(key, ())
        if len(ids) + len(partners) > block_limit(key):
            continue
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                yield a, b
            for b in partners:
                yield a, b


class _PeopleCounter:
    """How many people carry a key (a handle, a given name), counted when first asked.

    Identities with one personal address or one full name count as one person: the whole
    community is here, still unresolved, and five spellings of one person are one person.
    ``given`` counts, from the caller, win: an incremental run does not see every carrier.
    """

    def __init__(self, blocks: dict[str, list[int]], made: Mapping[str, list[int]], names: Mapping[str, set[str]],
                 given: Mapping[str, int]):
        self.blocks, self.made, self.names, self.given = blocks, made, names, given
        self.memo: dict[str, int] = {}
        self.parent: dict[int, int] = {}
        for key, ids in blocks.items():
            if key[:2] in ("e:", "n:") and 1 < len(ids) <= BLOCK_LIMIT:
                root = self._find(ids[0])
                for other in ids[1:]:
                    other_root = self._find(other)
                    if other_root != root:
                        self.parent[other_root] = root

    def _find(self, x: int) -> int:
        parent = self.parent
        while x in parent:
            up = parent[x]
            if up in parent:
                parent[x] = parent[up]
            x = up
        return x

    def __call__(self, key: str) -> int:
        """People carrying ``key``; for a handle, both those who have it and those whose name makes
        it. For a given or family name (``g:``, ``s:``): how many different names have it; for
        ``#names``: how many different full names there are."""
        count = self.memo.get(key)
        if count is not None:
            return count
        if key in self.given:
            count = self.given[key]
        elif key == "#names":
            count = sum(1 for k in self.blocks if k.startswith("n:"))
        elif key.startswith(("g:", "s:")):
            count = len(self.names.get(key, ()))
        else:
            carriers = self.blocks.get(key, ())
            if key.startswith("h:") and key in self.made:
                carriers = [*carriers, *self.made[key]]
            count = len({self._find(i) for i in carriers})
        self.memo[key] = count
        return count


def resolve(
    records: Iterable[Record], *, new: Iterable[int] | None = None, apart: Iterable[tuple[int, int]] = (),
    counts: Mapping[str, int] | None = None, known: Iterable[tuple[int, int]] = (),
) -> Resolution:
    """Resolve ``records``.

    ``new``: identity ids to resolve (default all); only pairs with at least one of them are
    compared, so earlier identities are not re-judged. ``apart``: pairs of people that must
    not be merged or proposed. ``counts``: people per key for keys whose carriers are not
    all in ``records`` (incremental runs load only blocks small enough to compare); other
    keys are counted here.
    ``known``: pairs of people already proposed, not proposed again.
    """
    with _no_cyclic_gc():  # millions of small objects, no cycles: the collector would only slow it down
        return _resolve(records, new, apart, counts, known)


@contextmanager
def _no_cyclic_gc():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _resolve(records, new, apart, counts, known) -> Resolution:
    profiles = [Profile(r) for r in records]
    by_id = {p.rec.id: p for p in profiles}
    every = new is None
    new_ids = set() if every else set(new) & set(by_id)
    blocks, made, names = _blocks(profiles)
    people_with = _PeopleCounter(blocks, made, names, counts or {})
    person_of = {p.rec.id: p.rec.person for p in profiles}
    several = {person for person, n in Counter(person_of.values()).items() if n > 1}
    by_person: dict[int, list[Profile]] = defaultdict(list)  # only people with several identities
    for p in profiles:
        if p.rec.person in several:
            by_person[p.rec.person].append(p)
    handles_of: dict[int, Collection[str]] = {}  # person -> handles their names account for (asked for few)

    def explained(p: Profile) -> Collection[str]:
        person = p.rec.person
        if person not in handles_of:
            found = by_person.get(person)
            handles_of[person] = {h for q in found for h in q.derived} if found else p.derived.keys()
        return handles_of[person]

    result = Resolution(bots=sorted(p.rec.id for p in profiles if p.bot and (every or p.rec.id in new_ids)))
    best: dict[tuple[int, int], tuple] = {}  # people -> (confidence, identities, evidence)
    seen_pairs: set[tuple[int, int]] = set()
    same_account: set[tuple[int, int]] = set()
    for a, b in _candidate_pairs(blocks, made):
        if not every and a not in new_ids and b not in new_ids:
            continue
        pa, pb = person_of[a], person_of[b]
        if pa == pb:
            continue
        pair = (a, b) if a < b else (b, a)
        if pair in seen_pairs:
            continue
        seen_pairs.add(pair)
        confidence, found = judge(by_id[a], by_id[b], people_with, explained)
        if confidence < PROPOSE or found is None:
            continue
        people = (pa, pb) if pa < pb else (pb, pa)
        if found.one_account:
            same_account.add(people)
        if people not in best or confidence > best[people][0]:
            best[people] = (confidence, pair, found)
    result.compared = len(seen_pairs)
    del blocks, made, names, seen_pairs, person_of

    groups = _Groups(profiles, apart)
    skip = {tuple(sorted(k)) for k in known}
    proposals: dict[tuple[int, int], tuple] = {}
    for (keep, other), (confidence, pair, found) in sorted(best.items(), key=lambda e: (-e[1][0], e[0])):
        ra, rb = groups.find(keep), groups.find(other)
        if ra == rb or groups.kept_apart(ra, rb):
            continue
        doubt = ""
        if (keep, other) not in same_account:
            platform = groups.two_accounts(ra, rb)
            doubt = f"but they have two {platform} accounts" if platform else ""
            doubt = "but the names differ" if groups.names_clash(ra, rb) else doubt
        if confidence >= AUTO and not doubt:
            survivor, absorbed = groups.union(ra, rb)
            result.merges.append(Match(survivor, absorbed, confidence, tuple(found.reasons()), pair))
            continue
        extra: tuple[str, ...] = ()
        if confidence >= AUTO:  # strong evidence, but something says otherwise: ask
            confidence, extra = round(min(confidence, AUTO - 0.01), 4), (doubt,)
        people = (min(ra, rb), max(ra, rb))
        if people not in proposals or confidence > proposals[people][0]:
            proposals[people] = (confidence, pair, found, extra)
    for (ra, rb), (confidence, pair, found, extra) in proposals.items():  # groups may have merged since
        ra, rb = groups.find(ra), groups.find(rb)
        people = (min(ra, rb), max(ra, rb))
        if ra != rb and people not in skip and not groups.kept_apart(ra, rb):
            skip.add(people)
            result.proposals.append(Match(people[0], people[1], confidence, (*found.reasons(), *extra), pair))
    result.proposals.sort(key=lambda m: (-m.confidence, m.keep, m.other))
    return result


def _blocks(profiles: list[Profile]) -> tuple[dict[str, list[int]], dict[str, list[int]], dict[str, set[str]]]:
    """Identity ids by blocking key; by the key a ``d:`` or ``c:`` key is the partner of (only
    where someone has that key: a handle a name makes, a name within a name, that nobody here
    has meets no one); and the full names by ``g:`` and ``s:`` key (given and family name),
    which are only counted."""
    blocks: dict[str, list[int]] = defaultdict(list)
    names: dict[str, set[str]] = defaultdict(set)
    later = []
    for p in profiles:
        own, partnered, only_counted = p.block_keys()
        ident = p.rec.id
        for k in own:
            blocks[k].append(ident)
        for k in only_counted:
            names[k].add(p.name.key)
        if partnered:
            later.append((ident, partnered))
    made: dict[str, list[int]] = defaultdict(list)
    for ident, partnered in later:
        for k in partnered:
            if k in blocks:
                made[k].append(ident)
    return blocks, made, names
