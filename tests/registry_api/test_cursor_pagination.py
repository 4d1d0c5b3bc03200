"""Every cursor-paginated list answers a cursor it did not hand out with 400 invalid_cursor,
and still follows the cursors it did. The lists are read from the OpenAPI schema."""

import base64

import pytest

from tests.factories import EnterpriseFactory
from tests.registry_api.callers import EveryDoorClient
from tests.registry_api.schema_operations import api_operations, parameter

pytestmark = pytest.mark.django_db

CURSOR_LISTS = {
    path: parameter(operation, "cursor")
    for path, method, operation in api_operations("get")
    if parameter(operation, "cursor") is not None and "{" not in path
}


def b64(text: str | bytes) -> str:
    return base64.b64encode(text.encode() if isinstance(text, str) else text).decode()


# Cursors no list ever hands out: each must be a 400 on every list.
FOREIGN_CURSORS = {
    "not base64": "not a cursor!",
    "base64 of prose": b64("hello world"),
    "base64 of binary": b64(bytes(range(256))),
    "base64 of nothing": "====",
    "unknown token": b64("x=1"),
    "repeated token": b64("p=1&p=2"),
    "offset not a number": b64("o=abc"),
    "negative offset": b64("o=-5"),
    "reverse not 0 or 1": b64("r=yes"),
    "NUL in position": b64("p=%00"),
}


@pytest.fixture
def staff():
    """A superuser (a partner key at partner-only doors): permissions never stand before
    the check."""
    return EveryDoorClient()


def assert_invalid_cursor(response) -> None:
    assert response.status_code == 400, response.content
    assert response.json()["error"]["code"] == "invalid_cursor"


def test_the_schema_lists_the_cursor_paginated_lists():
    assert "/api/v1/equity-pledges/" in CURSOR_LISTS and "/api/v1/enterprises/" in CURSOR_LISTS


@pytest.mark.parametrize("path", sorted(CURSOR_LISTS))
@pytest.mark.parametrize("cursor", FOREIGN_CURSORS.values(), ids=FOREIGN_CURSORS.keys())
def test_a_foreign_cursor_is_a_400_on_every_list(staff, path, cursor):
    assert_invalid_cursor(staff.get(path, {"cursor": cursor}))


# The example cursors the schema itself gives (one of them: cD0yMDI2LTExLTAx, "p=2026-11-01").
SCHEMA_EXAMPLES = sorted(
    {
        example["value"]
        for cursor in CURSOR_LISTS.values()
        for example in cursor.get("examples", {}).values()
    }
)


@pytest.mark.parametrize("path", sorted(CURSOR_LISTS))
@pytest.mark.parametrize("cursor", SCHEMA_EXAMPLES)
def test_the_schemas_own_example_cursor_is_never_a_server_error(staff, path, cursor):
    """ "p=2026-11-01" is a valid position where a list is ordered by a date or by text, of the
    wrong type where it is ordered by id (it was a 500 there)."""
    response = staff.get(path, {"cursor": cursor})
    assert response.status_code in (200, 400), response.content
    if response.status_code == 400:
        assert_invalid_cursor(response)


@pytest.mark.parametrize("path", sorted(CURSOR_LISTS))
@pytest.mark.parametrize("position", ["not-a-date-or-number", "2026-11-31", "9" * 30])
def test_a_position_of_the_wrong_type_is_a_400_or_a_page_never_a_500(staff, path, position):
    response = staff.get(path, {"cursor": b64(f"p={position}")})
    assert response.status_code in (200, 400), response.content
    if response.status_code == 400:
        assert_invalid_cursor(response)


@pytest.mark.parametrize(
    ("path", "query", "position"),
    [
        ("/api/v1/equity-pledges/", {}, "2026-11-01"),  # ordered by id
        ("/api/v1/agencies/", {}, "9" * 30),  # an id no database column holds
        ("/api/v1/credit-records/", {}, "not-a-date"),  # ordered by decision date
        ("/api/v1/deletions/", {}, "2026-11-01 08:00:00"),  # a time without its UTC offset
        ("/api/v1/enterprises/", {"ordering": "updated_at"}, "yesterday"),  # chosen ordering
        ("/api/v1/enterprises/", {"ordering": "registered_capital"}, "lots"),
    ],
)
def test_a_position_of_the_wrong_type_for_the_ordering_is_invalid(staff, path, query, position):
    assert_invalid_cursor(staff.get(path, {**query, "cursor": b64(f"p={position}")}))


@pytest.mark.parametrize(
    "ordering", [None, "-established_on", "registered_capital", "-updated_at", "name"]
)
def test_the_cursors_a_list_hands_out_still_work_both_ways(staff, districts, ordering):
    for n, day in enumerate([3, 1, 2, 1, 5]):
        EnterpriseFactory(
            district=districts[0], established_on=f"2020-05-0{day}", registered_capital=n % 2
        )
    query = {"page_size": 2, **({"ordering": ordering} if ordering else {})}
    pages = [staff.get("/api/v1/enterprises/", query).json()]
    while pages[-1]["next"]:
        pages.append(staff.get(pages[-1]["next"]).json())
    seen = [row["credit_code"] for page in pages for row in page["results"]]
    assert len(seen) == len(set(seen)) == 5
    back = staff.get(pages[-1]["previous"])
    assert back.status_code == 200
    if ordering in (None, "name", "-updated_at"):  # unique: DRF steps back exactly one page
        assert back.json()["results"] == pages[-2]["results"]
