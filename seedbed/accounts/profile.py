"""A member edits their own profile: the use cases behind /account/profile/.

No request objects here: the views pass the person's id and plain values. Each change is
validated as a whole and saved in one transaction, so a refused change writes nothing; the
errors come back as a ``ValidationError`` keyed by field, in words for people.

Motivation keeps its history: saving adds a ``Motivation`` row (source "self") only for a
motive whose answer changed. A declared break that has ended stays as history.
"""
from __future__ import annotations

import re
import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from seedbed.people.models import DeclaredBreak, Motivation, Motive, Person, Visibility
from seedbed.recognition.kinds import THANKS_KINDS as RECOGNITION_THANKS

# The kinds of thanks a member may say they like, in the order the form offers them: the
# thanks ledger's own kinds (seedbed.recognition.kinds), worded for the member.
THANKS_KINDS: tuple[tuple[str, str], ...] = tuple((k.code, k.offer) for k in RECOGNITION_THANKS)

# The self-reported fields whose visibility the member sets (keys of Person.field_visibility).
SELF_REPORTED: tuple[tuple[str, str], ...] = (
    ("pronouns", "Pronouns"),
    ("availability", "Availability"),
    ("breaks", "Breaks"),
    ("motivation", "Motivation"),
    ("thanks_preferences", "How I like to be thanked"),
)

IMPORTANCE: tuple[tuple[int, str], ...] = (
    (0, "Not at all"), (1, "A little"), (2, "Somewhat"), (3, "Much"), (4, "Very much"),
)

# Loosely BCP 47: a language subtag, then subtags of 1-8 letters or digits (pt-BR, zh-Hant, es-419).
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")

_TEXT_FIELDS = {"display_name": 200, "pronouns": 50, "time_zone": 64, "availability": 200, "thanks_note": 2000}
_LIST_FIELDS = ("languages", "interests", "skills", "thanks_preferences")
_CONSENT_FIELDS = ("consent_public_listing", "consent_contact")
_LABELS = {
    "display_name": "display name", "pronouns": "pronouns", "time_zone": "time zone", "languages": "languages",
    "interests": "interests", "skills": "skills", "availability": "availability",
    "thanks_preferences": "how you like to be thanked", "thanks_note": "your note on thanks",
    "consent_public_listing": "consent", "consent_contact": "consent", "field_visibility": "who sees what",
}


@lru_cache(maxsize=1)
def time_zones() -> frozenset[str]:
    """Every IANA time zone name this system knows."""
    return frozenset(zoneinfo.available_timezones())


def split_list(text: str | Iterable[str]) -> list[str]:
    """``"a, b ,, A"`` -> ``["a", "b"]``: trimmed, blanks dropped, de-duplicated ignoring case."""
    items = text.split(",") if isinstance(text, str) else text
    seen: dict[str, str] = {}
    for item in items:
        item = " ".join(str(item).split())
        if item and item.casefold() not in seen:
            seen[item.casefold()] = item
    return list(seen.values())


def normalise_language(tag: str) -> str:
    """``pt-br`` -> ``pt-BR``, ``ZH-hant`` -> ``zh-Hant``: the usual case of each subtag."""
    parts = tag.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)


def current_motivation(person_id: int) -> dict[str, int]:
    """The newest answer per motive (from any source): motive -> importance 0-4."""
    return {motive: answer.importance for motive, answer in Motivation.objects.current(person_id).items()}


@dataclass
class Changes:
    """What a save changed: Person fields, motives answered anew, and whether consent changed."""

    fields: list[str] = field(default_factory=list)
    motives: list[str] = field(default_factory=list)
    consent: bool = False

    def __bool__(self) -> bool:
        return bool(self.fields or self.motives)

    def describe(self) -> str:
        """``"time zone, motivation and consent"``."""
        labels = list(dict.fromkeys(_LABELS.get(name, name) for name in self.fields))
        if self.motives:
            labels.append("motivation")
        return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _clean(person: Person, data: Mapping, errors: dict[str, list[str]]) -> dict:
    """The validated new values of the Person fields present in ``data``."""
    clean: dict = {}
    for name, limit in _TEXT_FIELDS.items():
        if name in data:
            value = str(data[name] or "").strip()
            if name == "thanks_note":
                value = value.replace("\r\n", "\n")
            if len(value) > limit:
                errors.setdefault(name, []).append(f"Please keep this to {limit} characters (it has {len(value)}).")
            clean[name] = value
    if "display_name" in clean and not clean["display_name"]:
        errors.setdefault("display_name", []).append("Please give the name you want to be known by.")
    if clean.get("time_zone") and clean["time_zone"] not in time_zones():
        errors.setdefault("time_zone", []).append(
            f"“{clean['time_zone']}” is not a time zone we know; pick one from the list, e.g. Europe/Berlin.")
    for name in _LIST_FIELDS:
        if name in data:
            clean[name] = split_list(data[name] or [])
            too_long = [item for item in clean[name] if len(item) > 100]
            if too_long:
                errors.setdefault(name, []).append(f"Please keep each entry under 100 characters: “{too_long[0][:40]}…”.")
    if "languages" in clean:
        bad = [tag for tag in clean["languages"] if not _LANGUAGE_TAG.match(tag)]
        if bad:
            errors.setdefault("languages", []).append(
                f"Not a language tag: {', '.join('“' + b + '”' for b in bad)}. Use tags like en, pt-BR or zh-Hant.")
        else:
            clean["languages"] = split_list(normalise_language(tag) for tag in clean["languages"])
    if "thanks_preferences" in clean:
        known = dict(THANKS_KINDS)
        unknown = [kind for kind in clean["thanks_preferences"] if kind not in known]
        if unknown:
            errors.setdefault("thanks_preferences", []).append(f"Not a kind of thanks we offer: {', '.join(unknown)}.")
        else:  # in the order the form offers them
            clean["thanks_preferences"] = [code for code, _ in THANKS_KINDS if code in clean["thanks_preferences"]]
    for name in _CONSENT_FIELDS:
        if name in data:
            clean[name] = bool(data[name])
    if "visibility" in data:
        chosen = dict(data["visibility"] or {})
        fields = dict(SELF_REPORTED)
        for key, value in chosen.items():
            if key not in fields:
                errors.setdefault("visibility", []).append(f"“{key}” is not a field whose visibility you set.")
            elif value not in Visibility.values:
                errors.setdefault(f"visibility_{key}", []).append(
                    f"Choose who sees your {fields[key].lower()}: " + ", ".join(Visibility.labels).lower() + ".")
        # only what differs from the current setting: keeping the default is no change
        changed = {key: value for key, value in chosen.items() if person.visibility_of(key) != value}
        clean["field_visibility"] = {**person.field_visibility, **changed}
    return clean


