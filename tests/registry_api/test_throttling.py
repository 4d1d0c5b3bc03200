"""Anonymous read throttling per client address; this machine's own processes exempt."""

import pytest
from django.core.cache import cache
from django.test import override_settings

pytestmark = pytest.mark.django_db

URL = "/api/v1/districts/"
PUBLIC = {"REMOTE_ADDR": "203.0.113.9"}


@pytest.fixture(autouse=True)
def clear_throttle_history():
    cache.clear()
    yield
    cache.clear()


@override_settings(REGISTRY_ANON_READ_RATE="3/min")
def test_anonymous_reads_over_the_rate_get_429_with_retry_after(api, districts):
    for _ in range(3):
        assert api.get(URL, **PUBLIC).status_code == 200
    response = api.get(URL, **PUBLIC)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    error = response.json()["error"]
    assert error["code"] == "throttled"
    assert error["message"].startswith("请求过于频繁")
    # Another address has its own budget.
    assert api.get(URL, REMOTE_ADDR="203.0.113.10").status_code == 200


@override_settings(REGISTRY_ANON_READ_RATE="2/min")
def test_loopback_without_forwarded_for_is_exempt(api, districts):
    """The static-site builder and the task worker talk to gunicorn on 127.0.0.1 directly."""
    for _ in range(5):
        assert api.get(URL).status_code == 200  # the test client's REMOTE_ADDR is 127.0.0.1
    for _ in range(5):
        assert api.get(URL, REMOTE_ADDR="::1").status_code == 200


@override_settings(REGISTRY_ANON_READ_RATE="2/min")
def test_proxied_requests_are_counted_per_forwarded_client(api, districts):
    """Through the front proxy the peer is loopback, the client is in X-Forwarded-For."""
    proxied = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    assert api.get(URL, **proxied).status_code == 200
    assert api.get(URL, **proxied).status_code == 200
    assert api.get(URL, **proxied).status_code == 429
    other = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.8"}
    assert api.get(URL, **other).status_code == 200


@override_settings(REGISTRY_ANON_READ_RATE="1/min")
def test_writes_and_authenticated_reads_are_not_counted(clerk_api, api, districts):
    for _ in range(3):
        assert clerk_api.get(URL, **PUBLIC).status_code == 200
    assert api.get(URL, **PUBLIC).status_code == 200
    assert api.get(URL, **PUBLIC).status_code == 429


@override_settings(REGISTRY_ANON_READ_RATE="1/min")
def test_the_consultation_submit_throttle_keeps_its_own_rate(api, db):
    """A POST is never a read: the submission throttle (10/hour) alone applies to it."""
    for _ in range(10):
        response = api.post("/api/v1/consultations/", {}, format="json", **PUBLIC)
        assert response.status_code == 400  # invalid but not throttled
    response = api.post("/api/v1/consultations/", {}, format="json", **PUBLIC)
    assert response.status_code == 429
