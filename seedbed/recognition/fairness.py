"""Is recognition fair? Concentration of recognition beside concentration of the work, and who
or what goes unrecognised. Pure: counts in, figures out.

The figures (all over one period):

* ``top10_activity_share``: the share of the period's activities made by the 10 % most
  active people (at least one person; ties broken by person id, so it is reproducible);
* ``top10_recognition_share``: the share of the period's confirmed highlights that went to
  those same people;
* ``activity_gini`` and ``recognition_gini``: Gini coefficients over the people recognised at
  least once in the period, of their activities and of their confirmed highlights.

Recognition "piles up" when it is more concentrated than the work it recognises.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

TOP_FRACTION = 0.10
UNDER = 0.5  # a share of recognition below half its share of the work is under-recognised


def gini(values: Iterable[float]) -> float:
    """The Gini coefficient of non-negative values: 0 when all are equal, towards 1 when one
    holds everything. 0 for no values or a zero total."""
    xs = sorted(v for v in values)
    if any(v < 0 for v in xs):
        raise ValueError("gini needs non-negative values")
    n, total = len(xs), sum(xs)
    if n == 0 or total == 0:
        return 0.0
    weighted = sum((i + 1) * v for i, v in enumerate(xs))
    return (2 * weighted) / (n * total) - (n + 1) / n


def top_people(activity: Mapping[int, int], fraction: float = TOP_FRACTION) -> list[int]:
    """The most active ``fraction`` of the active people (at least one), most active first."""
    active = [p for p, n in activity.items() if n > 0]
    if not active:
        return []
    k = max(1, math.ceil(fraction * len(active)))
    return sorted(active, key=lambda p: (-activity[p], p))[:k]


@dataclass(frozen=True, slots=True)
class Concentration:
    top10_activity_share: float
    top10_recognition_share: float
    activity_gini: float
    recognition_gini: float
    active_people: int
    recognised_people: int

    @property
    def piles_up(self) -> bool:
        """Recognition is more concentrated than the work."""
        return (self.top10_recognition_share > self.top10_activity_share
                or self.recognition_gini > self.activity_gini)


def concentration(activity: Mapping[int, int], recognition: Mapping[int, int]) -> Concentration:
    """``activity``: person -> activities in the period; ``recognition``: person -> confirmed
    highlights in the period."""
    top = top_people(activity)
    total_activity = sum(activity.values())
    total_recognition = sum(recognition.values())
    recognised = [p for p, n in recognition.items() if n > 0]
    return Concentration(
        top10_activity_share=_share(sum(activity[p] for p in top), total_activity),
        top10_recognition_share=_share(sum(recognition.get(p, 0) for p in top), total_recognition),
        activity_gini=gini(activity.get(p, 0) for p in recognised),
        recognition_gini=gini(recognition[p] for p in recognised),
        active_people=len([p for p, n in activity.items() if n > 0]),
        recognised_people=len(recognised),
    )


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


@dataclass(frozen=True, slots=True)
class Gap:
    """One category (a contribution type, a group, a region, newcomers) and how much of the
    work and of the recognition it had."""

    dimension: str
    category: str
    activity_share: float
    recognition_share: float
    activities: int
    highlights: int

    @property
    def under_recognised(self) -> bool:
        return self.recognition_share < UNDER * self.activity_share


def gaps(dimension: str, activity: Mapping[str, int], recognition: Mapping[str, int]) -> list[Gap]:
    """Every category of one dimension with work in the period, least recognised for its work
    first. Categories are compared by shares, so a big group is not "under-recognised" for
    being big."""
    total_a, total_r = sum(activity.values()), sum(recognition.values())
    rows = [Gap(dimension, c, _share(n, total_a), _share(recognition.get(c, 0), total_r), n, recognition.get(c, 0))
            for c, n in activity.items() if n > 0]
    return sorted(rows, key=lambda g: (g.recognition_share - g.activity_share, g.category))


@dataclass
class Fairness:
    concentration: Concentration
    unthanked: list[int]  # active in the period, never thanked or highlighted (ever), by person id
    gaps: list[Gap] = field(default_factory=list)
    recognised_types: list[str] = field(default_factory=list)

    @property
    def under_recognised(self) -> list[Gap]:
        return [g for g in self.gaps if g.under_recognised]


def assess(activity: Mapping[int, int], recognition: Mapping[int, int], ever_recognised: Iterable[int],
           dimensions: Sequence[tuple[str, Mapping[str, int], Mapping[str, int]]] = (),
           recognised_types: Iterable[str] = ()) -> Fairness:
    """The fairness view of one period. ``ever_recognised``: people thanked or highlighted at
    any time; ``dimensions``: (name, activities per category, highlights per category)."""
    ever = set(ever_recognised)
    unthanked = sorted(p for p, n in activity.items() if n > 0 and p not in ever)
    found = [g for name, acts, recs in dimensions for g in gaps(name, acts, recs)]
    return Fairness(concentration(activity, recognition), unthanked, found, sorted(set(recognised_types)))
