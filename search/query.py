"""The public search query, built from small pure components assembled by one builder.

Each component returns an `elasticsearch.dsl` object, so tests read them through `.to_dict()`.
User text only ever reaches the engine inside match-family queries, which analyze it as plain
text: query-string syntax such as `"(){}[]:\\/` has no meaning there.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from django.utils import timezone
from elasticsearch.dsl import A, Q, Search
from elasticsearch.dsl.query import Query

from .names import alias_name
from .pinyin import query_pinyin
from .registry import site_search_kinds

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 10
MAX_PAGE = 100  # 1,000 results are plenty to browse and stay far below max_result_window
SNIPPET_FRAGMENT_SIZE = 80
# Several section fragments, so the result can link to the section matching most query words.
SECTION_FRAGMENTS = 3

# Private-use characters mark highlighted terms; search/snippets.py escapes the text and turns
# them into <em>…</em>, so the engine never decides what HTML reaches the page.
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"

TITLE_BOOST = 3
PINYIN_FULL_BOOST = 2
PINYIN_INITIALS_BOOST = 1.5

_WHITESPACE = re.compile(r"\s+")


def normalize_query(raw: str) -> str:
    """The query as searched: NFKC (full-width → half-width), no control characters, single
    spaces, at most MAX_QUERY_LENGTH characters."""
    text = unicodedata.normalize("NFKC", raw or "")
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return _WHITESPACE.sub(" ", text).strip()[:MAX_QUERY_LENGTH]


def is_searchable(query: str) -> bool:
    """False when nothing in the query can match (empty, or only punctuation and symbols)."""
    return any(ch.isalnum() for ch in query)


def core_query(query: str) -> Query:
    """Text relevance: every word in the title (boosted) or all_text; for latin-letter queries,
    also the title's pinyin as a phrase of full syllables or of initials."""
    should = [
        Q(
            "multi_match",
            query=query,
            fields=[f"title^{TITLE_BOOST}", "all_text"],
            type="best_fields",
            operator="and",
        )
    ]
    reading = query_pinyin(query)
    if reading.full:
        should.append(
            Q("match_phrase", pinyin__full={"query": reading.full, "boost": PINYIN_FULL_BOOST})
        )
    if reading.initials:
        should.append(
            Q(
                "match_phrase",
                pinyin__initials={"query": reading.initials, "boost": PINYIN_INITIALS_BOOST},
            )
        )
    return Q("bool", should=should, minimum_should_match=1)


def kind_filter(kind: str | None) -> Query | None:
    """Restrict results to one kind; None means every kind."""
    return Q("term", kind=kind) if kind else None


def still_public(today: datetime.date) -> Query:
    """Hide documents whose `public_until` day has come (a credit record whose publicity
    ended), so they vanish on that day even before a sync or reindex removes them. Documents
    without the field (every other kind) are unaffected."""
    return Q(
        "bool",
        should=[
            Q("bool", must_not=[Q("exists", field="public_until")]),
            Q("range", public_until={"gt": today.isoformat()}),
        ],
        minimum_should_match=1,
    )


def kind_counts_aggregation() -> A:
    """Hits per kind, over the query without the kind filter (that one is a post_filter)."""
    return A("terms", field="kind", size=len(site_search_kinds()))


def with_highlight(search: Search) -> Search:
    """Mark matched terms in a fragment: of a linkable section (a hit there links to it), else
    of the body, else of all_text."""
    return (
        search.highlight_options(
            pre_tags=[HIGHLIGHT_START],
            post_tags=[HIGHLIGHT_END],
            require_field_match=False,
            fragment_size=SNIPPET_FRAGMENT_SIZE,
            number_of_fragments=1,
        )
        .highlight("sections.text", number_of_fragments=SECTION_FRAGMENTS)
        .highlight("body", "all_text")
    )


def page_slice(page: int) -> slice:
    """The hits of 1-based `page`."""
    page = min(max(page, 1), MAX_PAGE)
    return slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)


def search_indices() -> list[str]:
    """The aliases of every kind in the site-wide search: one request searches them all."""
    return [alias_name(kind) for kind in site_search_kinds()]


def build_search(
    query: str, *, kind: str | None = None, page: int = 1, today: datetime.date | None = None
) -> Search:
    """The whole request for one page of public search results (as public on `today`)."""
    today = today or timezone.localdate()
    search = Search(index=search_indices()).query(
        Q("bool", must=[core_query(query)], filter=[still_public(today)])
    )
    search = search.source(["kind", "title", "url", "date", "body", "sections"])
    search = search.extra(track_total_hits=True)
    search.aggs.bucket("kinds", kind_counts_aggregation())
    restrict = kind_filter(kind)
    if restrict is not None:
        search = search.post_filter(restrict)
    search = with_highlight(search)
    return search[page_slice(page)]
