"""The site-wide search's answer cache (search/result_cache.py) and the Server-Timing header
(search/timing.py), against the real engine."""

import datetime
import threading
import time

import pytest
import time_machine
from django.core.cache import cache
from django.test import override_settings

from core.counters import window_claim
from search import result_cache
from search.client import EngineBusy, search_client
from search.indexing import sync_document
from search.names import alias_name
from search.result_cache import cached_answer, index_changed
from tests.factories import EnterpriseFactory

pytestmark = [pytest.mark.engine, pytest.mark.django_db]

URL = "/api/v1/search/"


@pytest.fixture
def cached(settings, indexed):
    settings.SEARCH_RESULT_SECONDS = 300
    cache.clear()
    return indexed


def timing(response) -> dict[str, str]:
    """Server-Timing as {metric: its parameters}."""
    metrics = {}
    for metric in response["Server-Timing"].split(","):
        name, _, params = metric.strip().partition(";")
        metrics[name] = params
    return metrics


def search(client, **params):
    response = client.get(URL, {"q": "红山", **params})
    assert response.status_code == 200, response.content
    return response


def test_a_repeated_search_is_answered_from_the_cache(client, cached):
    first = search(client)
    assert timing(first)["cache"] == "desc=miss"
    assert timing(first)["engine"].startswith("dur=")  # the engine was asked …
    again = search(client)
    assert timing(again)["cache"] == "desc=hit"
    assert "engine" not in timing(again)  # … and not the second time
    assert again.json() == first.json()


def test_the_cache_keeps_kind_and_page_apart(client, cached):
    everything = search(client).json()
    enterprises = search(client, kind="enterprise").json()
    assert everything["total"] == 2 and enterprises["total"] == 1
    assert timing(search(client, page=2))["cache"] == "desc=miss"


def test_a_document_written_behind_our_back_waits_for_the_next_index_change(client, cached):
    """Proof that answers come from the cache: a document put straight into the engine is
    not found until something of ours writes to the index; then it is, at once."""
    assert search(client).json()["total"] == 2
    search_client().index(
        index=alias_name("news"),
        id="999999",
        document={"kind": "news", "title": "红山区直写测试", "url": "/x/", "all_text": "红山"},
        refresh=True,
    )
    assert search(client).json()["total"] == 2  # cached: the engine was not asked
    district = cached["enterprise_hongshan"].district
    enterprise = EnterpriseFactory(name="赤峰红山新开业商行", district=district)
    assert sync_document("enterprise", enterprise.credit_code) == "indexed"
    fresh = search(client)
    assert timing(fresh)["cache"] == "desc=miss"
    assert fresh.json()["total"] == 4  # the direct write and the synced enterprise


def test_a_new_day_is_a_new_answer(client, cached):
    """Public periods end at midnight (Beijing): yesterday's answer is not today's."""
    search(client)
    tomorrow = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)
    with time_machine.travel(tomorrow, tick=True):
        assert timing(search(client))["cache"] == "desc=miss"


def test_a_cached_answer_is_served_while_the_engine_is_down(client, cached):
    first = search(client).json()
    with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9"):
        response = search(client)
        assert timing(response)["cache"] == "desc=hit" and response.json() == first
        other = client.get(URL, {"q": "松山"})
        # Nothing cached for it: the database's copy answers (search/mirror/), marked so.
        assert other.status_code == 200 and other.json()["degraded"] is True
    # The degraded answer was not kept: with the engine back, it is asked.
    assert timing(client.get(URL, {"q": "松山"}))["cache"] == "desc=miss"


def test_every_api_answer_says_our_time(client, db):
    response = client.get("/api/v1/enterprises/")
    assert response.status_code == 200
    metrics = timing(response)
    assert metrics["app"].startswith("dur=") and float(metrics["app"][4:]) > 0
    assert "engine" not in metrics and "cache" not in metrics
    missing = client.get("/api/v1/no-such-thing/")
    assert missing.status_code == 404 and "app" in timing(missing)


def test_off_means_every_search_asks_the_engine(client, indexed, settings):
    settings.SEARCH_RESULT_SECONDS = 0
    search(client)
    assert "engine" in timing(search(client))


