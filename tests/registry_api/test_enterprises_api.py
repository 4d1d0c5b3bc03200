"""The enterprise directory API: lists, filters, detail, writes and the one error format."""

import datetime

import pytest

from registry_api.enterprises import credit_code
from registry_api.enterprises.models import Enterprise

pytestmark = pytest.mark.django_db

LIST = "/api/v1/enterprises/"


def assert_error(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


def test_districts_list(api, districts):
    body = api.get("/api/v1/districts/").json()
    assert [d["name"] for d in body["results"]] == ["西屯街道", "红庙子镇"]
    assert body["results"][1]["kind_display"] == "镇"


def test_list_is_cursor_paginated(api, enterprises):
    first = api.get(LIST, {"page_size": 5}).json()
    assert len(first["results"]) == 5 and first["next"] and first["previous"] is None
    second = api.get(first["next"]).json()
    codes = [e["credit_code"] for e in first["results"] + second["results"]]
    assert sorted(codes) == sorted(e.credit_code for e in enterprises)
    assert "count" not in first  # no COUNT(*) per page


def test_list_item_shape_masks_the_representative(api, enterprises):
    item = api.get(LIST).json()["results"][0]
    assert item["legal_representative"] == "张*明"
    assert item["district"]["name"] in {"西屯街道", "红庙子镇"}
    assert item["url"] == f"/enterprises/{item['credit_code']}/"
    assert item["status_display"].startswith("存续")


def test_json_keeps_chinese_as_utf8(api, enterprises):
    response = api.get(LIST)
    assert "西屯街道".encode() in response.content or "红庙子镇".encode() in response.content
    assert b"\\u" not in response.content


def test_filters(api, enterprises, districts):
    Enterprise.objects.filter(pk=enterprises[0].pk).update(scale="small", status="cancelled")
    by_district = api.get(LIST, {"district": "150402100"}).json()["results"]
    assert by_district and {e["district"]["code"] for e in by_district} == {"150402100"}
    assert [e["credit_code"] for e in api.get(LIST, {"scale": "small"}).json()["results"]] == [
        enterprises[0].credit_code
    ]
    assert len(api.get(LIST, {"status": "active"}).json()["results"]) == 6
    assert len(api.get(LIST, {"entity_type": "cooperative"}).json()["results"]) == 0


def test_ordering(api, enterprises):
    Enterprise.objects.filter(pk=enterprises[3].pk).update(registered_capital=99999)
    top = api.get(LIST, {"ordering": "-registered_capital"}).json()["results"][0]
    assert top["credit_code"] == enterprises[3].credit_code


def test_detail(api, enterprises):
    target = enterprises[2]
    body = api.get(f"{LIST}{target.credit_code}/").json()
    assert body["name"] == target.name and body["credit_code"] == target.credit_code


def test_unknown_code_is_404_in_the_error_format(api, db):
    assert_error(api.get(f"{LIST}NOTACODE/"), 404, "not_found")


def test_unknown_api_url_is_404_in_the_error_format(api, db):
    assert_error(api.get("/api/v1/no-such-registry/"), 404, "not_found")


def test_bad_filter_value_is_400_with_field_error(api, districts):
    error = assert_error(api.get(LIST, {"district": "abc"}), 400, "validation_error")
    assert list(error["fields"]) == ["district"]
    assert "有效" in error["fields"]["district"][0]


def test_bad_cursor_is_400_not_500(api, enterprises):
    assert_error(api.get(LIST, {"cursor": "garbage"}), 400, "invalid_cursor")


def test_anonymous_writes_are_refused(api, districts):
    assert_error(api.post(LIST, {}, format="json"), 401, "not_authenticated")


def new_enterprise_body(**overrides):
    body = {
        "credit_code": "91150402MA0N000000",
        "name": "赤峰市红山区鑫源商贸有限公司",
        "entity_type": "limited_company",
        "legal_representative": "王建国",
        "registered_capital": "50.00",
        "established_on": "2021-03-15",
        "address": "赤峰市红山区西屯街道昭乌达路1号",
        "district": "150402001",
        "industry": "批发和零售业",
        "scale": "micro",
        "status": "active",
        "business_scope": "日用百货销售。",
    }
    body["credit_code"] = body["credit_code"][:17] + credit_code.check_character(
        body["credit_code"][:17]
    )
    body.update(overrides)
    return body


def test_clerk_creates_an_enterprise(clerk_api, districts):
    response = clerk_api.post(LIST, new_enterprise_body(), format="json")
    assert response.status_code == 201, response.content
    assert response.json()["legal_representative"] == "王*国"
    assert Enterprise.objects.get().name == "赤峰市红山区鑫源商贸有限公司"


def test_wrong_check_character_is_refused_naming_the_expected_one(clerk_api, districts):
    good = new_enterprise_body()["credit_code"]
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    error = assert_error(
        clerk_api.post(LIST, new_enterprise_body(credit_code=wrong), format="json"),
        400,
        "validation_error",
    )
    assert f"应为“{good[17]}”" in error["fields"]["credit_code"][0]
    assert not Enterprise.objects.exists()


def test_entity_type_must_match_code_position_two(clerk_api, districts):
    error = assert_error(
        clerk_api.post(LIST, new_enterprise_body(entity_type="individual_business"), format="json"),
        400,
        "validation_error",
    )
    assert "第2位" in error["fields"]["entity_type"][0]


def test_failed_update_leaves_stored_data_intact(clerk_api, enterprises):
    target = enterprises[0]
    response = clerk_api.patch(
        f"{LIST}{target.credit_code}/", {"name": "新名称", "district": "nope"}, format="json"
    )
    assert_error(response, 400, "validation_error")
    target.refresh_from_db()
    assert target.name.startswith("赤峰红山测试商贸有限公司")


def test_clerk_updates_and_deletes(clerk_api, enterprises):
    target = enterprises[0]
    url = f"{LIST}{target.credit_code}/"
    assert clerk_api.patch(url, {"scale": "medium"}, format="json").json()["scale"] == "medium"
    assert clerk_api.delete(url).status_code == 204
    assert not Enterprise.objects.filter(pk=target.pk).exists()


def test_deleting_an_enterprise_with_pledges_is_refused_with_a_409(clerk_api, enterprises):
    from registry_api.finance.models import EquityPledge

    target = enterprises[0]
    EquityPledge.objects.create(
        registration_number="1504022024000009",
        pledgor_name="赤峰鑫源商贸有限公司",
        pledgor_type=EquityPledge.PledgorType.ENTERPRISE,
        enterprise=target,
        pledgee="中国建设银行赤峰分行",
        amount=50,
        registered_on=datetime.date(2024, 3, 1),
    )
    response = clerk_api.delete(f"{LIST}{target.credit_code}/")
    error = assert_error(response, 409, "conflict")
    assert "股权出质" in error["message"]
    assert Enterprise.objects.filter(pk=target.pk).exists()
