"""The public site in a real browser (Debian's Chromium driven by Playwright).

Builds the site from the live API, then searches the way a visitor does: the header's search
box, the results page Django renders at /search/, highlighted results, no third-party
requests.
"""

from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.factories import DistrictFactory, EnterpriseFactory, publish_news

pytestmark = [pytest.mark.engine, pytest.mark.build, pytest.mark.browser]


@pytest.fixture
def built_site(transactional_db, news_index, live_server, search_engine, run_build, tmp_path):
    EnterpriseFactory(district=DistrictFactory(), name="赤峰市红山区鸿山食品有限公司")
    page = publish_news(news_index, title="红山区召开小微企业座谈会", summary="听取企业意见。")
    with override_settings(SITE_OUTPUT_DIR=tmp_path):
        call_command("search_reindex", verbosity=0)
        assert run_build(live_server.url, tmp_path).returncode == 0
        yield live_server.url, page


def test_visitor_searches_from_the_home_page(built_site, browser_page):
    base, page = built_site
    hosts = set()
    browser_page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))

    browser_page.goto(base + "/")
    assert "红山区市场监督管理局" in browser_page.locator("header").inner_text()
    browser_page.fill("#site-search", "红山")
    browser_page.press("#site-search", "Enter")

    browser_page.wait_for_selector(".search-results li")
    results = browser_page.locator(".search-results li")
    text = results.all_inner_texts()
    assert any("红山区召开小微企业座谈会" in item for item in text)
    assert any("鸿山食品" in item or "红山" in item for item in text)
    assert browser_page.locator(".search-results em").count() > 0

    browser_page.locator(".search-results a", has_text="红山区召开小微企业座谈会").first.click()
    browser_page.wait_for_url(f"**/news/{page.id}/")
    assert browser_page.locator("h1").inner_text() == "红山区召开小微企业座谈会"

    assert hosts == {urlparse(base).netloc}, f"requests left the site: {hosts}"


def test_pages_work_without_javascript(built_site, browser_page):
    base, _ = built_site
    context = browser_page.context.browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/enterprises/")
    assert page.locator("main a[href^='/enterprises/9']").count() >= 1
    page.goto(base + "/search/?q=红山")  # answered by Django (cms/search_page.py)
    assert "红山区召开小微企业座谈会" in page.locator(".search-results").inner_text()
    context.close()
