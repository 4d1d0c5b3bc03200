"""Load the version-controlled editorial seed (content/) into Wagtail, idempotently.

Running the loader twice leaves the same state: pages are found by slug, and a news page gets a
new revision (and is published) only when it is created or its source file changed. Pages an
editor has since changed in the admin are kept as the editor left them unless `force` is set.

Publishing fires Wagtail's page_published signal, whose handlers queue a search sync and a
static-site build once the transaction commits; that is intended.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import frontmatter
import markdown
from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string
from wagtail.models import Page, Site

from registry_api.enterprises.reference_data import LoadCounts, load_districts

from .models import HomePage, NewsIndexPage, PolicyNewsPage

CONTENT_DIR = Path(settings.BASE_DIR) / "content"

HOME_TITLE = "红山区市场监督管理局"
HOME_SLUG = "home"
HOME_INTRO = (
    "<p>红山区市场监督管理局小微企业发展服务平台：政策资讯、市场准入、诚信体系、品牌战略、"
    "融资服务、人力资源、法律服务、学习教育、风采展示、维权服务，一站直达。</p>"
    '<p>消费投诉举报请拨打12315，或扫描各<a href="/stations/">消费维权服务站</a>的二维码、'
    '在本站<a href="/complaints/new/">在线投诉</a>。</p>'
)
NEWS_INDEX_TITLE = "政策资讯"
NEWS_INDEX_SLUG = "news"
NEWS_INDEX_INTRO = (
    "<p>发布市场监管政策文件、政策解读、通知公告和工作动态，为小微企业提供政策帮扶。</p>"
)

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED_KEYS = ("slug", "title", "date", "category", "summary")
KNOWN_KEYS = {*REQUIRED_KEYS, "issuing_authority", "document_number", "tags"}
DEFAULT_AUTHORITY = "红山区市场监督管理局"
# News go live at 09:00 local time on their publication date (first_published_at).
PUBLISH_TIME = datetime.time(9, 0)


class ContentError(ValueError):
    """Source content that cannot be loaded; `errors` lists each problem with its file."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass(frozen=True)
class NewsItem:
    """One news source file, parsed and validated."""

    path: Path
    slug: str
    title: str
    date: datetime.date
    category: str
    issuing_authority: str
    document_number: str
    summary: str
    tags: tuple[str, ...]
    body: tuple[str, ...]  # HTML of each `paragraph` block

    def snapshot(self) -> tuple:
        return (
            self.title,
            self.date,
            self.category,
            self.issuing_authority,
            self.document_number,
            self.summary,
            tuple(sorted(self.tags)),
            tuple(("paragraph", html) for html in self.body),
        )


@dataclass
class LoadReport:
    districts: LoadCounts
    home: str = "unchanged"
    news_index: str = "unchanged"
    news: dict[str, list[str]] = field(
        default_factory=lambda: {"created": [], "updated": [], "unchanged": [], "kept": []}
    )
    # Rows from the section loaders: label → {"created": [...], "updated": [...], ...}.
    sections: dict[str, dict[str, list[str]]] = field(default_factory=dict)


# Loaders of the other editorial sections, each `load(content_dir, home, *, force)` returning
# {label: {"created": [slugs], "updated": [...], "unchanged": [...], "kept": [...]}}. A loader
# parses all its files before writing and raises ContentError on bad input.
SECTION_LOADERS: tuple[str, ...] = (
    # First: the ten sub-platform pages, the parents of other sections' items.
    "cms.pages.platform_loader.load",
    "cms.pages.notice_loader.load",
    "cms.guides.loader.load",
    "cms.legal.content.load",
    "cms.learning.content.load",  # lectures, then events (an event may link a lecture)
    "cms.showcase.content.load",
)


# --- parsing ---------------------------------------------------------------------------------


