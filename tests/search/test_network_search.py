"""Search kinds "station" and "stall_card" against the real engine: found in Chinese, by card
number and in pinyin, linked to their site pages, in the site-wide search, followed when the
station is renamed, and never carrying a vendor's name, ID number or mobile."""

import datetime

import pytest
from elasticsearch.helpers import scan

from registry_api.complaints.reference_data import load_units
from registry_api.enterprises.reference_data import load_districts
from registry_api.network.models import Station
from registry_api.network.reference_data import load_network
from registry_api.stalls import services as stall_services
from search.client import search_client
from search.indexing import sync_document
from search.names import alias_name
from search.registry import site_search_kinds
from search.selectors import search_public
from search.services import search_reindex
from tests.search.conftest import refresh
from tests.stalls.factories import id_number

pytestmark = [pytest.mark.engine, pytest.mark.django_db]

KINDS = ["registry_api.network.search.STATION", "registry_api.stalls.search.STALL_CARD"]
VENDOR = {"name": "欧阳秀英", "id": id_number("15040219850312001"), "mobile": "13847651234"}


@pytest.fixture
def network_index(search_engine, settings):
    if not set(KINDS) <= set(settings.SEARCH_KINDS):  # until the lead adds the two lines
        settings.SEARCH_KINDS = [*settings.SEARCH_KINDS, *KINDS]
    load_districts()
    load_units()
    load_network()
    station = Station.objects.get(code="station-150402004001")
    card = stall_services.issue_card(
        station=station,
        stall_name="富龙老字号烧麦",
        vendor_name=VENDOR["name"],
        vendor_id_number=VENDOR["id"],
        vendor_mobile=VENDOR["mobile"],
        location="东城街道富龙农贸市场12号",
        category="snack",
        valid_from=datetime.date(2026, 1, 5),
        today=datetime.date(2026, 1, 5),
    )
    search_reindex()
    refresh()
    return {"station": station, "card": card}


def hits(query: str, kind: str | None = None) -> dict[str, str]:
    return {r["url"]: r["kind"] for r in search_public(query=query, kind=kind).results}


def test_stations_and_cards_are_found_and_linked(network_index):
    station, card = network_index["station"], network_index["card"]
    assert {"station", "stall_card"} <= set(site_search_kinds())
    assert hits("富龙社区", "station") == {"/stations/station-150402004001/": "station"}
    assert "/stations/station-150402004001/" in hits("fulong", "station")
    card_url = f"/stalls/{card.number}/"
    for query in ("老字号烧麦", card.number, "富龙农贸市场"):
        assert hits(query, "stall_card") == {card_url: "stall_card"}, query
    page = search_public(query="烧麦")
    assert page.labels["stall_card"] == "食品摊位" and page.counts["stall_card"] == 1

    station.name = "富龙社区消费维权服务中心"
    station.save()
    assert sync_document("stall_card", str(card.pk)) in {"indexed", "updated", "unchanged"}
    refresh()
    source = search_client().get(index=alias_name("stall_card"), id=str(card.pk))["_source"]
    assert "富龙社区消费维权服务中心" in source["body"]


def test_no_vendor_data_in_any_document(network_index):
    for kind in ("station", "stall_card"):
        for hit in scan(
            search_client(), index=alias_name(kind), query={"query": {"match_all": {}}}
        ):
            text = str(hit["_source"])
            for value in VENDOR.values():
                assert value not in text, (kind, value)
    assert search_public(query="欧阳秀英").total == 0
    assert search_public(query=VENDOR["mobile"]).total == 0
