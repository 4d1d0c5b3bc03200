"""The Elasticsearch client, built from settings when first needed, and what counts as "down"."""

from __future__ import annotations

import threading

from django.conf import settings
from elasticsearch import ApiError, ConnectionError, ConnectionTimeout, Elasticsearch

_clients: dict[str, Elasticsearch] = {}
_lock = threading.Lock()

# Statuses with which a reachable cluster says "not now" rather than "your request is wrong".
_UNAVAILABLE_STATUSES = {429, 502, 503, 504}


def search_client() -> Elasticsearch:
    """The client for settings.ELASTICSEARCH_URL, read at call time so tests can override it."""
    url = settings.ELASTICSEARCH_URL
    with _lock:
        client = _clients.get(url)
        if client is None:
            # A short timeout and few retries: a public request must fail fast into a 503,
            # and background syncs retry on their own schedule (see search/tasks.py).
            client = Elasticsearch(url, request_timeout=10, max_retries=1, retry_on_timeout=False)
            _clients[url] = client
    return client


def engine_unavailable(exc: BaseException) -> bool:
    """True when `exc` means the engine could not be reached or is overloaded (retry later)."""
    if isinstance(exc, ConnectionError | ConnectionTimeout):
        return True
    return isinstance(exc, ApiError) and exc.meta.status in _UNAVAILABLE_STATUSES
