"""Counts are kept 180 days (today included): the nightly purge deletes older rows, and the
report never shows them even before the purge ran."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.signals import day_started
from search.analytics.models import SearchClickDay, SearchQueryDay
from search.analytics.selectors import search_report
from search.analytics.services import analytics_purge

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 12)


def days_ago(n: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=n)


@pytest.fixture
def rows():
    for age, query in ((0, "今天"), (179, "第180天"), (180, "第181天"), (400, "去年")):
        SearchQueryDay.objects.create(day=days_ago(age), query=query, searches=5, zero_results=1)
        SearchClickDay.objects.create(day=days_ago(age), query=query, rank=2, clicks=3)


def kept() -> set[str]:
    return set(SearchQueryDay.objects.values_list("query", flat=True))


def test_the_purge_deletes_what_is_older_than_180_days(rows):
    assert analytics_purge(today=TODAY) == 4
    assert kept() == {"今天", "第180天"}
    assert set(SearchClickDay.objects.values_list("query", flat=True)) == {"今天", "第180天"}
    assert analytics_purge(today=TODAY) == 0


def test_the_purge_runs_when_the_day_starts(rows):
    answers = day_started.send_robust(sender=None, day=TODAY)
    assert any("4 rows past retention deleted" in str(answer) for _receiver, answer in answers)
    assert kept() == {"今天", "第180天"}


def test_the_command_purges_by_todays_date(rows):
    SearchQueryDay.objects.create(
        day=timezone.localdate() - datetime.timedelta(days=181), query="过期", searches=1
    )
    call_command("search_analytics_purge")
    assert "过期" not in kept()


def test_the_report_never_shows_older_rows_even_before_the_purge(rows):
    report = search_report(days=180, today=TODAY)
    assert report.start == days_ago(179)
    assert [row.query for row in report.top] == ["今天", "第180天"]
    assert report.searches == 10 and report.clicks == 6
