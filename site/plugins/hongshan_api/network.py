"""Registry part 维权服务 · 村居网络: the stations, the food-stall cards, the 大讲堂 sessions.

Pages: /stations/ (every open station by 街镇: hours, services, office phone, its QR code and
complaint link, how to complain), /stations/<code>/ (one station, with the people who agreed
to be named, by name and role), /stalls/<number>/ (one page per food-stall card, what its QR
opens: validity with a badge, category, place, issuing station with its phone, the latest
inspections and a 投诉 button to the complaint form with the station and the stall filled in)
and /trainings/ (the public 大讲堂 sessions; those open to registration with their places left
and a form posting to Django's /forms/trainings/<id>/register/, no JavaScript needed).

A card's validity is worked out here from its dates and status as of the build day, by the
registry's rule (registry_api/stalls/selectors.py), not taken from the API's `status`: a list
answered 304 is the previous build's, and a new day may turn a card 即将到期 or 已过期.
Station and card pages are page families (generator._write_each): each page is made from its
presented item alone, and an item is presented again only when its source object, the URL
patterns or the day change (warm.derived), so warm and incremental builds equal full builds.
The API gives no person's ID number, mobile or address and the vendor only as 王*; this part
shows nothing else of them.
"""

from __future__ import annotations

import datetime

from . import warm
from .client import ApiClient
from .filters import build_today

STATIONS_PATH = "api/v1/stations/"
CARDS_PATH = "api/v1/food-stall-cards/"
TRAININGS_PATH = "api/v1/trainings/"
# HONGSHAN_URLS keys of the pages every build of this part writes (platform pages link them).
URLS = ("station_index", "training_index")
# Links this part adds to platform pages (by PlatformPage.code) and to the home page.
PLATFORM_LINKS = {
    "rights": (("station_index", "消费维权服务站"), ("training_index", "食药安全大讲堂"))
}
HOME_LINKS = (("station_index", "消费维权服务站"), ("training_index", "食药安全大讲堂"))
# The registry's rule (registry_api/stalls/models.py StallCard.validity).
EXPIRING_DAYS = 30
VALIDITY_LABELS = {
    "valid": "有效",
    "expiring": "即将到期",
    "expired": "已过期",
    "revoked": "已注销",
}
CLOSED = "closed"


def fetch(client: ApiClient) -> dict:
    return {
        "stations": list(client.registry_list(STATIONS_PATH, {})),
        "cards": list(client.registry_list(CARDS_PATH, {})),
        "trainings": list(client.registry_list(TRAININGS_PATH, {})),
    }


def card_validity(card: dict, today: datetime.date) -> str:
    """valid, expiring, expired or revoked on `today` (the registry's rule)."""
    if card.get("status") == "revoked" or card.get("revoked_on"):
        return "revoked"
    valid_to = datetime.date.fromisoformat(card["valid_to"])
    if today > valid_to:
        return "expired"
    if (valid_to - today).days <= EXPIRING_DAYS:
        return "expiring"
    return "valid"


def split_services(text: str) -> list[str]:
    """The stations' services as listed (one per line or separated by ；)."""
    parts = (text or "").replace("\r", "").replace("\n", "；").split("；")
    return [part.strip() for part in parts if part.strip()]


def present_station(station: dict, urls) -> dict:
    code = station["code"]
    return {
        **station,
        "url": urls.path("station", code=code),
        "save_as": urls.save_as("station", code=code),
        "service_list": split_services(station.get("services", "")),
    }


def present_card(card: dict, urls, today: datetime.date) -> dict:
    number = card["number"]
    validity = card_validity(card, today)
    station = card.get("station") or {}
    return {
        **card,
        "url": urls.path("stall_card", number=number),
        "save_as": urls.save_as("stall_card", number=number),
        "validity": validity,
        "validity_label": VALIDITY_LABELS[validity],
        "days_left": (datetime.date.fromisoformat(card["valid_to"]) - today).days,
        "station_url": urls.path("station", code=station["code"]) if station.get("code") else "",
    }


def station_groups(stations: list[dict]) -> list[dict]:
    """The stations by 街镇 (区划代码 order), the 街镇's own station first."""
    groups: dict[str, dict] = {}
    for station in stations:
        district = station["district"]
        group = groups.setdefault(
            district["code"], {"code": district["code"], "name": district["name"], "stations": []}
        )
        group["stations"].append(station)
    for group in groups.values():
        group["stations"].sort(key=lambda s: (s.get("community") is not None, s["code"]))
    return [groups[code] for code in sorted(groups)]


def sitemap_pages(generator, data: dict) -> list[tuple[str, str | None]]:
    """(path, last change) of this part's pages, for the sitemap."""
    urls = generator.urls
    pages = [(urls.path("station_index"), None), (urls.path("training_index"), None)]
    pages += [
        (urls.path("station", code=s["code"]), s.get("updated_at"))
        for s in data["stations"]
        if s.get("status") != CLOSED
    ]
    pages += [
        (urls.path("stall_card", number=c["number"]), c.get("updated_at")) for c in data["cards"]
    ]
    return pages


def write(generator, writer, data: dict) -> None:
    urls = generator.urls
    today = build_today()
    patterns = tuple(sorted(urls.patterns.items()))
    station_memo = warm.derived("network_station", patterns)
    stations = station_memo.many(
        [s for s in data["stations"] if s.get("status") != CLOSED],
        lambda station: present_station(station, urls),
    )
    generator._write(
        urls.save_as("station_index"),
        "station_list",
        writer,
        page_title="消费维权服务站",
        groups=station_groups(stations),
        station_total=len(stations),
        list_page=True,
    )
    generator._write_each(
        "station_detail",
        "station_detail",
        writer,
        stations,
        lambda station: [(station["save_as"], {"item": station, "page_title": station["name"]})],
    )
    card_memo = warm.derived("stall_card", (patterns, today))
    cards = card_memo.many(data["cards"], lambda card: present_card(card, urls, today))
    generator._write_each(
        "stall_card",
        "stall_card",
        writer,
        cards,
        lambda card: [
            (
                card["save_as"],
                {"item": card, "page_title": f"{card['stall_name']} · 食品摊位备案卡"},
            )
        ],
    )
    trainings = sorted(
        data["trainings"], key=lambda t: (t.get("date") or "", t["id"]), reverse=True
    )
    generator._write(
        urls.save_as("training_index"),
        "training_list",
        writer,
        page_title="食药安全大讲堂",
        trainings=trainings,
    )
