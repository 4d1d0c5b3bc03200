"""Registry parts of the site: modules that fetch registry lists and write their own pages.

A part is a module of this package named in pelicanconf's HONGSHAN_REGISTRY_PARTS, with

    fetch(client: ApiClient) -> data          called once per build, beside the snapshot;
                                              `fetch(client, feeds=None)` is also given the
                                              build's ChangeFeeds (sync.py) to sync a large list
    write(generator, writer, data) -> None    writes its pages (generator._write / _write_paginated)
    enterprise_extras(data) -> {code: dict}   optional: what to add to the directory's enterprises
                                              (their pages show it), made from the part's data
    URLS: tuple[str, ...]                     optional: HONGSHAN_URLS keys of pages every build
                                              writes (platform pages link only to built pages)
    PLATFORM_LINKS: {code: ((key, label), …)} optional: links added to platform pages (by
                                              PlatformPage.code) after HONGSHAN_PLATFORMS' own
    HOME_LINKS: ((key, label), …)             optional: links the home page shows
    sitemap_pages(generator, data)            optional: [(path, last change or None)] of its
                                              pages, written to sitemap-<part>.xml

so each registry (credit, finance, services…) adds pages without editing the generator.
"""

from __future__ import annotations

import functools
import importlib
import inspect
from collections import Counter
from collections.abc import Callable
from types import ModuleType


def registry_parts(settings: dict) -> list[ModuleType]:
    return [
        importlib.import_module(f"{__package__}.{name}")
        for name in settings.get("HONGSHAN_REGISTRY_PARTS", [])
    ]


def registry_part_urls(parts) -> set[str]:
    """HONGSHAN_URLS keys of the pages the parts always write (their `URLS`)."""
    return {key for part in parts for key in getattr(part, "URLS", ())}


def registry_part_links(parts) -> dict[str, list[tuple[str, str]]]:
    """The links the parts add to platform pages (their `PLATFORM_LINKS`), by platform code."""
    links: dict[str, list[tuple[str, str]]] = {}
    for part in parts:
        for code, entries in getattr(part, "PLATFORM_LINKS", {}).items():
            links.setdefault(code, []).extend(entries)
    return links


def part_name(part: ModuleType) -> str:
    return part.__name__.rsplit(".", 1)[-1]


def part_fetch(part: ModuleType, feeds) -> Callable:
    """The part's `fetch` as fetch(client), given the build's change feeds if it takes them."""
    if "feeds" in inspect.signature(part.fetch).parameters:
        return functools.partial(part.fetch, feeds=feeds)
    return part.fetch


def write_faceted_lists(
    generator,
    writer,
    *,
    base: str,
    template: str,
    items: list[dict],
    title: str,
    facets: list[dict],
    facet_names: tuple[str, str],
    facet_path: Callable[[dict], str],
    facet_title: Callable[[dict], str],
    members: Callable[[dict], list[dict]],
) -> None:
    """A paginated list of every item at `base`, and one below it per facet (a class, a
    channel: `base` + `facet_path(facet)`, holding `members(facet)`), each page given the
    facets and the current one (None on the whole list) under `facet_names`."""
    every, current = facet_names
    generator._write_paginated(
        f"{base}index.html",
        base,
        template,
        items,
        writer,
        page_title=title,
        **{every: facets, current: None},
    )
    for facet in facets:
        path = base + facet_path(facet)
        generator._write_paginated(
            f"{path}index.html",
            path,
            template,
            members(facet),
            writer,
            page_title=facet_title(facet),
            **{every: facets, current: facet},
        )


def district_of(item: dict) -> str | None:
    """The code of an item's 街镇 (its `district` as the API nests it), None without one."""
    return (item.get("district") or {}).get("code")


def district_choices(districts: list[dict]) -> dict[str, str]:
    """The directory's 街镇 (api/v1/districts/) as choices, code → name, in its order."""
    return {district["code"]: district["name"] for district in districts}


def facet_nav(items: list[dict], value_of: Callable, choices: dict[str, str], base: str) -> list:
    """Every choice (code → label, in the choices' order) that some item has: its label, its
    count and its list's URL (`/{base}{code}/`)."""
    counts = Counter(value_of(item) for item in items)
    return [
        {"code": code, "label": label, "url": f"/{base}{code}/", "count": counts[code]}
        for code, label in choices.items()
        if code in counts
    ]


def write_facet_lists(
    generator,
    writer,
    *,
    base: str,
    template: str,
    items: list[dict],
    title: str,
    dimensions: dict[str, tuple[dict[str, str], Callable]],
) -> None:
    """A paginated list of every item at `base`, and one per value of each dimension
    ({kind: (choices, value_of)}: `base` + `{kind}/{code}/`). Every page gets each dimension's
    facets as `{kind}_facets`, and the current one (None on the whole list) as `facet`."""
    navs = {
        f"{kind}_facets": facet_nav(items, value_of, choices, f"{base}{kind}/")
        for kind, (choices, value_of) in dimensions.items()
    }
    generator._write_paginated(
        f"{base}index.html", base, template, items, writer, page_title=title, facet=None, **navs
    )
    for kind, (_choices, value_of) in dimensions.items():
        for facet in navs[f"{kind}_facets"]:
            path = f"{base}{kind}/{facet['code']}/"
            generator._write_paginated(
                f"{path}index.html",
                path,
                template,
                [item for item in items if value_of(item) == facet["code"]],
                writer,
                page_title=f"{title} · {facet['label']}",
                facet={**facet, "kind": kind},
                **navs,
            )
