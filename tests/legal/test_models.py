"""Model rules of laws and contract templates: the admin and the content loader share them."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from cms.legal.models import LawPage, contract_template_problems
from cms.legal.validation_messages import stream_field_messages, validation_messages

from .pages import (
    CURRENT_CLAUSES,
    EARLIER_CLAUSES,
    clauses,
    edition,
    fill_fields,
    law_chapters,
    publish_contract,
    publish_law,
)

pytestmark = pytest.mark.django_db


def law_errors(**fields) -> list[str]:
    values = {
        "title": "测试法",
        "slug": "test-law",
        "issuing_body": "全国人民代表大会常务委员会",
        "promulgation_date": datetime.date(2020, 1, 1),
        "effective_date": datetime.date(2020, 6, 1),
        "level": "law",
        "chapters": law_chapters(),
        **fields,
    }
    page = LawPage(**values)
    errors = stream_field_messages(page)
    try:
        page.clean_fields(exclude=["path", "depth", "url_path", "content_type", "locale"])
    except ValidationError as error:
        errors += validation_messages(error)
    return errors + [f"{k}：{v}" for k, v in page.cross_field_errors().items()]


def test_a_valid_law_has_no_errors():
    assert law_errors() == []


def test_article_numbers_must_be_chinese_article_numbers():
    chapters = law_chapters([("第一章 总则", [("第1条", "条文。")])])
    errors = law_errors(chapters=chapters)
    assert any("条号格式应为" in message for message in errors), errors


def test_article_numbers_are_unique_and_ascending():
    duplicate = law_chapters(
        [("第一章", [("第一条", "甲。"), ("第二条", "乙。")]), ("第二章", [("第二条", "丙。")])]
    )
    assert any("“第二条”重复" in m for m in law_errors(chapters=duplicate))
    backwards = law_chapters([("第一章", [("第十条", "甲。"), ("第九条", "乙。")])])
    assert any("应排在" in m for m in law_errors(chapters=backwards))


def test_effective_date_not_before_promulgation():
    errors = law_errors(effective_date=datetime.date(2019, 1, 1))
    assert errors == ["effective_date：施行日期不能早于公布日期"]


def test_unknown_level_is_refused():
    assert any("level" in m for m in law_errors(level="treaty"))


def test_law_articles_carry_anchors(legal):
    page = publish_law(legal)
    articles = page.articles()
    assert [a["anchor"] for _, a in articles] == ["article-1", "article-2", "article-55"]
    assert articles[2][0] == "第七章 法律责任"
    assert articles[2][1]["paragraphs"][1] == "增加赔偿的金额不足五百元的，为五百元。"
    assert page.article_count == 3


def editions():
    return [
        edition("2026", "2026版", datetime.date(2026, 3, 1), CURRENT_CLAUSES),
        edition("2021", "2021版", datetime.date(2021, 3, 1), EARLIER_CLAUSES),
    ]


def test_a_valid_contract_template_has_no_problems():
    assert contract_template_problems(fill_fields(), editions()) == []


def test_every_placeholder_of_the_current_edition_needs_a_field():
    fields = [f for f in fill_fields() if f.name != "租期"]
    problems = contract_template_problems(fields, editions())
    assert problems == ["2026版：占位符“{{租期}}”没有对应的填写项"]


def test_placeholders_of_earlier_editions_need_no_field():
    older = edition(
        "2019", "2019版", datetime.date(2019, 1, 1), [(1, "旧条款", "{{已删除的字段}}")]
    )
    assert contract_template_problems(fill_fields(), [*editions(), older]) == []


def test_unused_fields_and_duplicates_are_reported():
    fields = fill_fields() + fill_fields([("月租金", "重复", "amount", True, "")])
    fields += fill_fields([("保证金", "保证金", "amount", True, "")])
    twin = edition("2026", "2026版（重印）", datetime.date(2026, 3, 1), CURRENT_CLAUSES)
    problems = contract_template_problems(fields, [*editions(), twin])
    assert "填写项字段名“月租金”重复" in problems
    assert "版本代码“2026”重复：每个版本必须不同" in problems
    assert "发布日期“2026-03-01”重复：每个版本必须不同" in problems
    assert any("“保证金”没有在现行版本" in p for p in problems)


def test_capitals_only_for_amounts():
    rows = [*CURRENT_CLAUSES, (5, "期限大写", "共{{租期|大写}}个月。")]
    problems = contract_template_problems(
        fill_fields(), [edition("2026", "2026版", datetime.date(2026, 3, 1), rows)]
    )
    assert problems == ["2026版：“租期”不是金额，不能使用“|大写”"]


def edition_errors(**fields) -> list[str]:
    candidate = edition("2026", "2026版", datetime.date(2026, 3, 1), CURRENT_CLAUSES)
    for name, value in fields.items():
        setattr(candidate, name, value)
    errors = stream_field_messages(candidate)
    try:
        candidate.full_clean(exclude=["page", "sort_order"])
    except ValidationError as error:
        errors += validation_messages(error)
    return errors


def test_a_valid_edition_has_no_errors():
    assert edition_errors() == []


def test_edition_checks_slug_clause_numbers_and_braces():
    assert any("版本代码只能是" in m for m in edition_errors(slug="2026-v2"))
    unordered = clauses([(2, "乙", "文。"), (1, "甲", "文。")])
    assert any("条款序号应依次递增" in m for m in edition_errors(clauses=unordered))
    broken = clauses([(1, "甲", "甲方：{{甲方名称}")])
    assert any("花括号不成对" in m for m in edition_errors(clauses=broken))
    assert any("花括号不成对" in m for m in edition_errors(preamble="甲方：{甲方名称}}"))
    unknown_format = clauses([(1, "甲", "{{月租金|小写}}")])
    assert any("格式无效" in m for m in edition_errors(clauses=unknown_format))


def test_field_names_cannot_hold_braces_or_spaces():
    field = fill_fields([("甲方 名称", "甲方", "text", True, "")])[0]
    with pytest.raises(ValidationError) as raised:
        field.full_clean(exclude=["page", "sort_order"])
    assert "name" in raised.value.message_dict


def test_page_clean_sees_in_memory_inlines(legal):
    page = publish_contract(legal)
    page.fill_fields = [f for f in fill_fields() if f.name != "月租金"]
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    assert "2026版：占位符“{{月租金}}”没有对应的填写项" in raised.value.messages


def test_current_edition_is_the_newest_whatever_the_order(legal):
    page = publish_contract(
        legal,
        editions=[
            edition("2021", "2021版", datetime.date(2021, 3, 1), EARLIER_CLAUSES),
            edition("2026", "2026版", datetime.date(2026, 3, 1), CURRENT_CLAUSES),
        ],
    )
    assert page.current().slug == "2026"
    assert [e.slug for e in page.editions_newest_first()] == ["2026", "2021"]
    assert [c["key"] for c in page.comparisons] == ["2021-2026"]
