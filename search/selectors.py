"""Reads from the index: run a public search and shape one page of results."""

from __future__ import annotations

from dataclasses import dataclass, field

from .client import search_client
from .documents import KINDS
from .query import PAGE_SIZE, build_search, is_searchable, normalize_query
from .snippets import snippet_html


@dataclass
class SearchPage:
    """One page of public search results, shaped as the API returns it."""

    query: str
    page: int
    total: int = 0
    page_size: int = PAGE_SIZE
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    results: list[dict] = field(default_factory=list)


def _result(hit) -> dict:
    source = hit.to_dict()
    highlight = getattr(hit.meta, "highlight", None)
    fragments = []
    if highlight is not None:
        fragments = list(getattr(highlight, "body", [])) or list(getattr(highlight, "all_text", []))
    return {
        "kind": source.get("kind"),
        "title": source.get("title", ""),
        "snippet": snippet_html(fragments[0] if fragments else None, source.get("body", "")),
        "url": source.get("url", ""),
        "score": hit.meta.score,
        "date": source.get("date"),
    }


def search_public(*, query: str, kind: str | None = None, page: int = 1) -> SearchPage:
    """Search both kinds; `counts` ignore the kind filter, `total` and `results` respect it.

    Engine errors propagate (the view turns "unavailable" into a 503).
    """
    text = normalize_query(query)
    result = SearchPage(query=text, page=page)
    if not is_searchable(text):
        return result
    search = build_search(text, kind=kind, page=page).using(search_client())
    # A kind whose index is not set up yet simply contributes nothing.
    response = search.params(ignore_unavailable=True, allow_no_indices=True).execute()
    result.total = response.hits.total.value
    for bucket in response.aggregations.kinds.buckets:
        if bucket.key in result.counts:
            result.counts[bucket.key] = bucket.doc_count
    result.results = [_result(hit) for hit in response.hits]
    return result
