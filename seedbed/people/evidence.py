"""How much two identities look like one human, and why. Pure.

A compared pair collects evidence of independent kinds, each with the probability that it
means one human, combined as a noisy-OR:

* **address**: the same personal address (or GitHub noreply address, which is one account),
  one mailbox (``jdoe+github@x.org`` / ``jdoe@x.org``), the same machine account;
* **account**: the same GitHub login;
* **name**: the same full name in any order, script or accents; initials, middle names,
  typos; a name spelled out in a handle (``kadermiyanyedi`` for Kader Miyanyedi, an
  address ``joel.nothman@`` for Joel Nothman, ``otieno-juma`` for Paul Juma Otieno), also
  with a little around it (``iambriansoto@`` for Brian Soto) when its owner has no full name
  of their own; the same one-word name (``GalaxySnail``);
* **handles** (the GitHub login, a username, an address's local part, a one-word name): a
  login that is the other's handle, a shared handle, an abbreviation of the name
  (``jnothman``), a first name alone;
* **domain**: both at the same organisation (never a freemail provider).

Handles are evidence, not proof: two accounts (each with an address of its own, or on a
platform) that share nothing but one handle are only proposed, never merged automatically;
two different handles that link them (a login that is the other's name, and a name that is
the other's local part) are two coincidences, and may merge them. A handle says less
the shorter it is and the more people carry it (``alex`` is many people's given name).
Evidence is discounted when the two full names clearly differ (a shared address alone never
merges ``Ann Lee`` with ``Bob Kay``) or when they are two GitHub accounts. Bots are never
compared with humans; placeholder addresses are no evidence at all.
"""
from __future__ import annotations

from collections.abc import Callable, Collection
from itertools import combinations

from rapidfuzz import fuzz

from seedbed.people.names import Name, handle_form, handles_of_name, is_bot_local, name_handles, parse_address, parse_name

CONFLICT = 0.6  # share of the evidence left when the two full names clearly differ
TWO_ACCOUNTS = 0.75  # ... when the two are different GitHub accounts
HANDLES_ONLY = 0.89  # the most that handles alone between two real addresses reach: below AUTO
SAME_NAME = 0.96  # one full name on both, when the name is not a common one here
LOGIN_HANDLE = 0.93  # a GitHub login that is also the other's handle
SPELLED_IN_HANDLE = 0.85  # a handle with a full name in it: iambriansoto
SPELLED_WITHIN = 8  # ... when the given and family name have this many letters together
LOCAL_NAME_DISCOUNT = 0.1  # a name spelled in an address says a little less than a name
_PARTNER_OF = {"h": "d:", "n": "c:"}  # how keys() writes a key that meets a handle, a name
_REAL = ("personal", "github")  # address kinds that are an account of their own
# handles, and what only corroborates them (the same organisation), are not enough alone
_HANDLE_KINDS = frozenset({"login", "login-name", "handle", "name-handle", "first-name", "domain"})

_NONE: dict = {}  # no handles (shared, never changed)
_NO_ACCOUNTS = ("git", "mbox", "pipermail", "hyperkitty", "email")  # signatures, not accounts
ADDRESS, USERNAME, NAME, NICKNAME = "address", "username", "name", "nickname"  # where a handle was seen
PeopleWith = Callable[[str], int]  # key -> how many people carry it
Explained = Callable[["Profile"], Collection[str]]  # the handles a person's own names account for