def markdown_to_blocks(text: str) -> tuple[str, ...]:
    """Markdown as rich-text HTML, one `paragraph` block per section (split before each h2)."""
    html = markdown.markdown(text.strip(), output_format="html")
    sections = re.split(r"\n(?=<h2>)", html)
    return tuple(section.strip() for section in sections if section.strip())


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def parse_news_file(path: Path) -> NewsItem:
    """Parse one Markdown file with YAML front matter; raises ContentError on any problem."""
    try:
        post = frontmatter.load(path)
    except Exception as error:  # YAML errors come in several types
        raise ContentError([f"{path.name}: 无法解析 front matter（{error}）"]) from error
    meta = post.metadata
    errors: list[str] = []

    def problem(key: str, message: str) -> None:
        errors.append(f"{path.name}: {key}：{message}")

    for key in REQUIRED_KEYS:
        if not _text(meta.get(key)):
            problem(key, "必填")
    for key in sorted(set(meta) - KNOWN_KEYS):
        problem(key, "未知字段")

    slug = _text(meta.get("slug"))
    if slug and not SLUG_PATTERN.match(slug):
        problem("slug", "只能使用小写英文字母、数字和连字符")
    date = meta.get("date")
    if date is not None and not (
        isinstance(date, datetime.date) and not isinstance(date, datetime.datetime)
    ):
        problem("date", "应为日期，格式 YYYY-MM-DD")
    category = _text(meta.get("category"))
    if category and category not in PolicyNewsPage.Category.values:
        problem("category", f"应为 {'、'.join(PolicyNewsPage.Category.values)} 之一")
    tags = meta.get("tags") or []
    if not isinstance(tags, list) or not all(_text(tag) for tag in tags):
        problem("tags", "应为非空字符串的列表")
        tags = []
    limits = {"title": 255, "summary": 500, "document_number": 60, "issuing_authority": 100}
    for key, limit in limits.items():
        if len(_text(meta.get(key))) > limit:
            problem(key, f"不能超过{limit}个字符")
    body = markdown_to_blocks(post.content)
    if not body:
        problem("正文", "不能为空")
    if errors:
        raise ContentError(errors)

    return NewsItem(
        path=path,
        slug=slug,
        title=_text(meta["title"]),
        date=date,
        category=category,
        issuing_authority=_text(meta.get("issuing_authority")) or DEFAULT_AUTHORITY,
        document_number=_text(meta.get("document_number")),
        summary=_text(meta["summary"]),
        tags=tuple(dict.fromkeys(_text(tag) for tag in tags)),
        body=body,
    )


def read_news(directory: Path) -> list[NewsItem]:
    """Every news file of `directory`, oldest first; all problems of all files in one error."""
    items: list[NewsItem] = []
    errors: list[str] = []
    for path in sorted(directory.glob("*.md")):
        try:
            items.append(parse_news_file(path))
        except ContentError as error:
            errors.extend(error.errors)
    seen: dict[str, Path] = {}
    for item in items:
        first = seen.setdefault(item.slug, item.path)
        if first != item.path:
            errors.append(f"{item.path.name}: slug：“{item.slug}”与 {first.name} 重复")
    if errors:
        raise ContentError(errors)
    return sorted(items, key=lambda item: (item.date, item.slug))


# --- writing ---------------------------------------------------------------------------------


def _edited_by_person(page: Page) -> bool:
    """True if someone changed the page in the admin since the loader last published it."""
    revision = page.latest_revision
    return page.has_unpublished_changes or (revision is not None and revision.user_id is not None)


def set_values(page: Page, values: dict[str, Any]) -> None:
    """Set each field named in `values` on `page`."""
    for name, value in values.items():
        setattr(page, name, value)


def upsert_page(
    parent: Page,
    model: type[Page],
    lookup: dict[str, Any],
    *,
    apply: Callable[[Page], None],
    unchanged: Callable[[Page], bool],
    force: bool,
    first_published_at: datetime.datetime | None = None,
) -> str:
    """Create (`apply` to a new `model` page) or update the child of `parent` found by `lookup`,
    and publish, unless it is `unchanged` or an editor changed it in the admin and `force` is
    not set ("kept"). Returns created/updated/unchanged/kept."""
    page = model.objects.child_of(parent).filter(**lookup).first()
    if page is None:
        page = model(**lookup)
        apply(page)
        if first_published_at is not None:
            page.first_published_at = first_published_at
        parent.add_child(instance=page)
        page.save_revision().publish()
        return "created"
    if not force and _edited_by_person(page):
        return "kept"
    if unchanged(page):
        return "unchanged"
    apply(page)
    page.save_revision().publish()
    return "updated"


