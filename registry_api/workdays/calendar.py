"""Working-day arithmetic over the official calendar (weekends, holidays, make-up days).

    calendar = WorkCalendar.load()            # one query: every exception in the database
    calendar.add(datetime.date(2026, 9, 30), 7)   # → 2026-10-16 (the National Day week off)
    calendar.between(start, end)              # working days after `start` up to `end`

Legal limits run "within N working days" of a day: the day itself does not count, the Nth
working day after it is the last day. Years the database has no arrangement for count
weekends only; `covers(year)` tells whether a year's arrangement is loaded.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from .models import CalendarDay

ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[datetime.date] = field(default_factory=frozenset)
    workdays: frozenset[datetime.date] = field(default_factory=frozenset)

    @classmethod
    def load(cls) -> WorkCalendar:
        holidays, workdays = set(), set()
        for day, kind in CalendarDay.objects.values_list("date", "kind"):
            (holidays if kind == CalendarDay.Kind.HOLIDAY else workdays).add(day)
        return cls(frozenset(holidays), frozenset(workdays))

    def covers(self, year: int) -> bool:
        return any(day.year == year for day in self.holidays)

    def is_working_day(self, day: datetime.date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def add(self, day: datetime.date, count: int) -> datetime.date:
        """The `count`-th working day after `day` (`day` itself never counts)."""
        if count < 0:
            raise ValueError("count must not be negative")
        while count:
            day += ONE_DAY
            if self.is_working_day(day):
                count -= 1
        return day

    def between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days after `start` up to and including `end` (negative if `end` is earlier)."""
        if end < start:
            return -self.between(end, start)
        count, day = 0, start
        while day < end:
            day += ONE_DAY
            count += self.is_working_day(day)
        return count
