"""The benchmark's plain-Django baseline serves exactly what the API serves."""

import json

import pytest
from django.test import RequestFactory

from registry_api.enterprises import baseline_views

pytestmark = pytest.mark.django_db


def test_detail_is_the_api_detail(api, enterprises):
    target = enterprises[0]
    expected = api.get(f"/api/v1/enterprises/{target.credit_code}/").json()
    response = baseline_views.enterprise_detail(RequestFactory().get("/"), target.credit_code)
    assert response.status_code == 200
    assert json.loads(response.content) == expected


def test_list_is_the_api_first_page(api, enterprises):
    expected = api.get("/api/v1/enterprises/").json()["results"]
    response = baseline_views.enterprise_list(RequestFactory().get("/"))
    assert json.loads(response.content)["results"] == expected
    assert len(expected) == len(enterprises)
