"""`manage.py load_content`: districts, home page, news section and news seed, idempotently."""

import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site

from cms.pages.content_loader import markdown_to_blocks, read_news
from cms.pages.models import HomePage, NewsIndexPage, PolicyNewsPage
from registry_api.enterprises.models import District

CONTENT = Path(settings.BASE_DIR) / "content"
NEWS_COUNT = 11
SOURCE_SLUG = "two-platforms-one-project"


def load(*args: str) -> str:
    out = StringIO()
    call_command("load_content", *args, stdout=out)
    return out.getvalue()


def state() -> dict:
    """Everything a repeated load must leave as it was."""
    return {
        "pages": sorted(Page.objects.values_list("id", "slug", "url_path", "live")),
        "revisions": Revision.objects.count(),
        "latest": sorted(PolicyNewsPage.objects.values_list("id", "latest_revision_id")),
        "districts": sorted(District.objects.values_list("code", "name", "kind", "alias")),
        "sites": sorted(Site.objects.values_list("hostname", "port", "root_page_id")),
        "tags": sorted(
            (page.slug, tuple(sorted(page.tags.names()))) for page in PolicyNewsPage.objects.all()
        ),
    }


def plain_text(page: PolicyNewsPage) -> str:
    html = "".join(block["value"] for block in page.body.raw_data)
    return re.sub(r"\s", "", re.sub(r"<[^>]+>", "", html))


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def test_load_creates_districts_home_index_and_live_news(db):
    output = load()

    assert District.objects.count() == 13
    assert set(District.objects.values_list("kind", flat=True)) == {"subdistrict", "town"}
    assert District.objects.get(code="150402004").alias == "东城办事处"

    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.title == "红山区市场监督管理局"
    assert home.intro and home.live and home.slug == "home"
    assert not Page.objects.filter(title__startswith="Welcome").exists()

    index = NewsIndexPage.objects.get()
    assert (index.title, index.slug, index.get_parent().id) == ("政策资讯", "news", home.id)
    news = PolicyNewsPage.objects.child_of(index)
    assert news.count() == NEWS_COUNT
    assert news.live().count() == NEWS_COUNT
    assert all(page.live_revision_id for page in news)
    assert "news pages" in output


def test_source_article_is_the_first_item_in_full(db):
    load()
    page = PolicyNewsPage.objects.get(slug=SOURCE_SLUG)
    assert page.title == "红山区市场监督管理局推进“两平台一工程” 努力开创市场监督管理新局面"
    assert page.category == PolicyNewsPage.Category.WORK_NEWS
    text = plain_text(page)
    for passage in (
        "自主研发“红山市场监督电子政务平台”",
        "十是中小微企业维权平台",
        "消协分会13个、消费维权服务站76个",
        "为打造平安红山、美丽红山做出更多更大的贡献。",
    ):
        assert passage in text
    assert len(text) > 2400
    assert min(page.publication_date for page in PolicyNewsPage.objects.all()) == (
        page.publication_date
    )


def test_news_items_have_the_fields_the_site_shows(db):
    load()
    pages = list(PolicyNewsPage.objects.all())
    assert {page.category for page in pages} == set(PolicyNewsPage.Category.values)
    assert sum(bool(page.document_number) for page in pages) >= 3
    for page in pages:
        assert page.summary and page.issuing_authority and list(page.tags.names())
        assert page.body.raw_data and page.body.raw_data[0]["type"] == "paragraph"
        assert page.first_published_at.date() == page.publication_date
        if page.slug != SOURCE_SLUG:
            assert 2025 <= page.publication_date.year <= 2026
            assert 300 <= len(plain_text(page)) <= 800, page.slug


def test_second_run_changes_nothing(db):
    load()
    before = state()
    output = load()
    assert state() == before
    assert re.search(r"news pages\s*│\s*0\s*│\s*0\s*│\s*11", output)


def test_changed_file_publishes_a_new_revision_of_that_page_only(db, content_copy):
    load("--content-dir", str(content_copy))
    page = PolicyNewsPage.objects.get(slug="credit-repair-notice-2026")
    revisions = Revision.objects.count()
    path = next((content_copy / "news").glob("*credit-repair*.md"))
    path.write_text(path.read_text().replace("10个工作日", "5个工作日"), encoding="utf-8")

    load("--content-dir", str(content_copy))

    assert Revision.objects.count() == revisions + 1
    page.refresh_from_db()
    assert "5个工作日" in page.summary and "5个工作日" in plain_text(page)
    assert page.live and not page.has_unpublished_changes


def test_page_edited_in_admin_is_kept_unless_forced(db, content_copy):
    load("--content-dir", str(content_copy))
    editor = get_user_model().objects.create_superuser("editor", password="x")
    page = PolicyNewsPage.objects.get(slug="brand-strategy-culture-festival-2025")
    page.title = "编辑修改后的标题"
    page.save_revision(user=editor).publish(user=editor)

    output = load("--content-dir", str(content_copy))
    page.refresh_from_db()
    assert page.title == "编辑修改后的标题"
    assert "brand-strategy-culture-festival-2025" in output

    load("--content-dir", str(content_copy), "--force")
    page.refresh_from_db()
    assert page.title.startswith("红山区第三届品牌战略文化艺术节开幕")


def test_bad_front_matter_is_reported_by_field_and_nothing_is_written(db, content_copy):
    path = next((content_copy / "news").glob("*brand-festival*.md"))
    path.write_text(
        path.read_text().replace("category: work_news", "category: gossip"), encoding="utf-8"
    )
    with pytest.raises(CommandError, match="category"):
        load("--content-dir", str(content_copy))
    assert District.objects.count() == 0
    assert not PolicyNewsPage.objects.exists()


def test_duplicate_slug_is_refused(content_copy):
    news = content_copy / "news"
    source = next(news.glob("*brand-festival*.md"))
    shutil.copy(source, news / "9999-copy.md")
    with pytest.raises(ValueError, match="重复"):
        read_news(news)


def test_markdown_becomes_one_paragraph_block_per_section():
    text = "导语。\n\n## 一、要求\n\n1. 甲\n2. 乙\n\n## 二、时限\n\n**十**个工作日。"
    blocks = markdown_to_blocks(text)
    assert blocks == (
        "<p>导语。</p>",
        "<h2>一、要求</h2>\n<ol>\n<li>甲</li>\n<li>乙</li>\n</ol>",
        "<h2>二、时限</h2>\n<p><strong>十</strong>个工作日。</p>",
    )
