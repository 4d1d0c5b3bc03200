"""Query parsing: the spelling every comparison uses, and a question's content words."""

import pytest

from search.parsing import content_text, is_question, normalize_terms


@pytest.mark.parametrize(
    ("typed", "normalized"),
    [
        ("３１５", "315"),  # full-width digits
        ("食品經營許可", "食品经营许可"),  # traditional characters
        ("商標質押登記", "商标质押登记"),
        ("3・15", "3·15"),  # the middle dots between digits, unified
        ("3 • 15", "3·15"),
        ("ＡＢＣ  红山\t区", "abc 红山 区"),  # width, case, spaces
        ("2.3亿元", "2.3亿元"),  # a decimal point stays
    ],
)
def test_normalize_terms(typed, normalized):
    assert normalize_terms(typed) == normalized


def test_normalize_terms_drops_control_characters():
    assert normalize_terms("食品\x00经营\u200b") == "食品 经营"


@pytest.mark.parametrize(
    ("query", "content"),
    [
        ("怎么办食品经营许可", "食品经营许可"),
        ("开公司要办什么手续", "开公司 手续"),
        ("个体工商户怎么办理登记注册？", "个体工商户 登记注册"),
        ("股权出质后还能转让吗", "股权出质后 转让"),
        ("营业执照", "营业执照"),  # nothing to strip
        ("怎么办", "怎么办"),  # nothing would be left: the query itself
        ("？？", "？？"),
    ],
)
def test_content_text_strips_question_words(query, content):
    assert content_text(query) == content


def test_is_question():
    assert is_question("公司注销要多久")
    assert is_question("年报截止？")
    assert not is_question("公司注销")
