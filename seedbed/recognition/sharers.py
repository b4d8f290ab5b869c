"""Knowledge sharers: people whose work is mostly helping others, and how to support them. Pure.

Helping others is answering questions, reviewing, writing docs and tutorials, giving talks,
mentoring and welcoming. Someone qualifies when most of their work in the period was of
those kinds, with enough of it to be a habit. The list is meant for a conversation, not a
contest: it is sorted by name, and shows the kinds of help, not how much.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

HELPING = ("question", "support", "review", "doc", "tutorial", "talk", "mentoring", "welcoming")
MOSTLY = 0.5  # share of their work in the period
HABIT = 5  # helping activities in the period, at least


@dataclass(frozen=True, slots=True)
class Opportunity:
    role: str  # talk-slot, mentor, organiser
    label: str
    reason: str


@dataclass(frozen=True, slots=True)
class Sharer:
    person: int
    name: str
    helping_types: tuple[str, ...]  # the kinds of help they gave, in HELPING's order
    opportunities: tuple[Opportunity, ...]


@dataclass(frozen=True, slots=True)
class Roles:
    """What the person already does, so that nothing they have is suggested to them."""

    mentor: bool = False
    organiser: bool = False
    speaker: bool = False  # has given a talk


def find(work: Mapping[int, Mapping[str, int]], names: Mapping[int, str],
         roles: Mapping[int, Roles]) -> list[Sharer]:
    """``work``: person -> contribution type -> activities in the period."""
    found = []
    for person, types in work.items():
        total = sum(types.values())
        helping = {t: types.get(t, 0) for t in HELPING if types.get(t, 0) > 0}
        if not total or sum(helping.values()) < HABIT or sum(helping.values()) / total < MOSTLY:
            continue
        found.append(Sharer(person, names.get(person, f"person {person}"), tuple(helping),
                            _opportunities(helping, roles.get(person, Roles()))))
    return sorted(found, key=lambda s: (s.name.casefold(), s.person))


def _opportunities(helping: Mapping[str, int], roles: Roles) -> tuple[Opportunity, ...]:
    out = []
    explains = [t for t in ("question", "support", "doc", "tutorial") if t in helping]
    if not roles.speaker and explains:
        out.append(Opportunity("talk-slot", "A talk slot at the next event",
                               "they already explain things to people one at a time; a talk reaches many more"))
    if not roles.mentor and any(t in helping for t in ("review", "question", "support", "welcoming")):
        out.append(Opportunity("mentor", "A mentor role",
                               "their reviews and answers already guide others; mentoring makes it recognised"))
    if not roles.organiser and any(t in helping for t in ("talk", "welcoming", "mentoring")):
        out.append(Opportunity("organiser", "A co-organiser role in a local team or group",
                               "they bring people in and share on stage; an organiser team needs exactly that"))
    return tuple(out)
