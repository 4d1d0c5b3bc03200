"""How alike two trademark names are, in characters and in sound (pure functions, no Django).

The check a trademark examiner starts from (近似查询): the same characters, the same reading
with tones ignored (红山 / 宏山), a reading that differs only where many speakers do not tell
sounds apart (z/zh, n/l, an/ang …), one name inside the other, and characters in common.
`name_similarity` scores a proposed name against an existing mark in [0, 1] and says why,
with the Chinese labels the public sees. Every component is symmetric, so is the score.
The similarity check scores up to 200 candidates a request: each name's reading (its
characters, syllables and near syllables) is worked out once per process (`name_reading`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

IDENTICAL = "文字相同"
SAME_SOUND = "读音相同"
NEAR_SOUND = "读音相近"
CONTAINS = "包含关系"
SHARED_CHARACTERS = "部分字相同"

# Scores of the components; the final score is the highest that applies, so the order
# identical > same sound > near sound > containment > shared characters always holds.
IDENTICAL_SCORE = 1.0
SAME_SOUND_SCORE = 0.9
NEAR_SOUND_SCORE = 0.75
CONTAINS_BASE, CONTAINS_SPAN = 0.45, 0.25  # 0.45 … 0.70 by how much of the longer is covered
SHARED_SPAN = 0.5  # shared characters: up to 0.5 by the share of the longer name

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KEEP = re.compile(r"[\w]")
# Two-letter initials first, so "zhang" splits as zh + ang.
_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q")
_INITIALS += ("x", "r", "z", "c", "s", "y", "w")
# Initials many speakers merge (flat/retroflex, n/l, f/h): each maps to one representative.
_NEAR_INITIAL = {"zh": "z", "ch": "c", "sh": "s", "l": "n", "h": "f"}


@dataclass(frozen=True)
class Similarity:
    score: float
    reasons: tuple[str, ...]


# Code points no mark is written with: controls, lone surrogates, private use, unassigned.
_UNWRITTEN = frozenset({"Cc", "Cs", "Co", "Cn"})


def writable_name(name: str) -> str:
    """`name` without the code points no mark is written with (ordinary whitespace becomes a
    space): what a proposed name is checked and echoed as, so the engine never sees them."""
    return "".join(
        " " if ch in "\t\n\r" else ch
        for ch in name
        if ch in "\t\n\r" or unicodedata.category(ch) not in _UNWRITTEN
    )


def normalize_name(name: str) -> str:
    """The characters that carry the mark: NFKC, lowercase, no spaces or punctuation."""
    text = unicodedata.normalize("NFKC", name or "").lower()
    return "".join(ch for ch in text if _KEEP.match(ch) and ch != "_")


@lru_cache(maxsize=65536)
def syllables_of(name: str) -> tuple[str, ...]:
    """Toneless pinyin, one syllable per Chinese character (ü as v); other characters (latin
    letters, digits) are kept one by one, so "A红" gives ("a", "hong")."""
    text = normalize_name(name)
    out: list[str] = []
    # The whole name goes to pypinyin at once: its phrase dictionary picks readings (银行).
    for chunk in lazy_pinyin(text, style=Style.NORMAL, errors=lambda chars: list(chars)):
        out.append(chunk.lower())
    return tuple(out)


def full_pinyin(name: str) -> str:
    """红山 → "hong shan"."""
    return " ".join(syllables_of(name))


def pinyin_initials(name: str) -> str:
    """红山 → "h s" (first letters, as people type abbreviations)."""
    return " ".join(s[0] for s in syllables_of(name) if s)


def split_syllable(syllable: str) -> tuple[str, str]:
    """("zh", "ang") from "zhang"; a syllable without an initial gives ("", final)."""
    for initial in _INITIALS:
        if syllable.startswith(initial) and len(syllable) > len(initial):
            return initial, syllable[len(initial) :]
    return "", syllable


@lru_cache(maxsize=4096)  # a few hundred pinyin syllables, and single letters and digits
def near_syllable(syllable: str) -> str:
    """The syllable with confusable sounds merged: zh/ch/sh → z/c/s, l → n, h → f, and a final
    -ng → -n (an/ang, en/eng, in/ing, ian/iang, uan/uang). Non-pinyin tokens stay as they are."""
    if not syllable.isalpha() or not syllable.isascii() or len(syllable) == 1:
        return syllable
    initial, final = split_syllable(syllable)
    initial = _NEAR_INITIAL.get(initial, initial)
    if final.endswith("ng") and len(final) > 2:
        final = final[:-1]
    return initial + final


def near_pinyin(name: str) -> str:
    """The merged reading used for "读音相近", e.g. 宏山 and 洪三 both give "fon san"."""
    return " ".join(near_syllable(s) for s in syllables_of(name))


def _contains(longer: tuple, shorter: tuple) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


@dataclass(frozen=True)
class NameReading:
    """A name as the comparison sees it: its characters (`normalize_name`), their toneless
    syllables and the syllables with confusable sounds merged."""

    text: str
    sound: tuple[str, ...]
    near: tuple[str, ...]


@lru_cache(maxsize=65536)
def name_reading(name: str) -> NameReading:
    text = normalize_name(name)
    sound = syllables_of(text)
    return NameReading(text, sound, tuple(map(near_syllable, sound)))


def name_similarity(proposed: str, existing: str) -> Similarity:
    """Score and reasons for a proposed name against an existing mark's name."""
    return reading_similarity(name_reading(proposed), name_reading(existing))


def reading_similarity(proposed: NameReading, existing: NameReading) -> Similarity:
    """`name_similarity` of two names already read."""
    a, b = proposed.text, existing.text
    if not a or not b:
        return Similarity(0.0, ())
    if a == b:
        return Similarity(IDENTICAL_SCORE, (IDENTICAL,))
    reasons: list[str] = []
    score = 0.0
    near_a, near_b = proposed.near, existing.near
    if proposed.sound == existing.sound:
        reasons.append(SAME_SOUND)
        score = SAME_SOUND_SCORE
    elif near_a == near_b:
        reasons.append(NEAR_SOUND)
        score = NEAR_SOUND_SCORE
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    near_short, near_long = (near_a, near_b) if len(near_a) <= len(near_b) else (near_b, near_a)
    # One name inside the other, in writing or in (near) sound: 红山 in 红山牌, 宏山 in 红山牌.
    # A single character inside a longer name is only a shared character.
    if len(short) >= 2 and len(short) < len(long_):
        if short in long_ or _contains(near_long, near_short):
            reasons.append(CONTAINS)
            score = max(score, CONTAINS_BASE + CONTAINS_SPAN * len(short) / len(long_))
    shared = len(set(a) & set(b))
    if shared:
        reasons.append(SHARED_CHARACTERS)
        score = max(score, SHARED_SPAN * shared / max(len(set(a)), len(set(b))))
    return Similarity(round(min(score, 1.0), 4), tuple(reasons))
