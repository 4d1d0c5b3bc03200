"""One page of public site-wide search results, as every public door answers it.

The JSON API (`GET /api/v1/search/`, search/views.py) and the HTML results page (`/search/`)
both call `public_answer`, so the two never differ in what they find, cache or count.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from elasticsearch import ApiError, TransportError

from .analytics.recording import record_search
from .client import search_unanswerable
from .mirror.degraded import degraded_answer
from .mirror.did_you_mean import did_you_mean
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
    index last changed. When the engine is unavailable (`engine_unavailable`) and no earlier
    answer can stand in, the mirror table answers (`degraded: true`); if it cannot either,
    the error propagates and the API turns it into a 503.
    """
    query = normalize_query(raw_query)
    today = today or timezone.localdate()
    try:
        answer, _from_cache = cached_answer(
            ("site", query, kind, page, today.isoformat()),
            lambda: with_did_you_mean(
                search_public(query=query, kind=kind, page=page, today=today).as_answer()
            ),
            unavailable=engine_unavailable,
        )
    except (ApiError, TransportError) as error:
        # The database's copy answers instead (search/mirror/degraded.py), unless it cannot
        # either (empty, or over its own time budget): then the 503 stands.
        if not engine_unavailable(error):
            raise
        degraded = degraded_answer(query, kind=kind, page=page, today=today)
        if degraded is None:
            raise
        return degraded
    record_search(answer, kind=kind, page=page)
    return answer


def with_did_you_mean(answer: dict) -> dict:
    """An answer that found nothing offers a query that would (search/mirror/did_you_mean.py);
    computed with the answer, so the result cache keeps it too."""
    if answer["total"] == 0 and answer.get("did_you_mean") is None:
        answer["did_you_mean"] = did_you_mean(answer["query"])
    return answer
