"""Names, addresses and handles in the forms identity resolution compares. Pure.

Everything is folded the same way: transliterated to ASCII with Unidecode (``Jérôme`` ->
``jerome``, ``Дмитрий`` -> ``dmitrii``, ``刘星雨`` -> ``liu xing yu``) and lower-cased. Raw
values are never replaced by these forms; they only decide which identities to compare.
"""
from __future__ import annotations

import re
from typing import NamedTuple
from functools import lru_cache

from unidecode import unidecode

from seedbed.people.placeholders import email_key, is_personal_key

# Bot accounts: `dependabot[bot]`, `renovate-bot`, `ci_bot`, GitHub Actions, CI users.
BOT_RE = re.compile(
    r"(\[bot\]|[-_ .]bot|^bot[-_ .].*)$|^(dependabot|renovate|github-actions|pre-commit-ci|greenkeeper|snyk-bot|"
    r"allcontributors|codecov|travis[-_ ]?ci|jenkins|gitlab[-_ ]ci|azure[-_ ]pipelines|buildbot|circleci)\b",
    re.IGNORECASE | re.MULTILINE,  # one search over name, local part and username, a line each
)

# Names that say nothing about who wrote something.
PLACEHOLDER_NAMES = frozenset({
    "", "unknown", "none", "null", "root", "ubuntu", "user", "admin", "administrator", "anonymous", "nobody",
    "no author", "no name", "your name", "name", "test", "git", "github", "runner", "localhost", "system",
    "system administrator", "default", "me", "author", "guest", "vagrant", "pi", "local",
})
# Words around a name that are not part of it: "Andrew Knyazev, Professor Emeritus".
TITLES = frozenset({
    "dr", "prof", "professor", "emeritus", "jr", "sr", "phd", "mr", "mrs", "ms", "mx", "ii", "iii", "iv", "md",
    "msc", "bsc", "esq", "sir",
})
# Local parts that many unrelated people use; they identify no one.
GENERIC_LOCALS = frozenset({
    "me", "mail", "email", "contact", "hello", "hi", "info", "dev", "developer", "admin", "root", "user", "github",
    "git", "gitlab", "code", "work", "office", "home", "private", "public", "personal", "team", "support", "test",
    "pypi", "python", "numpy", "scipy", "opensource", "oss", "foss", "hacker", "coder", "web", "post", "inbox",
    "spam", "junk", "nospam", "noreply", "ubuntu", "pi", "vagrant", "guest", "local", "name", "myname", "abc",
    "devnull", "nobody", "none", "unknown", "null", "bugfix", "anonymous", "build", "builder", "ci", "bot",
})
# Address providers that many unrelated people use: a shared domain says nothing there.
FREEMAIL = frozenset({
    "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "msn.com", "aol.com",
    "icloud.com", "me.com", "mac.com", "protonmail.com", "protonmail.ch", "proton.me", "pm.me", "gmx.de", "gmx.net",
    "gmx.com", "web.de", "posteo.de", "mailbox.org", "tutanota.com", "yandex.ru", "yandex.com", "mail.ru",
    "qq.com", "163.com", "126.com", "foxmail.com", "sina.com", "naver.com", "hanmail.net", "free.fr", "orange.fr",
    "laposte.net", "libero.it", "fastmail.com", "fastmail.fm", "zoho.com", "hey.com", "riseup.net", "seznam.cz",
    "users.noreply.github.com", "noreply.github.com", "users.noreply.gitlab.com", "rediffmail.com", "ymail.com",
})
_GITHUB_NOREPLY = re.compile(r"^(?:(\d+)\+)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\[bot\])?)@users\.noreply\.github\.com$")
_NON_LATIN = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f]")  # a letter outside Latin scripts
_OPENING = re.compile(r"[(\[{<]")
_BRACKETED = re.compile(r"[(\[{<]([^)\]}>]*)[)\]}>]?")
_NOT_HANDLE = re.compile(r"[^a-z0-9]")
_WORD = re.compile(r"[a-z0-9]+")
_LOCAL_WORDS = re.compile(r"[._-]+")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def fold(text: str) -> str:
    """ASCII, lower case: ``Jérôme`` -> ``jerome``; other scripts are transliterated."""
    return text.lower() if text.isascii() else unidecode(text).lower()


