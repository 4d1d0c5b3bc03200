"""A query as the mirror matches it: CJK bigrams and latin/digit words, and pinyin patterns.

The engine's analyzer (search/analysis.py) cuts Chinese into overlapping two-character
tokens; the mirror does the same on the query side and looks each one up with LIKE, so a
two-character word is found (SQLite's FTS5 trigram tokenizer would find nothing for it).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from ..parsing import content_text, normalize_terms
from ..pinyin import segment_syllables, syllables

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(f"[{_HAN}]+|[a-z0-9]+")
_LETTERS = re.compile(r"[a-z]+")
# A question is long: its terms are capped (each costs a LIKE over every row).
MAX_TERMS = 24


def is_han(text: str) -> bool:
    return bool(re.fullmatch(f"[{_HAN}]+", text))


def query_terms(query: str) -> list[str]:
    """The distinct terms of a query, in order: CJK bigrams (a lone character stays one
    term) and lowercase latin/digit words; punctuation and spaces only separate. The query
    is read as the engine's query reads it (search/parsing.py): normalised (traditional
    characters simplified) and without its question words.

    >>> query_terms("食品经营许可 2025年")
    ['食品', '品经', '经营', '营许', '许可', '2025', '年']
    """
    text = content_text(normalize_terms(query or ""))
    terms: list[str] = []
    for run in _RUN.findall(text):
        if is_han(run) and len(run) > 1:
            terms.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            terms.append(run)
    return list(dict.fromkeys(terms))[:MAX_TERMS]


def terms_needed(count: int) -> int:
    """How many of `count` terms a row must contain: all of one or two, else half (rounded
    up), so a question's filler words (怎么, 如何) do not keep its subject from being found."""
    return count if count <= 2 else math.ceil(count / 2)


@lru_cache(maxsize=1)
def syllable_prefixes() -> frozenset[str]:
    """Every non-empty beginning of a pinyin syllable ("z", "zh", "zha", … "zhuang")."""
    return frozenset(s[:i] for s in syllables() for i in range(1, len(s) + 1))


def typed_pinyin(query: str) -> str | None:
    """A latin query read as full syllables whose last one may still be being typed, as the
    index writes pinyin: "hongsh" → "hong sh", "hong shan" → "hong shan"; None when the
    letters are not pinyin (or the query is not only letters and spaces)."""
    text = (query or "").lower().replace("'", " ")
    if not text.strip() or not re.fullmatch(r"[a-z\s]+", text):
        return None
    runs = _LETTERS.findall(text)
    parts: list[str] = []
    for position, run in enumerate(runs):
        whole = segment_syllables(run)
        if whole is not None:
            parts.extend(whole)
            continue
        if position != len(runs) - 1:
            return None
        # The last run may end in an unfinished syllable: the longest finished rest first.
        for cut in range(len(run) - 1, 0, -1):
            head = segment_syllables(run[:cut])
            if head is not None and run[cut:] in syllable_prefixes():
                parts.extend([*head, run[cut:]])
                break
        else:
            if run not in syllable_prefixes():
                return None
            parts.append(run)
    return " ".join(parts)


def typed_initials(query: str) -> str | None:
    """A latin query read as initials, as the index writes them: "hsq" → "h s q"."""
    letters = "".join(_LETTERS.findall((query or "").lower()))
    if not letters or not re.fullmatch(r"[a-z\s']+", (query or "").lower()):
        return None
    return " ".join(letters)
