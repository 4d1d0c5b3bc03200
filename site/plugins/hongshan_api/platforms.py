"""The ten sub-platforms on the site: their pages (/platforms/<slug>/) and the home page tiles.

A platform page shows its intro and offers, the latest items of each section living below it
in Wagtail (or, per HONGSHAN_PLATFORMS, of whole sections that live elsewhere, such as 政策资讯's
news and notices), and links into sections and registries. A link is shown only when the site
builds its target, so no platform page and no tile ever leads nowhere.
"""

from __future__ import annotations

from collections.abc import Callable

from .client import WAGTAIL_PAGE_LIMIT, ApiClient
from .richtext import richtext_for_site
from .sections import Section

PLATFORM_TYPE = "pages.PlatformPage"


def platforms_fetch(client: ApiClient) -> tuple[list[dict], dict[int, list[int]]]:
    """Live PlatformPages by `sort_order`, and the ids of each one's live child pages."""
    platforms = list(client.wagtail_pages(PLATFORM_TYPE, fields="*", order="sort_order"))
    children = {
        platform["id"]: sorted(_child_ids(client, platform["id"])) for platform in platforms
    }
    return sorted(platforms, key=lambda p: (p.get("sort_order", 0), p["id"])), children


def _child_ids(client: ApiClient, parent_id: int) -> list[int]:
    ids: list[int] = []
    while True:
        params = {"child_of": parent_id, "fields": "_,id", "limit": WAGTAIL_PAGE_LIMIT}
        body = client.get_json("api/cms/v2/pages/", {**params, "offset": len(ids)})
        items = body.get("items", [])
        ids.extend(item["id"] for item in items)
        if not items or len(ids) >= body.get("meta", {}).get("total_count", 0):
            return ids


def built_paths(sections: list[Section]) -> set[str]:
    """Keys of HONGSHAN_URLS whose pages every build writes (besides items)."""
    return {f"{section.kind}_index" for section in sections} | {"enterprise_index", "search"}


def present_platforms(
    platforms: list[dict],
    children: dict[int, list[int]],
    pages: dict[str, list[dict]],
    sections: list[Section],
    urls,
    config: dict[str, dict],
    *,
    latest: int,
    page_url: Callable[[int], str | None],
    part_urls: set[str] = frozenset(),
    part_links: dict[str, list] | None = None,
) -> list[dict]:
    """Each platform page as the template shows it: URLs, trusted HTML, item groups, links.

    `part_urls`: keys of pages the registry parts write (parts.registry_part_urls);
    `part_links`: links the parts add to platform pages, by code (parts.registry_part_links)."""
    built = built_paths(sections) | set(part_urls)
    presented = []
    for platform in platforms:
        settings = config.get(platform.get("code"), {})
        child_ids = set(children.get(platform["id"], ()))
        whole = set(settings.get("sections", ()))
        groups = []
        for section in sections:
            items = [
                item
                for item in pages.get(section.kind, [])
                if section.kind in whole or item["id"] in child_ids
            ]
            if items:
                groups.append(
                    {
                        "title": section.title,
                        "url": urls.path(f"{section.kind}_index"),
                        "date_field": section.date_field,  # empty: items show no date
                        "latest": items[:latest],
                        "total": len(items),
                    }
                )
        slug = platform["meta"]["slug"]
        presented.append(
            {
                **platform,
                "slug": slug,
                "note": platform["meta"].get("search_description", ""),
                "url": urls.path("platform", slug=slug),
                "save_as": urls.save_as("platform", slug=slug),
                "intro": richtext_for_site(platform.get("intro", ""), page_url),
                "offers": richtext_for_site(platform.get("offers", ""), page_url),
                "groups": groups,
                "links": [
                    {"title": title, "url": urls.path(key)}
                    for key, title in [
                        *settings.get("links", ()),
                        *(part_links or {}).get(platform.get("code"), ()),
                    ]
                    if key in built
                ],
            }
        )
    return presented


def home_tiles(platforms: list[dict], fallback: list[dict]) -> list[dict]:
    """The home page's tiles: every live platform page by `sort_order`; a platform without a
    page yet keeps its entry of the static SUBPLATFORMS list (an empty url shows 建设中)."""
    notes = {entry.get("code"): entry.get("note", "") for entry in fallback}
    tiles = [
        {
            "name": platform["title"],
            "url": platform["url"],
            "note": platform["note"] or notes.get(platform.get("code"), ""),
            "order": platform.get("sort_order", 0),
        }
        for platform in platforms
    ]
    live = {platform.get("code") for platform in platforms}
    tiles.extend(
        {"name": entry["name"], "url": entry["url"], "note": entry["note"], "order": position}
        for position, entry in enumerate(fallback, start=1)
        if entry.get("code") not in live
    )
    return sorted(tiles, key=lambda tile: tile["order"])
