"""Section loader of content/stories/: 风采展示 stories below the 风采展示 platform page.

The file format is described in content/stories/README.md. A story names its enterprise by
unified social credit code; it is linked when the directory holds that enterprise at load time
and left unlinked otherwise (a later load links it). Registered in SECTION_LOADERS.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cms.pages.models import HomePage, PlatformPage
from cms.pages.platform_loader import platform_parent
from cms.pages.section_loading import (
    Counts,
    SourceFile,
    publish_time,
    read_files,
    upsert_children,
)
from registry_api.enterprises import credit_code
from registry_api.enterprises.models import Enterprise

from .models import ShowcaseStoryPage

LABEL = "story pages"
PLATFORM = PlatformPage.Code.SHOWCASE
KEYS = ("slug", "title", "kind", "date", "enterprise", "summary")


@dataclass(frozen=True)
class StoryItem:
    path: Path
    slug: str
    credit_code: str  # the enterprise's code, or ""
    values: dict  # ShowcaseStoryPage field → value (StreamFields raw), without the enterprise


def parse_story_file(path: Path) -> StoryItem:
    source = SourceFile(path)
    source.check_keys(KEYS)
    slug = source.slug()
    kind = source.choice("kind", ShowcaseStoryPage.Kind.values)
    code = source.text("enterprise").upper()
    if code and (problem := credit_code.find_problem(code)) is not None:
        source.problem("enterprise", problem.message)
    values: dict[str, Any] = {
        "title": source.text("title", required=True),
        "kind": kind,
        "publication_date": source.date("date", required=True),
        "summary": source.text("summary", required=True),
        "search_description": source.text("summary"),
        "body": source.paragraphs(),
    }
    if not values["body"]:
        source.problem("正文", "不能为空")
    source.check_page(ShowcaseStoryPage(slug=slug, **values), values)
    return StoryItem(path=path, slug=slug, credit_code=code, values=values)


def read_stories(directory: Path) -> list[StoryItem]:
    """Every story file of `directory` in file-name order; all problems in one ContentError."""
    return read_files(directory, parse_story_file)


def load(content_dir: Path, home: HomePage, *, force: bool = False) -> dict[str, Counts]:
    """Create or update every story below the 风采展示 platform page of `home`."""
    items = read_stories(content_dir / "stories")
    parent = platform_parent(home, PLATFORM, directory="content/stories")
    codes = {item.credit_code for item in items if item.credit_code}
    enterprises = Enterprise.objects.in_bulk(codes, field_name="credit_code")
    counts = upsert_children(
        parent,
        ShowcaseStoryPage,
        items,
        force=force,
        values=lambda item: {**item.values, "enterprise": enterprises.get(item.credit_code)},
        first_published_at=lambda item: publish_time(item.values["publication_date"]),
    )
    return {LABEL: counts}