class Profile:
    """The normalised forms of one identity, computed once."""

    __slots__ = ("rec", "name", "address", "login", "login_key", "own", "derived", "from_address", "bot", "account")

    def __init__(self, rec):
        self.rec = rec
        self.name: Name = parse_name(rec.name)
        self.address = parse_address(rec.email)
        self.bot = rec.is_bot or is_bot_local(rec.name, self.address.key.partition("@")[0], rec.username)
        username = handle_form(rec.username) if rec.username else ""
        # the GitHub login as a handle (to meet other handles) and as the account's name
        self.login = self.address.local if self.address.kind == "github" else ""
        self.login_key = self.address.login
        if not self.login and rec.source == "github" and rec.username:
            self.login, self.login_key = username, rec.username.strip().lower()
        # (platform, names of the account) for an account on a platform: a GitHub login (and
        # account number), a forum username
        self.account: tuple[str, frozenset[str]] | None = None
        if self.login:
            number = self.address.account_id
            self.account = ("GitHub", frozenset({"login:" + self.login_key, *(["id:" + number] if number else [])}))
        elif username and rec.source not in _NO_ACCOUNTS:
            self.account = (f"{rec.source} {getattr(rec, 'instance', '')}".strip(), frozenset({username}))
        own: dict[str, str] = {}  # handle -> where it was seen (ADDRESS, USERNAME, NAME, NICKNAME)
        if len(self.address.local) >= 3:
            own[self.address.local] = ADDRESS
        if len(username) >= 3:
            own.setdefault(username, USERNAME)
        if len(self.name.handle) >= 3:
            own.setdefault(self.name.handle, NAME)
        for alias in self.name.aliases:
            own.setdefault(alias, NICKNAME)
        self.own = own
        # handles made from the name or from a name written in the address: handle -> (confidence,
        # spelled: the whole name, not an abbreviation); those from the address in ``from_address``
        derived = handles_of_name(rec.name) if self.name.full else _NONE  # shared and cached: copied only
        local_name = self.address.local_name  # when the address adds to it
        extra = name_handles(local_name) if local_name.full else _NONE
        added = [h for h in extra if h not in derived and h != self.address.local]
        if added:
            derived = dict(derived)
            for h in added:
                p, full = extra[h]
                derived[h] = (p - LOCAL_NAME_DISCOUNT, full)
        self.derived = derived
        self.from_address = frozenset(added)

    def where(self, seen: str) -> str:
        """Words for where one of this identity's handles came from."""
        rec = self.rec
        if seen == ADDRESS:
            return f"the address {self.address.key}"
        if seen == USERNAME:
            return f"the {rec.source} username {rec.username}"
        return f"the nickname in {rec.name}" if seen == NICKNAME else f"the name {rec.name}"

    def keys(self) -> list[str]:
        """Blocking keys. ``d:`` (a handle made from a name) meets only ``h:`` (a handle someone
        has): two names that abbreviate alike are no evidence; likewise ``c:`` (a name within a
        longer name) meets only ``n:`` (that name). ``g:`` and ``s:`` keys (given
        and family name) only count how many names have them."""
        own, partnered, counted = self.block_keys()
        return own + counted + [_PARTNER_OF[k[0]] + k[2:] for k in partnered]

    def block_keys(self) -> tuple[list[str], list[str], list[str]]:
        """``keys()`` in three parts: the keys that are blocks of their own; the ``d:`` and
        ``c:`` keys, written as the key they meet (``h:``, ``n:``); the ``g:`` and ``s:`` keys."""
        keys = set()
        n, a = self.name, self.address
        if a.kind != "none":
            keys.add("e:" + a.key)
        if a.account_id:
            keys.add("i:github:" + a.account_id)
        if a.mailbox and a.mailbox != a.key:
            keys.add("e:" + a.mailbox)
        own = self.own
        keys.update(["h:" + h for h in own])  # handles it has ...
        partnered = ["h:" + h for h in self.derived if h not in own]  # ... and handles its name makes
        counted: list[str] = []
        if n.full:
            tokens = n.tokens
            first, last = tokens[0], tokens[-1]
            keys.add("n:" + n.key)
            counted = ["g:" + first, "s:" + last]
            if 3 <= len(tokens) <= 4:  # the shorter names within: "Nathan Woods" in "Charles Nathan Woods"
                partnered.extend({"n:" + (f"{x} {y}" if x <= y else f"{y} {x}") for x, y in combinations(tokens, 2)})
            if len(last) >= 6:  # a typo in a long last name, after its first four letters ...
                keys.add(f"q:{first} {last[:4]}")
            if len(first) >= 6:  # ... or in a long first name
                keys.add(f"r:{first[:4]} {last}")
            keys.update([f"p:{t[0]} {last}" for t in tokens[:-1]])  # initials and middle names
            if len(n.letters) >= 6:
                keys.add("a:" + n.letters)  # other scripts and segmentations
        elif n.tokens and n.initials:  # "E. M. Bray"
            keys.add(f"p:{n.initials[0]} {n.tokens[-1]}")
        return [k[:200] for k in keys], [k[:200] for k in partnered], [k[:200] for k in counted]


def rarity(handle: str, people_with: PeopleWith) -> float:
    """How much a shared handle says: long, odd handles a lot; short or common ones little."""
    if len(handle) >= 6 or (len(handle) >= 4 and any(c.isdigit() for c in handle)):
        p = 0.93
    elif len(handle) >= 4:
        p = 0.8
    else:
        p = 0.6
    if people_with("h:" + handle) > 3:  # more people than the two compared carry it
        p = min(p, 0.55)
    if people_with("g:" + handle):  # someone's given name ("alex", "andrea"): corroborates, never enough alone
        p = min(p, 0.45)
    return p