def _clean_motivation(data: Mapping, errors: dict[str, list[str]]) -> dict[str, int]:
    answers: dict[str, int] = {}
    for motive, importance in (data.get("motivation") or {}).items():
        if motive not in Motive.values:
            errors.setdefault("motivation", []).append(f"“{motive}” is not a motive we ask about.")
            continue
        if importance is None or importance == "":
            continue  # not answered: the earlier answer (if any) stands
        try:
            value = int(importance)
        except (TypeError, ValueError):
            value = -1
        if not 0 <= value <= 4:
            errors.setdefault(f"motive_{motive}", []).append("Choose from 0 (not at all) to 4 (very much).")
        else:
            answers[motive] = value
    return answers


def update_profile(person_id: int, data: Mapping, *, now: datetime | None = None) -> Changes:
    """Validate and save what the member changed; only the keys present in ``data`` are touched.

    ``data`` holds Person fields (display_name, pronouns, time_zone, languages, interests,
    skills, availability, thanks_preferences, thanks_note, consent_public_listing,
    consent_contact), ``visibility`` (self-reported field -> Visibility value) and
    ``motivation`` (motive -> importance 0-4, or None for no answer). Lists may be given as
    comma-separated text. Raises ``ValidationError`` (keyed by field) and saves nothing when
    anything is wrong.
    """
    now = now or timezone.now()
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person_id)
        errors: dict[str, list[str]] = {}
        clean = _clean(person, data, errors)
        answers = _clean_motivation(data, errors)
        if errors:
            raise ValidationError(errors)
        changes = Changes()
        for name, value in clean.items():
            if getattr(person, name) != value:
                setattr(person, name, value)
                changes.fields.append(name)
        if any(name in changes.fields for name in _CONSENT_FIELDS):
            person.consent_updated_at = now
            changes.consent = True
        if changes.fields:
            person.save(update_fields=[*changes.fields, *(["consent_updated_at"] if changes.consent else [])])
        current = current_motivation(person_id)
        orientations = dict(
            Motivation.objects.filter(person_id=person_id).order_by("motive", "reported_at", "id")
            .values_list("motive", "orientation")  # the newest wins
        )
        for motive in Motive.values:
            if motive in answers and current.get(motive) != answers[motive]:
                Motivation.objects.create(person_id=person_id, motive=motive, importance=answers[motive],
                                          orientation=orientations.get(motive, 0), reported_at=now, source="self")
                changes.motives.append(motive)
        return changes


def add_break(person_id: int, starts_on: date | None, ends_on: date | None = None, note: str = "") -> DeclaredBreak:
    """Declare a break (to date optional: open-ended). Raises ``ValidationError`` keyed by field."""
    note = " ".join((note or "").split())
    errors: dict[str, list[str]] = {}
    if starts_on is None:
        errors["starts_on"] = ["When does the break start?"]
    elif ends_on is not None and ends_on < starts_on:
        errors["ends_on"] = ["The break cannot end before it starts."]
    if len(note) > 300:
        errors["note"] = [f"Please keep the note to 300 characters (it has {len(note)})."]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        Person.objects.select_for_update().get(pk=person_id)
        return DeclaredBreak.objects.create(person_id=person_id, starts_on=starts_on, ends_on=ends_on, note=note)


def has_ended(declared: DeclaredBreak, today: date) -> bool:
    return declared.ends_on is not None and declared.ends_on < today


def remove_break(person_id: int, break_id: int, *, today: date | None = None) -> DeclaredBreak:
    """Remove one of the member's own breaks that has not ended (an ended one stays as history)."""
    today = today or timezone.localdate()
    with transaction.atomic():
        found = DeclaredBreak.objects.select_for_update().filter(person_id=person_id, pk=break_id).first()
        if found is None:
            raise ValidationError("There is no such break on your profile.")
        if has_ended(found, today):
            raise ValidationError("A break that has ended stays as history and cannot be removed.")
        found.delete()
        return found
