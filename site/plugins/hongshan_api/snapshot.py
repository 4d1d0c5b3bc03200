"""What the site shows, fetched from the public APIs in one pass (the build's only input).

The snapshot is plain JSON-shaped data, kept apart from rendering so that an incremental
build can later store it, refresh only what changed (`updated_since`) and re-render from it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from .client import ApiClient

NEWS_TYPE = "pages.PolicyNewsPage"
HOME_TYPE = "pages.HomePage"


@dataclass
class Snapshot:
    """The API's answers as returned, ordered deterministically so output is reproducible."""

    home: dict
    news: list[dict]
    districts: list[dict]
    enterprises: list[dict]
    requests_made: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)


def _news_order(item: dict) -> tuple:
    return (item.get("publication_date") or "", item["id"])


def snapshot_fetch(client: ApiClient) -> Snapshot:
    """Read everything the site needs: home intro, live news, districts, enterprises."""
    started = time.perf_counter()
    homes = list(client.wagtail_pages(HOME_TYPE, fields="intro"))
    news = list(client.wagtail_pages(NEWS_TYPE, fields="*", order="-publication_date"))
    news.sort(key=_news_order, reverse=True)
    districts = sorted(client.registry_list("api/v1/districts/"), key=lambda d: d["code"])
    enterprises = sorted(
        client.registry_list("api/v1/enterprises/"), key=lambda e: e["credit_code"]
    )
    return Snapshot(
        home=homes[0] if homes else {},
        news=news,
        districts=districts,
        enterprises=enterprises,
        requests_made=client.requests_made,
        seconds=time.perf_counter() - started,
        counts={"news": len(news), "districts": len(districts), "enterprises": len(enterprises)},
    )
