"""Under /api/, an address no route takes is a JSON 404 whatever the method, and a method a
resource does not have is a 405 whoever asks."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/api/v1/contracts/null/fill/", "/api/v1/nothing-here/", "/api/v1/enterprises/x/y/"]
)
def test_a_post_to_no_route_is_a_json_404_not_a_csrf_page(path):
    client = Client(enforce_csrf_checks=True)
    for content_type in ("application/json", "application/x-www-form-urlencoded"):
        response = client.post(path, "{}", content_type=content_type)
        assert response.status_code == 404, (content_type, response.content[:200])
        assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("put", "/api/v1/trademarks/1/"),
        ("delete", "/api/v1/trademarks/1/"),
        ("post", "/api/v1/trademarks/"),
        ("patch", "/api/v1/districts/150402001/"),
        ("post", "/api/v1/deletions/"),
    ],
)
def test_a_method_a_read_only_resource_lacks_is_a_405_for_anyone(method, path):
    response = getattr(Client(), method)(path, "{}", content_type="application/json")
    assert response.status_code == 405, response.content[:200]
    assert response.json()["error"]["code"] == "method_not_allowed"
    assert "GET" in response["Allow"]


def test_a_method_the_resource_has_still_asks_for_credentials():
    response = Client().post("/api/v1/enterprises/", "{}", content_type="application/json")
    assert response.status_code == 401