def handle_form(text: str) -> str:
    """A handle as compared: folded, letters and digits only (``Luz.Paz`` -> ``luzpaz``)."""
    return _NOT_HANDLE.sub("", fold(text))


def is_bot(name: str, email: str = "", username: str = "") -> bool:
    return is_bot_local(name, email_key(email).partition("@")[0] if email else "", username)


def is_bot_local(name: str, local: str, username: str = "") -> bool:
    """``is_bot`` for an address's local part already through ``email_key``."""
    return BOT_RE.search(f"{name.strip()}\n{local.strip()}\n{username.strip()}") is not None


class Name(NamedTuple):
    """A name as the resolver compares it. Build it with ``make_name``, which fills in the
    fields computed from the others (a NamedTuple: a million of them are made in a full run)."""

    tokens: tuple[str, ...] = ()  # folded words of two or more letters, in written order
    initials: tuple[str, ...] = ()  # single letters ("E. M. Bray" -> e, m)
    aliases: tuple[str, ...] = ()  # nicknames in brackets, as handles
    handle: str = ""  # the name written as one word ("jdoe", "luz.paz"), as a handle
    handle_parts: tuple[str, ...] = ()  # that word split at camel case and punctuation
    non_latin: bool = False  # written (partly) in a non-Latin script
    full: bool = False  # two or more words
    key: str = ""  # order-free: ``Li Wei`` and ``Wei Li`` share it
    letters: str = ""  # sorted letters: ``Xingyu Liu`` and ``Liu Xing Yu`` share them


def make_name(tokens: tuple[str, ...] = (), initials: tuple[str, ...] = (), aliases: tuple[str, ...] = (),
              handle: str = "", handle_parts: tuple[str, ...] = (), non_latin: bool = False) -> Name:
    full = len(tokens) >= 2
    return Name(tokens, initials, aliases, handle, handle_parts, non_latin, full,
                " ".join(sorted(tokens)) if full else "", "".join(sorted("".join(tokens))))


NO_NAME = Name()


@lru_cache(maxsize=1 << 20)  # names repeat a lot across identities and runs
def parse_name(raw: str) -> Name:
    text = (raw or "").strip()
    folded = fold(text)
    if folded in PLACEHOLDER_NAMES:
        return NO_NAME
    if "@" in text and " " not in text:  # an address written as the name
        return make_name(handle=handle_form(text.partition("@")[0]))
    aliases: tuple[str, ...] = ()
    if _OPENING.search(text):
        aliases = tuple(a for a in (handle_form(m) for m in _BRACKETED.findall(text)) if len(a) >= 3)
        text = _BRACKETED.sub(" ", text)
        folded = fold(text)
    if "," in text:  # "Flamm, Matthew H" or "Andrew Knyazev, Professor Emeritus"
        left, _, right = text.partition(",")
        right_words = fold(right).split()
        if right_words and not all(w.strip(".") in TITLES for w in right_words) and len(left.split()) == 1:
            text = f"{right} {left}"
        else:
            text = left
        folded = fold(text)
    non_latin = not text.isascii() and bool(_NON_LATIN.search(text))
    words = [w for w in folded.split() if w.strip(".") not in TITLES]
    if len(words) == 1 and not non_latin:
        word = text.split()[0] if text.split() else words[0]
        camel = [p for p in _CAMEL.findall(unidecode(word)) if not p.isdigit()]
        parts = tuple(p.lower() for p in camel if len(p) >= 2)
        if len(camel) == 2 and len(camel[0]) == 1 and len(camel[1]) >= 3 and camel[1][1:].islower():
            # "EGuesnet": an initial and a family name written as one word, as "E. Guesnet"
            return make_name((camel[1].lower(),), (camel[0].lower(),), aliases, handle_form(word), parts)
        return make_name(handle=handle_form(word), handle_parts=parts, aliases=aliases)
    tokens: list[str] = []
    initials: list[str] = []
    for part in _WORD.findall(" ".join(words)):
        if part.isdigit():
            continue
        (initials if len(part) == 1 else tokens).append(part)
    return make_name(tuple(tokens), tuple(initials), aliases, non_latin=non_latin)


