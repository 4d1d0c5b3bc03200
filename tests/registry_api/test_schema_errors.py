"""The schema's contract around the answers: error statuses, anonymous access, named bodies."""

import pytest

from tests.registry_api.schema_operations import api_operations, api_schema

pytestmark = pytest.mark.django_db

ERROR_REF = "#/components/schemas/Error"
ALL_METHODS = ("get", "post", "put", "patch", "delete")


def operation(path: str, method: str) -> dict:
    return api_schema()["paths"][path][method]


def test_the_identity_is_ascii_and_the_chinese_name_is_kept():
    info = api_schema()["info"]
    assert info["title"].isascii() and info["title"].strip()
    assert "红山区市场监督管理局" in info["description"]
    assert info["x-title-zh"] == "红山区市场监督管理局 开放数据接口"
    assert api_schema()["openapi"] == "3.1.0"


def test_only_the_registry_api_is_described():
    assert all(path.startswith("/api/v1/") for path in api_schema()["paths"])


def test_every_error_status_answers_the_error_component():
    assert "Error" in api_schema()["components"]["schemas"]
    for path, method, op in api_operations(*ALL_METHODS):
        errors = {s: r for s, r in op["responses"].items() if s >= "400"}
        assert errors, (method, path)
        for status, response in errors.items():
            schemas = [c["schema"] for c in response.get("content", {}).values()]
            assert schemas == [{"$ref": ERROR_REF}], (method, path, status)
        for status in ("429", "503"):
            if status in op["responses"]:
                assert "Retry-After" in op["responses"][status]["headers"], (method, path)


@pytest.mark.parametrize(
    ("path", "method", "statuses"),
    [
        ("/api/v1/enterprises/", "get", {"400", "401", "429"}),
        ("/api/v1/enterprises/{credit_code}/", "get", {"404"}),
        ("/api/v1/enterprises/{credit_code}/", "delete", {"401", "403", "404", "409"}),
        ("/api/v1/enterprises/", "post", {"400", "401", "403", "413", "415"}),
        ("/api/v1/search/", "get", {"400", "429", "503"}),
        ("/api/v1/trademarks/", "get", {"503"}),
        ("/api/v1/complaints/", "post", {"400", "409", "413", "429"}),
    ],
)
def test_statuses_are_read_from_the_view(path, method, statuses):
    assert statuses <= set(operation(path, method)["responses"])


def test_a_plain_detail_read_declares_no_engine_failure():
    assert "503" not in operation("/api/v1/trademarks/{id}/", "get")["responses"]
    assert "409" not in operation("/api/v1/equity-pledges/{id}/", "delete")["responses"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/enterprises/",
        "/api/v1/credit-records/",
        "/api/v1/trademarks/{id}/",
        "/api/v1/agencies/",
    ],
)
def test_public_reads_declare_anonymous_access(path):
    security = operation(path, "get")["security"]
    assert {} in security and {"partnerKey": []} in security


@pytest.mark.parametrize(
    ("path", "method"),
    [("/api/v1/enterprises/", "post"), ("/api/v1/credit-records/{id}/", "patch")],
)
def test_staff_writes_declare_only_the_auth_schemes(path, method):
    assert {} not in operation(path, method)["security"]


def test_the_credit_profile_is_a_named_component():
    body = operation("/api/v1/enterprises/{credit_code}/credit/", "get")["responses"]["200"]
    assert body["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/CreditProfile"
    }
    entry = api_schema()["components"]["schemas"]["CreditTimelineEntry"]
    assert entry["discriminator"]["propertyName"] == "type"
    assert set(entry["discriminator"]["mapping"]) == {
        "credit_record",
        "equity_pledge",
        "chattel_mortgage",
        "trademark_pledge",
    }


def test_fields_that_refuse_blank_declare_min_length():
    write = api_schema()["components"]["schemas"]["EnterpriseWrite"]["properties"]
    assert write["credit_code"]["minLength"] == 1  # a non-blank CharField
    assert write["district"]["minLength"] == 1  # a slug relation
    assert "minLength" not in write["business_scope"]  # blank allowed
