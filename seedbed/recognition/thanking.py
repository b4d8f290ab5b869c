"""Which thank-you would fit this person? Pure: what they told us and the budget in, ordered
suggestions with reasons out.

What they want decides first (product rule: extrinsic rewards are never suggested by
default to people who report intrinsic motives):

* someone here to learn -> an introduction to a mentor, a seat at a workshop;
* someone looking for a job -> a letter of recommendation, a portfolio of their work;
* someone driven by a purpose -> the story of what their work changed;
* intrinsic motives -> personal, non-monetary thanks first; material rewards only if they
  said they like them.

Then the money: free options first; a paid one only if the remaining budget covers it.
Someone who said they do not want to be named publicly is never offered a public highlight.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from seedbed.recognition.kinds import THANKS_BY_CODE

STRONG = 3  # importance (0-4) from which a motive shapes the suggestions
RECENT = dt.timedelta(days=90)  # the same kind of thanks again so soon feels routine


@dataclass(frozen=True, slots=True)
class Motive:
    motive: str  # learn, career, purpose, belonging, fun
    importance: int  # 0-4
    orientation: int  # -2 intrinsic ... +2 extrinsic


@dataclass
class Recipient:
    motives: Sequence[Motive] = ()
    preferences: Sequence[str] = ()  # thanks kinds they said they like
    public_ok: bool = False  # consented to public listing
    received: Mapping[str, dt.date] = field(default_factory=dict)  # kind -> when last given


@dataclass(frozen=True, slots=True)
class Idea:
    kind: str
    label: str
    cost: Decimal
    reasons: tuple[str, ...]
    detail: str = ""  # e.g. "a seat at a workshop", "an introduction to a mentor"


_FOR_MOTIVE: dict[str, tuple[tuple[str, str, str], ...]] = {
    "learn": (("introduction", "an introduction to a mentor", "they are here to learn"),
              ("event-invitation", "a seat at a workshop", "they are here to learn")),
    "career": (("letter-of-recommendation", "", "they are looking for a job or a career step"),
               ("portfolio", "a page of their work they can show", "they are looking for a job or a career step")),
    "purpose": (("impact-story", "what their work changed, and for whom", "they are driven by a purpose"),),
    "belonging": (("dinner", "dinner with people from the community", "belonging to the community matters to them"),
                  ("event-invitation", "an invitation to the next community event",
                   "belonging to the community matters to them")),
}


def is_intrinsic(motives: Sequence[Motive]) -> bool:
    """They mostly do it for its own sake (an importance-weighted lean to the intrinsic side)."""
    weight = sum(m.importance for m in motives)
    return bool(weight) and sum(m.importance * m.orientation for m in motives) / weight < 0


def suggest(recipient: Recipient, remaining: Decimal | None, today: dt.date,
            costs: Mapping[str, Decimal] | None = None, limit: int = 4) -> list[Idea]:
    """Up to ``limit`` thank-you ideas, free ones first. ``remaining``: the budget left this
    period (None: no budget, so only free ideas); ``costs`` overrides the typical costs."""
    reasons: dict[str, list[str]] = {}
    details: dict[str, str] = {}

    def add(kind: str, reason: str, detail: str = "") -> None:
        reasons.setdefault(kind, [])
        if reason not in reasons[kind]:
            reasons[kind].append(reason)
        if detail and kind not in details:
            details[kind] = detail

    strong = sorted((m for m in recipient.motives if m.importance >= STRONG), key=lambda m: (-m.importance, m.motive))
    for m in strong:
        for kind, detail, reason in _FOR_MOTIVE.get(m.motive, ()):
            add(kind, reason, detail)
    for kind in recipient.preferences:
        if kind in THANKS_BY_CODE:
            add(kind, "they said they like it")
    add("personal-message", "a personal word always fits")
    intrinsic = is_intrinsic(recipient.motives)
    ideas = []
    for kind, why in reasons.items():
        spec = THANKS_BY_CODE[kind]
        cost = Decimal((costs or {}).get(kind, spec.typical_cost))
        liked = kind in recipient.preferences
        if kind == "public-highlight" and not recipient.public_ok:
            continue
        if spec.extrinsic and intrinsic and not liked:
            continue
        if cost > 0 and (remaining is None or cost > remaining):
            continue
        last = recipient.received.get(kind)
        if last is not None and today - last < RECENT and kind != "personal-message":
            continue
        if intrinsic and kind == "personal-message":
            why = [*why, "they do it for its own sake: personal thanks first"]
        ideas.append(Idea(kind, spec.label, cost, tuple(why), details.get(kind, "")))
    # Free first; then what fits them most (more reasons); personal thanks first for the intrinsic.
    ideas.sort(key=lambda i: (i.cost > 0, not (intrinsic and i.kind == "personal-message"), -len(i.reasons),
                              i.cost, i.kind))
    return ideas[:limit]
