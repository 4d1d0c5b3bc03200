"""GET /api/v1/search/: counts per kind, kind filter, paging, and bad input answered as 4xx."""

import pytest
from django.test import override_settings

from search.client import RETRY_AFTER_SECONDS
from search.registry import site_search_kinds

pytestmark = [pytest.mark.engine, pytest.mark.django_db]

URL = "/api/v1/search/"


def get(client, **params):
    return client.get(URL, params)


def test_search_answers_with_counts_and_results(client, indexed):
    response = get(client, q="红山")
    assert response.status_code == 200
    body = response.json()
    assert body["query"] == "红山" and body["page"] == 1 and body["page_size"] == 10
    assert body["total"] == 2
    # Every kind is counted (tabs), the dataset only has news and enterprises.
    assert body["counts"] == {**dict.fromkeys(site_search_kinds(), 0), "news": 1, "enterprise": 1}
    assert list(body["labels"]) == list(site_search_kinds())
    assert body["labels"]["news"] == "政策资讯" and body["labels"]["enterprise"] == "企业名录"
    result = body["results"][0]
    assert set(result) == {"kind", "title", "snippet", "url", "score", "date"}
    assert "<em>红山</em>" in result["snippet"]
    # Chinese leaves as UTF-8, not \\u escapes.
    assert "红山".encode() in response.content


def test_kind_filter_narrows_results_but_not_counts(client, indexed):
    body = get(client, q="红山", kind="enterprise").json()
    assert body["total"] == 1
    assert [result["kind"] for result in body["results"]] == ["enterprise"]
    # Every kind is counted (tabs), the dataset only has news and enterprises.
    assert body["counts"] == {**dict.fromkeys(site_search_kinds(), 0), "news": 1, "enterprise": 1}


def test_pages_beyond_the_results_are_empty(client, indexed):
    body = get(client, q="红山", page=2).json()
    assert body["page"] == 2 and body["total"] == 2 and body["results"] == []


@pytest.mark.parametrize("q", ["", "   ", '"(){}[]:\\/', "title:(红山 OR x)^2 AND *", "\\", "{"])
def test_odd_queries_never_fail(client, indexed, q):
    response = get(client, q=q)
    assert response.status_code == 200
    assert response.json()["counts"].keys() == set(site_search_kinds())


def test_missing_q_is_an_empty_search(client, db):
    body = client.get(URL).json()
    assert body["total"] == 0 and body["results"] == []


def test_overlong_query_is_a_field_error(client, db):
    response = get(client, q="红" * 1000)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert error["fields"]["q"] == ["搜索词不能超过200个字符。"]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        (
            {"kind": "patent"},
            "kind",
            f"“patent”不是有效的类别，可选：{'、'.join(site_search_kinds())}。",
        ),
        ({"page": "abc"}, "page", "页码必须是整数。"),
        ({"page": "0"}, "page", "页码不能小于1。"),
        ({"page": "1000"}, "page", "页码不能大于100。"),
    ],
)
def test_bad_parameters_are_field_errors(client, db, params, field, message):
    response = get(client, q="红山", **params)
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {field: [message]}


@override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9")
def test_unreachable_engine_is_503_in_the_error_format(client, db):
    response = get(client, q="红山")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "search_unavailable"
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)


def test_search_is_in_the_api_schema(client, db):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json() if response["Content-Type"].startswith("application/json") else None
    text = response.content.decode()
    assert "/api/v1/search/" in text
    if schema is not None:
        operation = schema["paths"]["/api/v1/search/"]["get"]
        assert {p["name"] for p in operation["parameters"]} == {"q", "kind", "page"}


def test_kinds_without_site_pages_stay_out_of_the_site_wide_search():
    from search.registry import registry

    assert "trademark" in site_search_kinds()  # marks have their pages (site part "trademarks")
    assert all(registry()[kind].in_site_search for kind in site_search_kinds())
    assert all(
        kind in site_search_kinds() for kind in registry() if registry()[kind].in_site_search
    )
