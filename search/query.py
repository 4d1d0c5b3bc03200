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
from .parsing import content_text, is_question, normalize_terms
from .pinyin import query_pinyin, text_pinyin
from .registry import site_search_kinds
from .tuning import rewrites

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
# A Chinese query's sound against the title's pinyin: a typo rescue, below a written match.
PINYIN_SOUND_BOOST = 1
MIN_SOUND_SYLLABLES = 3
# Up to two bigrams all must match; of more, three in four (rounded down).
MINIMUM_SHOULD_MATCH = "2<75%"
# The second try of a query that found nothing (a typo in a short word, an odd phrasing).
RESCUE_MINIMUM_SHOULD_MATCH = "2<40%"
# A query with a number in it (a document number, a year, a registration number) means that
# number: every word is required on the first try.
NUMBER_MINIMUM_SHOULD_MATCH = "100%"
_DIGIT = re.compile(r"\d")
SYNONYM_TITLE_BOOST = 2.5  # a rewrite in the title: a little under the words as typed (3)
PHRASE_SLOP = 2
TITLE_PHRASE_BOOST = 4
# Multipliers of the score by kind. Near-duplicate Q&A are collapsed anyway (collapse_key).
KIND_WEIGHTS = {"guide": 1.3, "law": 1.2, "contract": 1.2, "consultation": 0.9}
QUESTION_KIND_WEIGHTS = {"guide": 1.5, "law": 1.3, "contract": 1.3, "consultation": 1.0}

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


def text_clause(text: str, *, minimum_should_match: str = MINIMUM_SHOULD_MATCH) -> Query:
    """Most of the words of `text` in the title (boosted) or all_text. CJK text is matched as
    bigrams, so a query of five bigrams needs four of them (a typo or a stray word costs one);
    two or fewer are all required."""
    return Q(
        "multi_match",
        query=text,
        fields=[f"title^{TITLE_BOOST}", "all_text"],
        type="best_fields",
        minimum_should_match=minimum_should_match,
    )


def synonym_clause(text: str) -> Query:
    """A synonym rewrite of the query, matched in titles: a rewrite finds what is named so
    (租房合同 → 住房租赁合同), and titles are short, so each rewrite stays cheap to ask."""
    return Q(
        "match",
        title={
            "query": text,
            "minimum_should_match": MINIMUM_SHOULD_MATCH,
            "boost": SYNONYM_TITLE_BOOST,
        },
    )


def phrase_clause(text: str) -> Query:
    """The words close together and in order in the title: an exact title comes first."""
    return Q(
        "match_phrase", title={"query": text, "slop": PHRASE_SLOP, "boost": TITLE_PHRASE_BOOST}
    )


def pinyin_clauses(query: str, *, by_sound: bool = False) -> list[Query]:
    """A latin query as the title's pinyin (full syllables or initials, as a phrase); with
    `by_sound`, a Chinese query by its sound, so a homophone typo of an input method
    (注消登记 for 注销登记) still finds the title."""
    reading = query_pinyin(query)
    if reading.full:
        return [Q("match_phrase", pinyin__full={"query": reading.full, "boost": PINYIN_FULL_BOOST})]
    if reading.initials:
        return [
            Q(
                "match_phrase",
                pinyin__initials={"query": reading.initials, "boost": PINYIN_INITIALS_BOOST},
            )
        ]
    sound = text_pinyin(query).full if by_sound else ""
    if len(sound.split()) >= MIN_SOUND_SYLLABLES:
        return [
            Q(
                "match_phrase",
                pinyin__full={"query": sound, "slop": 1, "boost": PINYIN_SOUND_BOOST},
            )
        ]
    return []


def core_query(query: str, *, synonyms: list[str] | None = None, rescue: bool = False) -> Query:
    """Text relevance of `query` (as normalize_query gives it): its content words (the query
    without question words, search/parsing.py) must mostly match, or a synonym rewrite of
    them (search/tuning.py) the title, or its pinyin the title's; the phrase in the title
    raises a document above the others. `rescue` is the second try of a query that found
    nothing: fewer of its words are required, and a Chinese query is read by its sound.

    On the local engine every clause costs a scan of every document, and all_text is the
    long field: only the first clause reads it."""
    terms = normalize_terms(query)
    content = content_text(terms)
    variants = synonyms if synonyms is not None else rewrites(content)
    if rescue:
        required = RESCUE_MINIMUM_SHOULD_MATCH
    elif _DIGIT.search(content):
        required = NUMBER_MINIMUM_SHOULD_MATCH
    else:
        required = MINIMUM_SHOULD_MATCH
    should = [
        text_clause(content, minimum_should_match=required),
        phrase_clause(content),
    ]
    should += [synonym_clause(variant) for variant in variants]
    should += pinyin_clauses(content, by_sound=rescue)
    return Q("bool", should=should, minimum_should_match=1)


def kind_weights(query: str) -> list[dict]:
    """Prefer kinds that answer a how-to question (guides, laws) over a single person's Q&A,
    as a multiplier of the text score: it reorders close scores, never adds a weak match."""
    weights = QUESTION_KIND_WEIGHTS if is_question(query) else KIND_WEIGHTS
    return [{"filter": Q("term", kind=kind), "weight": weight} for kind, weight in weights.items()]


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


def with_highlight(search: Search, query: str = "") -> Search:
    """Mark matched terms in a fragment: of a linkable section (a hit there links to it), else
    of the body, else of all_text. The words marked are the query's content words (not its
    question words, nor a synonym's)."""
    options = {}
    if query:
        content = content_text(normalize_terms(query))
        options["highlight_query"] = Q("match", all_text={"query": content}).to_dict()
    return (
        search.highlight_options(
            pre_tags=[HIGHLIGHT_START],
            post_tags=[HIGHLIGHT_END],
            require_field_match=False,
            fragment_size=SNIPPET_FRAGMENT_SIZE,
            number_of_fragments=1,
            **options,
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
    query: str,
    *,
    kind: str | None = None,
    page: int = 1,
    today: datetime.date | None = None,
    rescue: bool = False,
) -> Search:
    """The whole request for one page of public search results (as public on `today`);
    `rescue` for the second try of a query that found nothing (core_query)."""
    today = today or timezone.localdate()
    relevance = Q(
        "function_score",
        query=core_query(query, rescue=rescue),
        functions=kind_weights(query),
        score_mode="first",
        boost_mode="multiply",
    )
    search = Search(index=search_indices()).query(
        Q("bool", must=[relevance], filter=[still_public(today)])
    )
    # One of each group of near-identical documents (the same question asked many times);
    # equal scores in the order of their address, so a page never repeats the previous one.
    search = search.extra(collapse={"field": "collapse_key"}).sort("_score", {"url": "asc"})
    search = search.source(["kind", "title", "url", "date", "body", "sections"])
    search = search.extra(track_total_hits=True)
    search.aggs.bucket("kinds", kind_counts_aggregation())
    restrict = kind_filter(kind)
    if restrict is not None:
        search = search.post_filter(restrict)
    search = with_highlight(search, query)
    return search[page_slice(page)]
