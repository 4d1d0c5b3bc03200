"""A real build of the sub-platform pages, notices and service guides from the seed content:
the home page leads to all ten platforms, and no link on them leads nowhere."""

import datetime
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from cms.guides.loader import load as load_guides
from cms.pages.content_loader import CONTENT_DIR, ensure_home_page, ensure_news_index
from cms.pages.models import NoticePage, PlatformPage
from cms.pages.notice_loader import load as load_notices
from cms.pages.platform_loader import load as load_platforms
from core.site_urls import site_url
from tests.factories import publish_news

pytestmark = pytest.mark.build

HREF = re.compile(r'href="([^"]*)"')


@pytest.fixture
def seeded(transactional_db, wagtail_root, settings, tmp_path):
    """Home, news section with one item, the ten platforms, the notices and guides of content/,
    and two notices of this test whose validity is relative to today."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    home, _ = ensure_home_page()
    index, _ = ensure_news_index(home)
    publish_news(index, title="红山区举办小微企业招聘会", slug="job-fair")
    for load in (load_platforms, load_notices, load_guides):
        load(CONTENT_DIR, home)
    today = datetime.date.today()
    notices = {}
    for slug, valid_until in (
        ("still-valid", today + datetime.timedelta(days=30)),
        ("just-expired", today - datetime.timedelta(days=1)),
    ):
        page = NoticePage(
            title=f"测试公示{slug}",
            slug=slug,
            notice_type="publicity",
            publication_date=today - datetime.timedelta(days=10),
            valid_until=valid_until,
            document_number=f"红市监公告〔2099〕{len(notices) + 1}号",
            body=json.dumps([{"type": "paragraph", "value": "<p>公示内容。</p>"}]),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        notices[slug] = page
    return {"home": home, "notices": notices}


def read(site: Path, url_path: str) -> str:
    return (site / url_path.lstrip("/") / "index.html").read_text(encoding="utf-8")


def resolves(site: Path, href: str) -> bool:
    """A root-relative link of the site points at a file of the build."""
    path = urlsplit(href).path
    target = site / path.lstrip("/")
    return (target / "index.html").is_file() if path.endswith("/") else target.is_file()


def dead_links(site: Path, url_path: str) -> list[str]:
    hrefs = HREF.findall(read(site, url_path))
    # /api/ is the platform's application (docs of the open API), served beside the site.
    local = [h for h in hrefs if h.startswith("/") and not h.startswith(("//", "/api/"))]
    assert local, url_path
    return [href for href in local if not resolves(site, href)]


def test_platform_pages_notices_and_guides_are_built(seeded, live_server, tmp_path, run_build):
    result = run_build(live_server.url, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "out" / "current"

    # The home page leads to all ten platform pages, in sort_order, and nowhere else dead.
    home = read(site, "/")
    platform_links = re.findall(r'<a class="platform" href="(/platforms/[^"]+/)"', home)
    codes = list(PlatformPage.objects.order_by("sort_order").values_list("slug", flat=True))
    assert platform_links == [site_url("platform", slug=code) for code in codes]
    assert len(platform_links) == 10 and "建设中" not in home
    assert dead_links(site, "/") == []
    for code in codes:
        assert dead_links(site, site_url("platform", slug=code)) == []

    # 市场准入: intro, offers, its guides (children) and the guide list.
    market = read(site, "/platforms/market-access/")
    assert "市场准入平台将商事登记政策、制度进行公示" in market
    assert "<li>提供股权出质登记办理和咨询服务</li>" in market
    assert "股权出质登记" in market and 'href="/guides/"' in market
    # 政策资讯 leads to the news list and the notices, and lists the latest of both.
    policy = read(site, "/platforms/policy/")
    assert 'href="/news/"' in policy and 'href="/notices/"' in policy
    assert (
        "红山区举办小微企业招聘会" in policy
        and "关于开展2026年冬季食品安全专项检查的通知" in policy
    )
    # 风采展示 leads into the enterprise directory.
    assert 'href="/enterprises/"' in read(site, "/platforms/showcase/")

    # Notices: past their date they stay readable but are marked 已过期.
    notices = seeded["notices"]
    listing = read(site, "/notices/")
    assert listing.count("测试公示") == 2
    expired = read(site, site_url("notice", id=notices["just-expired"].id))
    valid = read(site, site_url("notice", id=notices["still-valid"].id))
    assert "已过期" in expired and "公示内容" in expired
    assert "已过期" not in valid and "有效期至" in valid and "红市监公告〔2099〕1号" in valid
    transfer = NoticePage.objects.get(slug="chattel-mortgage-registration-transfer")
    transfer_page = read(site, site_url("notice", id=transfer.id))
    assert "红市监公告〔2020〕9号" in transfer_page and "动产融资统一登记公示系统" in transfer_page

    # Guides: grouped list; numbered steps, materials table and FAQ with linkable anchors.
    guides = read(site, "/guides/")
    assert guides.index("登记注册") < guides.index("股权出质")
    from cms.guides.models import GuidePage

    pledge = GuidePage.objects.get(slug="equity-pledge-registration")
    detail = read(site, site_url("guide", id=pledge.id))
    assert 'id="step-1"' in detail and "第1步" in detail and "确认股权可以出质" in detail
    assert 'id="faq-2"' in detail and "已经被人民法院冻结的股权" in detail
    assert re.search(r"<td>质权合同</td>\s*<td>原件</td>\s*<td>1</td>", detail)
    assert "《中华人民共和国民法典》 第四百四十三条" in detail
    assert "当场办结" in detail and "不收费" in detail
    chattel = GuidePage.objects.get(slug="chattel-mortgage-referral")
    referral = read(site, site_url("guide", id=chattel.id))
    assert 'href="https://www.zhongdengwang.org.cn"' in referral

    sitemap = (site / "sitemap-pages.xml").read_text(encoding="utf-8")
    assert "/platforms/market-access/" in sitemap and site_url("guide", id=pledge.id) in sitemap
