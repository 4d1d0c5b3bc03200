"""Section loader of content/notices/: notices (通知公告) below the 政策资讯 section.

Front matter: `slug`, `title`, `type` (announcement 公告 / notice 通知 / publicity 公示), `date`,
optional `valid_until`, `issuing_authority`, `document_number` and `summary`; the Markdown body
becomes the notice's text. Attachments are managed in the admin: the loader never touches them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content_loader import ensure_news_index
from .models import HomePage, NoticePage
from .section_loading import (
    Counts,
    SourceFile,
    publish_time,
    read_files,
    upsert_children,
)

LABEL = "notice pages"
KEYS = (
    "slug",
    "title",
    "type",
    "date",
    "valid_until",
    "issuing_authority",
    "document_number",
    "summary",
)
DEFAULT_AUTHORITY = "红山区市场监督管理局"


@dataclass(frozen=True)
class NoticeItem:
    path: Path
    slug: str
    values: dict  # NoticePage field → value (StreamFields raw)


def parse_notice_file(path: Path) -> NoticeItem:
    source = SourceFile(path)
    source.check_keys(KEYS)
    slug = source.slug()
    notice_type = source.choice("type", NoticePage.NoticeType.values)
    values = {
        "title": source.text("title", required=True),
        "notice_type": notice_type,
        "publication_date": source.date("date", required=True),
        "valid_until": source.date("valid_until"),
        "issuing_authority": source.text("issuing_authority", default=DEFAULT_AUTHORITY),
        "document_number": source.text("document_number"),
        "summary": source.text("summary"),
        "search_description": source.text("summary"),
        "body": source.paragraphs(),
    }
    if not values["body"]:
        source.problem("正文", "不能为空")
    source.check_page(NoticePage(slug=slug, **values), values)
    return NoticeItem(path=path, slug=slug, values=values)


def read_notices(directory: Path) -> list[NoticeItem]:
    """Every notice file of `directory`, oldest first; all problems in one ContentError."""
    items = read_files(directory, parse_notice_file)
    return sorted(items, key=lambda item: (item.values["publication_date"], item.slug))


def load(content_dir: Path, home: HomePage, *, force: bool = False) -> dict[str, Counts]:
    """Create or update every notice below the news section of `home`."""
    items = read_notices(content_dir / "notices")
    index, _ = ensure_news_index(home)
    counts = upsert_children(
        index,
        NoticePage,
        items,
        force=force,
        first_published_at=lambda item: publish_time(item.values["publication_date"]),
    )
    return {LABEL: counts}
