"""Which identities are the same human: automatic merges where safe, proposals where not. Pure.

Plain records in (each identity with the person it belongs to now), plain results out:
merges to make and proposals for a steward, each with its reasons and a confidence.

How it decides:

* **Blocking.** Each identity has a few keys (``keys_for``): its address, its handles (GitHub
  login, username, the e-mail's local part, a one-word name) and the handles people make from
  their name (``jnothman`` from Joel Nothman), its order-free full name, and loose name keys for
  initials, middle names and typos. Only identities that share a key are compared, and a key
  shared by more than ``BLOCK_LIMIT`` identities is too common to say anything, so the cost
  grows with the number of identities, not with its square.
* **Evidence.** A compared pair collects evidence of independent kinds (same address, same
  GitHub account, a login that is the other's address, the same full name, a shared rare
  handle, similar names, the same organisation's domain...), each with a probability that
  it means the same human; they combine as a noisy-OR. Evidence is weaker when its handle is
  common (many people are ``alex``) and is discounted when the two full names clearly
  differ (a shared address alone never merges ``Ann Lee`` with ``Bob Kay``) or the two
  identities are different GitHub accounts. Placeholder addresses (empty, ``devnull@localhost``,
  ``noreply@…``, ``(none)``, addresses without ``@``) are no evidence at all. Bots are never
  compared with humans.
* **Clustering.** Pairs of people at or above ``AUTO`` are merged strongest first, unless that
  would put two clearly different full names together without a compatible one between them,
  or join people kept apart (a steward rejected it, a merge was undone, a member said so).
  Everything else at or above ``PROPOSE`` becomes one proposal per pair of people.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from seedbed.people.names import Address, Name, handle_form, is_bot, name_handles, parse_address, parse_name

AUTO = 0.9  # merge without asking at or above this confidence
PROPOSE = 0.5  # ask a steward at or above this
BLOCK_LIMIT = 60  # a key shared by more identities than this is too common to compare on
_CONFLICT = 0.6  # evidence left when the two full names clearly differ
_TWO_ACCOUNTS = 0.75  # ... when they are two different GitHub accounts
HANDLE_EXTRA = 1
_HANDLE_KINDS = frozenset({"login", "login-name", "handle", "name-handle", "name-parts", "word-name", "first-name"})
LOGIN_HANDLE = 0.93  # a login that is also the other's handle: evidence, not proof


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


class _Profile:
    """The normalised forms of one identity, computed once."""

    __slots__ = ("rec", "name", "address", "login", "own", "derived", "bot", "label")

    def __init__(self, rec: Record):
        self.rec = rec
        self.name: Name = parse_name(rec.name)
        self.address: Address = parse_address(rec.email)
        self.bot = rec.is_bot or is_bot(rec.name, rec.email, rec.username)
        username = _handle(rec.username)
        self.login = self.address.local if self.address.kind == "github" else ""
        if not self.login and rec.source == "github":
            self.login = username
        # own handles -> where they were seen, for the reasons
        own: dict[str, str] = {}
        if self.address.local and len(self.address.local) >= 3:
            own[self.address.local] = f"the address {self.address.key}"
        if username and len(username) >= 3:
            own.setdefault(username, f"the {rec.source} username {rec.username}")
        if self.name.handle and len(self.name.handle) >= 3:
            own.setdefault(self.name.handle, f"the name {rec.name}")
        for alias in self.name.aliases:
            own.setdefault(alias, f"the nickname in {rec.name}")
        self.own = own
        # handles people make from their name, or from a name written in their address
        derived = {h: (p, f"the name {rec.name}") for h, p in name_handles(self.name).items()}
        for h, p in name_handles(self.address.local_name).items():
            if h not in derived and h != self.address.local:
                derived[h] = (p - 0.05, f"the address {self.address.key}")
        self.derived = derived
        self.label = rec.name or rec.username or rec.email or f"identity {rec.id}"


def _handle(text: str) -> str:
    return handle_form(text) if text else ""


def keys_for(rec: Record) -> list[str]:
    """Blocking keys of one identity (also stored by the service for incremental runs)."""
    return _keys(_Profile(rec))


def _keys(p: _Profile) -> list[str]:
    keys = set()
    if p.address.kind != "none":
        keys.add("e:" + p.address.key)
    for h in p.own:
        keys.add("h:" + h)
    for h in p.derived:
        keys.add("h:" + h)
    n = p.name
    if n.full:
        first, last = n.tokens[0], n.tokens[-1]
        keys.add("n:" + n.key)
        keys.add("f:" + first)
        keys.add(f"q:{first} {last[:3]}")
        keys.add(f"r:{first[:3]} {last}")
        for t in n.tokens[:-1]:
            keys.add(f"p:{t[0]} {last}")
        if len("".join(n.tokens)) >= 6:
            keys.add("a:" + n.letters)
    elif n.tokens and n.initials:  # "E. M. Bray"
        keys.add(f"p:{n.initials[0]} {n.tokens[-1]}")
    if n.handle:
        keys.add("f:" + n.handle)
    if p.address.mailbox and p.address.mailbox != p.address.key:
        keys.add("e:" + p.address.mailbox)
    if n.full:
        keys.add("g:" + n.tokens[0])  # counts only: how many people have this given name
    return [k[:200] for k in keys]


# -- evidence ---------------------------------------------------------------------------------

def _rarity(handle: str, people_with) -> float:
    """How much a shared handle says: long, odd handles a lot; short or common ones little."""
    if len(handle) >= 6 or (len(handle) >= 4 and any(c.isdigit() for c in handle)):
        p = 0.93
    elif len(handle) >= 4:
        p = 0.8
    else:
        p = 0.6
    if people_with("h:" + handle) > 3:  # more people than the two compared carry it
        p = min(p, 0.55)
    given = people_with("g:" + handle)  # a given name ("alex", "daniel")
    if given:
        p = min(p, 0.75 if given < 3 else 0.55)
    return p


def names_compatible(a: Name, b: Name) -> bool | None:
    """None when either is not a full name; False when they clearly belong to different people."""
    if not (a.full and b.full):
        return None
    if a.key == b.key or set(t for t in a.tokens if len(t) >= 3) & set(t for t in b.tokens if len(t) >= 3):
        return True
    if a.letters == b.letters:
        return True
    if any(len(s) >= 3 and t.startswith(s) for s in a.tokens for t in b.tokens) or any(
        len(s) >= 3 and t.startswith(s) for s in b.tokens for t in a.tokens
    ):  # Chris / Christos
        return True
    return fuzz.token_sort_ratio(a.key, b.key) >= 75


def _name_similarity(a: Name, b: Name) -> tuple[float, str]:
    """Evidence from two different spellings of a name (initials, middle names, typos)."""
    if a.full and b.full:
        if a.letters == b.letters and (a.non_latin or b.non_latin or len(a.tokens) != len(b.tokens)):
            return 0.9, "written in another script or order"
        sa, sb = set(a.tokens), set(b.tokens)
        if len(sa) >= 2 and len(sb) >= 2 and (sa <= sb or sb <= sa):
            return 0.85, "one name contains the other"
        if a.tokens[-1] == b.tokens[-1]:
            fa, fb = a.tokens[0], b.tokens[0]
            if fa == fb:
                return 0.9, "same first and last name"
            if len(fa) >= 3 and len(fb) >= 3 and (fa.startswith(fb) or fb.startswith(fa)):
                return 0.75, "same last name, one first name shortens the other"
        ratio = fuzz.ratio(a.key, b.key)
        if ratio >= 90 and a.tokens[0][0] == b.tokens[0][0]:
            return 0.85, "names differ by a typo"
        return 0.0, ""
    # "E. M. Bray" / "L Hiltner" against "Erik M. Bray" / "Lindsey Hiltner"
    short, long_ = (a, b) if not a.full else (b, a)
    if long_.full and short.tokens and short.initials and short.tokens[-1] == long_.tokens[-1]:
        if short.initials[0] == long_.tokens[0][0]:
            return 0.75, "initials fit the full name"
    return 0.0, ""


def evidence(x: _Profile, y: _Profile, people_with) -> tuple[float, list[str]]:
    """Confidence that two identities are one human, with the reasons."""
    if x.bot != y.bot:
        return 0.0, []
    found: dict[str, tuple[float, str]] = {}

    def add(kind: str, p: float, reason: str) -> None:
        if p > found.get(kind, (0.0, ""))[0]:
            found[kind] = (p, reason)

    ax, ay = x.address, y.address
    if ax.kind != "none" and ax.key == ay.key:
        add("address", 0.99 if ax.kind in ("personal", "github") else 0.9, f"same address {ax.key}")
    elif ax.mailbox and ax.mailbox == ay.mailbox:
        add("address", 0.97, f"one mailbox: {ax.key} / {ay.key}")
    two_accounts = bool(x.login and y.login and x.login != y.login)
    if x.login and x.login == y.login:
        add("account", 0.99, f"same GitHub account {x.login}")
    for a, b in ((x, y), (y, x)):
        if a.login and not b.login:
            if a.login in b.own:
                add("login", LOGIN_HANDLE, f"GitHub login {a.login} is also {b.own[a.login]}")
            if a.login in b.derived and len(a.login) >= 5:
                p, where = b.derived[a.login]
                add("login-name", min(p, _rarity(a.login, people_with) + 0.02), f"GitHub login {a.login} fits {where}")
    for h in x.own.keys() & y.own.keys():
        if h in (x.login, y.login) or h == x.name.handle == y.name.handle:  # counted above / below
            continue
        add("handle", _rarity(h, people_with), f"{x.own[h]} and {y.own[h]} share the handle {h}")
    for a, b in ((x, y), (y, x)):
        for h in a.own.keys() & b.derived.keys():
            if h != b.login:
                p, where = b.derived[h]
                add("name-handle", min(p, _rarity(h, people_with)), f"{a.own[h]} fits {where}")
        parts = a.name.handle_parts
        if len(parts) >= 2 and b.name.full and set(parts) <= set(b.name.tokens):  # otieno-juma, Paul Juma Otieno
            add("name-parts", 0.85, f"the name {a.rec.name} is made of the name {b.rec.name}")
    nx, ny = x.name, y.name
    if nx.handle and nx.handle == ny.handle and not nx.full:  # the same one-word name: "mgunyho"
        add("word-name", _rarity(nx.handle, people_with), f"same name {x.rec.name}")
    if nx.full and nx.key == ny.key:
        add("name", 0.96, f"same name {x.rec.name}" + (f" / {y.rec.name}" if x.rec.name != y.rec.name else ""))
    else:
        p, why = _name_similarity(nx, ny)
        if p:
            add("name", p, f"{why}: {x.rec.name} / {y.rec.name}")
    for a, b in ((x, y), (y, x)):  # "Lars" against "Lars Buitinck", when few people are called Lars
        if a.name.handle and b.name.full and a.name.handle == b.name.tokens[0] and len(a.name.handle) >= 3:
            if people_with("g:" + a.name.handle) <= 1:
                add("first-name", 0.6, f"{a.rec.name} is the first name of {b.rec.name}")
    if ax.domain and ax.domain == ay.domain and names_compatible(nx, ny) is not False:
        add("domain", 0.5 if not ax.domain.startswith("host:") else 0.45,
            f"both from {ax.domain.removeprefix('host:')}")
    if not found:
        return 0.0, []
    # Handles are one kind of evidence however many ways they match (a login that is also the
    # other's one-word name and their address's local part is still one string): beyond the
    # strongest, each further handle match counts for HANDLE_EXTRA of its weight.
    handles = sorted((p for k, (p, _) in found.items() if k in _HANDLE_KINDS), reverse=True)
    miss = 1.0
    for k, (p, _) in found.items():
        if k not in _HANDLE_KINDS:
            miss *= 1.0 - p
    for i, p in enumerate(handles):
        miss *= 1.0 - (p if i == 0 else p * HANDLE_EXTRA)
    confidence = 1.0 - miss
    reasons = [r for _, r in sorted(found.values(), key=lambda pr: -pr[0])]
    same_account = ax.kind == "github" and ax.key == ay.key
    if names_compatible(nx, ny) is False and not same_account:  # one GitHub account is one person
        confidence *= _CONFLICT
        reasons.append(f"but the names differ: {x.rec.name} / {y.rec.name}")
    if two_accounts:
        confidence *= _TWO_ACCOUNTS
        reasons.append(f"but they are two GitHub accounts: {x.login} / {y.login}")
    return round(confidence, 4), reasons


# -- resolution -------------------------------------------------------------------------------

class _Groups:
    """Union-find over people that remembers each group's names, bots and keep-apart partners."""

    def __init__(self, profiles: list[_Profile], apart: Iterable[tuple[int, int]]):
        self.parent: dict[int, int] = {}
        self.members: dict[int, set[int]] = defaultdict(set)
        self.names: dict[int, list[Name]] = defaultdict(list)
        for p in profiles:
            person = p.rec.person
            self.parent[person] = person
            self.members[person].add(person)
            if p.name.full and p.name not in self.names[person]:
                self.names[person].append(p.name)
        self.apart: dict[int, set[int]] = defaultdict(set)
        for a, b in apart:
            self.apart[a].add(b)
            self.apart[b].add(a)

    def find(self, x: int) -> int:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(x, x) != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def kept_apart(self, ra: int, rb: int) -> bool:
        small, other = (ra, rb) if len(self.members[ra]) <= len(self.members[rb]) else (rb, ra)
        return any(self.find(q) == other for p in self.members[small] for q in self.apart.get(p, ()))

    def names_clash(self, ra: int, rb: int) -> bool:
        na, nb = self.names.get(ra, []), self.names.get(rb, [])
        if not na or not nb:
            return False
        return not any(names_compatible(a, b) for a in na for b in nb)

    def union(self, ra: int, rb: int) -> tuple[int, int]:
        """Join two groups; returns (survivor, absorbed): the older (smaller) person id survives."""
        keep, other = (ra, rb) if ra < rb else (rb, ra)
        self.parent[other] = keep
        self.members[keep] |= self.members.pop(other)
        self.names[keep].extend(n for n in self.names.pop(other, []) if n not in self.names[keep])
        return keep, other


