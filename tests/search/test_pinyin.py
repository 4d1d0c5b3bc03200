"""Pinyin of titles and segmentation of latin queries (pure functions)."""

import pytest

from search.pinyin import (
    QueryPinyin,
    TitlePinyin,
    is_latin_query,
    query_pinyin,
    segment_syllables,
    syllables,
    text_pinyin,
)


def test_text_pinyin_gives_syllables_and_initials():
    assert text_pinyin("红山区") == TitlePinyin(full="hong shan qu", initials="h s q")


def test_text_pinyin_uses_phrase_readings():
    # 银行 is yin hang, not yin xing: the text goes to pypinyin whole.
    assert text_pinyin("长春银行").full == "chang chun yin hang"


def test_text_pinyin_keeps_latin_words_and_numbers_and_drops_punctuation():
    assert text_pinyin("2026年ABC会议，") == TitlePinyin(
        full="2026 nian abc hui yi", initials="2026 n abc h y"
    )


def test_text_pinyin_writes_u_umlaut_as_v():
    assert text_pinyin("绿色").full == "lv se"


def test_text_pinyin_of_empty_text():
    assert text_pinyin("") == TitlePinyin(full="", initials="")


def test_syllable_set_is_the_toneless_inventory():
    found = syllables()
    assert {"hong", "shan", "zhuang", "lv", "a", "er"} <= found
    assert not {"h", "s", "n", "m", "ng"} & found
    assert 380 < len(found) < 450


@pytest.mark.parametrize(
    ("letters", "expected"),
    [
        ("hongshan", ["hong", "shan"]),
        ("hongshanqu", ["hong", "shan", "qu"]),
        ("xian", ["xian"]),  # longest match first
        ("fangan", ["fang", "an"]),  # backtracks when the longest leaves an unusable rest
        ("zhuangchuang", ["zhuang", "chuang"]),
        ("hs", None),
        ("hongs", None),
        ("", []),
    ],
)
def test_segment_syllables(letters, expected):
    assert segment_syllables(letters) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hongshan", QueryPinyin(full="hong shan")),
        ("HongShan", QueryPinyin(full="hong shan")),
        ("hong shan qu", QueryPinyin(full="hong shan qu")),
        ("xi'an", QueryPinyin(full="xi an")),
        ("hs", QueryPinyin(initials="h s")),
        ("hsq", QueryPinyin(initials="h s q")),
        ("nh", QueryPinyin(initials="n h")),
        ("红山", QueryPinyin()),
        ("hong山", QueryPinyin()),
        ("2026", QueryPinyin()),
        ("", QueryPinyin()),
    ],
)
def test_query_pinyin(query, expected):
    assert query_pinyin(query) == expected


@pytest.mark.parametrize(
    ("query", "latin"),
    [("hongshan", True), (" hong shan ", True), ("红山", False), ("abc1", False), ("", False)],
)
def test_is_latin_query(query, latin):
    assert is_latin_query(query) is latin
