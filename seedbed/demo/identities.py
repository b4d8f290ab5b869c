"""The accounts people use on each platform, created the first time they act there.

Pure. Most people have one Person with an identity per platform they use (linked the way
Seedbed links them: by a shared personal e-mail address, or by the member themselves).
Some commit under a second spelling of their name with the same address (still one
Person), and some under another address or a placeholder, or write to the list in their
own script from another address: those are separate Person rows, one human, until a
merge. A few of those merges have already been made.
"""
from __future__ import annotations

import datetime as dt
import random

from seedbed.demo.population import Member
from seedbed.demo.records import PLATFORMS, Community, IdentityRecord, MergeRecord, PersonRecord
from seedbed.people.placeholders import email_key, is_personal_email

LEGACY_ENCODINGS = {"de": "iso-8859-1", "fr": "iso-8859-1", "es": "iso-8859-1", "pl": "iso-8859-2",
                    "uk": "koi8-u", "zh-CN": "gb2312", "ja": "iso-2022-jp", "ko": "euc-kr", "tr": "iso-8859-9"}
PROFILE_LINK = "the member linked this account on their Seedbed profile"


class IdentityBook:
    def __init__(self, rng: random.Random, community: Community, merged_share: float = 0.25) -> None:
        self.rng = rng
        self.c = community
        self.merged_share = merged_share
        self._by: dict[tuple[int, str, str], int] = {}
        self._emails: dict[int, list[str]] = {}  # person -> personal e-mail keys of their identities
        self._counters = {"discourse": 0, "zulip": 0}
        self._dup_identities: dict[int, list[int]] = {}
        self._taken: set[tuple[str, str, str]] = set()

    def get(self, m: Member, platform: str, s: int) -> int:
        """The identity ``m`` uses on ``platform`` at time ``s``."""
        variant = "main"
        if platform == "git":
            a, b = m.duplicate_window
            if m.duplicate_how and m.duplicate_how != "native-script" and a <= s <= b and self.rng.random() < 0.85:
                variant = "dup"
            elif m.git_alias and self.rng.random() < 0.3:
                variant = "alias"
        elif platform == "mbox" and m.duplicate_how == "native-script":
            a, b = m.duplicate_window
            if a <= s <= b and self.rng.random() < 0.85:
                variant = "dup"
        found = self._by.get((m.index, platform, variant))
        if found is None:
            found = self._by[(m.index, platform, variant)] = self._create(m, platform, variant)
        return found

    def peek(self, m: Member, platform: str) -> int | None:
        """The identity ``m`` mostly uses on ``platform``, if they have been there; creates nothing."""
        return self._by.get((m.index, platform, "main"))

    def _create(self, m: Member, platform: str, variant: str) -> int:
        rng = self.rng
        kind, instance, _ = PLATFORMS[platform]
        person = m.index
        name, email, username, external = m.display, m.email, "", ""
        if platform == "git":
            email = m.git_email
            if variant == "alias":
                name = m.git_alias
            key = f"{name} <{email}>"
        elif platform == "github":
            username, external = m.handle, str(m.service_id)
            email = m.email if rng.random() < 0.4 else ""
            key = external
        elif platform == "discourse":
            self._counters["discourse"] += rng.randint(1, 3)
            external = str(self._counters["discourse"])
            username = m.handle if rng.random() < 0.8 else m.handle.replace(".", "_") + rng.choice(["", "_", "1"])
            email, key = "", external
        elif platform == "zulip":
            self._counters["zulip"] += rng.randint(1, 4)
            external = str(self._counters["zulip"] + 100)
            if m.culture.has_native_script and rng.random() < 0.25:
                name = m.name.native()
            key = external
        elif platform == "mbox":
            if m.culture.has_native_script and rng.random() < 0.3:
                name = m.name.native()
            if rng.random() < 0.05:
                email = email[:1].upper() + email[1:]  # written with a capital; the key normalises it
            key = email
        elif platform == "weblate":
            username = key = m.handle
        else:  # events: attendee lists carry an e-mail address
            key = email
        if variant == "dup":
            person = self._duplicate_person(m)
            name, email = m.duplicate_name, m.duplicate_email
            key = f"{name} <{email}>" if platform == "git" else email
            if (kind, instance, key) in self._taken:  # two people with one name and one placeholder address
                email = m.duplicate_email = f"{m.handle}@{m.handle}-laptop.local"
                key = f"{name} <{email}>" if platform == "git" else email
        if (kind, instance, key) in self._taken:
            raise ValueError(f"demo identity {kind} {key!r} made twice")
        self._taken.add((kind, instance, key))
        identity = IdentityRecord(
            person=person, source_kind=kind, source_instance=instance, key=key[:600], username=username, email=email,
            name=name, external_id=external, email_key=email_key(email), link_reason=self._reason(person, email),
        )
        if platform == "mbox" and rng.random() < 0.08:
            identity.raw_encoding = LEGACY_ENCODINGS.get(m.culture.languages[0], "")
        self.c.identities.append(identity)
        index = len(self.c.identities) - 1
        if variant == "dup":
            self._dup_identities.setdefault(person, []).append(index)
        return index

    def _reason(self, person: int, email: str) -> str:
        seen = self._emails.setdefault(person, [])
        key = email_key(email)
        if not seen:
            reason = "first seen"
        elif is_personal_email(key) and key in seen:
            reason = f"same e-mail address as an existing identity ({key})"
        else:
            reason = PROFILE_LINK
        seen.append(key)
        return reason

    def _duplicate_person(self, m: Member) -> int:
        if m.duplicate is None:
            # Imported from the signature alone, so the row knows nothing but the name.
            self.c.people.append(PersonRecord(
                display_name=m.duplicate_name or m.duplicate_email.split("@")[0], culture=m.culture.code,
                lifecycle="duplicate", persona=m.persona,
            ))
            m.duplicate = len(self.c.people) - 1
            self.c.truth.same_human.append((m.index, m.duplicate, m.duplicate_how))
        return m.duplicate

    def record_merges(self, members: list[Member]) -> None:
        """Some duplicates were merged already: their identities now sit with the survivor."""
        for m in members:
            if m.duplicate is None or self.rng.random() >= self.merged_share:
                continue
            moved = self._dup_identities.get(m.duplicate, [])
            for index in moved:
                self.c.identities[index].person = m.index
            self.c.people[m.duplicate].merged_into = m.index
            absorbed = self.c.people[m.duplicate].display_name
            if m.duplicate_how in ("other-spelling", "placeholder-email"):
                method, reason = "mailmap", f"marigold/.mailmap maps {absorbed} <{m.duplicate_email}> to {m.display}"
            elif m.duplicate_how == "work-email":
                method, reason = "steward", f"{m.name.given.latin} confirmed that {m.duplicate_email} is their work address"
            else:
                method, reason = "steward", f"{m.name.given.latin} writes to the list as {absorbed}; confirmed with them"
            self.c.merges.append(MergeRecord(
                survivor=m.index, absorbed=m.duplicate, method=method, reason=reason, identities=list(moved),
                created_at=self.c.anchor - dt.timedelta(days=self.rng.randint(2, 60)), actor_label="demo history",
            ))

