"""Reads from the index: run a public search and shape one page of results."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.utils import timezone

from .client import public_search_client
from .parsing import normalize_terms
from .query import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    PAGE_SIZE,
    build_search,
    is_searchable,
    normalize_query,
)
from .registry import registry, site_search_kinds
from .snippets import snippet_html, strip_markers
from .tuning import best_bets


@dataclass
class SearchPage:
    """One page of public search results, shaped as the API returns it."""

    query: str
    page: int
    total: int = 0
    page_size: int = PAGE_SIZE
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(site_search_kinds(), 0))
    # Every kind's public label, in display order, so clients need no list of their own.
    labels: dict[str, str] = field(
        default_factory=lambda: {name: registry()[name].label for name in site_search_kinds()}
    )
    results: list[dict] = field(default_factory=list)
    # Editors' picks for this query (search/models.py BestBet), shown above the results.
    best_bets: list[dict] = field(default_factory=list)
    # A query that would find something, offered when this one finds nothing.
    did_you_mean: str | None = None
    # True when the engine could not answer and the database did (search/mirror/).
    degraded: bool = False

    def as_answer(self) -> dict:
        """The page as the API answers it. Every field holds values made for this page alone,
        so no deep copy (`dataclasses.asdict` copied the results: a millisecond a request)."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def _fragments(highlight, field: str) -> list[str]:
    return list(highlight[field]) if highlight is not None and field in highlight else []


def matched_terms(fragment: str) -> set[str]:
    """The distinct highlighted terms of a fragment."""
    return set(re.findall(f"{HIGHLIGHT_START}(.*?){HIGHLIGHT_END}", fragment))


def best_fragment(fragments: list[str]) -> str | None:
    """The fragment matching the most distinct query terms (the engine's order breaks ties)."""
    if not fragments:
        return None
    return max(fragments, key=lambda fragment: len(matched_terms(fragment)))


def section_anchor(fragment: str, sections: list[dict]) -> str | None:
    """The anchor of the section a highlighted fragment was cut from."""
    plain = " ".join(strip_markers(fragment).split())
    for section in sections:
        if plain and plain in " ".join((section.get("text") or "").split()):
            return section.get("anchor")
    return None


def _result(hit) -> dict:
    source = hit.to_dict()
    highlight = getattr(hit.meta, "highlight", None)
    url = source.get("url", "")
    fragment = best_fragment(_fragments(highlight, "sections.text"))
    anchor = section_anchor(fragment, source.get("sections") or []) if fragment else None
    if anchor:
        url = f"{url}#{anchor}"
    fragment = fragment or best_fragment(
        _fragments(highlight, "body") or _fragments(highlight, "all_text")
    )
    return {
        "kind": source.get("kind"),
        "title": source.get("title", ""),
        "snippet": snippet_html(fragment, source.get("body", "")),
        "url": url,
        "score": hit.meta.score,
        "date": source.get("date"),
    }


def _any_hits(response) -> bool:
    """Whether any kind has a hit (the kind counts ignore the kind filter)."""
    if "kinds" not in response.aggregations:
        return response.hits.total.value > 0
    return any(bucket.doc_count for bucket in response.aggregations.kinds.buckets)


def _execute(search):
    # A kind whose index is not set up yet simply contributes nothing.
    return (
        search.using(public_search_client())
        .params(ignore_unavailable=True, allow_no_indices=True)
        .execute()
    )


def search_public(
    *, query: str, kind: str | None = None, page: int = 1, today: datetime.date | None = None
) -> SearchPage:
    """Search every kind; `counts` ignore the kind filter, `total` and `results` respect it.
    Items whose public period has ended by `today` (default: the local date) are left out.

    Engine errors propagate (the view turns "unavailable" into a 503).
    """
    text = normalize_query(query)
    result = SearchPage(query=text, page=page)
    if not is_searchable(text):
        return result
    response = _execute(build_search(text, kind=kind, page=page, today=today))
    if not _any_hits(response):
        # Nothing in any kind: try once more, asking for fewer of the words and by sound.
        response = _execute(build_search(text, kind=kind, page=page, today=today, rescue=True))
    result.total = response.hits.total.value
    # No index at all (none set up yet) answers without the aggregation: counts stay 0.
    buckets = response.aggregations.kinds.buckets if "kinds" in response.aggregations else []
    for bucket in buckets:
        if bucket.key in result.counts:
            result.counts[bucket.key] = bucket.doc_count
    result.results = [_result(hit) for hit in response.hits]
    if page == 1:
        result.best_bets = best_bets(normalize_terms(text), today or timezone.localdate())
    return result
