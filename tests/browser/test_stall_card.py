"""Scanning a food-stall card from a phone: its page opens at the card's URL, shows the
validity, and 投诉 opens the complaint form with the issuing station and the stall filled in
(Debian's Chromium driven by Playwright)."""

import datetime

import pytest
from django.core.cache import cache
from django.test import override_settings

from registry_api.complaints.reference_data import load_units
from registry_api.enterprises.reference_data import load_districts
from registry_api.network.models import Station
from registry_api.network.reference_data import load_network
from registry_api.stalls import services as stall_services
from registry_api.workdays.reference_data import load_holidays
from tests.site.network_build import network_build
from tests.stalls.factories import id_number

pytestmark = [pytest.mark.build, pytest.mark.browser]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
STATION = "station-150402004001"


@pytest.fixture
def stall_site(transactional_db, home_page, live_server, tmp_path):
    load_districts()
    load_holidays()
    load_units()
    load_network()
    cache.clear()
    today = datetime.date.today()
    card = stall_services.issue_card(
        station=Station.objects.get(code=STATION),
        stall_name="富龙老字号烧麦",
        vendor_name="王秀兰",
        vendor_id_number=id_number("15040219850312001"),
        vendor_mobile="13847651234",
        location="东城街道富龙农贸市场12号",
        category="snack",
        valid_from=today - datetime.timedelta(days=10),
        valid_to=today + datetime.timedelta(days=400),
        today=today,
    )
    with override_settings(SITE_OUTPUT_DIR=tmp_path):
        result = network_build(live_server.url, tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        yield live_server.url, card


def test_scan_a_card_press_complain_and_see_the_form_filled(stall_site, browser):
    url, card = stall_site
    page = browser.new_context(**PHONE).new_page()
    page.goto(f"{url}/stalls/{card.number}/")
    assert page.locator("#stall-validity").inner_text() == "有效"
    assert "富龙社区消费维权服务站" in page.content() and "王秀兰" not in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.click("#stall-complain")
    page.wait_for_url(f"**/complaints/new/?place={STATION}&stall={card.number}")
    note = page.locator("#complaint-stall-note")
    note.wait_for(state="visible")
    assert "富龙老字号烧麦" in note.inner_text()
    assert "富龙社区消费维权服务站" in page.locator("#complaint-place-note").inner_text()
    assert page.locator("#complaint-place").input_value() == STATION
    assert page.locator("#complaint-district").input_value() == "150402004"
    assert page.locator("#complaint-respondent").input_value() == (
        f"富龙老字号烧麦（食品摊位备案卡{card.number}）"
    )
    assert page.locator("#complaint-address").input_value() == "东城街道富龙农贸市场12号"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
