"""Quarters of the assessment ("2026Q4"): their first and last days, labels and neighbours."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

PATTERN = re.compile(r"^\s*(\d{4})\s*[Qq]\s*([1-4])\s*$")
NUMERALS = "一二三四"


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """ "2026Q4" (or "2026q4"); a clear Chinese error otherwise."""
        match = PATTERN.match(text or "")
        if not match:
            raise ValidationError(f"季度格式应为“2026Q4”，收到“{text}”。", code="quarter")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: datetime.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def current(cls) -> Quarter:
        return cls.of(timezone.localdate())

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> datetime.date:
        return self.next().start - datetime.timedelta(days=1)

    def next(self) -> Quarter:
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def previous(self) -> Quarter:
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )

    def instants(self) -> tuple[datetime.datetime, datetime.datetime]:
        """[start, next start) as aware local instants, for `submitted_at`-like fields."""

        def midnight(day):
            return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))

        return midnight(self.start), midnight(self.next().start)

    @property
    def label(self) -> str:
        return f"{self.year}年第{NUMERALS[self.number - 1]}季度"

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"


def recent_quarters(count: int = 8) -> list[Quarter]:
    """The current quarter and the ones before it, newest first (the admin's quarter picker)."""
    quarters = [Quarter.current()]
    while len(quarters) < count:
        quarters.append(quarters[-1].previous())
    return quarters
