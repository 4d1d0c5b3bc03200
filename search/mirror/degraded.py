"""The degraded site-wide search: one page of results from the mirror table, for when the
engine cannot answer (down, busy, over its time budget) and no cached answer can stand in.

Same shape as the engine's answer (search/selectors.py SearchPage, `degraded: true`): counts
per kind over every kind, `total` and `results` for the kind filter, pages of PAGE_SIZE,
documents past their `public_until` day left out. Matching is by LIKE scans of CJK bigrams
and latin/digit words (search/mirror/terms.py): a row matches when it contains enough of the
query's terms (all of one or two, half of more), or when its title's pinyin matches a latin
query as the engine's pinyin fields would. Ranking: terms found in the title count
TITLE_BOOST times, a pinyin match PINYIN_BOOST times; ties go to the newer item.

All reads run within the mirror's time budget (search/mirror/budget.py). `degraded_answer`
gives None, so the caller answers 503 as before, when the mirror cannot stand in: it is empty
(never filled: run `search_reindex`) or its scan ran out of time.
"""

from __future__ import annotations

import datetime
import logging
import operator
from functools import reduce

from django.db import DatabaseError
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils import timezone

from ..pinyin import query_pinyin
from ..query import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SNIPPET_FRAGMENT_SIZE,
    TITLE_BOOST,
    is_searchable,
    normalize_query,
    page_slice,
)
from ..selectors import SearchPage
from ..snippets import snippet_html
from .budget import read_budget
from .did_you_mean import did_you_mean
from .lookups import contains, still_public
from .models import MirrorDocument
from .terms import query_terms, terms_needed

logger = logging.getLogger(__name__)

PINYIN_BOOST = 2
# A fragment starts this many characters before the first matched term it shows.
FRAGMENT_LEAD = 12
MAX_OCCURRENCES = 200


def _one_if(condition: Q) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def _total(expressions: list) -> object:
    return reduce(operator.add, expressions) if expressions else Value(0)


def pinyin_match(query: str) -> Q | None:
    """A latin query against the title's pinyin: full syllables or initials, from a syllable's
    start (as the engine's match_phrase on the pinyin fields)."""
    reading = query_pinyin(query)
    if reading.full:
        return Q(pinyin_full__startswith=reading.full) | Q(pinyin_full__contains=" " + reading.full)
    if reading.initials:
        return Q(pinyin_initials__startswith=reading.initials) | Q(
            pinyin_initials__contains=" " + reading.initials
        )
    return None


def matching_rows(query: str, today: datetime.date) -> list[tuple]:
    """(pk, kind, score, date) of every public mirror row matching `query`, best first."""
    terms = query_terms(query)
    found = [_one_if(contains("text", term) | contains("title", term)) for term in terms]
    in_title = [_one_if(contains("title", term)) for term in terms]
    pinyin = pinyin_match(query)
    rows = MirrorDocument.objects.filter(still_public(today)).annotate(
        matched=_total(found),
        pinyin_hit=_one_if(pinyin) if pinyin is not None else Value(0),
    )
    condition = Q(matched__gte=terms_needed(len(terms))) if terms else Q(pk__in=[])
    if pinyin is not None:
        condition |= Q(pinyin_hit=1)
    rows = rows.filter(condition).annotate(
        score=F("matched") + TITLE_BOOST * _total(in_title) + PINYIN_BOOST * F("pinyin_hit")
    )
    matches = list(rows.values_list("pk", "kind", "score", "date"))
    oldest = datetime.date.min
    matches.sort(key=lambda row: (-row[2], -(row[3] or oldest).toordinal(), row[0]))
    return matches


def _lowered(text: str) -> str:
    """`text` in lower case, character for character (positions stay those of `text`)."""
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def marked_fragment(text: str, terms: list[str], size: int = SNIPPET_FRAGMENT_SIZE) -> str | None:
    """The `size` characters of `text` showing the most distinct terms, with each matched
    stretch between the highlight markers search/snippets.py turns into <em>; None when no
    term occurs in `text`."""
    lowered = _lowered(text)
    occurrences: list[tuple[int, int, str]] = []
    for term in terms:
        start = lowered.find(term)
        while start != -1 and len(occurrences) < MAX_OCCURRENCES:
            occurrences.append((start, start + len(term), term))
            start = lowered.find(term, start + 1)
    if not occurrences:
        return None
    occurrences.sort()

    def shown(begin: int) -> int:
        return len({term for s, e, term in occurrences if s >= begin and e <= begin + size})

    begin = max(
        (max(0, s - FRAGMENT_LEAD) for s, _e, _t in occurrences), key=lambda b: (shown(b), -b)
    )
    end = min(len(text), begin + size)
    covered = [False] * (end - begin)
    for s, e, _term in occurrences:
        if s >= begin and e <= end:
            for i in range(s - begin, e - begin):
                covered[i] = True
    out: list[str] = []
    for i, ch in enumerate(text[begin:end]):
        if covered[i] and (i == 0 or not covered[i - 1]):
            out.append(HIGHLIGHT_START)
        out.append(ch)
        if covered[i] and (i == len(covered) - 1 or not covered[i + 1]):
            out.append(HIGHLIGHT_END)
    return "".join(out)


def result_of(row: MirrorDocument, terms: list[str], score: int) -> dict:
    """One result as search/selectors.py shapes the engine's hits."""
    text = row.text or ""
    if text.startswith(row.title):  # pages' all_text opens with the title
        text = text[len(row.title) :].lstrip()
    return {
        "kind": row.kind,
        "title": row.title,
        "snippet": snippet_html(marked_fragment(text, terms), text),
        "url": row.url,
        "score": float(score),
        "date": row.date.isoformat() if row.date else None,
    }


def degraded_answer(
    query: str, *, kind: str | None = None, page: int = 1, today: datetime.date | None = None
) -> dict | None:
    """The SearchPage (as a dict, `degraded` true) for `query` from the mirror, or None when
    the mirror cannot stand in (empty, or over its time budget)."""
    text = normalize_query(query)
    today = today or timezone.localdate()
    answer = SearchPage(query=text, page=page, degraded=True)
    try:
        with read_budget():
            if not MirrorDocument.objects.exists():
                return None
            if not is_searchable(text):
                return answer.as_answer()
            matches = matching_rows(text, today)
            for _pk, row_kind, _score, _date in matches:
                if row_kind in answer.counts:
                    answer.counts[row_kind] += 1
            selected = [m for m in matches if m[1] in answer.counts and (not kind or m[1] == kind)]
            answer.total = len(selected)
            shown = selected[page_slice(page)]
            rows = MirrorDocument.objects.in_bulk([pk for pk, *_rest in shown])
            terms = query_terms(text)
            answer.results = [result_of(rows[pk], terms, score) for pk, _k, score, _d in shown]
            if answer.total == 0:
                answer.did_you_mean = did_you_mean(text)
    except DatabaseError as error:
        logger.warning("search mirror: degraded search of %r failed: %s", text, error)
        return None
    return answer.as_answer()
