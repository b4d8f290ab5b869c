"""Recent open items that people answer, review, reply to or welcome. Pure."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from seedbed.demo.population import DAY


@dataclass(slots=True)
class Item:
    """Something recent that others may answer, review, reply to or welcome."""

    index: int  # activity
    s: int
    person: int  # member index, or -1 for a bot
    platform: str
    key: str
    thread: str
    channel: str
    ctype: str
    url: str = ""
    title: str = ""
    answers: list[int] = field(default_factory=list)
    extra: dict = field(default_factory=dict)


class Pool:
    """Open items of one sort, oldest first; items older than ``window`` seconds drop out."""

    def __init__(self, window_days: float) -> None:
        self.items: list[Item] = []
        self.head = 0
        self.window = int(window_days * DAY)

    def add(self, item: Item) -> None:
        self.items.append(item)

    def pick(self, rng: random.Random, now: int, not_by: int, tries: int = 3) -> Item | None:
        """A random recent item not by ``not_by``, preferring those with fewer answers."""
        while self.head < len(self.items) and self.items[self.head].s < now - self.window:
            self.head += 1
        size = len(self.items) - self.head
        if size <= 0:
            return None
        best = None
        for _ in range(tries):
            item = self.items[self.head + int(rng.random() * size)]
            if item.person != not_by and item.s <= now and (best is None or len(item.answers) < len(best.answers)):
                best = item
        return best