def names_compatible(a: Name, b: Name) -> bool | None:
    """None when either is not a full name; False when they clearly belong to different people."""
    if not (a.full and b.full):
        return None
    if a.key == b.key or a.letters == b.letters:
        return True
    if {t for t in a.tokens if len(t) >= 3} & {t for t in b.tokens if len(t) >= 3}:
        return True
    if any(len(s) >= 3 and t.startswith(s) for x, y in ((a, b), (b, a)) for s in x.tokens for t in y.tokens):
        return True  # Chris / Christos
    return fuzz.token_sort_ratio(a.key, b.key) >= 75


def same_name_weight(name: Name, people_with: PeopleWith) -> float:
    """How much one full name on two identities says. In a community of a few thousand,
    "Rohit Goswami" twice is one person; among a million, "Wei Wang" twice is often two. If
    given and family names combined at random, another person would have this name about
    (other names with its given name) x (other names with its family name) / (names) times."""
    names = people_with("#names")
    if not names:
        return SAME_NAME
    others_given = people_with("g:" + name.tokens[0]) - 1  # other names with this given name ...
    others_family = people_with("s:" + name.tokens[-1]) - 1  # ... and with this family name
    chance = max(others_given, 0) * max(others_family, 0) / names
    return SAME_NAME if chance < 0.2 else 0.8 if chance < 1 else 0.6


def name_similarity(a: Name, b: Name) -> tuple[float, str]:
    """Evidence from two different spellings of a name (initials, middle names, typos)."""
    if a.full and b.full:
        if a.letters == b.letters and (a.non_latin or b.non_latin or len(a.tokens) != len(b.tokens)):
            return 0.9, "written in another script or order"
        sa, sb = set(a.tokens), set(b.tokens)
        if sa <= sb or sb <= sa:
            return 0.85, "one name contains the other"
        middle_a, middle_b = set(a.tokens[1:-1]), set(b.tokens[1:-1])
        if a.tokens[-1] == b.tokens[-1] and not (middle_a and middle_b and not middle_a & middle_b):
            fa, fb = a.tokens[0], b.tokens[0]
            if fa == fb:
                return 0.9, "same first and last name"
            if len(fa) >= 3 and len(fb) >= 3 and (fa.startswith(fb) or fb.startswith(fa)):
                return 0.75, "same last name, one first name shortens the other"
        (fa, fb), (la, lb) = (a.tokens[0], b.tokens[0]), (a.tokens[-1], b.tokens[-1])
        for same, (s, t) in ((fa == fb, (la, lb)), (la == lb, (fa, fb))):  # one typo, in one long word:
            if same and min(len(s), len(t)) >= 6 and fuzz.ratio(s, t) >= 85:  # "Marta" and "Maria" are two names
                return 0.85, "names differ by a typo"
        return 0.0, ""
    short, long_ = (a, b) if not a.full else (b, a)  # "L Hiltner" against "Lindsey Hiltner"
    if long_.full and short.tokens and short.initials and short.tokens[-1] == long_.tokens[-1]:
        if short.initials[0] == long_.tokens[0][0]:
            return 0.75, "initials fit the full name"
    return 0.0, ""


def one_account(x: Profile, y: Profile) -> bool:
    """The same GitHub account: ``ID+login@`` and ``login@`` noreply addresses are one, and so
    are two logins with one account number (the account was renamed)."""
    ix, iy = x.address.account_id, y.address.account_id
    if ix and iy:
        return ix == iy
    return bool(x.login_key) and x.login_key == y.login_key


def _is_account(p: Profile) -> bool:
    """An identity that stands for itself: one with an address of its own, or an account on a
    platform. A git signature with no real address (a user name from an SVN import, a
    machine account) has nothing but its handle to go by."""
    return p.address.kind in _REAL or p.rec.source != "git"


