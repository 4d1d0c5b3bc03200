"""The name similarity of the 近似查询 (pure functions, no database)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from registry_api.trademarks.similarity import (
    CONTAINS,
    IDENTICAL,
    NEAR_SOUND,
    SAME_SOUND,
    SHARED_CHARACTERS,
    full_pinyin,
    name_reading,
    name_similarity,
    near_pinyin,
    near_syllable,
    normalize_name,
    pinyin_initials,
    reading_similarity,
)

# Common characters, so pypinyin knows them all.
HAN = st.text(alphabet="红宏鸿洪山杉三天蓝花华兰南张章记纪金锦老牌酒乳业", min_size=1, max_size=5)


def test_pinyin_without_tones_and_initials():
    assert full_pinyin("红山") == "hong shan"
    assert pinyin_initials("红山") == "h s"
    assert full_pinyin("绿A1") == "lv a 1"


@pytest.mark.parametrize(
    ("syllable", "near"),
    [("zhang", "zan"), ("chen", "cen"), ("shi", "si"), ("lan", "nan"), ("hu", "fu")],
)
def test_confusable_sounds_merge(syllable, near):
    assert near_syllable(syllable) == near


def test_homophones_and_near_sounds_share_a_reading():
    assert full_pinyin("红山") == full_pinyin("宏山") == full_pinyin("鸿山")
    assert near_pinyin("红山") == near_pinyin("洪三")  # shan / san
    assert near_pinyin("兰花") == near_pinyin("南华")  # l / n, h: hua


@pytest.mark.parametrize(
    ("existing", "reasons"),
    [
        ("红山", (IDENTICAL,)),
        ("宏山", (SAME_SOUND, SHARED_CHARACTERS)),
        ("洪三", (NEAR_SOUND,)),
        ("红山牌", (CONTAINS, SHARED_CHARACTERS)),
        ("红花", (SHARED_CHARACTERS,)),
        ("蓝天", ()),
    ],
)
def test_reasons(existing, reasons):
    assert name_similarity("红山", existing).reasons == reasons


def test_identical_outranks_homophone_outranks_near_outranks_unrelated():
    scores = [name_similarity("红山", other).score for other in ("红山", "鸿山", "洪三", "蓝天")]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) == 4


def test_spacing_case_and_width_do_not_matter():
    assert name_similarity("Ｈｏｎｇ 山", "hong山").reasons == (IDENTICAL,)


@settings(max_examples=150, deadline=None)
@given(HAN, HAN)
def test_score_is_symmetric_and_bounded(a, b):
    forward, backward = name_similarity(a, b), name_similarity(b, a)
    assert forward.score == backward.score
    assert set(forward.reasons) == set(backward.reasons)
    assert 0.0 <= forward.score <= 1.0


@settings(max_examples=150, deadline=None)
@given(HAN, HAN)
def test_nothing_scores_above_the_name_itself(a, b):
    assert name_similarity(a, a).score == 1.0
    if a != b:
        assert name_similarity(a, b).score < 1.0


@settings(max_examples=150, deadline=None)
@given(HAN, HAN)
def test_same_reading_ranks_at_least_near_reading(a, b):
    """Whatever two names are, sounding the same never scores below merely sounding alike."""
    result = name_similarity(a, b)
    if SAME_SOUND in result.reasons:
        assert result.score >= 0.9
    if NEAR_SOUND in result.reasons:
        assert 0.75 <= result.score < 0.9


@settings(max_examples=150, deadline=None)
@given(st.one_of(HAN, st.text(max_size=8)))
def test_a_name_read_once_is_read_as_its_pinyin(name):
    """`name_reading` (cached per process) holds the same readings the index is given."""
    reading = name_reading(name)
    assert reading.text == normalize_name(name)
    assert " ".join(reading.sound) == full_pinyin(reading.text)
    assert " ".join(reading.near) == near_pinyin(reading.text)
    assert reading_similarity(reading, name_reading(name)) == name_similarity(name, name)
