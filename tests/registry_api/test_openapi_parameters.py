"""Every registry list documents its sync, paging, ordering and export parameters."""

import json

import pytest

pytestmark = pytest.mark.django_db

SHARED = ("updated_since", "cursor", "page_size", "ordering", "format")
LISTS = {
    "/api/v1/enterprises/": ("district", "status"),
    "/api/v1/credit-records/": ("category", "department", "enterprise"),
    "/api/v1/equity-pledges/": ("enterprise", "bank", "pledgor_type"),
    "/api/v1/chattel-mortgages/": ("enterprise", "bank"),
    "/api/v1/loan-products/": ("bank", "collateral"),
    "/api/v1/financing-needs/": ("enterprise", "status", "include"),
    "/api/v1/agencies/": ("kind", "district"),
    "/api/v1/consultations/": ("channel",),
}
EXPORTABLE = set(LISTS) - {"/api/v1/financing-needs/"}


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    return json.loads(response.content)


def parameters(schema, path) -> dict:
    return {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}


def test_list_parameters_have_descriptions_and_examples(schema):
    for path, filters in LISTS.items():
        params = parameters(schema, path)
        for name in (*SHARED, *filters):
            assert name in params, f"{path} lacks {name}"
            assert params[name].get("description"), f"{path} {name} has no description"
        for name in ("updated_since", "cursor", "page_size", "ordering"):
            assert params[name].get("examples"), f"{path} {name} has no example"
        formats = sorted(params["format"]["schema"]["enum"])
        assert formats == (["csv", "json", "jsonl"] if path in EXPORTABLE else ["json"]), path


def test_choice_filters_keep_their_enum(schema):
    status = parameters(schema, "/api/v1/enterprises/")["status"]
    assert "active" in status["schema"]["enum"]
    category = parameters(schema, "/api/v1/credit-records/")["category"]
    assert {"abnormal", "serious", "penalty"} <= set(category["schema"]["enum"])


def test_districts_document_paging(schema):
    params = parameters(schema, "/api/v1/districts/")
    assert params["cursor"]["description"] and params["page_size"]["description"]
