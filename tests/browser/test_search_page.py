"""Site-wide search in a real browser at phone size, with JavaScript off and on.

The visitor types in the header's box on the built home page, submits, sees the results
Django renders at /search/, narrows them with the one compact kind control, and goes to page
2; on a wide screen the kinds are tabs instead (Debian's Chromium driven by Playwright).
"""

import datetime
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.rich_text import RichText

from tests.factories import DistrictFactory, EnterpriseFactory, publish_news

pytestmark = [pytest.mark.engine, pytest.mark.build, pytest.mark.browser]

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
WIDE = {"viewport": {"width": 1280, "height": 800}}


@pytest.fixture
def search_site(transactional_db, news_index, live_server, search_engine, run_build, tmp_path):
    """Twelve news items and two enterprises on 食品 (two pages of 全部), indexed and built."""
    for number in range(1, 13):
        publish_news(
            news_index,
            title=f"红山区食品安全抽检结果第{number}期",
            slug=f"food-{number}",
            publication_date=datetime.date(2026, 3, number),
            body=[("paragraph", RichText(f"<p>本期抽检食品{number * 10}批次。</p>"))],
        )
    district = DistrictFactory(code="150402001", name="西屯街道")
    for name in ("赤峰红山鲜味食品有限公司", "赤峰红山放心食品商行"):
        EnterpriseFactory(name=name, district=district)
    with override_settings(SITE_OUTPUT_DIR=tmp_path):
        call_command("search_reindex", verbosity=0)
        assert run_build(live_server.url, tmp_path).returncode == 0
        yield live_server.url


def params(page) -> dict:
    return {name: values[-1] for name, values in parse_qs(urlparse(page.url).query).items()}


def ranks(page) -> list[int]:
    links = page.locator(".search-results a[data-rank]")
    return [int(rank) for rank in links.evaluate_all("links => links.map(a => a.dataset.rank)")]


def search_from_the_header(page, base: str) -> None:
    page.goto(base + "/")
    page.fill("#site-search", "食品")
    page.press("#site-search", "Enter")
    page.wait_for_url("**/search/?q=*")
    assert params(page) == {"q": "食品"}
    assert page.locator("#search-q").input_value() == "食品"
    assert ranks(page) == list(range(1, 11))
    assert "找到 14 条与“食品”相关的结果" in page.locator(".search-status").inner_text()
    # At phone size the kinds are one control, not a row of tabs; nothing overflows.
    assert page.locator(".search-tabs").is_hidden()
    assert page.locator("#search-kind").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["viewport"]["width"]


def kinds_shown(page) -> set[str]:
    return set(page.locator(".search-results .tag").all_inner_texts())


def to_page_two(page) -> None:
    page.locator(".search-pager a[rel=next]").click()
    page.wait_for_url("**page=2*")
    assert ranks(page) == [11, 12, 13, 14]
    assert page.locator(".search-pager a[aria-current=page]").inner_text() == "2"


def test_search_with_javascript_off_on_a_phone_and_tabs_on_a_wide_screen(search_site, browser):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    search_from_the_header(page, search_site)

    # The kind control needs its button without JavaScript.
    page.select_option("#search-kind", "enterprise")
    page.locator(".search-kind__apply").click()
    page.wait_for_url("**kind=enterprise*")
    assert params(page) == {"q": "食品", "kind": "enterprise"}
    assert kinds_shown(page) == {"企业名录"} and ranks(page) == [1, 2]
    assert page.locator("#search-kind").input_value() == "enterprise"

    page.goto(search_site + "/search/?q=%E9%A3%9F%E5%93%81")
    to_page_two(page)
    context.close()

    wide = browser.new_context(java_script_enabled=False, **WIDE).new_page()
    wide.goto(search_site + "/search/?q=%E9%A3%9F%E5%93%81")
    assert wide.locator(".search-kind").is_hidden()
    wide.locator(".search-tabs a", has_text="企业名录（2）").click()
    wide.wait_for_url("**kind=enterprise*")
    assert wide.locator(".search-tabs a[aria-current=page]").inner_text() == "企业名录（2）"
    assert kinds_shown(wide) == {"企业名录"}
    wide.context.close()


def test_search_with_javascript_on_a_phone(search_site, browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    errors: list[str] = []
    hosts: set[str] = set()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    search_from_the_header(page, search_site)
    # The script fills the header's box with the query and makes the select search at once.
    assert page.locator("#site-search").input_value() == "食品"
    assert page.locator(".search-kind__apply").is_hidden()

    page.select_option("#search-kind", "enterprise")
    page.wait_for_url("**kind=enterprise*")
    assert params(page) == {"q": "食品", "kind": "enterprise"}
    assert kinds_shown(page) == {"企业名录"}

    page.select_option("#search-kind", "")
    page.wait_for_url(lambda url: "kind=enterprise" not in url)
    assert params(page) == {"q": "食品"}
    assert ranks(page) == list(range(1, 11))
    to_page_two(page)

    # Clicks analytics' script may not exist yet: the page works without it.
    assert errors == []
    assert hosts == {urlparse(search_site).netloc}, f"requests left the site: {hosts}"
    context.close()
