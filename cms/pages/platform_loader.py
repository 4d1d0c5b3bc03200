"""Section loader of content/platforms/: the ten sub-platform landing pages (PlatformPage).

One Markdown file per sub-platform: front matter `code`, `title`, `sort_order`, `summary` (the
one line under its tile on the home page, kept as the page's search description) and `offers`
(a list, shown as 服务内容); the Markdown body is the intro. Pages are found by `code`, their
slug is the code. Item loaders of other sections find their parent with `platform_parent()`,
so this loader runs first (see SECTION_LOADERS).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from .content_loader import ContentError
from .models import HomePage, PlatformPage
from .section_loading import (
    Counts,
    SourceFile,
    empty_counts,
    markdown_html,
    read_files,
    upsert_child_page,
)

LABEL = "platform pages"
FIELDS = ("code", "title", "sort_order", "summary", "offers")


@dataclass(frozen=True)
class PlatformItem:
    path: Path
    code: str
    values: dict  # PlatformPage field → value


def parse_platform_file(path: Path) -> PlatformItem:
    source = SourceFile(path)
    source.check_keys(FIELDS)
    code = source.choice("code", PlatformPage.Code.values)
    sort_order = source.integer("sort_order", required=True)
    offers = source.strings("offers")
    values = {
        "title": source.text("title", required=True),
        "slug": code,
        "sort_order": sort_order,
        "search_description": source.text("summary", required=True),
        "intro": markdown_html(source.content),
        "offers": "<ul>" + "".join(f"<li>{escape(offer)}</li>" for offer in offers) + "</ul>"
        if offers
        else "",
    }
    if not values["intro"]:
        source.problem("正文", "不能为空：正文是平台简介")
    source.validate_page(
        PlatformPage(code=code, **values), ("code", "sort_order", "intro", "offers")
    )
    source.raise_errors()
    return PlatformItem(path=path, code=code, values=values)


def read_platforms(directory: Path) -> list[PlatformItem]:
    items = read_files(directory, parse_platform_file, key="code")
    return sorted(items, key=lambda item: item.values["sort_order"])


def platform_parent(home: HomePage, code: str, *, directory: str) -> PlatformPage:
    """The PlatformPage an item section lives under; a clear error if it is not loaded."""
    page = PlatformPage.objects.child_of(home).filter(code=code).first()
    if page is None:
        label = PlatformPage.Code(code).label
        raise ContentError(
            [f"{directory}: 子平台“{label}”（{code}）的页面不存在，请先加载 platforms"]
        )
    return page


def load(content_dir: Path, home: HomePage, *, force: bool = False) -> dict[str, Counts]:
    """Create or update the ten PlatformPages under `home`."""
    items = read_platforms(content_dir / "platforms")
    counts = empty_counts()
    for item in items:
        action = upsert_child_page(
            home, PlatformPage, lookup={"code": item.code}, values=item.values, force=force
        )
        counts[action].append(item.code)
    return {LABEL: counts}
