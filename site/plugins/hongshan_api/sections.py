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
    # Members of struct blocks inside those StreamFields that hold rich text (a step's
    # description, an FAQ answer): their internal links are pointed at the site too.
    block_richtext_fields: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)  # anything a template wants from the config
    # Extra pages per item, one per entry of a list field of the item (a contract's editions):
    # {"items": field, "url": HONGSHAN_URLS key, "params": {url param: entry key},
    #  "template": …, "title": entry key appended to the page title}. Each entry gets its
    # `url` and `save_as`; the page is rendered with `item` and `entry`.
    subpages: tuple[dict, ...] = ()


def sections_from_settings(settings: dict) -> list[Section]:
    return [Section(**entry) for entry in settings["HONGSHAN_SECTIONS"]]
