"""The section loaders of content/platforms/ and content/notices/: idempotent, careful with
editors' changes, and refusing bad files with file and field before writing anything."""

import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Revision

from cms.pages.content_loader import CONTENT_DIR, ContentError, ensure_news_index, load_content
from cms.pages.models import HomePage, NoticePage, PlatformPage
from cms.pages.notice_loader import load as load_notices
from cms.pages.platform_loader import load as load_platforms

pytestmark = pytest.mark.django_db

PLATFORM_LABEL, NOTICE_LABEL = "platform pages", "notice pages"


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def snapshot() -> dict:
    return {
        "platforms": sorted(
            PlatformPage.objects.values_list("id", "code", "live", "latest_revision_id")
        ),
        "notices": sorted(NoticePage.objects.values_list("id", "slug", "latest_revision_id")),
        "revisions": Revision.objects.count(),
    }


def test_load_content_creates_the_ten_platform_pages_once(db):
    first = load_content()
    platforms = PlatformPage.objects.order_by("sort_order")
    assert [page.code for page in platforms] == PlatformPage.Code.values
    assert [page.sort_order for page in platforms] == list(range(1, 11))
    home = HomePage.objects.get()
    assert all(page.live and page.get_parent().id == home.id for page in platforms)
    assert all(page.slug == page.code and page.intro and page.offers for page in platforms)
    assert all(page.search_description for page in platforms)
    market = platforms.get(code="market-access")
    assert "股权质押登记咨询" in market.intro and "<li>" in market.offers
    assert len(first.sections[PLATFORM_LABEL]["created"]) == 10
    assert len(first.sections[NOTICE_LABEL]["created"]) >= 8

    before = snapshot()
    second = load_content()
    assert snapshot() == before
    for label in (PLATFORM_LABEL, NOTICE_LABEL):
        counts = second.sections[label]
        assert counts["created"] == counts["updated"] == counts["kept"] == []
    assert len(second.sections[PLATFORM_LABEL]["unchanged"]) == 10


def test_notices_sit_in_the_news_section_with_their_facts(db):
    load_content()
    transfer = NoticePage.objects.get(slug="chattel-mortgage-registration-transfer")
    assert transfer.get_parent().slug == "news" and transfer.live
    assert transfer.notice_type == "announcement"
    assert transfer.document_number == "红市监公告〔2020〕9号"
    assert transfer.first_published_at.date().isoformat() == "2020-12-28"
    types = set(NoticePage.objects.values_list("notice_type", flat=True))
    assert types == {"announcement", "notice", "publicity"}
    assert NoticePage.objects.filter(valid_until__isnull=False).count() >= 3


def test_a_changed_file_updates_and_an_admin_edit_is_kept_unless_forced(home_page, content_copy):
    load_platforms(content_copy, home_page)
    source = content_copy / "platforms" / "07-legal.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("法律服务平台发布", "法律服务平台集中发布"),
        encoding="utf-8",
    )
    report = load_platforms(content_copy, home_page)[PLATFORM_LABEL]
    assert report["updated"] == ["legal"] and len(report["unchanged"]) == 9
    assert "集中发布" in PlatformPage.objects.get(code="legal").intro

    editor = get_user_model().objects.create_superuser("editor")
    page = PlatformPage.objects.get(code="brand")
    page.intro = "<p>编辑改写的简介。</p>"
    page.save_revision(user=editor).publish(user=editor)
    assert load_platforms(content_copy, home_page)[PLATFORM_LABEL]["kept"] == ["brand"]
    assert PlatformPage.objects.get(code="brand").intro == "<p>编辑改写的简介。</p>"
    forced = load_platforms(content_copy, home_page, force=True)[PLATFORM_LABEL]
    assert forced["updated"] == ["brand"]
    assert "品牌战略服务平台" in PlatformPage.objects.get(code="brand").intro


def test_bad_platform_and_notice_files_are_refused_before_anything_is_written(
    home_page, content_copy
):
    platform = content_copy / "platforms" / "03-credit.md"
    platform.write_text(
        platform.read_text(encoding="utf-8").replace("code: credit", "code: credits"),
        encoding="utf-8",
    )
    duplicate = content_copy / "platforms" / "11-copy.md"
    duplicate.write_text(
        (content_copy / "platforms" / "01-policy.md").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as raised:
        load_platforms(content_copy, home_page)
    errors = raised.value.errors
    assert any(e.startswith("03-credit.md: code：应为 policy、") for e in errors), errors
    assert "11-copy.md: code：“policy”与 01-policy.md 重复" in errors
    assert not PlatformPage.objects.exists()

    notice = content_copy / "notices" / "2025-09-01-model-service-stations.md"
    text = notice.read_text(encoding="utf-8")
    notice.write_text(
        text.replace("valid_until: 2025-09-07", "valid_until: 2025-08-01").replace(
            "type: publicity", "type: bulletin\ncolour: red"
        ),
        encoding="utf-8",
    )
    ensure_news_index(home_page)
    with pytest.raises(ContentError) as raised:
        load_notices(content_copy, home_page)
    errors = raised.value.errors
    name = notice.name
    assert f"{name}: colour：未知字段" in errors
    assert any(e.startswith(f"{name}: type：应为 announcement、notice、publicity") for e in errors)
    assert f"{name}: valid_until：有效期截止日期不能早于发布日期。" in errors
    assert not NoticePage.objects.exists()
