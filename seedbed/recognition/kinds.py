"""The vocabulary of recognition: kinds of highlight and kinds of thank-you. Pure.

One list for the whole product: the member's "how I like to be thanked" choices, the
thanks ledger and the suggestions all use these codes.
"""
from __future__ import annotations

from dataclasses import dataclass

# What made a piece of work stand out: the quality signal that suggested it, or a nomination.
HIGHLIGHT_KINDS: dict[str, str] = {
    "nomination": "Nominated by a member",
    "merged-after-review": "Merged after review",
    "review": "A review that shaped a change",
    "accepted-answer": "Accepted answer",
    "support": "Help that worked",
    "first-contribution": "First contribution",
    "mentee-milestone": "A mentee's milestone",
    "translation-completed": "Translation completed",
    "event-organised": "Event organised",
    "talk": "Talk given",
}


@dataclass(frozen=True, slots=True)
class ThanksKind:
    code: str
    label: str  # in the ledger
    offer: str  # in the member's "how I like to be thanked" choices
    typical_cost: int  # in the budget's currency; 0 for the free ones
    extrinsic: bool  # a material reward: never suggested by default to people who report intrinsic motives


THANKS_KINDS: tuple[ThanksKind, ...] = (
    ThanksKind("personal-message", "Personal message", "A personal note or message", 0, False),
    ThanksKind("public-highlight", "Public highlight", "A public mention of my work", 0, False),
    ThanksKind("impact-story", "Story of the impact", "Hearing what my work changed for people", 0, False),
    ThanksKind("introduction", "Introduction", "An introduction to someone", 0, False),
    ThanksKind("invitation-to-speak", "Invitation to speak", "An invitation to speak", 0, False),
    ThanksKind("letter-of-recommendation", "Letter of recommendation", "A letter of recommendation", 0, False),
    ThanksKind("portfolio", "Portfolio of their work", "A portfolio of my work I can show", 0, False),
    ThanksKind("certificate", "Certificate", "A certificate", 0, True),
    ThanksKind("event-invitation", "Invitation to an event", "An invitation to an event or workshop", 50, False),
    ThanksKind("dinner", "Dinner", "Dinner with the community", 60, False),
    ThanksKind("swag", "Swag", "Swag (stickers, T-shirts)", 25, True),
    ThanksKind("travel", "Travel support", "Help to travel to an event", 600, True),
)
THANKS_BY_CODE: dict[str, ThanksKind] = {k.code: k for k in THANKS_KINDS}
FREE_THANKS: frozenset[str] = frozenset(k.code for k in THANKS_KINDS if k.typical_cost == 0)