def upsert_item_page(
    parent: Page,
    model: type[Page],
    item,
    apply: Callable[[Page, Any], None],
    snapshot: Callable[[Page], tuple],
    *,
    force: bool,
    first_published_at: datetime.datetime | None = None,
) -> str:
    """`upsert_page` of a parsed file's `item`: found by its slug, written by `apply(page,
    item)`, unchanged while the page's `snapshot` equals the item's."""
    return upsert_page(
        parent,
        model,
        {"slug": item.slug},
        apply=lambda page: apply(page, item),
        unchanged=lambda page: snapshot(page) == item.snapshot(),
        force=force,
        first_published_at=first_published_at,
    )


def ensure_home_page() -> tuple[HomePage, str]:
    """The HomePage as the default site's root, replacing Wagtail's "Welcome" placeholder."""
    home = HomePage.objects.first()
    action = "unchanged"
    if home is None:
        root = Page.get_first_root_node()
        taken = root.get_children().filter(slug=HOME_SLUG).exists()
        home = HomePage(
            title=HOME_TITLE, slug=f"{HOME_SLUG}-new" if taken else HOME_SLUG, intro=HOME_INTRO
        )
        root.add_child(instance=home)
        action = "created"

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="127.0.0.1",
            port=8000,
            site_name=HOME_TITLE,
            root_page=home,
            is_default_site=True,
        )
    elif site.root_page_id != home.pk or not site.site_name:
        site.root_page = home
        site.site_name = site.site_name or HOME_TITLE
        site.save()

    # Wagtail's initial "Welcome to your new Wagtail site!" page: a plain Page with no children
    # that no site uses any more.
    for page in Page.get_first_root_node().get_children().exact_type(Page):
        if page.is_leaf() and not Site.objects.filter(root_page=page).exists():
            page.delete()
    if home.slug != HOME_SLUG and not Page.objects.sibling_of(home).filter(slug=HOME_SLUG).exists():
        home.slug = HOME_SLUG
        home.save()

    if action == "created":
        home.save_revision().publish()
    return home, action


def ensure_news_index(home: HomePage) -> tuple[NewsIndexPage, str]:
    index = NewsIndexPage.objects.child_of(home).filter(slug=NEWS_INDEX_SLUG).first()
    if index is not None:
        return index, "unchanged"
    index = NewsIndexPage(title=NEWS_INDEX_TITLE, slug=NEWS_INDEX_SLUG, intro=NEWS_INDEX_INTRO)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index, "created"


def page_snapshot(page: PolicyNewsPage) -> tuple:
    body = tuple((block["type"], block["value"]) for block in page.body.raw_data)
    return (
        page.title,
        page.publication_date,
        page.category,
        page.issuing_authority,
        page.document_number,
        page.summary,
        tuple(sorted(page.tags.names())),
        body,
    )


def _apply(page: PolicyNewsPage, item: NewsItem) -> None:
    page.title = item.title
    page.draft_title = item.title
    page.publication_date = item.date
    page.category = item.category
    page.issuing_authority = item.issuing_authority
    page.document_number = item.document_number
    page.summary = item.summary
    page.search_description = item.summary
    page.body = [("paragraph", html) for html in item.body]
    page.tags.set(list(item.tags))


def upsert_news_page(index: NewsIndexPage, item: NewsItem, *, force: bool = False) -> str:
    """Create or update the news page of `item`; returns created/updated/unchanged/kept."""
    tz = ZoneInfo(settings.TIME_ZONE)
    published = datetime.datetime.combine(item.date, PUBLISH_TIME, tzinfo=tz)
    return upsert_item_page(
        index,
        PolicyNewsPage,
        item,
        _apply,
        page_snapshot,
        force=force,
        first_published_at=published,
    )


@transaction.atomic
def load_content(content_dir: Path = CONTENT_DIR, *, force: bool = False) -> LoadReport:
    """Load districts, the home page, the news section and every news item of `content_dir`."""
    items = read_news(content_dir / "news")  # parse everything before writing anything
    report = LoadReport(districts=load_districts(content_dir / "reference" / "districts.csv"))
    home, report.home = ensure_home_page()
    index, report.news_index = ensure_news_index(home)
    for item in items:
        report.news[upsert_news_page(index, item, force=force)].append(item.slug)
    for dotted in SECTION_LOADERS:
        report.sections.update(import_string(dotted)(content_dir, home, force=force))
    return report
