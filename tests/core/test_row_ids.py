"""A row's id in a path is `<row_id:pk>` (core/converters.py): an id no database integer can
hold names no row, and every route answers it 404, never 500.

Found by schemathesis against `make run`: `POST /api/v1/contracts/13944276447463179861299822592/
fill/` and the public form `/forms/events/<that id>/register/` answered 500 (SQLite's
OverflowError inside the lookup)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from core.converters import MAX_ROW_ID

pytestmark = pytest.mark.django_db

PAST_ANY_INTEGER = (MAX_ROW_ID + 1, 13944276447463179861299822592)
OUR_PACKAGES = ("cms.", "core.", "registry_api.", "search.")


def routes(patterns=None, prefix: str = "", ours: bool = False):
    """(route, whether its view is ours) for every path whose whole chain is written as a route."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if not isinstance(pattern.pattern, RoutePattern):
            continue
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            module = getattr(pattern.urlconf_module, "__name__", "")
            yield from routes(pattern.url_patterns, route, ours or module.startswith(OUR_PACKAGES))
        elif isinstance(pattern, URLPattern):
            module = getattr(pattern.callback, "__module__", "")
            yield route, ours or module.startswith(OUR_PACKAGES)


def with_ids(route: str, pk: int) -> str:
    route = re.sub(r"<(?:int|row_id):\w+>", str(pk), route)
    return "/" + re.sub(r"<(?:str|slug):\w+>", "x", route)


ROW_ID_ROUTES = sorted({route for route, _ in routes() if "<row_id:" in route})
# Our admin views made from Wagtail's take `<int:pk>` (Wagtail's viewsets name that converter).
INT_ROUTES = sorted({route for route, ours in routes() if ours and "<int:" in route})


def clients() -> tuple[Client, Client]:
    visitor, staff = Client(raise_request_exception=False), Client(raise_request_exception=False)
    staff.force_login(get_user_model().objects.create_superuser("root", password="x"))
    return visitor, staff


def test_our_routes_name_row_ids():
    assert len(ROW_ID_ROUTES) >= 10, ROW_ID_ROUTES
    assert not [route for route in INT_ROUTES if not route.startswith("admin/")], INT_ROUTES


@pytest.mark.parametrize("route", ROW_ID_ROUTES)
@pytest.mark.parametrize("pk", PAST_ANY_INTEGER)
def test_an_id_past_any_database_integer_is_not_found(route, pk):
    visitor, staff = clients()
    # The admin sends a visitor to its login page before it looks at the address.
    visitor_answers = {302, 404} if route.startswith("admin/") else {404}
    for client, answers in ((visitor, visitor_answers), (staff, {404})):
        for method in ("get", "post"):
            response = getattr(client, method)(with_ids(route, pk))
            assert response.status_code in answers, (method, with_ids(route, pk), response)


@pytest.mark.parametrize("route", INT_ROUTES)
def test_no_admin_route_fails_on_an_id_past_any_integer(route):
    _, staff = clients()
    for method in ("get", "post"):
        response = getattr(staff, method)(with_ids(route, PAST_ANY_INTEGER[1]))
        assert response.status_code < 500, (method, with_ids(route, PAST_ANY_INTEGER[1]))


@pytest.mark.parametrize("pk", [0, MAX_ROW_ID])
def test_ids_at_the_bounds_are_not_found(pk):
    response = Client().post(f"/api/v1/contracts/{pk}/fill/", {}, content_type="application/json")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
