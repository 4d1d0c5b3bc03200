"""The Wagtail API v2 exposes every field of policy news, and only live pages."""

import datetime
import json

import pytest

from tests.factories import publish_news

pytestmark = pytest.mark.django_db

NEWS = "/api/cms/v2/pages/?type=pages.PolicyNewsPage&fields=*"


def test_every_policy_news_field_is_in_the_api(client, news_index):
    publish_news(
        news_index,
        title="关于印发《红山区小微企业扶持措施》的通知",
        publication_date=datetime.date(2026, 11, 27),
        category="policy",
        issuing_authority="红山区市场监督管理局",
        document_number="红市监发〔2026〕12号",
        summary="十条扶持措施。",
        body=json.dumps([{"type": "paragraph", "value": "<p>第一条 ……</p>"}]),
        tags=["小微企业", "扶持政策"],
    )
    item = client.get(NEWS).json()["items"][0]
    assert item["publication_date"] == "2026-11-27"
    assert item["category"] == "policy" and item["category_display"] == "政策文件"
    assert item["issuing_authority"] == "红山区市场监督管理局"
    assert item["document_number"] == "红市监发〔2026〕12号"
    assert item["summary"] == "十条扶持措施。"
    assert item["body"][0]["type"] == "paragraph" and "第一条" in item["body"][0]["value"]
    assert sorted(item["tags"]) == ["小微企业", "扶持政策"]


def test_drafts_and_unpublished_pages_are_not_in_the_api(client, news_index):
    page = publish_news(news_index, title="即将撤回的通知")
    assert client.get(NEWS).json()["meta"]["total_count"] == 1
    page.unpublish()
    assert client.get(NEWS).json()["meta"]["total_count"] == 0


def test_images_and_documents_endpoints_answer(client, db):
    assert client.get("/api/cms/v2/images/").status_code == 200
    assert client.get("/api/cms/v2/documents/").status_code == 200


def test_admin_speaks_chinese(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "登录".encode() in response.content
