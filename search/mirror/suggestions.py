"""Search suggestions as the user types: titles, enterprise and trademark names from the mirror.

A suggestion is a public mirror row whose title holds what was typed, or whose title's pinyin
begins, at a syllable, with it: full syllables, the last one possibly unfinished
("hongsh" → 红山…), or initials ("hsq" → 红山区…). The engine is never asked: it scans every
document for every query, too slow for each keystroke. Best first: titles that begin with
the text, then titles holding it, then pinyin from the title's start, then pinyin from a later
syllable; shorter titles first within each; one suggestion per distinct title.
"""

from __future__ import annotations

import datetime

from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Length
from django.utils import timezone

from ..query import normalize_query
from ..registry import registry
from .budget import read_budget
from .lookups import still_public
from .models import MirrorDocument
from .terms import typed_initials, typed_pinyin

MAX_SUGGESTIONS = 8
MAX_LENGTH = 50
# Rows read to fill MAX_SUGGESTIONS distinct titles (credit records repeat a company's name).
ROWS_READ = 40


def _pinyin_conditions(text: str) -> tuple[Q | None, Q | None]:
    """(from the title's start, from a later syllable) for a latin `text`, else (None, None)."""
    first, later = Q(pk__in=[]), Q(pk__in=[])
    found = False
    full = typed_pinyin(text)
    if full:
        first |= Q(pinyin_full__startswith=full)
        later |= Q(pinyin_full__contains=" " + full)
        found = True
    initials = typed_initials(text)
    # One or two letters as initials match half the titles: they wait for a third.
    if initials and len(initials.replace(" ", "")) >= 2:
        first |= Q(pinyin_initials__startswith=initials)
        later |= Q(pinyin_initials__contains=" " + initials)
        found = True
    return (first, later) if found else (None, None)


def suggestions(raw: str, *, today: datetime.date | None = None) -> list[dict]:
    """Up to MAX_SUGGESTIONS {text, kind, label, url} completing `raw` (see the docstring).

    Runs within the mirror's time budget; OperationalError propagates when it is spent.
    """
    text = normalize_query(raw)[:MAX_LENGTH]
    if not text:
        return []
    today = today or timezone.localdate()
    first, later = _pinyin_conditions(text)
    ranks = [
        When(title__istartswith=text, then=Value(0)),
        When(title__icontains=text, then=Value(1)),
    ]
    condition = Q(title__icontains=text)
    if first is not None:
        ranks += [When(first, then=Value(2)), When(later, then=Value(3))]
        condition |= first | later
    rows = (
        MirrorDocument.objects.filter(still_public(today))
        .filter(condition)
        .annotate(rank=Case(*ranks, default=Value(4), output_field=IntegerField()))
        .order_by("rank", Length("title"), "title", "pk")
        .values_list("title", "kind", "url")
    )
    kinds = registry()
    found: dict[str, dict] = {}
    with read_budget():
        for title, kind, url in rows[:ROWS_READ]:
            if title in found or kind not in kinds:
                continue
            found[title] = {"text": title, "kind": kind, "label": kinds[kind].label, "url": url}
            if len(found) == MAX_SUGGESTIONS:
                break
    return list(found.values())
