"""The public forms with JavaScript off, at phone size: a complaint submitted and tracked, a
question asked and looked up by its 查询码, a similar-mark check by name. One built site and
one live server for the module's one test (Debian's Chromium driven by Playwright)."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings

from registry_api.complaints.reference_data import load_units
from registry_api.enterprises.reference_data import load_districts
from registry_api.workdays.reference_data import load_holidays
from tests.trademarks.conftest import library, nice_classes  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.engine, pytest.mark.build, pytest.mark.browser]

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def built_site(
    transactional_db,
    home_page,
    live_server,
    search_engine,
    run_build,
    tmp_path,
    library,  # noqa: F811 (a fixture)
):
    """The complaint reference data and a small trademark library, indexed and built."""
    load_districts()
    load_holidays()
    load_units()
    cache.clear()
    with override_settings(SITE_OUTPUT_DIR=tmp_path):
        call_command("search_reindex", verbosity=0)
        assert run_build(live_server.url, tmp_path).returncode == 0
        yield live_server.url


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["viewport"]["width"]


def complain_and_track(page, base: str) -> None:
    page.goto(base + "/complaints/new/")
    page.check("input[name=kind][value=complaint]")
    page.fill("#complaint-respondent", "红山区某某健身会所")
    page.fill("#complaint-address", "东城街道昭乌达路1号")
    page.select_option("#complaint-district", "150402004")
    page.fill("#complaint-facts", "办理的年卡尚有余额，会所停业后无法退费。")
    page.fill("#complaint-name", "王秀兰")
    page.fill("#complaint-phone", "13847651234")
    page.click("#complaint-form button[type=submit]")
    page.wait_for_url("**/forms/complaints/")
    # Refused: the category and the request, each next to its field; the rest kept.
    assert page.locator('[data-error-for="category"]').inner_text() == "请选择问题类别。"
    assert page.locator("#complaint-name").input_value() == "王秀兰"
    page.select_option("#complaint-category", "prepaid_cards")
    page.fill("#complaint-request", "退还剩余费用")
    page.click("#complaint-form button[type=submit]")
    code = page.locator(".complaint-receipt__code").inner_text()
    assert len(code) == 10 and fits(page)

    page.click("text=查询办理进度")
    page.fill("#track-code", code)
    page.fill("#track-phone", "1234")
    page.click("#track-form button[type=submit]")
    page.wait_for_url("**/forms/complaints/track/?code=*")
    assert page.locator("#track-result").is_visible()
    assert code in page.locator("#track-facts").inner_text()
    page.fill("#track-phone", "9999")
    page.click("#track-form button[type=submit]")
    assert page.locator("#track-status").inner_text() == "查询码或验证信息不正确。"


def ask_and_look_up(page, base: str) -> None:
    page.goto(base + "/consultations/ask/")
    page.fill("#consult-name", "李秀英")
    page.fill("#consult-phone", "13912345678")
    page.fill("#consult-subject", "个体户变更经营场所")
    page.fill("#consult-question", "搬到新门面需要办理哪些手续？")
    page.click("#consult-form button[type=submit]")
    code = page.locator(".consult-receipt__code").inner_text()
    assert code.startswith("ZX") and fits(page)
    page.click("text=答复查询")
    page.wait_for_url("**/forms/consultations/lookup/?code=*")
    # The receipt's link asks at once; the form shows the code asked.
    assert page.locator("#lookup-code").input_value() == code
    assert page.locator(".lookup-status").inner_text() == "已收到，正在办理"


def check_similar(page, base: str) -> None:
    page.goto(base + "/trademarks/similar/")
    page.fill("#similar-name", "鸿山")
    page.click("#similar-name-form button[type=submit]")
    page.wait_for_url("**/forms/trademarks/similar/?name=*")
    names = page.locator("#similar-results .item-list__title").all_inner_texts()
    assert set(names[:2]) == {"宏山", "红山"}
    assert "近似的在先商标" in page.locator("#similar-status").inner_text() and fits(page)


def test_the_forms_with_javascript_off_on_a_phone(built_site, browser):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    complain_and_track(page, built_site)
    ask_and_look_up(page, built_site)
    check_similar(page, built_site)
    context.close()
