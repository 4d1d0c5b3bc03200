"""The printable QR sheet of every service station, in Debian's Chromium: each card's Chinese
is drawn with real glyphs and carries its QR code; printed, the sheet is A4 pages."""

import pytest
from django.urls import reverse

from registry_api.complaints.models import IntakePlace
from registry_api.network.reference_data import load_network
from tests.glyphs import drawn, glyph_widths

pytestmark = pytest.mark.browser


@pytest.fixture
def sheet(client, django_user_model, reference):
    """The sheet's HTML for one 街镇's stations, fetched before the browser starts
    (Playwright's loop makes this thread async, where Django refuses queries)."""
    load_network()
    client.force_login(django_user_model.objects.create_superuser("qr", "qr@example.com", "pw"))
    response = client.get(reverse("intake_places:qr_sheet"), {"district": "150402004"})
    assert response.status_code == 200
    places = IntakePlace.objects.filter(district__code="150402004").count()
    return response.content.decode(), places


def test_the_stations_qr_sheet_draws_chinese_and_a_code_per_station(sheet, browser):
    html, places = sheet
    assert places > 1  # the 街镇's own station and its communities' stations
    tab = browser.new_page()
    try:
        tab.set_content(html, wait_until="load")
        assert tab.locator(".qr-card").count() == places
        widths = glyph_widths(tab, ".qr-card h2, .qr-card .qr-call")
        assert "东城街道消费维权服务站" in widths and "扫码投诉举报" in widths
        assert all(drawn(entry) for entry in widths.values()), widths
        for box in (tab.locator(".qr-card svg").nth(i).bounding_box() for i in range(places)):
            assert box["width"] > 100 and box["height"] > 100
        pdf = tab.pdf(format="A4")
    finally:
        tab.close()
    assert pdf.startswith(b"%PDF")
