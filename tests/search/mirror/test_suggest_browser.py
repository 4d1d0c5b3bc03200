"""Suggestions in a real browser: typed pinyin in the header box of the built home page lists
titles under it; the arrow keys choose one and Enter opens it; Escape closes the list; with
JavaScript off the box is a plain form (Debian's Chromium driven by Playwright)."""

from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from django.test import override_settings

pytestmark = [pytest.mark.engine, pytest.mark.build, pytest.mark.browser]

OPTIONS = "#site-search-suggestions [role=option]"


@pytest.fixture
def built_site(transactional_db, dataset, live_server, search_engine, run_build, tmp_path):
    """The search dataset, indexed and mirrored, and the static site built from it."""
    with override_settings(SITE_OUTPUT_DIR=tmp_path):
        call_command("search_reindex", verbosity=0)
        assert run_build(live_server.url, tmp_path).returncode == 0
        yield live_server.url


def test_typed_pinyin_is_completed_and_chosen_with_the_keyboard(built_site, browser, dataset):
    page = browser.new_page()
    errors: list[str] = []
    hosts: set[str] = set()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.goto(built_site + "/")
    box = page.locator("#site-search")
    box.press_sequentially("hongsh", delay=30)
    page.locator(OPTIONS).first.wait_for()
    page.wait_for_load_state("networkidle")  # a slow machine may still be answering "hongs"
    assert page.locator(OPTIONS).all_text_contents() == [
        "政策资讯红山区开展食品安全专项检查",  # the kind's label, then the title
        "企业名录赤峰红山商贸有限公司",
    ]
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("role") == "combobox"

    box.press("ArrowDown")
    box.press("ArrowDown")
    box.press("ArrowUp")
    first = page.locator(OPTIONS).first
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    box.press("Space")  # the same query asked again: the answer redraws the list
    page.wait_for_timeout(300)
    page.wait_for_load_state("networkidle")
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id"), "choice lost"
    box.press("Enter")
    page.wait_for_url(f"**/news/{dataset['news_hongshan'].pk}/")

    page.goto(built_site + "/")
    page.locator("#site-search").press_sequentially("商贸", delay=30)
    page.locator(OPTIONS).first.wait_for()
    page.locator("#site-search").press("Escape")
    assert page.locator("#site-search-suggestions").is_hidden()
    assert page.locator("#site-search").get_attribute("aria-expanded") == "false"
    assert errors == []
    assert hosts == {urlparse(built_site).netloc}, f"requests left the site: {hosts}"
    page.close()


def test_without_javascript_the_box_is_a_plain_form(built_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(built_site + "/")
    page.fill("#site-search", "红山")
    assert page.locator("#site-search-suggestions").count() == 0
    page.press("#site-search", "Enter")
    page.wait_for_url("**/search/?q=*")
    context.close()
