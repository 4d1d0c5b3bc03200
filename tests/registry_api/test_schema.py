"""OpenAPI 3 schema and the interactive docs, served without any CDN."""

import re

import pytest
import yaml

pytestmark = pytest.mark.django_db


def test_schema_is_openapi_3_and_lists_every_endpoint(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    for path in (
        "/api/v1/enterprises/",
        "/api/v1/enterprises/{credit_code}/",
        "/api/v1/districts/",
        "/api/v1/search/",
    ):
        assert path in schema["paths"], path


def test_docs_load_assets_only_from_this_site(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    external = re.findall(r"""(?:src|href)=["'](https?://[^"']+)""", html)
    assert external == []
    for asset in re.findall(r"""(?:src|href)=["'](/static/[^"']+)""", html):
        response = client.get(asset)
        response.close()  # static files stream from open file handles
        assert response.status_code == 200, asset
