"""A slow or busy engine never holds a public request past the search time budget."""

import time

import pytest
from django.test import override_settings

from search import client as engine
from tests.search.conftest import silent_server

pytestmark = pytest.mark.django_db

connections: dict[str, list] = {}  # the silent engine's accepted connections, by its URL


@pytest.fixture
def silent_engine():
    """A server that accepts connections and never answers: an engine that hangs."""
    with silent_server() as (url, held):
        connections[url] = held
        yield url


@pytest.mark.parametrize(
    "path", ["/api/v1/search/?q=红山", "/api/v1/trademarks/?q=红山"], ids=["site", "trademarks"]
)
def test_a_hanging_engine_answers_503_once_the_budget_is_spent(client, silent_engine, path):
    with override_settings(ELASTICSEARCH_URL=silent_engine, SEARCH_BUDGET_SECONDS=0.5):
        began = time.monotonic()
        response = client.get(path)
        waited = time.monotonic() - began
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "search_unavailable"
    assert response["Retry-After"] == str(engine.RETRY_AFTER_SECONDS)
    # The budget bounds the wait (generously: this checks a bound, not a speed).
    assert waited < 5


def test_no_free_slot_within_the_budget_is_503(client):
    slots = engine._engine_slots()
    taken = 0
    while slots.acquire(blocking=False):  # every slot of this process busy elsewhere
        taken += 1
    try:
        with override_settings(SEARCH_BUDGET_SECONDS=0.2):
            response = client.get("/api/v1/search/?q=红山")
    finally:
        for _ in range(taken):
            slots.release()
    assert taken >= 1
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "search_unavailable"


def test_after_a_hang_the_next_requests_answer_503_without_waiting(client, silent_engine):
    with override_settings(ELASTICSEARCH_URL=silent_engine, SEARCH_BUDGET_SECONDS=0.5):
        first = client.get("/api/v1/search/?q=红山")
        then = [client.get("/api/v1/search/?q=食品") for _ in range(3)]
    engine._engine_down_until.pop(silent_engine, None)
    assert first.status_code == 503
    assert [response.status_code for response in then] == [503, 503, 503]
    # Only the first request reached the engine; the others did not wait on it.
    time.sleep(0.3)  # let the accepting thread take any connection still in the backlog
    assert len(connections[silent_engine]) == 1


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/api/v1/trademarks/?q=红山", None),
        ("post", "/api/v1/trademarks/similar/", {"name": "红山"}),
    ],
    ids=["trademarks", "similar"],
)
def test_a_missing_index_is_a_503_not_a_server_error(client, search_engine, method, path, body):
    """Before the first index is built (or while an operator rebuilds one) the real engine
    answers 404 to a search of the one trademark index: the public is asked to retry, never
    shown a 500. (The site-wide search names every kind's index and skips a missing one.)"""
    with override_settings(SEARCH_INDEX_PREFIX="never-built", SEARCH_RESULT_SECONDS=0):
        if body is None:
            response = client.get(path)
        else:
            response = client.post(path, body, content_type="application/json")
    assert response.status_code == 503, response.content
    assert response.json()["error"]["code"] == "search_unavailable"
    assert response["Retry-After"] == str(engine.RETRY_AFTER_SECONDS)
