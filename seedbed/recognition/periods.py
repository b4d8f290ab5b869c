"""A period of days, as the commands and pages take it: ``--since`` and ``--until`` (inclusive)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from seedbed.core.errors import SeedbedError


@dataclass(frozen=True)
class Period:
    since: dt.date
    until: dt.date  # inclusive

    def __post_init__(self):
        if self.until < self.since:
            raise SeedbedError(f"the period ends ({self.until}) before it starts ({self.since})")

    @property
    def start(self) -> dt.datetime:
        return dt.datetime.combine(self.since, dt.time.min, tzinfo=timezone.get_current_timezone())

    @property
    def end(self) -> dt.datetime:
        """The first moment after the period."""
        return dt.datetime.combine(self.until + dt.timedelta(days=1), dt.time.min,
                                   tzinfo=timezone.get_current_timezone())

    def q(self, field: str = "occurred_at") -> Q:
        """``field`` falls in the period."""
        return Q(**{f"{field}__gte": self.start, f"{field}__lt": self.end})

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    def __str__(self) -> str:
        return f"{self.since} to {self.until}"

    @classmethod
    def parse(cls, since: str, until: str, *, what: str = "") -> Period:
        """From two YYYY-MM-DD strings; a clear error naming the bad one."""
        return cls(_date(since, f"{what}since"), _date(until, f"{what}until"))

    @classmethod
    def last_days(cls, days: int, today: dt.date | None = None) -> Period:
        today = today or timezone.localdate()
        return cls(today - dt.timedelta(days=days - 1), today)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date(value: str, name: str) -> dt.date:
    try:
        if not _ISO_DAY.fullmatch(value or ""):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise SeedbedError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None
