"""GET /api/v1/agencies/: filters, cursor pagination and the registry's credit standing."""

import pytest

URL = "/api/v1/agencies/"


def test_agency_list_with_credit_standing(api, agencies):
    response = api.get(URL)
    assert response.status_code == 200
    results = response.json()["results"]
    assert [a["name"] for a in results] == [a.name for a in agencies]
    hr, law = results
    assert hr["kind_display"] == "人力资源服务机构"
    assert hr["services"] == ["职业介绍", "劳务派遣"]
    assert hr["district"] == {"code": "150402001", "name": "西屯街道"}
    assert hr["enterprise"]["name"] == agencies[0].name
    assert hr["credit_standing"] == {"level": "良好", "active_records": 0}
    assert law["enterprise"] is None and law["credit_standing"] is None
    assert law["phone"] == "12348"


def test_credit_standing_comes_from_the_credit_registry(api, agencies, monkeypatch):
    from registry_api.credit import selectors as credit_selectors

    monkeypatch.setattr(
        credit_selectors,
        "credit_standing",
        lambda enterprise: {"level": "失信", "active_records": 2},
    )
    detail = api.get(f"{URL}{agencies[0].pk}/").json()
    assert detail["credit_standing"] == {"level": "失信", "active_records": 2}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "law_firm"}, ["内蒙古昭德律师事务所"]),
        ({"district": "150402001"}, ["赤峰鑫源人力资源服务有限公司"]),
        ({"updated_since": "2000-01-01T00:00:00Z"}, None),
        ({"updated_since": "2999-01-01T00:00:00Z"}, []),
    ],
)
def test_agency_filters(api, agencies, params, expected):
    names = [a["name"] for a in api.get(URL, params).json()["results"]]
    assert names == (expected if expected is not None else [a.name for a in agencies])


def test_agency_cursor_pagination_and_inactive_hidden(api, agencies):
    page = api.get(URL, {"page_size": 1}).json()
    assert len(page["results"]) == 1 and "cursor=" in page["next"]
    agencies[1].active = False
    agencies[1].save()
    assert len(api.get(URL).json()["results"]) == 1


def test_unknown_district_is_a_field_error(api, agencies):
    response = api.get(URL, {"district": "999"})
    assert response.status_code == 400
    assert "district" in response.json()["error"]["fields"]