class _Found(dict):
    """kind -> (confidence, reason): the strongest of each kind. A reason is kept as a function
    and its arguments, and put into words only for pairs that turn out to matter. ``handles``:
    the distinct handles that matched (two different ones are two coincidences, not one)."""

    handles: set[str] | None = None
    doubts: list | None = None  # what speaks against, after the reasons
    one_account = False

    def add(self, kind: str, p: float, words, *args) -> None:
        if p > self.get(kind, (0.0,))[0]:
            self[kind] = (p, words, args)

    def doubt(self, words, *args) -> None:
        self.doubts = [*(self.doubts or ()), (words, args)]

    def matched(self, handle: str) -> None:
        if self.handles is None:
            self.handles = set()
        self.handles.add(handle)

    def reasons(self) -> list[str]:
        strongest = [words(*args) for _, words, args in sorted(self.values(), key=lambda e: -e[0])]
        return strongest + [words(*args) for words, args in self.doubts or ()]


# The words for each kind of evidence.
def _same_address(x, y):
    return f"same address {x.address.key}"


def _one_mailbox(x, y):
    return f"one mailbox: {x.address.key} / {y.address.key}"


def _same_account(x, y):
    renamed = f" (renamed from {y.login_key})" if x.login_key != y.login_key else ""
    return f"same GitHub account {x.login_key}{renamed}"


def _same_domain(x, y):
    return f"both from {x.address.domain.removeprefix('host:')}"


def _login_is(a, b):
    return f"GitHub login {a.login} is also {b.where(b.own[a.login])}"


def _login_fits(a, b):
    return f"GitHub login {a.login} fits {b.where(ADDRESS if a.login in b.from_address else NAME)}"


def _handle_fits(a, b, h):
    return f"{a.where(a.own[h])} fits {b.where(ADDRESS if h in b.from_address else NAME)}"


def _spells_within(a, b, h):
    return f"{a.where(a.own[h])} spells the name {b.rec.name}"


def _made_of(a, b):
    return f"the name {a.rec.name} is made of the name {b.rec.name}"


def _first_name(a, b):
    return f"{a.rec.name} is the first name of {b.rec.name}"


def _shared_handle(x, y, h):
    return f"{x.where(x.own[h])} and {y.where(y.own[h])} share the handle {h}"


def _same_word(x, y):
    return f"same name {x.rec.name}"


def _same_name(x, y):
    also = f" / {y.rec.name}" if x.rec.name != y.rec.name else ""
    return f"same name {x.rec.name}{also}"


def _names_differ(x, y):
    return f"but the names differ: {x.rec.name} / {y.rec.name}"


def _two_accounts(x, y):
    return f"but they are two GitHub accounts: {x.login_key} / {y.login_key}"


def _similar_names(x, y, why):
    return f"{why}: {x.rec.name} / {y.rec.name}"


def _addresses(x: Profile, y: Profile, found: _Found, same_account: bool, compatible: bool | None) -> None:
    ax, ay = x.address, y.address
    if ax.kind != "none" and ax.key == ay.key:
        found.add("address", 0.99 if ax.kind in _REAL else 0.9, _same_address, x, y)
    elif ax.mailbox and ax.mailbox == ay.mailbox:
        found.add("address", 0.97, _one_mailbox, x, y)
    if same_account:
        found.add("account", 0.99, _same_account, x, y)
    if ax.domain and ax.domain == ay.domain and compatible is not False:
        # corroborates, never enough alone
        found.add("domain", 0.4 if ax.domain.startswith("host:") else 0.45, _same_domain, x, y)


def _handles(x: Profile, y: Profile, found: _Found, people_with: PeopleWith, explained: Explained) -> None:
    for a, b in ((x, y), (y, x)):
        if a.login and not b.login:
            if a.login in b.own:
                found.add("login", min(LOGIN_HANDLE, rarity(a.login, people_with) + 0.05), _login_is, a, b)
                found.matched(a.login)
            if a.login in b.derived and len(a.login) >= 5 and a.login not in explained(a):
                p, spelled = b.derived[a.login]
                found.add("spelled-name" if spelled else "login-name", min(p, rarity(a.login, people_with) + 0.02),
                          _login_fits, a, b)
                found.matched(a.login)
        if b.derived and not b.derived.keys().isdisjoint(a.own):
            # a handle a's own names (any of its person's) account for is no evidence: m.weiss@
            # is Moritz Weiß's, whether or not it also fits Mareike Weiß
            for h in a.own.keys() & b.derived.keys() - explained(a):
                p, spelled = b.derived[h]
                found.add("spelled-name" if spelled else "name-handle", min(p, rarity(h, people_with)),
                          _handle_fits, a, b, h)
                found.matched(h)
        if b.name.full and not a.name.full and not explained(a):
            _spelled_within(a, b, found, people_with)
        parts = a.name.handle_parts
        if len(parts) >= 2 and b.name.full and set(parts) <= set(b.name.tokens):
            found.add("spelled-name", 0.85, _made_of, a, b)
        handle = a.name.handle  # "Lars" against "Lars Buitinck", when few people are called Lars
        if len(handle) >= 3 and b.name.full and handle == b.name.tokens[0] and handle not in b.own:
            if people_with("g:" + handle) <= 1:
                found.add("first-name", 0.45, _first_name, a, b)
    if not x.own.keys().isdisjoint(y.own):
        for h in x.own.keys() & y.own.keys():
            if h not in (x.login, y.login) and not h == x.name.handle == y.name.handle:  # those count elsewhere
                found.add("handle", rarity(h, people_with), _shared_handle, x, y, h)
                found.matched(h)


