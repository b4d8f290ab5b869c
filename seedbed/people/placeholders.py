"""Addresses that identify nobody in particular.

Pure. Importers attach identities to one person only on an address that passes
``is_personal_email``; ``seedbed.people.names`` and ``seedbed.people.resolve`` build the
rest of identity resolution on it.
"""
import re

_PLACEHOLDER_LOCALS = {
    "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "devnull", "nobody",
    "none", "unknown", "root", "user", "admin", "test", "example", "invalid", "null",
}
# On a shared provider these name nobody in particular; on someone's own domain
# (git@srimukh.com) they are that person's address.
_VANITY_LOCALS = {"mail", "email", "git", "github", "info", "me", "contact", "hello", "hi", "dev", "code"}
_SHARED_PROVIDERS = {
    "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "aol.com",
    "qq.com", "163.com", "126.com", "github.com", "gitlab.com", "users.noreply.gitlab.com",
}
_PLACEHOLDER_DOMAINS = {
    "localhost", "localhost.localdomain", "example.com", "example.org", "example.net",
    "none", "invalid", "(none)", "unknown", "local",
}
_NOREPLY_RE = re.compile(r"(^|[.+_-])no-?reply([.+_-]|$)")


def email_key(email: str) -> str:
    """The comparison key for an address: trimmed and lower-cased, otherwise as written."""
    return (email or "").strip().strip("<>").strip().lower()


def is_personal_email(email: str) -> bool:
    """True when an address can stand for one human; placeholders and relays cannot."""
    return is_personal_key(email_key(email))


def is_personal_key(key: str) -> bool:
    """``is_personal_email`` for an address already through ``email_key``."""
    if not key or "@" not in key or key.count("@") > 1:
        return False
    local, _, domain = key.rpartition("@")
    if not local or not domain or "(none)" in key:
        return False
    if domain in _PLACEHOLDER_DOMAINS or domain.endswith((".local", ".localdomain", ".invalid")):
        return False
    if domain == "users.noreply.github.com":
        return True  # GitHub's per-user relay: ID+login@ or login@ belongs to exactly one account
    if "." not in domain:
        return False  # a host name, e.g. root@buildbox
    if local in _PLACEHOLDER_LOCALS or _NOREPLY_RE.search(local) or "noreply" in domain:
        return False
    if local in _VANITY_LOCALS and domain in _SHARED_PROVIDERS:
        return False
    return True
