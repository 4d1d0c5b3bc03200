"""Indexing and searching against the real engine: Chinese, pinyin, highlights, privacy."""

import pytest

from search.client import search_client
from search.indexing import sync_document
from search.names import alias_name
from search.selectors import search_public

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


def urls(page) -> set[str]:
    return {result["url"] for result in page.results}


def test_chinese_query_finds_news_and_enterprise_with_highlight(indexed):
    news, enterprise = indexed["news_hongshan"], indexed["enterprise_hongshan"]
    page = search_public(query="红山")
    assert urls(page) == {f"/news/{news.pk}/", f"/enterprises/{enterprise.credit_code}/"}
    assert {kind: count for kind, count in page.counts.items() if count} == {
        "news": 1,
        "enterprise": 1,
    }
    for result in page.results:
        assert "<em>红山</em>" in result["snippet"]
    by_kind = {result["kind"]: result for result in page.results}
    assert by_kind["news"]["title"] == "红山区开展食品安全专项检查"
    assert by_kind["news"]["date"] == "2026-03-02"
    # Body markup is stripped at indexing time and the rest escaped at answer time.
    assert "<b>" not in by_kind["news"]["snippet"] and "&amp;" in by_kind["news"]["snippet"]


@pytest.mark.parametrize("query", ["hongshan", "HongShan", "hong shan", "hs"])
def test_pinyin_and_initials_find_hongshan(indexed, query):
    page = search_public(query=query)
    assert {result["title"] for result in page.results} >= {
        "红山区开展食品安全专项检查",
        "赤峰红山商贸有限公司",
    }
    assert "赤峰松山建材有限公司" not in {result["title"] for result in page.results}


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("食品", "红山区开展食品安全专项检查"),
        ("会议", "市场监管局召开年度工作会议"),
        ("松山", "赤峰松山建材有限公司"),
        ("建材", "赤峰松山建材有限公司"),
    ],
)
def test_two_character_queries(indexed, query, title):
    assert title in {result["title"] for result in search_public(query=query).results}


def test_words_are_found_together_first(indexed):
    # Both words in one document: only that one.
    found = search_public(query="红山 检查")
    assert [r["title"] for r in found.results] == ["红山区开展食品安全专项检查"]
    # Two words are both needed, on the second try too; of three, two are enough.
    assert search_public(query="红山 会议").total == 0
    most = search_public(query="红山 工作 会议")
    assert "市场监管局召开年度工作会议" in {r["title"] for r in most.results}


def test_single_character_query(indexed):
    assert search_public(query="松").total == 1


def test_personal_data_is_not_indexed(indexed):
    enterprise = indexed["enterprise_hongshan"]
    source = search_client().get(index=alias_name("enterprise"), id=enterprise.credit_code)
    assert "张三明" not in str(source["_source"])
    assert "legal_representative" not in source["_source"]
    assert search_public(query="张三明").total == 0


def test_sync_document_upserts_and_deletes_enterprises(indexed):
    enterprise = indexed["enterprise_other"]
    enterprise.name = "赤峰松山红山联营有限公司"
    enterprise.save()
    assert sync_document("enterprise", enterprise.credit_code) == "indexed"
    assert "赤峰松山红山联营有限公司" in {r["title"] for r in search_public(query="红山").results}

    code = enterprise.credit_code
    enterprise.delete()
    assert sync_document("enterprise", code) == "deleted"
    assert sync_document("enterprise", code) == "absent"  # already gone: no error
    assert search_public(query="松山").total == 0


def test_unpublished_page_disappears_and_republished_page_returns(indexed):
    page = indexed["news_hongshan"]
    page.unpublish()
    assert sync_document("news", str(page.pk)) == "deleted"
    assert search_public(query="专项").total == 0

    page.save_revision().publish()
    assert sync_document("news", str(page.pk)) == "indexed"
    assert search_public(query="专项").total == 1


def test_new_page_is_indexed_by_sync(indexed, news_index):
    from tests.factories import publish_news

    page = publish_news(news_index, title="红山区商标品牌培育计划", slug="brand")
    sync_document("news", str(page.pk))
    assert "红山区商标品牌培育计划" in {r["title"] for r in search_public(query="商标").results}


def test_sync_document_of_unknown_kind_is_an_error(db):
    with pytest.raises(ValueError, match="unknown search kind"):
        sync_document("patent", "1")
