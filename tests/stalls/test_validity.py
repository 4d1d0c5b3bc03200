"""A card's validity by the Beijing date, at the day's edges (tests/clock.py): the last valid
day is still valid (即将到期), the day after it is expired; 30 days ahead is the expiring edge."""

import datetime

import pytest

from registry_api.stalls import services
from registry_api.stalls.models import StallCard
from tests.clock import BEIJING, at_every_clock

from .factories import issue

pytestmark = at_every_clock


def beijing_today() -> datetime.date:
    return datetime.datetime.now(BEIJING).date()


@pytest.fixture
def cards(station):
    """Cards ending at the edges, all issued a year before today (Beijing)."""
    today = beijing_today()
    start = today - datetime.timedelta(days=365)

    def card(days_left: int) -> StallCard:
        return issue(station, on=start, valid_to=today + datetime.timedelta(days=days_left))

    made = {n: card(n) for n in (-1, 0, 1, 30, 31)}
    revoked = card(200)
    services.revoke_card(card=revoked, reason="摊主申请停止经营", revoked_on=today)
    made["revoked"] = revoked
    return made


EXPECTED = {
    -1: ("expired", "已过期"),
    0: ("expiring", "即将到期"),
    1: ("expiring", "即将到期"),
    30: ("expiring", "即将到期"),
    31: ("valid", "有效"),
    "revoked": ("revoked", "已注销"),
}


def test_validity_by_the_beijing_date(cards):
    for key, card in cards.items():
        card.refresh_from_db()
        assert (card.validity().value, card.validity().label) == EXPECTED[key], key


def test_the_api_says_the_same_and_filters_by_it(api, cards):
    for key, card in cards.items():
        body = api.get(f"/api/v1/food-stall-cards/{card.number}/").json()
        assert (body["status"], body["status_label"]) == EXPECTED[key], key
    for status in ("valid", "expiring", "expired", "revoked"):
        listed = api.get("/api/v1/food-stall-cards/", {"status": status}).json()["results"]
        expected = {cards[k].number for k, v in EXPECTED.items() if v[0] == status}
        assert {row["number"] for row in listed} == expected, status
