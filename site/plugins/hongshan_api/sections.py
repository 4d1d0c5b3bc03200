"""Editorial sections of the site: one entry per Wagtail page type the site publishes.

Each section is fetched from the Wagtail API v2 and written as a paginated list plus one page
per item. Adding a page type to the site = one entry in pelicanconf's HONGSHAN_SECTIONS, its
paths in HONGSHAN_URLS ("<kind>_index" and "<kind>"), and its two templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    kind: str  # the search kind too; also the key of its paths in HONGSHAN_URLS
    api_type: str  # Wagtail API v2 `type`, e.g. "pages.PolicyNewsPage"
    title: str  # Chinese section name (list heading, breadcrumbs)
    list_template: str
    detail_template: str
    order: str = "-first_published_at"  # Wagtail API `order`
    date_field: str = ""  # the item field holding the public date; newest first
    per_page: int = 20
    # Fields that hold rich text (HTML strings) or StreamFields (lists of blocks): internal
    # links in them are pointed at the site.
    richtext_fields: tuple[str, ...] = ()
    stream_fields: tuple[str, ...] = ("body",)
    extra: dict = field(default_factory=dict)  # anything a template wants from the config


def sections_from_settings(settings: dict) -> list[Section]:
    return [Section(**entry) for entry in settings["HONGSHAN_SECTIONS"]]
