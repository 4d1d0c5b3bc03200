"""The public card API: the contract's shape, filters, change feed, conditional GET, exports,
the 404 of an unknown number, the OpenAPI schema — and no private vendor data anywhere."""

import csv
import datetime
import io
import json

import pytest

from registry_api.stalls import services
from registry_api.stalls.models import Inspection

from .factories import id_number, issue

DAY = datetime.date(2026, 3, 1)
VENDOR = {
    "vendor_name": "欧阳秀兰",
    "vendor_id_number": id_number("15040219850312017"),
    "vendor_mobile": "13904761234",
}
PRIVATE = (VENDOR["vendor_name"], "秀兰", VENDOR["vendor_id_number"], VENDOR["vendor_mobile"])
FIELDS = {
    "number",
    "stall_name",
    "vendor_display",
    "location",
    "location_kind",
    "location_kind_label",
    "category",
    "category_label",
    "district",
    "station",
    "valid_from",
    "valid_to",
    "status",
    "status_label",
    "revoked_on",
    "inspections",
    "complaint_url",
    "updated_at",
}


@pytest.fixture
def card(station):
    made = issue(station, on=DAY, **VENDOR, note="摊主电话13904761234")
    for n, result in enumerate(["pass", "rectify", "pass", "fail", "pass", "pass"]):
        services.record_inspection(
            card=made, inspected_on=DAY + datetime.timedelta(days=10 * n), result=result
        )
    return made


def assert_private_absent(text: str) -> None:
    for value in PRIVATE:
        assert value not in text


def test_detail_is_the_contracts_shape(api, card, station):
    response = api.get(f"/api/v1/food-stall-cards/{card.number}/")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == FIELDS
    assert body["number"] == card.number == "SP004-00001"
    assert body["vendor_display"] == "欧*"
    assert body["category"] == "snack" and body["category_label"] == "小吃"
    assert body["district"] == {"code": "150402004", "name": "东城街道"}
    assert body["station"] == {"code": station.code, "name": station.name, "phone": "0476-8321234"}
    assert body["valid_from"] == "2026-03-01" and body["valid_to"] == "2029-02-28"
    assert body["revoked_on"] is None
    assert body["complaint_url"] == (f"/complaints/new/?place={station.code}&stall={card.number}")
    # The latest five inspections, newest first.
    assert [i["date"] for i in body["inspections"]] == [
        "2026-04-20",
        "2026-04-10",
        "2026-03-31",
        "2026-03-21",
        "2026-03-11",
    ]
    assert body["inspections"][1] == {
        "date": "2026-04-10",
        "result": "pass",
        "result_label": "合格",
    }
    assert body["inspections"][2]["result_label"] == "不合格"
    assert_private_absent(response.content.decode())


def test_a_lower_case_number_finds_the_card(api, card):
    assert api.get(f"/api/v1/food-stall-cards/{card.number.lower()}/").status_code == 200


def test_an_unknown_number_is_a_404_in_the_error_format(api, db):
    response = api.get("/api/v1/food-stall-cards/SP004-99999/")
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "not_found" and error["fields"] == {}
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error["message"])


def test_list_filters_and_no_private_data(api, card, station, other_station):
    issue(other_station, on=DAY, stall_name="李记果蔬", category="produce", **VENDOR)
    body = api.get("/api/v1/food-stall-cards/").json()
    assert [row["number"] for row in body["results"]] == ["SP001-00001", "SP004-00001"]
    assert set(body["results"][0]) == FIELDS
    for query, numbers in [
        ({"district": "150402004"}, ["SP004-00001"]),
        ({"station": other_station.code}, ["SP001-00001"]),
        ({"category": "produce"}, ["SP001-00001"]),
        ({"status": "valid"}, ["SP001-00001", "SP004-00001"]),
        ({"status": "revoked"}, []),
    ]:
        rows = api.get("/api/v1/food-stall-cards/", query).json()["results"]
        assert [row["number"] for row in rows] == numbers, query
    bad = api.get("/api/v1/food-stall-cards/", {"status": "lost"})
    assert bad.status_code == 400 and "status" in bad.json()["error"]["fields"]
    assert_private_absent(api.get("/api/v1/food-stall-cards/").content.decode())


def test_exports_carry_no_private_data(api, card):
    response = api.get("/api/v1/food-stall-cards/", {"format": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["number"] == card.number and rows[0]["vendor_display"] == "欧*"
    assert rows[0]["station.code"] == card.station.code
    assert_private_absent(text)
    response = api.get("/api/v1/food-stall-cards/", {"format": "jsonl"})
    text = b"".join(response.streaming_content).decode()
    (line,) = text.splitlines()
    assert json.loads(line)["number"] == card.number
    assert_private_absent(text)


def test_an_inspection_changes_the_etag_and_the_change_feed(api, card):
    url = f"/api/v1/food-stall-cards/{card.number}/"
    first = api.get(url)
    etag = first["ETag"]
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    listed = api.get("/api/v1/food-stall-cards/")
    list_etag = listed["ETag"]
    since = first.json()["updated_at"]
    services.record_inspection(
        card=card, inspected_on=datetime.date(2026, 6, 1), result=Inspection.Result.FAIL
    )
    again = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200 and again.json()["inspections"][0]["date"] == "2026-06-01"
    assert api.get("/api/v1/food-stall-cards/", HTTP_IF_NONE_MATCH=list_etag).status_code == 200
    changed = api.get("/api/v1/food-stall-cards/", {"updated_since": since}).json()["results"]
    assert [row["number"] for row in changed] == [card.number]
    later = again.json()["updated_at"]
    unchanged = api.get(
        "/api/v1/food-stall-cards/", {"updated_since": later.replace("+08:00", "+08:00")}
    ).json()["results"]
    assert [row["number"] for row in unchanged] == [card.number]  # >= its own stamp


def test_a_revoked_card_says_so(api, card):
    services.revoke_card(card=card, reason="摊位撤除", revoked_on=datetime.date(2026, 7, 1))
    body = api.get(f"/api/v1/food-stall-cards/{card.number}/").json()
    assert (body["status"], body["status_label"], body["revoked_on"]) == (
        "revoked",
        "已注销",
        "2026-07-01",
    )
    assert "摊位撤除" not in json.dumps(body, ensure_ascii=False)


def test_the_schema_describes_both_endpoints(api, db):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()
    listing = schema["paths"]["/api/v1/food-stall-cards/"]["get"]
    names = {p["name"] for p in listing["parameters"]}
    assert {"district", "station", "status", "updated_since", "cursor", "format"} <= names
    status = next(p for p in listing["parameters"] if p["name"] == "status")
    assert set(status["schema"]["enum"]) == {"valid", "expiring", "expired", "revoked"}
    detail = schema["paths"]["/api/v1/food-stall-cards/{number}/"]["get"]
    assert "404" in detail["responses"] and "备案卡核验" in detail["summary"]
    card_schema = schema["components"]["schemas"]["StallCardPublic"]["properties"]
    assert not {"vendor_name", "vendor_id_number", "vendor_mobile"} & set(card_schema)
