"""NoticePage (通知公告): where it lives, what it refuses, what the API v2 shows of it."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from cms.pages.models import NewsIndexPage, NoticePage, PlatformPage
from tests.clock import at_every_clock
from tests.factories import publish_page

pytestmark = [pytest.mark.django_db, at_every_clock]

NOTICES = "/api/cms/v2/pages/?type=pages.NoticePage&fields=*"


def notice(**fields) -> NoticePage:
    values = {
        "title": "关于开展年度报告公示工作的通知",
        "slug": "annual-report",
        "notice_type": "notice",
        "publication_date": datetime.date(2026, 1, 5),
        "document_number": "红市监发〔2026〕1号",
        "body": json.dumps([{"type": "paragraph", "value": "<p>请按期报送。</p>"}]),
    }
    return NoticePage(**{**values, **fields})


def test_notices_live_in_the_news_section_only():
    assert NoticePage in NewsIndexPage.allowed_subpage_models()
    assert NoticePage.allowed_parent_page_models() == [NewsIndexPage]
    assert NoticePage not in PlatformPage.allowed_subpage_models()


def test_valid_until_may_not_precede_the_publication_date(news_index):
    page = notice(valid_until=datetime.date(2026, 1, 4))
    with pytest.raises(ValidationError) as raised:
        news_index.add_child(instance=page)
    assert raised.value.message_dict["valid_until"] == ["有效期截止日期不能早于发布日期。"]
    assert not NoticePage.objects.exists()


def test_a_notice_needs_a_body_or_an_attachment(news_index):
    with pytest.raises(ValidationError) as raised:
        news_index.add_child(instance=notice(body="[]"))
    assert "正文和附件不能都为空" in raised.value.message_dict["body"][0]


def test_expiry_follows_the_local_date():
    today = timezone.localdate()
    assert notice(valid_until=None).is_expired is False
    assert notice(valid_until=today).is_expired is False  # still valid on its last day
    assert notice(valid_until=today - datetime.timedelta(days=1)).is_expired is True


def test_every_notice_field_is_in_the_api(client, news_index, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    document = get_document_model().objects.create(
        title="公示名单", file=ContentFile(b"%PDF-1.4\n" + b"0" * 2_000, name="list.pdf")
    )
    attachments = [{"type": "attachment", "value": {"document": document.id, "title": ""}}]
    publish_page(
        news_index,
        notice(
            notice_type="publicity",
            valid_until=datetime.date(2026, 1, 12),
            summary="公示期7天。",
            attachments=json.dumps(attachments),
        ),
    )
    item = client.get(NOTICES).json()["items"][0]
    assert item["notice_type"] == "publicity" and item["notice_type_display"] == "公示"
    assert item["publication_date"] == "2026-01-05" and item["valid_until"] == "2026-01-12"
    assert item["is_expired"] is True
    assert item["issuing_authority"] == "红山区市场监督管理局"
    assert item["document_number"] == "红市监发〔2026〕1号"
    assert item["summary"] == "公示期7天。"
    assert "请按期报送" in item["body"][0]["value"]
    attachment = item["attachments"][0]
    assert attachment["type"] == "attachment"
    assert attachment["value"]["title"] == "公示名单" and attachment["value"]["extension"] == "pdf"


def test_platform_page_fields_are_in_the_api(client, platform_page):
    page = platform_page("market-access")
    page.intro = "<p>公示商事登记政策。</p>"
    page.offers = "<ul><li>注册登记咨询</li></ul>"
    page.sort_order = 2
    page.search_description = "登记注册办事指南"
    page.save_revision().publish()
    url = "/api/cms/v2/pages/?type=pages.PlatformPage&fields=*&order=sort_order"
    item = client.get(url).json()["items"][0]
    assert item["code"] == "market-access" and item["code_display"] == "市场准入"
    assert item["sort_order"] == 2
    assert item["intro"] == "<p>公示商事登记政策。</p>"
    assert item["offers"] == "<ul><li>注册登记咨询</li></ul>"
    assert item["meta"]["slug"] == "market-access"
    assert item["meta"]["search_description"] == "登记注册办事指南"


def test_the_admin_offers_the_notice_form_in_the_news_section(
    client, news_index, django_user_model
):
    client.force_login(django_user_model.objects.create_superuser("admin"))
    response = client.get(f"/admin/pages/add/pages/noticepage/{news_index.id}/")
    assert response.status_code == 200
    for label in ("有效期至", "文号", "附件"):
        assert label.encode() in response.content
