"""Pinyin for search: syllables and initials of Chinese text, and segmentation of latin queries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from pypinyin.contrib.tone_convert import to_normal
from pypinyin.pinyin_dict import pinyin_dict

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[a-z0-9]+")
_LATIN_QUERY = re.compile(r"[A-Za-z][A-Za-z\s']*")
_LETTER_RUN = re.compile(r"[a-z]+")

# Interjection readings (嗯 n, 呣 m, 哼 hng …) are left out of the query-side syllable set:
# a user typing "n" or "hm" means initials, not these rare syllables.
_INTERJECTIONS = {"m", "n", "ng", "hm", "hng"}
_LONGEST_SYLLABLE = 6  # zhuang, chuang, shuang


@dataclass(frozen=True)
class TitlePinyin:
    """Space-separated pinyin of a text: full syllables ("hong shan") and initials ("h s")."""

    full: str
    initials: str


@dataclass(frozen=True)
class QueryPinyin:
    """What a latin query means as pinyin: full syllables, or else initials (never both)."""

    full: str = ""
    initials: str = ""


def text_pinyin(text: str) -> TitlePinyin:
    """Pinyin of Chinese text; latin words and numbers stay as lowercase tokens in both forms.

    >>> text_pinyin("红山区")
    TitlePinyin(full='hong shan qu', initials='h s q')
    """
    full: list[str] = []
    initials: list[str] = []
    # Per character would lose pypinyin's phrase dictionary (e.g. 银行 → yin hang), so the
    # text goes in whole and each chunk is classified on the way out.
    for chunk in lazy_pinyin(text or "", style=Style.NORMAL, errors="default"):
        chunk = chunk.lower()
        if _HAN.search(chunk):
            continue  # a character without a known reading
        if chunk.isascii() and chunk.isalpha() and _is_single_syllable(chunk):
            full.append(chunk)
            initials.append(chunk[0])
            continue
        for word in _WORD.findall(chunk):
            full.append(word)
            initials.append(word)
    return TitlePinyin(full=" ".join(full), initials=" ".join(initials))


def _is_single_syllable(chunk: str) -> bool:
    return chunk in syllables() or chunk in _INTERJECTIONS


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin knows (ü written v, as pypinyin's NORMAL style)."""
    found = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            normal = to_normal(reading)
            if normal.isascii() and normal.isalpha():
                found.add(normal)
    return frozenset(found - _INTERJECTIONS)


def is_latin_query(query: str) -> bool:
    """True when the query is only latin letters and spaces, so it may be pinyin."""
    return bool(_LATIN_QUERY.fullmatch(query.strip()))


def segment_syllables(letters: str) -> list[str] | None:
    """Split a run of letters into pinyin syllables, longest first; None when it cannot be done.

    >>> segment_syllables("hongshan")
    ['hong', 'shan']
    """
    valid = syllables()
    # Longest match first, backtracking when the rest cannot be segmented ("xian" stays whole,
    # "fangan" becomes "fang an").
    memo: dict[int, list[str] | None] = {}

    def from_position(start: int) -> list[str] | None:
        if start == len(letters):
            return []
        if start in memo:
            return memo[start]
        result = None
        for end in range(min(len(letters), start + _LONGEST_SYLLABLE), start, -1):
            piece = letters[start:end]
            if piece in valid:
                rest = from_position(end)
                if rest is not None:
                    result = [piece, *rest]
                    break
        memo[start] = result
        return result

    return from_position(0)


def query_pinyin(query: str) -> QueryPinyin:
    """Read a latin query as pinyin: "hongshan" → full "hong shan"; "hs" → initials "h s".

    Non-latin queries give an empty QueryPinyin.
    """
    if not is_latin_query(query):
        return QueryPinyin()
    runs = _LETTER_RUN.findall(query.lower().replace("'", " "))
    segmented = [segment_syllables(run) for run in runs]
    if runs and all(parts is not None for parts in segmented):
        return QueryPinyin(full=" ".join(" ".join(parts) for parts in segmented if parts))
    return QueryPinyin(initials=" ".join("".join(runs)))
