"""What a list's schema declares about its query it also enforces: an empty `updated_since`
and a `page_size` outside 1…max are refused with 400, never silently ignored."""

import pytest
from rest_framework.test import APIClient

from tests.registry_api.schema_operations import api_operations, parameter

pytestmark = pytest.mark.django_db

SYNC_LISTS = [
    path
    for path, _m, op in api_operations("get")
    if parameter(op, "updated_since") and {} in op.get("security", [{}])
]
PAGED_LISTS = [
    (path, parameter(op, "page_size")["schema"]["maximum"])
    for path, _m, op in api_operations("get")
    if parameter(op, "page_size") and "{" not in path and {} in op.get("security", [{}])
]


def test_the_feeds_of_the_issue_are_among_those_checked():
    assert {"/api/v1/consultations/", "/api/v1/idle-marks/", "/api/v1/enterprises/"} <= set(
        SYNC_LISTS
    )


@pytest.mark.parametrize("path", SYNC_LISTS)
def test_an_empty_updated_since_is_a_400(path):
    response = APIClient().get(path, {"updated_since": ""})
    assert response.status_code == 400, response.content
    assert list(response.json()["error"]["fields"]) == ["updated_since"]
    assert APIClient().get(path, {"updated_since": "2026-11-01T00:00:00+08:00"}).status_code == 200


@pytest.mark.parametrize(("path", "maximum"), PAGED_LISTS)
def test_page_size_outside_its_declared_bounds_is_a_400(path, maximum):
    client = APIClient()
    for bad in ("FALSE", "0", "-1", "1.5", str(maximum + 1), "٣"):
        response = client.get(path, {"page_size": bad})
        assert response.status_code == 400, (bad, response.content)
        assert "page_size" in response.json()["error"]["fields"]
    assert client.get(path, {"page_size": str(maximum)}).status_code == 200


@pytest.mark.parametrize(
    "instant", ["0133-04-13T16:13:16+23:34", "7453-11-09T14:41:52.8+22:00", "2026-11-01T08:00:00Z"]
)
def test_any_iso_offset_is_read_as_an_instant_never_a_server_error(instant):
    """ISO 8601 allows offsets to ±23:59, PostgreSQL only to ±15:59: read in UTC."""
    response = APIClient().get("/api/v1/enterprises/", {"updated_since": instant})
    assert response.status_code == 200, response.content


def test_an_instant_before_year_one_in_utc_is_a_400():
    response = APIClient().get(
        "/api/v1/enterprises/", {"updated_since": "0001-01-01T00:00:00+10:00"}
    )
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["updated_since"]
