"""Turn a snapshot of API answers into what the templates show: URLs, trusted HTML, stats."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .richtext import richtext_for_site
from .snapshot import Snapshot


@dataclass
class SiteContent:
    """Everything the templates need, derived from one snapshot and the URL settings."""

    home_intro: Markup
    news: list[dict]
    enterprises: list[dict]
    districts: list[dict]
    enterprises_by_district: dict[str, list[dict]]


class SiteUrls:
    """Site paths from settings: `path(kind, …)` is the link, `save_as(kind, …)` the file."""

    def __init__(self, patterns: dict[str, str]) -> None:
        self.patterns = patterns

    def relative(self, kind: str, **params) -> str:
        return self.patterns[kind].format(**params)

    def path(self, kind: str, **params) -> str:
        return "/" + self.relative(kind, **params)

    def save_as(self, kind: str, **params) -> str:
        return self.relative(kind, **params) + "index.html"


def _body_blocks(body: list[dict], page_url) -> list[dict]:
    blocks = []
    for block in body or []:
        if not block.get("value"):
            continue  # an image or document deleted after publication serialises as null
        if block.get("type") == "paragraph":
            html = richtext_for_site(block["value"], page_url)
            blocks.append({"type": "paragraph", "html": html})
        else:
            blocks.append({"type": block.get("type"), **block["value"]})
    return blocks


def present_news(items: list[dict], urls: SiteUrls, page_url) -> list[dict]:
    return [
        {
            **item,
            "url": urls.path("news", id=item["id"]),
            "save_as": urls.save_as("news", id=item["id"]),
            "blocks": _body_blocks(item.get("body"), page_url),
        }
        for item in items
    ]


def present_enterprises(items: list[dict], urls: SiteUrls) -> list[dict]:
    return [
        {
            **item,
            "url": urls.path("enterprise", credit_code=item["credit_code"]),
            "save_as": urls.save_as("enterprise", credit_code=item["credit_code"]),
        }
        for item in items
    ]


def site_content(snapshot: Snapshot, urls: SiteUrls) -> SiteContent:
    news_ids = {item["id"] for item in snapshot.news}
    home_id = snapshot.home.get("id")

    def page_url(page_id: int) -> str | None:
        if page_id in news_ids:
            return urls.path("news", id=page_id)
        return "/" if page_id == home_id else None

    enterprises = present_enterprises(snapshot.enterprises, urls)
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
        news=present_news(snapshot.news, urls, page_url),
        enterprises=enterprises,
        districts=districts,
        enterprises_by_district={d["code"]: by_district[d["code"]] for d in snapshot.districts},
    )
