"""Engine queries of the trademark library, as pure components (read through `.to_dict()`).

Three requests: the library search behind `GET /trademarks/?q=` (the public search's core query,
the API's filters as engine filters, facet counts per class and status), and the candidate
search of the similarity check, which casts a wide net — any shared character, the same full
reading, the same "near" reading, the same initials — for similarity.py to rank; and the
logo check's, which asks for marks whose logo fingerprints share tiles (the engine cannot
count differing bits: logos.py does).
"""

from __future__ import annotations

from elasticsearch.dsl import A, Q, Search
from elasticsearch.dsl.query import Query

from search.names import alias_name
from search.query import core_query

from .logos import hash_blocks
from .similarity import full_pinyin, near_pinyin, normalize_name, pinyin_initials

LIST_PAGE_SIZE = 20
MAX_LIST_PAGE = 100
CANDIDATES = 200  # engine hits the similarity check re-ranks
LOGO_CANDIDATES = 500  # engine hits the logo check re-ranks by the fingerprints' distance

# API filter name → (document field, kind of filter).
TERM_FILTERS = {
    "class": "classes",
    "status": "status",
    "recognition": "recognition",
    "gi": "gi_kind",
    "mark_type": "mark_type",
    "owner": "credit_code",
    "district": "district_code",
}
RANGE_FILTERS = {
    "applied_after": ("applied_on", "gte"),
    "applied_before": ("applied_on", "lte"),
    "registered_after": ("registered_on", "gte"),
    "registered_before": ("registered_on", "lte"),
    "expires_after": ("expires_on", "gte"),
    "expires_before": ("expires_on", "lte"),
    "updated_since": ("updated_at", "gte"),
}


def trademark_filters(cleaned: dict) -> list[Query]:
    """Engine filters from the list's validated filter values (TrademarkFilter's form)."""
    filters = []
    for name, field in TERM_FILTERS.items():
        value = cleaned.get(name)
        if value not in (None, ""):
            filters.append(Q("term", **{field: str(value)}))
    for name, (field, op) in RANGE_FILTERS.items():
        value = cleaned.get(name)
        if value is not None:
            filters.append(Q("range", **{field: {op: value.isoformat()}}))
    return filters


def library_search(query: str, cleaned: dict, page: int) -> Search:
    """One page of `?q=` results with facet counts of the matching marks per class and status."""
    page = min(max(page, 1), MAX_LIST_PAGE)
    search = Search(index=alias_name("trademark")).query(
        Q("bool", must=[core_query(query)], filter=trademark_filters(cleaned))
    )
    search = search.source(False).extra(track_total_hits=True)
    search.aggs.bucket("classes", A("terms", field="classes", size=45))
    search.aggs.bucket("status", A("terms", field="status", size=20))
    start = (page - 1) * LIST_PAGE_SIZE
    return search[start : start + LIST_PAGE_SIZE]


def candidate_query(name: str) -> Query:
    """Marks that share a character or a reading with `name`, written or spoken alike."""
    characters = " ".join(normalize_name(name))
    should = [
        Q("match", name_chars={"query": characters, "boost": 1}),
        Q("match", pinyin_near={"query": near_pinyin(name), "boost": 1}),
        Q("match_phrase", pinyin_near={"query": near_pinyin(name), "boost": 3}),
        Q("match_phrase", pinyin__full={"query": full_pinyin(name), "boost": 4}),
        Q("match_phrase", name_chars={"query": characters, "boost": 5}),
    ]
    initials = pinyin_initials(name)
    if len(initials.split()) >= 2:  # one letter would match a good part of the library
        should.append(Q("match_phrase", pinyin__initials={"query": initials, "boost": 0.5}))
    return Q("bool", should=should, minimum_should_match=1)


def _class_filters(classes: list[int]) -> list[Query]:
    return [Q("terms", classes=[str(c) for c in classes])] if classes else []


def candidate_search(name: str, classes: list[int]) -> Search:
    """Candidates for the similarity check, restricted to `classes` when given: marks in
    other classes do not conflict (the examiners' practice compares within classes)."""
    search = Search(index=alias_name("trademark")).query(
        Q("bool", must=[candidate_query(name)], filter=_class_filters(classes))
    )
    return search.source(False)[:CANDIDATES]


def logo_candidate_query(fingerprint: str) -> Query:
    """Marks whose logo shares at least one tile with `fingerprint`, more shared tiles first
    (one `term` per tile, so the score counts them; rare tiles weigh more)."""
    should = [Q("term", logo_blocks=block) for block in hash_blocks(fingerprint)]
    return Q("bool", should=should, minimum_should_match=1)


def logo_candidate_search(fingerprint: str, classes: list[int]) -> Search:
    """Candidates for the logo check, restricted to `classes` like the name check."""
    search = Search(index=alias_name("trademark")).query(
        Q("bool", must=[logo_candidate_query(fingerprint)], filter=_class_filters(classes))
    )
    return search.source(False)[:LOGO_CANDIDATES]
