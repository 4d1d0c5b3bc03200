"""The finance API: public lists and details, filters, masking, matches, errors, permissions."""

import pytest

from registry_api.finance.models import CHATTEL_REFERRAL, FinancingNeed
from tests.clock import at_every_clock

pytestmark = [pytest.mark.django_db, at_every_clock]


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_lists_are_public_and_cursor_paginated(api, finance):
    for path, count in [
        ("/api/v1/equity-pledges/", 2),
        ("/api/v1/chattel-mortgages/", 1),
        ("/api/v1/loan-products/", 3),
        ("/api/v1/financing-needs/", 1),
    ]:
        body = api.get(path, {"page_size": 1}).json()
        assert set(body) == {"next", "previous", "results"}
        assert len(body["results"]) == 1
        assert (body["next"] is not None) == (count > 1)


def test_natural_person_pledgors_are_masked_enterprises_are_not(api, finance):
    rows = {r["registration_number"]: r for r in results(api.get("/api/v1/equity-pledges/"))}
    person = rows["1504022024000001"]
    assert person["pledgor_name"] == "张*明" and person["pledgor_type_display"] == "自然人"
    assert rows["1504022019000002"]["pledgor_name"] == "赤峰鑫源商贸有限公司"
    detail = api.get(f"/api/v1/equity-pledges/{finance['pledge_person'].pk}/").json()
    assert detail["pledgor_name"] == "张*明"
    assert "张三明" not in api.get("/api/v1/equity-pledges/").content.decode()


def test_pledge_filters(api, finance):
    code = finance["micro"].credit_code
    assert len(results(api.get("/api/v1/equity-pledges/", {"enterprise": code}))) == 1
    assert len(results(api.get("/api/v1/equity-pledges/", {"status": "cancelled"}))) == 1
    assert len(results(api.get("/api/v1/equity-pledges/", {"bank": "建设银行"}))) == 1
    rows = results(api.get("/api/v1/equity-pledges/", {"registered_after": "2020-01-01"}))
    assert [r["registration_number"] for r in rows] == ["1504022024000001"]
    assert len(results(api.get("/api/v1/equity-pledges/", {"updated_since": "2000-01-01T00:00"})))
    rows = results(api.get("/api/v1/equity-pledges/", {"ordering": "amount"}))
    assert [r["amount"] for r in rows] == ["50.00", "200.00"]


def test_mortgages_are_labelled_historical_with_the_referral(api, finance):
    row = results(api.get("/api/v1/chattel-mortgages/"))[0]
    assert row["historical"] is True and row["historical_label"] == "历史记录"
    assert row["referral"] == CHATTEL_REFERRAL
    assert row["enterprise"]["credit_code"] == finance["micro"].credit_code


def test_product_and_need_filters(api, finance):
    assert len(results(api.get("/api/v1/loan-products/", {"active": "true"}))) == 2
    assert len(results(api.get("/api/v1/loan-products/", {"bank": "工商"}))) == 1
    assert len(results(api.get("/api/v1/loan-products/", {"collateral": "mortgage"}))) == 1
    assert len(results(api.get("/api/v1/financing-needs/", {"status": "open"}))) == 1
    assert not results(api.get("/api/v1/financing-needs/", {"status": "closed"}))
    code = finance["medium"].credit_code
    assert not results(api.get("/api/v1/financing-needs/", {"enterprise": code}))


def test_matches_rank_active_products_with_reasons(api, finance):
    need = finance["need"]
    body = api.get(f"/api/v1/financing-needs/{need.pk}/matches/").json()
    assert [m["product"]["name"] for m in body] == ["小微快贷", "厂房抵押贷"]
    best, last = body
    assert best["eligible"] and best["score"] == 95
    assert "信用贷款，无需抵押或担保" in best["reasons"]
    assert not last["eligible"]
    assert last["problems"] == ["产品要求抵押担保，企业可提供的是信用"]


def test_needs_can_include_their_top_matches(api, finance):
    row = results(api.get("/api/v1/financing-needs/", {"include": "matches"}))[0]
    assert [m["product"]["name"] for m in row["matches"]] == ["小微快贷"]
    assert "matches" not in results(api.get("/api/v1/financing-needs/"))[0]


def test_unknown_record_is_a_404_in_the_error_format(api, finance):
    response = api.get("/api/v1/loan-products/999999/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert api.get("/api/v1/financing-needs/999999/matches/").status_code == 404


def test_anonymous_writes_are_refused(api, finance):
    response = api.post("/api/v1/loan-products/", {"bank": "x"}, format="json")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert api.delete(f"/api/v1/equity-pledges/{finance['pledge_person'].pk}/").status_code == 401


def test_clerk_writes_go_through_validation(clerk_api, finance):
    payload = {
        "registration_number": "红市监抵202100009",
        "enterprise": finance["micro"].credit_code,
        "mortgagee": "中国银行赤峰分行",
        "secured_amount": "10",
        "collateral_description": "车辆",
        "registered_on": "2021-03-01",
    }
    response = clerk_api.post("/api/v1/chattel-mortgages/", payload, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["registered_on"] == [CHATTEL_REFERRAL]
    payload["registered_on"] = "2020-03-01"
    response = clerk_api.post("/api/v1/chattel-mortgages/", payload, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["historical"] is True

    need = finance["need"]
    response = clerk_api.patch(
        f"/api/v1/financing-needs/{need.pk}/", {"status": "connected"}, format="json"
    )
    assert response.status_code == 200 and response.json()["status_display"] == "已对接"
    need.refresh_from_db()
    assert need.status == FinancingNeed.Status.CONNECTED
