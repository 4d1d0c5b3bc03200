"""search-clicks.js in a real browser: following a result of the search over all kinds sends
its rank; a kind's tab and a page without JavaScript send nothing (Debian's Chromium)."""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.rich_text import RichText

from search.analytics.models import SearchClickDay, SearchQueryDay
from search.analytics.recording import analytics_flush
from tests.factories import publish_news
from tests.playwright_db import read_db

pytestmark = [pytest.mark.engine, pytest.mark.build, pytest.mark.browser]

SEARCH = "/search/?q=%E9%A3%9F%E5%93%81"  # 食品


@pytest.fixture
def search_site(transactional_db, news_index, live_server, search_engine, run_build, tmp_path):
    for number in range(1, 5):
        publish_news(
            news_index,
            title=f"红山区食品安全抽检结果第{number}期",
            slug=f"food-{number}",
            publication_date=datetime.date(2026, 3, number),
            body=[("paragraph", RichText(f"<p>本期抽检食品{number * 10}批次。</p>"))],
        )
    with override_settings(SITE_OUTPUT_DIR=tmp_path):
        call_command("search_reindex", verbosity=0)
        assert run_build(live_server.url, tmp_path).returncode == 0
        yield live_server.url


def stored_clicks() -> dict:
    def flush_and_read():
        analytics_flush()
        return {
            (row.query, row.rank): row.clicks
            for row in SearchClickDay.objects.filter(day=timezone.localdate())
        }

    return read_db(flush_and_read)


def follow(page, base: str, path: str, rank: int) -> None:
    page.goto(base + path)
    with page.expect_navigation():
        page.locator(f'.search-results a[data-rank="{rank}"]').click()


def clicks_when(page, expected: dict) -> dict:
    """The stored clicks once they are `expected`, or as they are after five seconds: the
    beacon is sent as the page leaves and may land a moment after the next page loads."""
    for _ in range(50):
        clicks = stored_clicks()
        if clicks == expected:
            return clicks
        page.wait_for_timeout(100)
    return stored_clicks()


def test_a_followed_result_is_counted_by_rank_only_with_javascript(search_site, browser):
    without_js = browser.new_context(java_script_enabled=False).new_page()
    follow(without_js, search_site, SEARCH, 1)
    without_js.context.close()

    page = browser.new_context().new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    follow(page, search_site, SEARCH + "&kind=news", 4)  # a tab: the same search narrowed
    follow(page, search_site, SEARCH, 2)
    # Only this click counts; the two before it, had they sent anything, sent it earlier.
    assert clicks_when(page, {("食品", 2): 1}) == {("食品", 2): 1}
    follow(page, search_site, SEARCH, 2)
    assert clicks_when(page, {("食品", 2): 2}) == {("食品", 2): 2}
    page.context.close()
    assert errors == []
    # Each results page of all kinds was one search; the tab was not.
    assert read_db(lambda: SearchQueryDay.objects.get(query="食品").searches) == 3
