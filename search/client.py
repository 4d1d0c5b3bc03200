"""The Elasticsearch clients, built from settings when first needed, and what counts as "down".

Two clients share one connection pool per URL but not their limits:
- `search_client()` for background work (indexing, reindex, drift checks): a 10 s timeout.
- `public_search_client()` for public requests: each engine call must find a free slot and
  finish within the time budget (settings.SEARCH_BUDGET_SECONDS, queueing included), or it
  fails as "unavailable" and the view answers 503 with Retry-After. A slow or absent engine
  thus ties up a web worker's thread for at most the budget, and at most
  settings.SEARCH_CONCURRENCY threads per process wait on the engine at once: the other
  threads keep serving the registries. Once a call found the engine down or hanging, the
  process answers 503 at once for ENGINE_DOWN_SECONDS instead of waiting again.
"""

from __future__ import annotations

import contextvars
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from elastic_transport import Transport
from elasticsearch import ApiError, ConnectionError, ConnectionTimeout, Elasticsearch

_clients: dict[tuple[str, bool], Elasticsearch] = {}
_lock = threading.Lock()
_slots: threading.BoundedSemaphore | None = None

# Statuses with which a reachable cluster says "not now" rather than "your request is wrong".
_UNAVAILABLE_STATUSES = {429, 502, 503, 504}
# Seconds a client is asked to wait before retrying after a 503 of ours.
RETRY_AFTER_SECONDS = 5


class EngineBusy(ConnectionTimeout):
    """No engine slot became free within the time budget."""


def _engine_slots() -> threading.BoundedSemaphore:
    global _slots
    with _lock:
        if _slots is None:
            _slots = threading.BoundedSemaphore(settings.SEARCH_CONCURRENCY)
    return _slots


# After an engine call of a public request timed out or could not connect, the process's
# public requests answer 503 at once for this long instead of each spending its budget.
ENGINE_DOWN_SECONDS = 5
_engine_down_until: dict[str, float] = {}  # by engine URL


@dataclass
class EngineTime:
    """The engine calls of one public request and their time, and whether its answer came
    from search/result_cache.py (for its Server-Timing)."""

    calls: int = 0
    seconds: float = 0.0
    cache: str | None = None  # "hit" or "miss" when the answer cache was asked


_engine_time: contextvars.ContextVar[EngineTime | None] = contextvars.ContextVar(
    "engine_time", default=None
)


def engine_time_start() -> EngineTime:
    """Count the engine time of the public calls made from here on in this context (request)."""
    timer = EngineTime()
    _engine_time.set(timer)
    return timer


def engine_time_current() -> EngineTime | None:
    return _engine_time.get()


class BudgetedTransport(Transport):
    """A transport whose every request waits at most the budget for a slot, and then gets
    what is left of the budget as its timeout."""

    def perform_request(self, method, target, **kwargs):
        url = settings.ELASTICSEARCH_URL
        if time.monotonic() < _engine_down_until.get(url, 0.0):
            raise EngineBusy("search engine found unavailable moments ago")
        try:
            return self._within_budget(method, target, **kwargs)
        except EngineBusy:
            raise  # busy with our own requests, not down
        except (ConnectionError, ConnectionTimeout):
            _engine_down_until[url] = time.monotonic() + ENGINE_DOWN_SECONDS
            raise

    def _within_budget(self, method, target, **kwargs):
        budget = settings.SEARCH_BUDGET_SECONDS
        began = time.monotonic()
        slots = _engine_slots()
        if not slots.acquire(timeout=budget):
            raise EngineBusy(f"no search engine slot within {budget} s")
        try:
            left = budget - (time.monotonic() - began)
            if left <= 0:
                raise EngineBusy(f"search budget of {budget} s spent waiting for a slot")
            kwargs["request_timeout"] = left
            timer, called = _engine_time.get(), time.perf_counter()
            try:
                return super().perform_request(method, target, **kwargs)
            finally:
                if timer is not None:  # the round trip alone, not the wait for a slot
                    timer.calls += 1
                    timer.seconds += time.perf_counter() - called
        finally:
            slots.release()


def _client(*, public: bool) -> Elasticsearch:
    """The client for settings.ELASTICSEARCH_URL, read at call time so tests can override it."""
    key = (settings.ELASTICSEARCH_URL, public)
    with _lock:
        client = _clients.get(key)
        if client is None:
            # Few retries: a public request must fail fast into a 503, and background syncs
            # retry on their own schedule (see search/tasks.py).
            if public:
                client = Elasticsearch(
                    key[0], transport_class=BudgetedTransport, max_retries=0, retry_on_timeout=False
                )
            else:
                client = Elasticsearch(
                    key[0], request_timeout=10, max_retries=1, retry_on_timeout=False
                )
            _clients[key] = client
    return client


def search_client() -> Elasticsearch:
    """For background work: indexing, reindexing, drift checks, management commands."""
    return _client(public=False)


def public_search_client() -> Elasticsearch:
    """For public requests: bounded by the search time budget and concurrency (see above)."""
    return _client(public=True)


def engine_unavailable(exc: BaseException) -> bool:
    """True when `exc` means the engine could not be reached, is overloaded, or did not answer
    within the budget (retry later)."""
    if isinstance(exc, ConnectionError | ConnectionTimeout):
        return True
    return isinstance(exc, ApiError) and exc.meta.status in _UNAVAILABLE_STATUSES


def search_unanswerable(exc: BaseException) -> bool:
    """For a public search request: the engine is unavailable (above), or the index it names
    is missing (a 404 to a `_search`: a fresh install before its first index, an operator's
    rebuild). Either way the caller should retry later (503), not see a server error."""
    if engine_unavailable(exc):
        return True
    return isinstance(exc, ApiError) and exc.meta.status == 404
