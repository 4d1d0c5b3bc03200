"""Anonymous read throttling per client address; this machine's own processes exempt."""

import datetime
import multiprocessing

import pytest
import time_machine
from django.core.cache import cache, caches
from django.core.cache.backends.filebased import FileBasedCache
from django.test import override_settings

from core.counters import window_count_increment

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


def _count_in_child(key: str, times: int) -> None:
    from django.core.cache import cache as child_cache

    for _ in range(times):
        window_count_increment(child_cache, key, timeout=600)


def test_the_shared_counter_loses_no_count_between_processes():
    """Four processes increment one counter in the file cache at once: every count lands."""
    assert isinstance(caches["default"], FileBasedCache)  # the shared cache, as in production
    key = "throttle_test_counter"
    fork = multiprocessing.get_context("fork")
    children = [fork.Process(target=_count_in_child, args=(key, 50)) for _ in range(4)]
    for child in children:
        child.start()
    for child in children:
        child.join(timeout=120)
        assert child.exitcode == 0
    assert cache.get(key) == 200


@override_settings(REGISTRY_ANON_READ_RATE="2/day")
def test_a_daily_count_outlives_the_caches_default_timeout(api, districts):
    """The cache's TIMEOUT is an hour; a daily window's counter must last the day."""
    day = datetime.datetime(2026, 11, 12, 3, 0, tzinfo=datetime.UTC)  # Beijing 11:00
    with time_machine.travel(day.timestamp(), tick=False) as clock:
        assert api.get(URL, **PUBLIC).status_code == 200
        assert api.get(URL, **PUBLIC).status_code == 200
        clock.shift(datetime.timedelta(hours=5))
        refused = api.get(URL, **PUBLIC)
        assert refused.status_code == 429
        # Until the window (a UTC day, the rate's period counted from the epoch) ends.
        assert int(refused["Retry-After"]) == 16 * 3600
        clock.shift(datetime.timedelta(hours=16))
        assert api.get(URL, **PUBLIC).status_code == 200
