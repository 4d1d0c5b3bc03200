"""A complaint from a phone: the QR code's link opens the static site's form with the place
filled in, a first try without a category shows the field's error, the second is stored, and
the tracking page shows its progress (Debian's Chromium driven by Playwright)."""

import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings

from registry_api.complaints.models import Complaint
from registry_api.complaints.reference_data import load_units
from registry_api.enterprises.reference_data import load_districts
from registry_api.workdays.reference_data import load_holidays
from tests.playwright_db import read_db

pytestmark = [pytest.mark.engine, pytest.mark.build, pytest.mark.browser]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def built_site(transactional_db, home_page, live_server, search_engine, run_build, tmp_path):
    load_districts()
    load_holidays()
    load_units()
    cache.clear()
    with override_settings(SITE_OUTPUT_DIR=tmp_path):
        call_command("search_reindex", verbosity=0)
        assert run_build(live_server.url, tmp_path).returncode == 0
        yield live_server.url


def test_complain_from_a_phone_then_track(built_site, browser):
    page = browser.new_context(**PHONE).new_page()
    page.goto(built_site + "/complaints/new/?place=station-150402004")
    assert "东城街道消费维权服务站" in page.locator("#complaint-place-note").inner_text()
    assert page.locator("#complaint-district").input_value() == "150402004"

    page.fill("#complaint-respondent", "红山区某某健身会所")
    page.fill("#complaint-address", "东城街道昭乌达路1号")
    page.fill("#complaint-facts", "办理的年卡尚有余额，会所停业后无法退费。")
    page.fill("#complaint-request", "退还剩余费用")
    page.fill("#complaint-name", "王秀兰")
    page.fill("#complaint-phone", "13847651234")
    page.click("#complaint-form button[type=submit]")
    error = page.locator('[data-error-for="category"]')
    error.wait_for(state="visible")
    assert "问题类别" in error.inner_text()
    assert not read_db(Complaint.objects.exists)

    page.select_option("#complaint-category", "prepaid_cards")
    page.click("#complaint-form button[type=submit]")
    status = page.locator("#complaint-status.consult-form__status--success")
    status.wait_for()
    code = status.get_attribute("data-tracking-code")
    assert re.fullmatch(r"[2-9A-Z]{10}", code) and "7个工作日内" in status.inner_text()
    stored = read_db(lambda: list(Complaint.objects.values_list("tracking_code", "place__code")))
    assert stored == [(code, "station-150402004")]
    # The form fits the phone: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.goto(built_site + "/complaints/track/")
    page.fill("#track-code", code.lower())
    page.fill("#track-phone", "0000")
    page.click("#track-form button")
    page.locator("#track-status.consult-form__status--error").wait_for()
    page.fill("#track-phone", "1234")
    page.click("#track-form button")
    page.locator("#track-result").wait_for(state="visible")
    facts = page.locator("#track-facts").inner_text()
    assert "已提交" in facts and "东城街道消费维权服务站" in facts
    assert "提交" in page.locator("#track-steps").inner_text()
    assert "王秀兰" not in page.content() and "13847651234" not in page.content()