@lru_cache(maxsize=1 << 20)
def name_handles(name: Name) -> dict[str, tuple[float, bool]]:
    """Handles people make from their name: handle -> (how telling a match is, spelled).

    ``Joel Nothman`` -> joelnothman and nothmanjoel (the name spelled out, ``spelled``), and
    the abbreviations jnothman and nothmanj; a username ``jnothman`` is evidence for
    Joel Nothman (the caller checks how common the handle is). The dict is shared (cached):
    do not change it.
    """
    if not name.full:
        return {}
    first, last = name.tokens[0], name.tokens[-1]
    middle = "".join(i for i in name.initials) + "".join(t[0] for t in name.tokens[1:-1])
    spelled = {"".join(name.tokens): 0.95, first + last: 0.95, last + first: 0.9}
    short = {first[0] + middle + last: 0.88, first[0] + last: 0.9, last + first[0]: 0.8}
    forms: dict[str, tuple[float, bool]] = {}
    for table, full in ((short, False), (spelled, True)):
        for h, p in table.items():
            if len(h) >= 4 and p >= forms.get(h, (0.0, False))[0]:
                forms[h] = (p, full)
    return forms


@lru_cache(maxsize=1 << 20)
def handles_of_name(raw: str) -> dict[str, tuple[float, bool]]:
    """``name_handles(parse_name(raw))``, cached by the name as written (cheaper to look up)."""
    return name_handles(parse_name(raw))


class Address(NamedTuple):
    key: str = ""
    kind: str = "none"  # personal | github | host | none
    local: str = ""  # handle form of the local part (without +tag), or the GitHub login
    domain: str = ""  # the organisation's domain when it says something (not freemail)
    mailbox: str = ""  # the address without a +tag: jdoe+github@x.org and jdoe@x.org reach one mailbox
    local_name: Name = NO_NAME  # a name written in the local part: jean.dupont@ -> Jean Dupont
    account_id: str = ""  # GitHub's account number in ID+login@users.noreply.github.com: a login may change, it not
    login: str = ""  # the GitHub login as written (lower case): ``vijay-sharma`` is not ``vijaysharma``


def _org_domain(domain: str) -> str:
    labels = domain.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3 else 2
    org = ".".join(labels[-keep:])
    return "" if org in FREEMAIL or domain in FREEMAIL else org


@lru_cache(maxsize=1 << 20)  # most addresses are one identity's, but a full run parses each twice or more
def parse_address(raw: str) -> Address:
    key = email_key(raw)
    if not key or key.count("@") != 1:
        return Address(key=key)
    local, _, domain = key.partition("@")
    github = _GITHUB_NOREPLY.match(key) if domain == "users.noreply.github.com" else None
    if github:
        login = github.group(2)
        return Address(key, "github", handle_form(login), account_id=github.group(1) or "", login=login)
    bare = local.partition("+")[0]
    handle = handle_form(bare)
    if handle in GENERIC_LOCALS or len(handle) < 2:
        handle = ""
    words = [w for w in _LOCAL_WORDS.split(bare) if w]
    local_name = parse_name(" ".join(words)) if 2 <= len(words) <= 3 and all(w.isalpha() for w in words) else NO_NAME
    if is_personal_key(key):
        return Address(key, "personal", handle, _org_domain(domain), f"{bare}@{domain}", local_name)
    if handle and re.search(r"[a-z]", domain) and "noreply" not in key and "no-reply" not in key:
        # a machine account such as ``minrk@Mercury.local``, ``jon@laptop.(none)`` or
        # ``dhuard@localhost``: nobody else's address, and its user name is a handle
        host = domain.split(".")[0]
        return Address(key, "host", handle, "" if host == "localhost" else "host:" + host, "", local_name)
    return Address(key)
