"""Turn a snapshot of API answers into what the templates show: URLs, trusted HTML, stats."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import warm
from .richtext import richtext_for_site
from .sections import Section
from .snapshot import Snapshot


@dataclass
class SiteContent:
    """Everything the templates need, derived from one snapshot and the URL settings."""

    home_intro: Markup
    pages: dict[str, list[dict]]  # section kind → presented items
    enterprises: list[dict]
    districts: list[dict]
    enterprises_by_district: dict[str, list[dict]]

    @property
    def news(self) -> list[dict]:
        return self.pages.get("news", [])


class SiteUrls:
    """Site paths from settings: `path(kind, …)` is the link, `save_as(kind, …)` the file."""

    def __init__(self, patterns: dict[str, str]) -> None:
        self.patterns = patterns

    def cache_token(self) -> dict[str, str]:
        """What pages rendered with these URLs depend on (incremental.py's page keys)."""
        return self.patterns

    def relative(self, kind: str, **params) -> str:
        return self.patterns[kind].format(**params)

    def path(self, kind: str, **params) -> str:
        return "/" + self.relative(kind, **params)

    def save_as(self, kind: str, **params) -> str:
        return self.relative(kind, **params) + "index.html"


def _body_blocks(body: list[dict], page_url, richtext_keys: tuple[str, ...] = ()) -> list[dict]:
    """Blocks as templates use them; `richtext_keys` name rich-text members of struct blocks."""
    blocks = []
    for block in body or []:
        if not block.get("value"):
            continue  # an image or document deleted after publication serialises as null
        if block.get("type") == "paragraph":
            html = richtext_for_site(block["value"], page_url)
            blocks.append({"type": "paragraph", "html": html})
        else:
            value = dict(block["value"])
            for key in richtext_keys:
                if isinstance(value.get(key), str):
                    value[key] = richtext_for_site(value[key], page_url)
            blocks.append({"type": block.get("type"), **value})
    return blocks


def present_page(item: dict, section: Section, urls: SiteUrls, page_url) -> dict:
    """One editorial page: its site URL and file, rich text and StreamFields made site-ready.

    A StreamField `body` becomes `blocks`; another StreamField `x` becomes `x_blocks`.
    """
    presented = {
        **item,
        "url": urls.path(section.kind, id=item["id"]),
        "save_as": urls.save_as(section.kind, id=item["id"]),
    }
    for name in section.richtext_fields:
        presented[name] = richtext_for_site(item.get(name) or "", page_url)
    for name in section.stream_fields:
        key = "blocks" if name == "body" else f"{name}_blocks"
        presented[key] = _body_blocks(item.get(name), page_url, section.block_richtext_fields)
    for spec in section.subpages:
        entries = []
        for entry in item.get(spec["items"]) or []:
            params = {name: entry[key] for name, key in spec["params"].items()}
            entries.append(
                {
                    **entry,
                    "url": urls.path(spec["url"], id=item["id"], **params),
                    "save_as": urls.save_as(spec["url"], id=item["id"], **params),
                }
            )
        presented[spec["items"]] = entries
    return presented


def present_enterprises(
    items: list[dict], urls: SiteUrls, extras: dict[str, dict] | None = None
) -> list[dict]:
    """The directory's enterprises with their pages, and what the registry parts add to each
    (`extras`, by credit code: the credit summary, the finance timeline). In a warm build
    process an enterprise whose item and extras are unchanged is the previous build's object
    (warm.py), so its pages are neither keyed nor visited again."""
    extras = extras or {}
    pattern = urls.patterns["enterprise"]

    def present(item: dict) -> dict:
        code = item["credit_code"]
        return {
            **item,
            "url": urls.path("enterprise", credit_code=code),
            "save_as": urls.save_as("enterprise", credit_code=code),
        }

    presented = warm.derived("enterprise", pattern).many(items, present)
    if extras:
        annotated = warm.derived("enterprise_extras", pattern)
        for index in [i for i, item in enumerate(presented) if item["credit_code"] in extras]:
            item = presented[index]
            added = extras[item["credit_code"]]
            presented[index] = annotated.get(item, lambda item: {**item, **added}, added)  # noqa: B023
    return presented


def page_url_resolver(snapshot: Snapshot, urls: SiteUrls):
    """`page_url(id)`: the site address of a Wagtail page, None if the site does not show it."""
    kind_of_id = {item["id"]: kind for kind, items in snapshot.pages.items() for item in items}
    platform_slugs = {item["id"]: item["meta"]["slug"] for item in snapshot.platforms}
    home_id = snapshot.home.get("id")

    def page_url(page_id: int) -> str | None:
        if page_id in kind_of_id:
            return urls.path(kind_of_id[page_id], id=page_id)
        if page_id in platform_slugs:
            return urls.path("platform", slug=platform_slugs[page_id])
        return "/" if page_id == home_id else None

    return page_url


def site_content(
    snapshot: Snapshot,
    urls: SiteUrls,
    sections: list[Section],
    extras: dict[str, dict] | None = None,
) -> SiteContent:
    page_url = page_url_resolver(snapshot, urls)
    enterprises = present_enterprises(snapshot.enterprises, urls, extras)
    by_district: dict[str, list[dict]] = {d["code"]: [] for d in snapshot.districts}
    for enterprise in enterprises:
        code = (enterprise.get("district") or {}).get("code")
        by_district.setdefault(code, []).append(enterprise)
    districts = [
        {
            **d,
            "url": urls.path("district", code=d["code"]),
            "enterprise_count": len(by_district[d["code"]]),
        }
        for d in snapshot.districts
    ]
    return SiteContent(
        home_intro=richtext_for_site(snapshot.home.get("intro", ""), page_url),
        pages={
            section.kind: [
                present_page(item, section, urls, page_url)
                for item in snapshot.pages.get(section.kind, [])
            ]
            for section in sections
        },
        enterprises=enterprises,
        districts=districts,
        enterprises_by_district={d["code"]: by_district[d["code"]] for d in snapshot.districts},
    )