def _spelled_within(a: Profile, b: Profile, found: _Found, people_with: PeopleWith) -> None:
    """One of a's handles spells b's full name with a little around it (``iambriansoto`` and
    Brian Soto, ``ankursingh91002`` and Ankur Singh, ``carlosgmartin`` and Carlos Martin).
    Only for an a whose person has no full name of their own, which would say more."""
    first, last = b.name.tokens[0], b.name.tokens[-1]
    if len(first) + len(last) < SPELLED_WITHIN:
        return
    for h in a.own:
        at = h.find(first)
        if at >= 0 and len(h) > len(first) + len(last) and last in h[at + len(first):at + len(first) + len(last) + 1]:
            p = min(same_name_weight(b.name, people_with) - LOCAL_NAME_DISCOUNT, SPELLED_IN_HANDLE)
            found.add("spelled-name", p, _spells_within, a, b, h)
            return


def _names(x: Profile, y: Profile, found: _Found, people_with: PeopleWith) -> None:
    nx, ny = x.name, y.name
    if nx.handle and nx.handle == ny.handle:  # the same one-word name: "GalaxySnail"
        found.add("word-name", rarity(nx.handle, people_with), _same_word, x, y)
        found.matched(nx.handle)
    if nx.full and nx.key == ny.key:  # in either order: "Nair Rahul" says as much as "Rahul Nair"
        weight = same_name_weight(nx, people_with)
        if nx.tokens != ny.tokens:
            weight = min(weight, same_name_weight(ny, people_with))
        found.add("name", weight, _same_name, x, y)
    elif nx.tokens and ny.tokens:
        p, why = name_similarity(nx, ny)
        if p:
            found.add("name", p, _similar_names, x, y, why)


def evidence(
    x: Profile, y: Profile, people_with: PeopleWith, explained: Explained | None = None, floor: float = 0.0,
) -> tuple[float, list[str]]:
    """Confidence that two identities are one human, with the reasons, strongest first.

    ``explained(p)``: the handles that the names of p's person account for (by default p's
    own); a handle its owner's name explains is no evidence for someone else whose name
    happens to fit it too. Below ``floor`` the reasons are not put into words."""
    confidence, found = judge(x, y, people_with, explained)
    return confidence, (found.reasons() if found is not None and confidence >= floor else [])


def judge(x: Profile, y: Profile, people_with: PeopleWith, explained: Explained | None = None,
          ) -> tuple[float, _Found | None]:
    """``evidence`` with the reasons not yet put into words: ``found.reasons()`` does that, for
    the few pairs that turn out to matter. ``found.one_account``: the two are one account."""
    explained = explained or (lambda p: p.derived.keys())
    if x.bot != y.bot:
        return 0.0, None
    found = _Found()
    same_account, compatible = one_account(x, y), names_compatible(x.name, y.name)
    _addresses(x, y, found, same_account, compatible)
    _handles(x, y, found, people_with, explained)
    _names(x, y, found, people_with)
    if not found:
        return 0.0, None
    miss = 1.0
    for entry in found.values():
        miss *= 1.0 - entry[0]
    confidence = 1.0 - miss
    if found.keys() <= _HANDLE_KINDS and _is_account(x) and _is_account(y) and len(found.handles or ()) < 2:
        confidence = min(confidence, HANDLES_ONLY)  # two accounts sharing only one handle: ask
    if compatible is False and not same_account:  # one account is one person
        confidence *= CONFLICT
        found.doubt(_names_differ, x, y)
    if x.login_key and y.login_key and not same_account:
        confidence *= TWO_ACCOUNTS
        found.doubt(_two_accounts, x, y)
    found.one_account = same_account
    return round(confidence, 4), found
