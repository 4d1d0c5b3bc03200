"""Laws and contract templates in search (real engine): a sentence of an article or a clause
finds its page, and the result links to that article or clause."""

import pytest
from django.conf import settings

from search.client import search_client
from search.registry import kind_of_page, registry
from search.selectors import search_public
from search.services import search_reindex

from .pages import publish_contract, publish_law

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


@pytest.fixture
def indexed(search_engine, legal):
    pages = {"law": publish_law(legal), "contract": publish_contract(legal)}
    search_reindex()
    search_client().indices.refresh(index=f"{settings.SEARCH_INDEX_PREFIX}-*")
    return pages


def test_kinds_are_registered_with_chinese_labels(legal):
    assert registry()["law"].label == "法律法规"
    assert registry()["contract"].label == "合同示范文本"
    assert kind_of_page(publish_law(legal)) == "law"


def test_a_sentence_of_an_article_links_to_the_article(indexed):
    law = indexed["law"]
    page = search_public(query="增加赔偿的金额不足五百元", kind="law")
    assert page.total == 1
    (result,) = page.results
    assert result["kind"] == "law" and result["title"] == law.title
    assert result["url"] == f"/laws/{law.pk}/#article-55"
    assert "<em>" in result["snippet"]
    assert result["date"] == "2013-10-25"


def test_a_sentence_of_a_clause_links_to_the_clause(indexed):
    contract = indexed["contract"]
    page = search_public(query="出租人应当履行房屋的维修义务")
    assert [r["url"] for r in page.results if r["kind"] == "contract"] == [
        f"/contracts/{contract.pk}/#clause-4"
    ]
    assert page.counts["contract"] == 1


def test_only_the_current_edition_is_searched_clause_by_clause(indexed):
    # 押金 is a clause of the 2021 edition only: the word finds nothing, and the sentence
    # finds the current edition by its other words, never a fragment with 押金.
    assert search_public(query="押金", kind="contract").total == 0
    page = search_public(query="一个月租金作为押金", kind="contract")
    assert all("押金" not in result["snippet"] for result in page.results)


def test_placeholders_read_as_their_names(indexed):
    page = search_public(query="月租金 大写", kind="contract")
    assert page.results and page.results[0]["url"].endswith("#clause-2")
