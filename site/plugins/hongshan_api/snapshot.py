"""What the site shows, fetched from the public APIs in one pass (the build's only input).

The snapshot is plain JSON-shaped data, kept apart from rendering so that an incremental
build can later store it, refresh only what changed (`updated_since`) and re-render from it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import partial

from .client import ApiClient
from .pages_copy import ANY_TYPE, PagesCopy
from .platforms import PLATFORM_TYPE, platforms_fetch
from .sections import Section
from .sync import ListSync

HOME_TYPE = "pages.HomePage"


@dataclass
class Snapshot:
    """The API's answers as returned, ordered deterministically so output is reproducible."""

    home: dict
    pages: dict[str, list[dict]]  # section kind → live pages, newest first
    districts: list[dict]
    enterprises: list[dict]
    requests_made: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    platforms: list[dict] = field(default_factory=list)  # PlatformPages by sort_order
    platform_children: dict[int, list[int]] = field(default_factory=dict)  # id → child ids

    @property
    def news(self) -> list[dict]:
        return self.pages.get("news", [])


def _newest_first(items: list[dict], date_field: str) -> list[dict]:
    def key(item: dict) -> tuple:
        date = item.get(date_field) if date_field else None
        return (date or (item.get("meta") or {}).get("first_published_at") or "", item["id"])

    return sorted(items, key=key, reverse=True)


def snapshot_fetch(
    client: ApiClient,
    sections: list[Section],
    *,
    directory: ListSync | None = None,
    pages_copy: PagesCopy | None = None,
) -> Snapshot:
    """Read everything the site needs: home intro, each section's live pages, the registry.

    With `directory`, the enterprise directory is synced from the previous build's copy
    (sync.py) instead of fetched whole; with `pages_copy`, the CMS page types that did not
    change are taken from the previous build's answers (pages_copy.py).
    """
    started = time.perf_counter()
    copy = pages_copy or PagesCopy()
    homes = copy.get(HOME_TYPE, lambda: list(client.wagtail_pages(HOME_TYPE, fields="intro")))

    def section_pages(section: Section) -> list[dict]:
        return list(client.wagtail_pages(section.api_type, fields="*", order=section.order))

    def one_page(section: Section, page_id: int) -> dict | None:
        """One page as the section's listing shows it; None if it is not live (any more)."""
        body = client.get_json(
            "api/cms/v2/pages/", {"type": section.api_type, "id": page_id, "fields": "*"}
        )
        return next(iter(body.get("items", [])), None)

    pages = {
        section.kind: _newest_first(
            copy.get(
                section.api_type,
                lambda section=section: section_pages(section),
                # Only sections ordered here (by date) can take single pages: the others
                # keep the API's order, which only a whole fetch gives.
                partial(one_page, section) if section.date_field else None,
            ),
            section.date_field,
        )
        for section in sections
    }
    platforms, children = copy.get(ANY_TYPE, lambda: platforms_fetch(client), also=(PLATFORM_TYPE,))
    # Kept as JSON: the children's keys come back as strings.
    platform_children = {int(key): ids for key, ids in children.items()}
    districts = sorted(client.registry_list("api/v1/districts/"), key=lambda d: d["code"])
    if directory is None:
        enterprises = sorted(
            client.registry_list("api/v1/enterprises/"), key=lambda e: e["credit_code"]
        )
    else:
        enterprises = directory.fetch(client, districts)
    return Snapshot(
        home=homes[0] if homes else {},
        pages=pages,
        districts=districts,
        enterprises=enterprises,
        platforms=platforms,
        platform_children=platform_children,
        requests_made=client.requests_made,
        seconds=time.perf_counter() - started,
        counts={
            **{kind: len(items) for kind, items in pages.items()},
            "platforms": len(platforms),
            "districts": len(districts),
            "enterprises": len(enterprises),
        },
    )
