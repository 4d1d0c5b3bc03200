"""Chinese numerals of article numbers and amounts in capitals (人民币大写)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cms.legal.numerals import (
    amount_in_capitals,
    article_anchor,
    article_sort_key,
    chapter_anchor,
    chinese_to_int,
    clause_label,
    int_to_chinese,
)


@pytest.mark.parametrize(
    ("text", "number"),
    [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("一百一十", 110),
     ("二千零二十六", 2026), ("两百", 200)],
)  # fmt: skip
def test_chinese_to_int(text, number):
    assert chinese_to_int(text) == number


@given(st.integers(min_value=1, max_value=9999))
def test_int_to_chinese_round_trips(number):
    assert chinese_to_int(int_to_chinese(number)) == number


def test_malformed_numerals_are_refused():
    for text in ("", "一二", "十A"):
        with pytest.raises(ValueError):
            chinese_to_int(text)


def test_article_and_chapter_anchors():
    assert article_anchor("第十二条") == "article-12"
    assert article_anchor("第一百四十八条") == "article-148"
    assert article_anchor("第十二条之一") == "article-12-1"
    assert (
        article_sort_key("第十二条")
        < article_sort_key("第十二条之一")
        < article_sort_key("第十三条")
    )
    assert chapter_anchor("第七章 注册商标专用权的保护") == "chapter-7"
    assert chapter_anchor("附则") == ""
    assert clause_label(3) == "第三条" and clause_label(12) == "第十二条"
    with pytest.raises(ValueError):
        article_anchor("第12条")


@pytest.mark.parametrize(
    ("amount", "capitals"),
    [
        ("0", "零元整"),
        ("0.05", "伍分"),
        ("1.05", "壹元零伍分"),
        ("10", "壹拾元整"),
        ("3500.00", "叁仟伍佰元整"),
        ("12345.60", "壹万贰仟叁佰肆拾伍元陆角整"),
        ("10050", "壹万零伍拾元整"),
        ("100000", "壹拾万元整"),
        ("1001.01", "壹仟零壹元零壹分"),
        ("100010000", "壹亿零壹万元整"),
        ("20000000", "贰仟万元整"),
    ],
)
def test_amount_in_capitals(amount, capitals):
    assert amount_in_capitals(Decimal(amount)) == capitals
