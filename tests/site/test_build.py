"""A real Pelican build of the static site against the live API of a test server."""

import datetime
import io
import json
import os
import re
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from cms.pages.models import HomePage, NewsIndexPage
from core.site_urls import site_url
from tests.factories import DistrictFactory, EnterpriseFactory, publish_news

pytestmark = pytest.mark.build

# Absolute URLs a page would fetch or link; an XML namespace name (the inline charts'
# xmlns="http://www.w3.org/2000/svg") is an identifier, never requested.
ABSOLUTE_URL = re.compile(r"(?<!xmlns=\")https?://([^/\"'\s<>]+)")


def png_bytes(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), (27, 79, 138)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def content(transactional_db, wagtail_root, settings, tmp_path):
    """Two districts, three enterprises, a home page, two live news items and a withdrawn one."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    west = DistrictFactory(code="150402001", name="西屯街道")
    town = DistrictFactory(code="150402100", name="红庙子镇", kind="town")
    enterprises = [
        EnterpriseFactory(district=west, legal_representative="张三明"),
        EnterpriseFactory(district=west, registered_capital=None),
        EnterpriseFactory(district=town, name="红庙子镇农产品专业合作社"),
    ]

    home = HomePage(title="首页", slug="hongshan", intro="<p>欢迎访问小微企业发展服务平台。</p>")
    wagtail_root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    index = NewsIndexPage(title="政策资讯", slug="news")
    home.add_child(instance=index)

    image = get_image_model().objects.create(
        title="招聘会现场", file=ImageFile(io.BytesIO(png_bytes(64, 48)), name="fair.png")
    )
    document = get_document_model().objects.create(
        title="通知全文", file=ContentFile(b"%PDF-1.4\n" + b"0" * 30_000, name="notice.pdf")
    )
    older = publish_news(
        index,
        title="关于做好市场监管领域信用修复工作的公告",
        slug="credit-repair",
        publication_date=datetime.date(2026, 1, 12),
        category="notice",
        document_number="红市监公告〔2026〕1号",
        summary="信用修复的条件与流程。",
        tags=["信用修复"],
        body=json.dumps([{"type": "paragraph", "value": "<p>符合条件的可申请信用修复。</p>"}]),
    )
    newer = publish_news(
        index,
        title="红山区举办小微企业招聘会",
        slug="job-fair",
        publication_date=datetime.date(2026, 11, 27),
        category="work_news",
        issuing_authority="红山区市场监督管理局",
        summary="招聘会为小微企业提供岗位对接。",
        body=json.dumps(
            [
                {
                    "type": "paragraph",
                    "value": f'<p>详见<a linktype="page" id="{older.id}">信用修复公告</a>。</p>',
                },
                {
                    "type": "image",
                    "value": {
                        "image": image.id,
                        "caption": "招聘会现场",
                        "alt": "求职者在招聘会现场咨询",
                    },
                },
                {"type": "attachment", "value": {"document": document.id, "title": ""}},
            ]
        ),
    )
    withdrawn = publish_news(
        index,
        title="已撤回的测试资讯",
        slug="withdrawn",
        publication_date=datetime.date(2026, 11, 1),
    )
    withdrawn.unpublish()
    return {
        "enterprises": enterprises,
        "districts": [west, town],
        "older": older,
        "newer": newer,
        "withdrawn": withdrawn,
    }


def read(site: Path, url_path: str) -> str:
    return (site / url_path.lstrip("/") / "index.html").read_text(encoding="utf-8")


def hosts_referenced(site: Path) -> set[str]:
    hosts = set()
    for page in site.rglob("*.html"):
        hosts.update(ABSOLUTE_URL.findall(page.read_text(encoding="utf-8")))
    return hosts


# Wagtail's Image.generate_rendition_file hands filter.run() a SpooledTemporaryFile it never
# closes; the live server thread drops it while rendering the image block for the API.
@pytest.mark.filterwarnings(
    "ignore:Exception ignored in. <function SpooledTemporaryFile.__del__"
    ":pytest.PytestUnraisableExceptionWarning"
)
def test_build_publishes_live_content_and_swaps_atomically(
    content, live_server, tmp_path, run_build
):
    output = tmp_path / "out"
    result = run_build(live_server.url, output)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"built \d+ pages in \d+\.\ds", result.stdout)

    current = output / "current"
    assert current.is_symlink()
    first = current.resolve()
    assert first.parent == (output / "builds").resolve()
    site = current

    home = read(site, "/")
    assert '<html lang="zh-Hans">' in home
    assert "红山区市场监督管理局" in home and "欢迎访问小微企业发展服务平台" in home
    assert "红山区举办小微企业招聘会" in home
    assert 'action="/search/"' in home

    news_list = read(site, "/news/")
    newer, older, withdrawn = content["newer"], content["older"], content["withdrawn"]
    assert news_list.index(newer.title) < news_list.index(older.title)

    detail = read(site, site_url("news", id=newer.id))
    assert "2026年11月27日" in detail and 'datetime="2026-11-27"' in detail
    assert "红山区市场监督管理局" in detail and "工作动态" in detail
    assert f'<a href="{site_url("news", id=older.id)}">信用修复公告</a>' in detail
    assert re.search(
        r'<img src="/media/[^"]+" alt="求职者在招聘会现场咨询" width="\d+" '
        r'height="\d+" srcset="/media/[^"]+\.webp \d+w',
        detail,
    )
    assert "通知全文" in detail and "PDF" in detail and "KB" in detail
    older_detail = read(site, site_url("news", id=older.id))
    assert "红市监公告〔2026〕1号" in older_detail and "信用修复" in older_detail

    assert not (site / "news" / str(withdrawn.id)).exists()
    for published in ("index.html", "news/index.html", "sitemap-pages.xml", "feeds/news.atom.xml"):
        assert withdrawn.title not in (site / published).read_text(encoding="utf-8")

    directory = read(site, "/enterprises/")
    for enterprise in content["enterprises"]:
        assert enterprise.name in directory
        page = read(site, site_url("enterprise", credit_code=enterprise.credit_code))
        assert enterprise.credit_code in page and enterprise.address in page
    first_enterprise = read(
        site, site_url("enterprise", credit_code=content["enterprises"][0].credit_code)
    )
    assert "张*明" in first_enterprise
    town_page = read(site, "/enterprises/district/150402100/")
    assert "红庙子镇农产品专业合作社" in town_page
    assert content["enterprises"][0].name not in town_page

    search = read(site, "/search/")
    # The fallback when Django is not in front: the form and the hint (cms/search_page.py).
    assert 'id="search-form"' in search and "请输入关键词进行搜索" in search
    assert 'href="/news/"' in search and 'href="/enterprises/"' in search
    assert (site / "404.html").is_file()
    assert (site / "theme" / "css" / "site.css").is_file()
    assert "<feed" in (site / "feeds" / "news.atom.xml").read_text(encoding="utf-8")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/sitemap-pages.xml</loc>" in sitemap and "/sitemap-enterprises-1.xml</loc>" in sitemap
    pages_sitemap = (site / "sitemap-pages.xml").read_text(encoding="utf-8")
    assert site_url("news", id=newer.id) in pages_sitemap

    # Privacy: the unmasked name never reaches the site; no page asks another host for anything.
    assert not any("张三明" in p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert hosts_referenced(site) <= {urlsplit(live_server.url).netloc}

    # A full build is a new folder swapped in (an incremental one patches `current` in place).
    second = run_build(live_server.url, output, "--keep", "0", "--full")
    assert second.returncode == 0, second.stdout + second.stderr
    assert current.resolve() != first
    assert current.resolve().parent == (output / "builds").resolve()
    assert not first.exists()
    assert [p.name for p in (output / "builds").iterdir()] == [current.resolve().name]


def test_a_failed_build_leaves_the_published_site_alone(tmp_path, run_build):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    output = tmp_path / "out"
    (output / "builds" / "20260101T000000.000000Z").mkdir(parents=True)
    (output / "builds" / "20260101T000000.000000Z" / "index.html").write_text("old")
    os.symlink(os.path.join("builds", "20260101T000000.000000Z"), output / "current")

    result = run_build(f"http://127.0.0.1:{port}", output)

    assert result.returncode == 1
    assert "build failed" in result.stdout
    assert (output / "current" / "index.html").read_text() == "old"
    assert [p.name for p in (output / "builds").iterdir()] == ["20260101T000000.000000Z"]