def _count_people(profiles: list[_Profile], blocks: dict[str, list[int]]) -> dict[str, int]:
    """People per key, where identities with one personal address or one full name count once
    (the whole community is here, still unresolved: five spellings of one person are one)."""
    parent = {p.rec.id: p.rec.id for p in profiles}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for key, ids in blocks.items():
        if key.startswith(("e:", "n:")) and len(ids) <= BLOCK_LIMIT:
            for other in ids[1:]:
                parent[find(other)] = find(ids[0])
    return {k: len({find(i) for i in ids}) for k, ids in blocks.items()}


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
    profiles = [_Profile(r) for r in records]
    by_id = {p.rec.id: p for p in profiles}
    new_ids = set(by_id) if new is None else set(new) & set(by_id)
    blocks: dict[str, list[int]] = defaultdict(list)
    for p in profiles:
        for k in _keys(p):
            blocks[k].append(p.rec.id)
    local = _count_people(profiles, blocks)
    given = counts or {}
    people_with = lambda k: given[k] if k in given else local.get(k, 0)  # noqa: E731

    result = Resolution(bots=sorted(p.rec.id for p in profiles if p.bot and p.rec.id in new_ids))
    best: dict[tuple[int, int], Match] = {}
    seen_pairs: set[tuple[int, int]] = set()
    one_account: set[tuple[int, int]] = set()
    for key, ids in blocks.items():
        if len(ids) < 2 or len(ids) > BLOCK_LIMIT or key.startswith("g:"):
            continue
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if a not in new_ids and b not in new_ids:
                    continue
                x, y = by_id[a], by_id[b]
                if x.rec.person == y.rec.person:
                    continue
                pair = (a, b) if a < b else (b, a)
                if pair in seen_pairs:
                    continue
                seen_pairs.add(pair)
                confidence, reasons = evidence(x, y, people_with)
                if confidence < PROPOSE:
                    continue
                people = tuple(sorted((x.rec.person, y.rec.person)))
                if x.address.kind == "github" and x.address.key == y.address.key:
                    one_account.add(people)
                if people not in best or confidence > best[people].confidence:
                    best[people] = Match(people[0], people[1], confidence, tuple(reasons), pair)
    result.compared = len(seen_pairs)

    groups = _Groups(profiles, apart)
    skip = {tuple(sorted(k)) for k in known}
    proposals: dict[tuple[int, int], Match] = {}
    for m in sorted(best.values(), key=lambda m: (-m.confidence, m.keep, m.other)):
        ra, rb = groups.find(m.keep), groups.find(m.other)
        if ra == rb or groups.kept_apart(ra, rb):
            continue
        if m.confidence >= AUTO and ((m.keep, m.other) in one_account or not groups.names_clash(ra, rb)):
            keep, other = groups.union(ra, rb)
            result.merges.append(Match(keep, other, m.confidence, m.reasons, m.identities))
            continue
        confidence, reasons = m.confidence, m.reasons
        if m.confidence >= AUTO:  # strong evidence, but the names say otherwise: ask
            confidence, reasons = round(min(confidence, AUTO - 0.01), 4), (*reasons, "but the names differ")
        people = (min(ra, rb), max(ra, rb))
        if people not in proposals or confidence > proposals[people].confidence:
            proposals[people] = Match(people[0], people[1], confidence, reasons, m.identities)
    for m in proposals.values():  # groups may have merged after the proposal was noted
        ra, rb = groups.find(m.keep), groups.find(m.other)
        people = (min(ra, rb), max(ra, rb))
        if ra != rb and people not in skip and not groups.kept_apart(ra, rb):
            skip.add(people)
            result.proposals.append(Match(people[0], people[1], m.confidence, m.reasons, m.identities))
    result.proposals.sort(key=lambda m: (-m.confidence, m.keep, m.other))
    return result
