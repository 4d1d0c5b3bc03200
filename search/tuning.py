"""Editors' tuning read at query time: synonym groups and best bets (search/models.py).

Each process keeps the active synonym groups and the best bets for SYNONYMS_SECONDS, and every
save or delete of either clears that copy in every process at once through a version in the
shared cache (and moves the answer cache's generation, so answers computed with the old
tuning go too). A search then reads no tuning table: the best bets were one query a request.
"""

from __future__ import annotations

import datetime
import re
import time
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from .result_cache import index_changed

SYNONYMS_SECONDS = 60
MAX_VARIANTS = 3  # rewritten queries per search: each is one more clause for the engine
VERSION_KEY = "search:tuning-version"


@dataclass(frozen=True)
class Tuning:
    # The active groups' normalized terms, in the order written (the first is the official
    # wording, tried first).
    groups: tuple[tuple[str, ...], ...] = ()
    # Every best bet by its query, in display order: (expires_on, the bet as answered).
    bets: dict[str, tuple[tuple[datetime.date, dict], ...]] = field(default_factory=dict)


_tuning = Tuning()
_loaded: tuple[float, object] = (0.0, None)


def tuning() -> Tuning:
    """This process's copy of the tuning tables, read again when a save or delete moved the
    version or after SYNONYMS_SECONDS."""
    global _tuning, _loaded
    version = cache.get(VERSION_KEY)
    loaded_at, loaded_version = _loaded
    if time.monotonic() - loaded_at < SYNONYMS_SECONDS and loaded_version == version:
        return _tuning
    from .models import BestBet, Synonym

    groups = []
    for synonym in Synonym.objects.filter(active=True).only("terms"):
        terms = synonym.term_list()
        if len(terms) >= 2:
            groups.append(tuple(terms))
    bets: dict[str, list] = {}
    for pick in BestBet.objects.order_by("query", "position", "title"):
        answered = {"title": pick.title, "url": pick.url, "description": pick.description}
        bets.setdefault(pick.query, []).append((pick.expires_on, answered))
    _tuning = Tuning(tuple(groups), {query: tuple(picks) for query, picks in bets.items()})
    _loaded = (time.monotonic(), version)
    return _tuning


def forget() -> None:
    """Drop this process's copy (tests: a rolled-back save moves no version)."""
    global _loaded
    _loaded = (0.0, None)


def synonym_groups() -> tuple[tuple[str, ...], ...]:
    return tuning().groups


def _contains(text: str, term: str) -> bool:
    """Whether `term` occurs in `text`; a term of latin letters or digits only as a whole
    word (315 is not in 12315 or in a credit code)."""
    if term.isascii():
        return re.search(rf"(?<![0-9a-z]){re.escape(term)}(?![0-9a-z])", text) is not None
    return term in text


def rewrites(text: str, groups: tuple[tuple[str, ...], ...] | None = None) -> list[str]:
    """`text` with a term of each synonym group replaced by the group's other terms, groups
    combined (个体户注册 → 个体工商户登记 through two groups), at most MAX_VARIANTS, the
    first groups and their first terms first. Only words of `text` itself are replaced (a
    rewrite is never rewritten through another group: 开公司 → 设立登记, not on to
    个体工商户登记): the longest term of a group found in it, never by a term it contains;
    a group the text already names two ways is left alone."""
    variants = [text]
    for group in synonym_groups() if groups is None else groups:
        found = sorted((term for term in group if _contains(text, term)), key=len, reverse=True)
        if not found:
            continue
        present = found[0]
        if any(term not in present for term in found[1:]):
            continue  # the text already says it two ways
        grown = list(variants)
        for variant in variants:
            if present not in variant:
                continue
            for other in group:
                rewritten = variant.replace(present, other)
                if other not in present and rewritten not in grown:
                    grown.append(rewritten)
        variants = grown[: MAX_VARIANTS + 1]
    return variants[1:]


def best_bets(query: str, today: datetime.date) -> list[dict]:
    """Editors' picks for exactly this (normalized) query, still valid on `today`."""
    return [dict(bet) for expires_on, bet in tuning().bets.get(query, ()) if expires_on >= today]


def _tuning_changed(sender, **kwargs) -> None:
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)
    index_changed()


def connect() -> None:
    from .models import BestBet, Synonym

    for model in (Synonym, BestBet):
        post_save.connect(_tuning_changed, sender=model, dispatch_uid=f"tuning-save-{model}")
        post_delete.connect(_tuning_changed, sender=model, dispatch_uid=f"tuning-del-{model}")
