"""The printable card in a real browser (Debian's Chromium driven by Playwright): the Chinese
text is drawn with real glyphs, not tofu, and the card prints as one A6 page (105 × 148 mm).
The glyph check fails on a machine without a CJK font (`make browser` installs
fonts-wqy-zenhei)."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.glyphs import drawn, glyph_widths

from .factories import issue

pytestmark = pytest.mark.browser

# 105 × 148 mm in PDF points (1 mm = 72 / 25.4 pt).
A6_POINTS = (105 * 72 / 25.4, 148 * 72 / 25.4)
A4_POINTS = (210 * 72 / 25.4, 297 * 72 / 25.4)


@pytest.fixture
def printed(client, django_user_model, station):
    user = django_user_model.objects.create_superuser("clerk", "clerk@example.com", "pw")
    client.force_login(user)
    """The printed pages, rendered before the browser starts (Playwright's loop makes the
    test's own thread an async context, where Django refuses database queries)."""
    cards = [issue(station, on=datetime.date(2026, 3, 1)) for _ in range(5)]

    def page(url: str, **query) -> str:
        response = client.get(url, query)
        assert response.status_code == 200
        return response.content.decode()

    return {
        "card": page(reverse("stall_cards:print", args=[cards[0].pk])),
        "sheet": page(reverse("stall_cards:print_sheet"), district="150402004"),
    }


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in boxes]


def close(size, expected) -> bool:
    return all(abs(a - b) < 1.5 for a, b in zip(size, expected, strict=True))


def test_a_card_draws_chinese_and_prints_on_one_a6_page(printed, browser):
    html = printed["card"]
    tab = browser.new_page()
    try:
        tab.set_content(html, wait_until="load")
        assert "食品摊位备案卡" in tab.locator("h1").inner_text()
        assert "欧" not in tab.locator(".stall-card").inner_text()
        assert "王*" in tab.locator(".stall-card").inner_text()
        widths = glyph_widths(tab, ".stall-card dt, .stall-card__title")
        title = widths["食品摊位备案卡"]
        assert drawn(title), title
        assert title["glyphs"] >= 7 * title["size"] * 0.9, title
        label = widths["经营类别"]
        assert drawn(label), label
        # The QR code is drawn inside the card.
        box = tab.locator(".stall-card__qr svg").bounding_box()
        assert box["width"] > 100 and box["height"] > 100
        # Everything fits on the card: the footer ends inside it.
        card = tab.locator(".stall-card").bounding_box()
        foot = tab.locator(".stall-card__foot").bounding_box()
        assert foot["y"] + foot["height"] <= card["y"] + card["height"]
        sizes = page_sizes(tab.pdf(prefer_css_page_size=True))
    finally:
        tab.close()
    assert len(sizes) == 1 and close(sizes[0], A6_POINTS), sizes


def test_a_sheet_prints_five_cards_on_two_a4_pages(printed, browser):
    html = printed["sheet"]
    tab = browser.new_page()
    try:
        tab.set_content(html, wait_until="load")
        assert tab.locator(".stall-card").count() == 5
        sizes = page_sizes(tab.pdf(prefer_css_page_size=True))
    finally:
        tab.close()
    assert len(sizes) == 2 and all(close(size, A4_POINTS) for size in sizes), sizes