def test_while_the_engine_is_down_the_days_last_answer_is_served_as_stale(client, cached):
    first = search(client).json()
    index_changed()  # e.g. a publish: the cached answer is no longer current
    with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9"):
        response = search(client)
        assert timing(response)["cache"] == "desc=stale" and response.json() == first
        tomorrow = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)
        with time_machine.travel(tomorrow, tick=True):
            # Never yesterday's answer (a public period may have ended at midnight): the
            # database's copy answers for the new day.
            tomorrows = client.get(URL, {"q": "红山"})
            assert tomorrows.status_code == 200 and tomorrows.json()["degraded"] is True
    fresh = search(client)
    assert timing(fresh)["cache"] == "desc=miss"  # the engine is back: asked again


def asked_at_once(compute, parts=("site", "同时", None, 1, "2026-12-07"), askers=3):
    """`cached_answer` for the same request from `askers` threads started together."""
    answers, start = [], threading.Barrier(askers)

    def ask():
        start.wait()
        try:
            answers.append(cached_answer(parts, compute))
        except RuntimeError as error:
            answers.append(error)

    threads = [threading.Thread(target=ask) for _ in range(askers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    return answers


@pytest.fixture
def asked(settings):
    """The asks of the engine a test's `compute` makes, the answer cache on and empty."""
    settings.SEARCH_RESULT_SECONDS = 300
    cache.clear()
    return []


def test_a_request_asked_at_once_asks_the_engine_once(asked):
    def compute():
        asked.append(1)
        time.sleep(0.3)  # the engine's scan
        return {"total": len(asked)}

    answers = asked_at_once(compute)
    assert len(asked) == 1
    assert sorted(from_cache for _, from_cache in answers) == [False, True, True]
    assert all(answer == {"total": 1} for answer, _ in answers)


def test_when_the_one_asking_fails_the_others_ask_for_themselves(asked):
    def compute():
        asked.append(1)
        time.sleep(0.2)
        if len(asked) == 1:
            raise RuntimeError("the engine failed")
        return {"total": 2}

    answers = asked_at_once(compute, askers=2)
    assert len(asked) == 2
    assert any(isinstance(answer, RuntimeError) for answer in answers)
    assert ({"total": 2}, False) in answers


def test_a_wait_past_the_budget_is_unavailable_not_a_second_budget(asked, settings):
    settings.SEARCH_BUDGET_SECONDS = 0.3
    parts = ("site", "久等", None, 1, "2026-12-07")
    # Another request holds the claim and never answers (its engine call hangs).
    claim = result_cache._claim_key(result_cache._key(parts), 0)
    window_claim(cache, claim, holder="another", timeout=1)
    with pytest.raises(EngineBusy):
        cached_answer(parts, lambda: asked.append(1) or {"total": 1}, unavailable=lambda e: True)
    assert asked == [], "the waiter did not ask the engine after its budget was spent"


def test_an_answer_is_fresh_for_its_seconds_then_only_a_stand_in(asked):
    parts = ("site", "五分钟", None, 1, "2026-12-07")

    def compute():
        asked.append(1)
        return {"total": len(asked)}

    def engine_down():
        raise RuntimeError("the engine is down")

    with time_machine.travel(time.time(), tick=False) as traveller:
        assert cached_answer(parts, compute) == ({"total": 1}, False)
        traveller.shift(299)
        assert cached_answer(parts, compute) == ({"total": 1}, True)
        traveller.shift(2)  # past SEARCH_RESULT_SECONDS: asked again
        assert cached_answer(parts, compute) == ({"total": 2}, False)
        index_changed()  # a new generation: asked again, the old answer kept as a stand-in
        assert cached_answer(parts, engine_down, unavailable=lambda e: True) == ({"total": 2}, True)
        with pytest.raises(RuntimeError):
            cached_answer(parts, engine_down)  # not "unavailable": the error stands


def test_a_value_of_another_shape_under_the_key_is_a_miss(asked):
    """A deploy finds what an earlier version left in the shared cache."""
    parts = ("site", "旧版本", None, 1, "2026-12-07")
    cache.set(result_cache._key(parts), {"total": 99}, timeout=60)
    assert cached_answer(parts, lambda: {"total": 1}) == ({"total": 1}, False)
