""" "Did you mean": for a query that finds nothing, the stretch of a mirror title closest to it.

A typo an input method makes is mostly a homophone (食品经营许克 → 许可, 注消 → 注销): the
query is aligned against each candidate title by an edit distance in which a character with
the same toneless pinyin costs half a change (approximate substring matching: the title's
best-fitting stretch, not the whole title). Candidates are the titles sharing most bigrams
with the query, read with one LIKE query within the mirror's time budget. A stretch of a
title the engine indexes is always found again, so the offer never leads to nothing.

Answers are kept in the shared cache for settings.SEARCH_RESULT_SECONDS under the index
generation (search/result_cache.py), which every index (and mirror) write moves.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import Case, Value, When
from django.db.models.functions import Length
from django.utils import timezone
from pypinyin import Style, lazy_pinyin

from ..query import is_searchable, normalize_query
from ..result_cache import GENERATION_KEY
from .budget import read_budget
from .lookups import contains, still_public
from .models import MirrorDocument
from .terms import is_han, query_terms

logger = logging.getLogger(__name__)

CANDIDATES = 60
MAX_QUERY_CHARACTERS = 40
SHORT_QUERY = 4
# Changes allowed per query character: 食品经营许克 (6) may differ by 2, 注消登记 (4) by 1.
CHANGES_PER_CHARACTER = 0.34
HOMOPHONE_COST = 0.5
_KEPT = re.compile(r"[\w]", re.UNICODE)
_NOTHING = ""  # cached for "no suggestion" (None is the cache's "absent")


@lru_cache(maxsize=8192)
def _reading(ch: str) -> str | None:
    if not is_han(ch):
        return None
    return lazy_pinyin(ch, style=Style.NORMAL)[0]


def _cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    reading = _reading(a)
    return HOMOPHONE_COST if reading is not None and reading == _reading(b) else 1.0


def closest_stretch(query: str, text: str) -> tuple[float, int, int]:
    """(distance, start, end) of the stretch text[start:end] closest to `query` (Sellers'
    approximate substring matching: the stretch may start and end anywhere)."""
    previous = [0.0] * (len(text) + 1)  # the empty query fits anywhere, for free
    starts = list(range(len(text) + 1))
    for i, q in enumerate(query, 1):
        current = [float(i)] + [0.0] * len(text)
        current_starts = [0] * (len(text) + 1)
        for j, t in enumerate(text, 1):
            choices = (
                (previous[j - 1] + _cost(q, t), starts[j - 1]),  # keep or change
                (previous[j] + 1, starts[j]),  # a query character too many
                (current[j - 1] + 1, current_starts[j - 1]),  # a text character missing
            )
            current[j], current_starts[j] = min(choices)
        previous, starts = current, current_starts
    end = min(range(len(text) + 1), key=lambda j: (previous[j], -(j - starts[j])))
    return previous[end], starts[end], end


def _compact(text: str) -> str:
    """Letters, digits and characters only, lowercase (what the engine's tokens hold)."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if _KEPT.match(ch) and ch != "_")


def _candidate_titles(terms: list[str]) -> list[str]:
    shared = [
        Case(When(contains("title", term), then=Value(1)), default=Value(0)) for term in terms
    ]
    total = shared[0]
    for expression in shared[1:]:
        total = total + expression
    rows = (
        MirrorDocument.objects.filter(still_public(timezone.localdate()))
        .annotate(shared=total, length=Length("title"))
        .filter(shared__gte=1)
        .order_by("-shared", "length", "pk")
        .values_list("title", flat=True)
    )
    return list(dict.fromkeys(rows[:CANDIDATES]))


def suggestion_for(query: str) -> str | None:
    """The best stretch of a mirror title for `query`, uncached; None when none is close."""
    wanted = _compact(query)
    terms = [term for term in query_terms(query) if len(term) > 1 or not is_han(term)]
    if len(wanted) <= SHORT_QUERY:
        # A changed character breaks both bigrams of a three-character word (红川区): its
        # characters find the candidates.
        terms += [ch for ch in dict.fromkeys(wanted) if is_han(ch)]
    if len(wanted) < 2 or len(wanted) > MAX_QUERY_CHARACTERS or not terms:
        return None
    best: tuple[float, int, str] | None = None
    for title in _candidate_titles(terms):
        compact = _compact(title)
        distance, start, end = closest_stretch(wanted, compact)
        stretch = compact[start:end]
        if len(stretch) < 2 or stretch == wanted:
            continue
        ranked = (distance, len(title), stretch)
        if best is None or ranked < best:
            best = ranked
    if best is None or best[0] > len(wanted) * CHANGES_PER_CHARACTER:
        return None
    return best[2]


def did_you_mean(query: str) -> str | None:
    """A query close to `query` that finds something, or None (see the module's docstring)."""
    text = normalize_query(query)
    if not is_searchable(text):
        return None
    seconds = settings.SEARCH_RESULT_SECONDS
    digest = hashlib.sha256(repr((cache.get(GENERATION_KEY, 0), text)).encode()).hexdigest()
    key = f"search:did-you-mean:{digest}"
    if seconds > 0:
        kept = cache.get(key)
        if kept is not None:
            return kept or None
    try:
        with read_budget():
            found = suggestion_for(text)
    except DatabaseError as error:
        logger.warning("search mirror: no did-you-mean for %r: %s", text, error)
        return None
    if seconds > 0:
        cache.set(key, found or _NOTHING, timeout=seconds)
    return found
