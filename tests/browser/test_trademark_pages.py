"""The trademark pages on a phone, in a real browser (Debian's Chromium driven by Playwright).

Builds the site from the live API with a few marks, then checks what a visitor on a phone
sees: the similarity check by name finds the homophone and links to its page and its
owner's; a field error shows in Chinese next to its field; the library search lists marks;
and the statistics charts' Chinese text is drawn with real glyphs, not tofu. That last check
fails on a machine without a CJK font (`make browser` installs fonts-wqy-zenhei).
"""

import pytest
from django.core.management import call_command
from django.test import override_settings

from registry_api.trademarks.reference_data import load_nice_classes
from tests.browser.checks import description
from tests.factories import DistrictFactory, EnterpriseFactory
from tests.trademarks.conftest import make_mark

pytestmark = [pytest.mark.engine, pytest.mark.build, pytest.mark.browser]

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True}


@pytest.fixture
def built_site(transactional_db, news_index, live_server, search_engine, run_build, tmp_path):
    load_nice_classes()
    winery = EnterpriseFactory(
        district=DistrictFactory(name="西屯街道"), name="赤峰红山酒业有限公司"
    )
    make_mark("10000001", "红山", classes=(33,), owner=winery)
    make_mark("10000002", "蓝天", classes=(33,))
    make_mark("10000003", "草原", classes=(29,), owner_name="呼和浩特草原食品厂")
    with override_settings(SITE_OUTPUT_DIR=tmp_path):
        call_command("search_reindex", verbosity=0)
        result = run_build(live_server.url, tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        yield live_server.url, winery


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def test_similarity_check_by_name_on_a_phone(built_site, phone):
    base, winery = built_site
    phone.goto(base + "/trademarks/similar/")

    # An empty name: the API's Chinese message next to the name field.
    phone.click("#similar-name-form button[type=submit]")
    error = phone.locator('#similar-name-form [data-error-for="name"]')
    error.wait_for(state="visible")
    assert "请填写拟申请的商标名称" in error.inner_text()
    assert phone.get_attribute("#similar-name", "aria-invalid") == "true"
    assert "请填写拟申请的商标名称" in description(phone, "#similar-name")

    phone.fill("#similar-name", "鸿山")
    phone.click("#similar-name-form button[type=submit]")
    phone.wait_for_selector(".similar-result")
    result = phone.locator(".similar-result", has_text="红山").first
    assert "读音相同" in result.inner_text() and "相似度" in result.inner_text()
    assert result.locator("a", has_text="赤峰红山酒业有限公司").get_attribute("href") == (
        f"/enterprises/{winery.credit_code}/"
    )
    assert not error.is_visible()

    result.locator("a.item-list__title").click()
    phone.wait_for_url("**/trademarks/10000001/")
    assert "红山" in phone.locator("h1").inner_text()
    # Nothing is wider than the phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["viewport"]["width"]


def test_library_search_lists_marks_with_facets(built_site, phone):
    base, _ = built_site
    phone.goto(base + "/trademarks/?q=hongshan")
    phone.wait_for_selector(".trademark-results li")
    link = phone.locator(".trademark-results a.item-list__title", has_text="红山")
    assert link.get_attribute("href") == "/trademarks/10000001/"
    assert "第33类 酒" in phone.locator(".trademark-facets").inner_text()


def test_statistics_charts_draw_chinese_with_real_glyphs(built_site, phone):
    base, _ = built_site
    phone.goto(base + "/trademarks/statistics/")
    # A label's drawn width against the same number of private-use characters (U+E000), which
    # no font has: without a CJK font both are the same missing-glyph boxes.
    widths = phone.evaluate(
        """() => [...document.querySelectorAll('svg.chart text.chart__label')].map(label => {
            const probe = label.cloneNode(false);
            probe.textContent = '\\uE000'.repeat(label.textContent.length);
            label.parentNode.appendChild(probe);
            const result = {
                text: label.textContent,
                glyphs: label.getComputedTextLength(),
                tofu: probe.getComputedTextLength(),
                size: parseFloat(getComputedStyle(label).fontSize),
            };
            probe.remove();
            return result;
        })"""
    )
    labels = {w["text"]: w for w in widths}
    assert {"第33类 酒", "第29类 食品", "西屯街道", "区外/未关联"} <= set(labels)
    street = labels["西屯街道"]
    assert street["glyphs"] > 1.5 * street["tofu"], street
    # Four Chinese characters, each about one em wide.
    assert street["glyphs"] >= 4 * street["size"] * 0.9, street
    chart_title = phone.locator("#chart-classes-title")
    assert chart_title.text_content() == "各类别商标件数"
