"""Working days over the official calendar: weekends, holidays and make-up working days."""

import datetime

import pytest

from registry_api.workdays.calendar import WorkCalendar
from registry_api.workdays.models import CalendarDay
from registry_api.workdays.reference_data import load_holidays

D = datetime.date


@pytest.fixture
def calendar(db):
    load_holidays()
    return WorkCalendar.load()


def test_weekends_only_where_no_arrangement_is_loaded():
    calendar = WorkCalendar()
    # Friday 2027-03-05 + 1 working day = Monday 03-08
    assert calendar.add(D(2027, 3, 5), 1) == D(2027, 3, 8)
    assert calendar.between(D(2027, 3, 5), D(2027, 3, 12)) == 5
    assert not calendar.covers(2027)


def test_national_day_week_is_skipped_and_make_up_saturday_counts(calendar):
    # 2026-09-30 (Wed) + 7 working days: 10-01..07 off, Sat 10-10 worked.
    # Working days after 09-30: 10-08 (Thu), 10-09 (Fri), 10-10 (Sat, make-up), 10-12..10-15.
    assert calendar.add(D(2026, 9, 30), 7) == D(2026, 10, 15)
    assert calendar.is_working_day(D(2026, 10, 10))
    assert not calendar.is_working_day(D(2026, 10, 5))
    assert calendar.covers(2026)


def test_spring_festival(calendar):
    # Friday 2026-02-13; Sat 02-14 is worked; 02-15..23 off; next working days 02-24...
    assert calendar.add(D(2026, 2, 13), 1) == D(2026, 2, 14)
    assert calendar.add(D(2026, 2, 13), 2) == D(2026, 2, 24)
    assert calendar.between(D(2026, 2, 13), D(2026, 2, 28)) == 6  # 14, 24, 25, 26, 27, 28


def test_between_is_the_inverse_of_add(calendar):
    start = D(2025, 12, 20)
    for days in (1, 7, 15, 45):
        assert calendar.between(start, calendar.add(start, days)) == days
    assert calendar.between(D(2026, 1, 10), D(2026, 1, 5)) == -calendar.between(
        D(2026, 1, 5), D(2026, 1, 10)
    )


def test_the_day_itself_never_counts(calendar):
    assert calendar.add(D(2026, 11, 27), 0) == D(2026, 11, 27)
    assert calendar.add(D(2026, 11, 27), 1) == D(2026, 11, 30)  # Friday → Monday


def test_holidays_are_data_an_administrator_can_add(calendar, db):
    assert calendar.add(D(2027, 1, 1), 1) == D(2027, 1, 1) + datetime.timedelta(days=3)
    CalendarDay.objects.create(date=D(2027, 1, 4), kind=CalendarDay.Kind.HOLIDAY, name="测试")
    assert WorkCalendar.load().add(D(2027, 1, 1), 1) == D(2027, 1, 5)


def test_loading_twice_changes_nothing(db):
    assert load_holidays() > 0
    assert load_holidays() == 0
