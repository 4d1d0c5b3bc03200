"""Section loader of content/guides/: service guides (办事指南) below the 市场准入 platform.

The file format is described in content/guides/README.md. Every file is parsed and checked
against the model's own rules (fields, blocks, cross-field rules) before anything is written.
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
    markdown_html,
    read_files,
    upsert_children,
)

from .models import GuidePage

LABEL = "guide pages"
PLATFORM = PlatformPage.Code.MARKET_ACCESS
SCALAR_KEYS = (
    "slug",
    "title",
    "matter_type",
    "summary",
    "fees",
    "statutory_time_limit",
    "statutory_days",
    "promised_time_limit",
    "promised_days",
    "online_url",
    "online_service_name",
)
# list key → (block type, required keys, optional keys, keys written as Markdown)
RECORDS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "steps": ("step", ("title",), ("description",), ("description",)),
    "materials": ("material", ("name",), ("form", "count", "note"), ()),
    "legal_basis": ("law", ("title",), ("provision", "url", "link_text"), ()),
    "offices": ("office", ("place",), ("address", "hours", "phone"), ()),
    "faq": ("faq", ("question", "answer"), (), ("answer",)),
}
RECORD_DEFAULTS: dict[str, dict[str, Any]] = {"materials": {"form": "original", "count": 1}}


@dataclass(frozen=True)
class GuideItem:
    path: Path
    slug: str
    values: dict  # GuidePage field → value (StreamFields raw)


def _stream(source: SourceFile, key: str) -> list[dict]:
    """A list of the front matter as a raw StreamField: [{"type", "value": {…}}, …]."""
    block_type, required, optional, markdown_keys = RECORDS[key]
    blocks = []
    for record in source.records(key, required=required, optional=optional):
        value: dict[str, Any] = {}
        for name in (*required, *optional):
            raw = record.get(name, RECORD_DEFAULTS.get(key, {}).get(name))
            if name in markdown_keys:
                value[name] = markdown_html(str(raw or ""))
            elif isinstance(raw, int) and not isinstance(raw, bool):
                value[name] = raw
            else:
                value[name] = "" if raw is None else str(raw).strip()
        blocks.append({"type": block_type, "value": value})
    return blocks


def parse_guide_file(path: Path) -> GuideItem:
    source = SourceFile(path)
    source.check_keys((*SCALAR_KEYS, *RECORDS))
    slug = source.slug()
    matter_type = source.choice("matter_type", GuidePage.MatterType.values)
    values: dict[str, Any] = {
        "title": source.text("title", required=True),
        "matter_type": matter_type,
        "summary": source.text("summary", required=True),
        "search_description": source.text("summary"),
        "fees": source.text("fees", default="不收费"),
        "statutory_time_limit": source.text("statutory_time_limit"),
        "statutory_days": source.integer("statutory_days"),
        "promised_time_limit": source.text("promised_time_limit"),
        "promised_days": source.integer("promised_days"),
        "online_url": source.text("online_url"),
        "online_service_name": source.text("online_service_name"),
        **{key: _stream(source, key) for key in RECORDS},
        "body": source.paragraphs(),
    }
    if not values["steps"]:
        source.problem("steps", "至少需要一个办理步骤")
    source.check_page(GuidePage(slug=slug, **values), values)
    return GuideItem(path=path, slug=slug, values=values)


def read_guides(directory: Path) -> list[GuideItem]:
    """Every guide file of `directory` in file-name order; all problems in one ContentError."""
    return read_files(directory, parse_guide_file)


def load(content_dir: Path, home: HomePage, *, force: bool = False) -> dict[str, Counts]:
    """Create or update every guide below the 市场准入 platform page of `home`."""
    items = read_guides(content_dir / "guides")
    parent = platform_parent(home, PLATFORM, directory="content/guides")
    return {LABEL: upsert_children(parent, GuidePage, items, force=force)}
