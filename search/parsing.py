"""What a query means before it reaches the engine: normalized text and its content words.

Pure functions, no Django: search/query.py builds the engine request from them.

- `normalize_terms`: the spelling every comparison uses: NFKC (full-width letters, digits
  and punctuation become half-width: ３１５ → 315), traditional characters simplified
  (營業執照 → 营业执照, through OpenCC's t2s table), latin letters lower-cased, the many
  middle dots between digits unified (3・15, 3•15 → 3·15), spaces single.
- `content_text`: the query without the words that make it a question (怎么办, 如何, 需要哪些,
  吗…): 怎么办食品经营许可 → 食品经营许可. The engine then requires most of what is left,
  not every bigram of the sentence. The full query still counts for ranking.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")
# Middle dots between digits (3・15, 3•15) become the one the content writes (3·15); a full
# stop stays (2.3亿元 is a decimal).
_DOT_BETWEEN_DIGITS = re.compile(r"(?<=\d)\s*[·・•‧∙⋅]\s*(?=\d)")

# Words that turn a topic into a question or a request, longest first so 怎么办理 goes whole.
# They carry no topic: a page about 食品经营许可 rarely says 怎么办.
QUESTION_WORDS = tuple(
    sorted(
        {
            "怎么办理",
            "如何办理",
            "怎样办理",
            "怎么办",
            "怎么样",
            "怎么",
            "怎样",
            "如何",
            "为什么",
            "什么时候",
            "什么",
            "哪些",
            "哪里",
            "哪儿",
            "去哪",
            "多长时间",
            "多久",
            "能不能",
            "能否",
            "能",
            "可不可以",
            "是不是",
            "有没有",
            "还能",
            "可以",
            "需要",
            "要办",
            "请问",
            "我想",
            "我要",
            "想要",
            "吗",
            "呢",
            "啊",
            "呀",
            "吧",
            "么",
            "了",
            "的",
            "谁",
        },
        key=lambda word: (-len(word), word),
    )
)
_QUESTION = re.compile("|".join(map(re.escape, QUESTION_WORDS)))
_PUNCTUATION = re.compile(r"[\s?？!！,，。、;；:：\"“”'‘’()（）《》<>「」【】…~～]+")


@functools.cache
def _to_simplified():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """`text` with traditional characters simplified (only characters; words unchanged)."""
    return _to_simplified().convert(text) if text else text


def normalize_terms(raw: str) -> str:
    """The query's spelling for matching and comparing (see the module docstring)."""
    text = unicodedata.normalize("NFKC", raw or "")
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    text = simplified(text).lower()
    text = _DOT_BETWEEN_DIGITS.sub("·", text)
    return _WHITESPACE.sub(" ", text).strip()


def content_text(query: str) -> str:
    """The query without question words and punctuation (space-separated where they were);
    the query itself when nothing would be left."""
    stripped = _PUNCTUATION.sub(" ", _QUESTION.sub(" ", query))
    stripped = _WHITESPACE.sub(" ", stripped).strip()
    return stripped if any(ch.isalnum() for ch in stripped) else query


def is_question(query: str) -> bool:
    """Whether the query asks how, what, where or whether (a question word in it)."""
    return bool(_QUESTION.search(query)) or query.rstrip().endswith(("?", "？"))
