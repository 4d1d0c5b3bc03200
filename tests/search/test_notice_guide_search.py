"""Notices and service guides in search: a notice by its document number, a guide by a sentence
of an FAQ answer or a step, each hit linking to the anchor of its section."""

import datetime
import json

import pytest

from cms.pages.models import NoticePage
from search.selectors import search_public
from search.services import search_reindex
from tests.factories import guide_page, publish_page
from tests.search.conftest import refresh

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


@pytest.fixture
def pages(search_engine, news_index, platform_page):
    guide = publish_page(platform_page("market-access"), guide_page())
    notice = publish_page(
        news_index,
        NoticePage(
            title="关于动产抵押登记职能调整的公告",
            slug="chattel-transfer",
            notice_type="announcement",
            publication_date=datetime.date(2020, 12, 28),
            document_number="红市监公告〔2020〕9号",
            body=json.dumps([{"type": "paragraph", "value": "<p>统一登记。</p>"}]),
        ),
    )
    search_reindex()
    refresh()
    return {"guide": guide, "notice": notice}


def test_a_notice_is_found_by_its_document_number(pages):
    result = search_public(query="红市监公告〔2020〕9号")
    notice = pages["notice"]
    assert [(hit["kind"], hit["url"]) for hit in result.results] == [
        ("notice", f"/notices/{notice.pk}/")
    ]
    assert result.counts["notice"] == 1 and result.results[0]["date"] == "2020-12-28"


def test_a_guide_is_found_by_an_faq_sentence_and_links_to_its_answer(pages):
    result = search_public(query="在解除冻结之前不得申请出质登记", kind="guide")
    assert [hit["url"] for hit in result.results] == [f"/guides/{pages['guide'].pk}/#faq-1"]
    assert "<em>" in result.results[0]["snippet"]


def test_a_step_hit_links_to_the_step(pages):
    result = search_public(query="共同申请", kind="guide")
    assert [hit["url"] for hit in result.results] == [f"/guides/{pages['guide'].pk}/#step-2"]


def test_a_withdrawn_guide_leaves_search(pages):
    from search.indexing import sync_document

    pages["guide"].unpublish()
    sync_document("guide", str(pages["guide"].pk))
    refresh()
    assert search_public(query="在解除冻结之前不得申请出质登记").total == 0
