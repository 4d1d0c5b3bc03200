"""GET /api/v1/trademarks/statistics/: the library's figures against a small hand-made library."""

import datetime

import pytest
from django.utils import timezone

from registry_api.exchange import services as exchange_services
from registry_api.exchange.models import IdleListing
from registry_api.trademarks.models import GIKind, OwnerType, Status
from tests.clock import at_every_clock
from tests.trademarks.conftest import PERSON_OWNER, make_mark

pytestmark = [pytest.mark.django_db, at_every_clock]

URL = "/api/v1/trademarks/statistics/"


@pytest.fixture
def figures_library(library):
    """conftest's six marks, a collective GI mark of an association outside the directory,
    a published idle listing of 红山 (classes 29, 32), and an expired one of 宏山 (33)."""
    library["gi"] = make_mark(
        "10000007",
        "赤峰小米",
        classes=(30,),
        owner_type=OwnerType.ORGANIZATION,
        owner_name="赤峰市小米产业协会",
        gi_kind=GIKind.COLLECTIVE,
        applied_on=datetime.date(2018, 5, 2),
        announced_on=None,
        registered_on=datetime.date(2019, 8, 20),
    )
    today = timezone.localdate()
    for mark, valid_until in (
        (library["hongshan"], today + datetime.timedelta(days=30)),
        (library["homophone"], today - datetime.timedelta(days=1)),
    ):
        exchange_services.listing_create(
            trademark=mark,
            kind=IdleListing.Kind.TRANSFER,
            negotiable=True,
            listed_on=today - datetime.timedelta(days=60),
            valid_until=valid_until,
            status=IdleListing.Status.PUBLISHED,
            owner_contact_name="李四",
            owner_contact_phone="13800000000",
        )
    return library


def by(rows: list[dict], key: str) -> dict:
    return {row[key]: row for row in rows}


def test_figures_count_the_hand_made_library(api, figures_library):
    body = api.get(URL).json()
    assert body["total"] == 7

    classes = by(body["by_class"], "number")
    assert len(classes) == 45 and classes[29] == {"number": 29, "name": "食品", "count": 4}
    assert [classes[n]["count"] for n in (30, 32, 33, 43, 25)] == [1, 1, 1, 1, 0]

    # Owners' 街镇 from the directory; the rest (no owner, a person, an association) 区外.
    districts = by(body["by_district"], "name")
    assert districts["西屯街道"] == {"code": "150402001", "name": "西屯街道", "count": 1}
    assert districts["哈达街道"]["count"] == 1
    assert body["by_district"][-1] == {"code": None, "name": "区外/未关联", "count": 5}
    assert sum(row["count"] for row in body["by_district"]) == 7

    years = by(body["by_year"], "year")
    assert list(years) == list(range(2015, 2026))  # no gap: years without marks show 0
    assert years[2015] == {"year": 2015, "applications": 5, "registrations": 0}
    assert years[2016]["registrations"] == 5
    assert years[2018] == {"year": 2018, "applications": 1, "registrations": 0}
    assert years[2019] == {"year": 2019, "applications": 0, "registrations": 1}
    assert years[2025] == {"year": 2025, "applications": 1, "registrations": 0}

    assert body["recognized"]["total"] == 1
    assert by(body["recognized"]["kinds"], "value")["well_known"]["count"] == 1
    assert body["geographical_indications"]["total"] == 1
    gi = by(body["geographical_indications"]["kinds"], "value")
    assert gi["collective"] == {"value": "collective", "label": "集体商标", "count": 1}
    assert gi["certification"]["count"] == 0
    statuses = by(body["by_status"], "value")
    assert statuses[Status.REGISTERED]["count"] == 6 and statuses[Status.APPLYING]["count"] == 1

    # Only the public (published, unexpired) listing counts: 红山's two classes.
    assert body["idle_by_class"] == [
        {"number": 29, "name": "食品", "count": 1},
        {"number": 32, "name": "啤酒饮料", "count": 1},
    ]
    # Figures name no mark, owner or contact.
    assert PERSON_OWNER not in str(body) and "李四" not in str(body)


def test_conditional_get_answers_304_until_the_library_changes(api, figures_library):
    first = api.get(URL)
    etag = first["ETag"]
    assert etag.startswith('W/"')
    assert api.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304

    # The winery moves to 西屯: no mark changes, the figures per 街镇 do.
    winery = figures_library["winery"]
    winery.district = figures_library["dairy"].district
    winery.save()
    moved = api.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert moved.status_code == 200
    assert by(moved.json()["by_district"], "name")["西屯街道"]["count"] == 2

    # The owner leaves the directory: its mark moves to 区外 without its row changing.
    etag = moved["ETag"]
    figures_library["dairy"].delete()
    gone = api.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert gone.status_code == 200
    assert gone.json()["by_district"][-1]["count"] == 6


def test_statistics_are_in_the_api_schema(api, db):
    schema = api.get("/api/v1/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/trademarks/statistics/"]["get"]
    assert "商标库统计" in operation["summary"]
    component = schema["components"]["schemas"]["TrademarkStatistics"]
    assert {"by_class", "by_district", "by_year", "idle_by_class"} <= set(component["properties"])
