"""One page of public site-wide search results, as every public door answers it.

The JSON API (`GET /api/v1/search/`, search/views.py) and the HTML results page (`/search/`)
both call `public_answer`, so the two never differ in what they find, cache or count.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict

from django.utils import timezone
from elasticsearch import ApiError, TransportError

from .client import search_unanswerable
from .query import normalize_query
from .result_cache import cached_answer
from .selectors import search_public


def engine_unavailable(error: BaseException) -> bool:
    """Whether an error means "the engine cannot answer now" (down, busy, over budget)."""
    return isinstance(error, ApiError | TransportError) and search_unanswerable(error)


def public_answer(
    raw_query: str, *, kind: str | None = None, page: int = 1, today: datetime.date | None = None
) -> dict:
    """The answer (a SearchPage as a dict) for one page of results of `raw_query`.

    Answers come from search/result_cache.py when the same request was answered since the
    index last changed. Errors for which `engine_unavailable` is true propagate when no
    earlier answer can stand in; the API turns them into a 503.
    """
    query = normalize_query(raw_query)
    today = today or timezone.localdate()
    answer, _from_cache = cached_answer(
        ("site", query, kind, page, today.isoformat()),
        lambda: asdict(search_public(query=query, kind=kind, page=page, today=today)),
        unavailable=engine_unavailable,
    )
    return answer
