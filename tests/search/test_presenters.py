"""Presenters: rows become documents with plain bodies, pinyin, site URLs, no personal data."""

import pytest
from django.utils import timezone
from wagtail.models import Page

from cms.guides.search import GuideDocument
from cms.pages.search import news_document
from registry_api.enterprises.search import enterprise_document
from search.presenters import page_document
from tests.clock import at_every_clock

pytestmark = pytest.mark.django_db


def test_news_document(dataset):
    page = dataset["news_hongshan"]
    document = news_document(page)
    assert document.meta.id == str(page.pk)
    assert document.kind == "news"
    assert document.url == f"/news/{page.pk}/"
    assert (
        document.body
        == "全区食品经营单位检查情况。\n本次检查覆盖红山区13个街镇 & 集贸市场。 第二段。"
    )
    assert "红山区市场监督管理局" in document.all_text  # the issuing authority
    assert document.pinyin.full.startswith("hong shan qu")
    assert document.pinyin.initials.startswith("h s q")
    assert document.updated_at == page.last_published_at
    assert document.date.isoformat() == "2026-03-02"


def test_enterprise_document_has_no_personal_data(dataset):
    enterprise = dataset["enterprise_hongshan"]
    document = enterprise_document(enterprise)
    assert document.meta.id == enterprise.credit_code
    assert document.url == f"/enterprises/{enterprise.credit_code}/"
    assert document.title == "赤峰红山商贸有限公司"
    assert document.district_name == "西屯街道"
    assert document.pinyin.initials == "c f h s s m y x g s"
    assert "张三明" not in str(document.to_dict())


@at_every_clock
def test_a_page_without_a_date_of_its_own_is_dated_by_its_beijing_publication_day(
    wagtail_root,
):
    page = wagtail_root.add_child(instance=Page(title="个体工商户登记", slug="guide-undated"))
    page.save_revision().publish()
    page.refresh_from_db()
    document = page_document(GuideDocument, "guide", page)
    assert document.date == timezone.localdate(page.first_published_at) == timezone.localdate()
