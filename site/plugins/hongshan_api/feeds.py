"""The Atom feed of policy news, written with feedgenerator (Pelican's own feed library)."""

from __future__ import annotations

import datetime
import os
from zoneinfo import ZoneInfo

from feedgenerator import Atom1Feed

LOCAL_TIME = ZoneInfo("Asia/Shanghai")


def _published(item: dict) -> datetime.datetime:
    stamp = (item.get("meta") or {}).get("first_published_at")
    if stamp:
        return datetime.datetime.fromisoformat(stamp)
    day = datetime.date.fromisoformat(item["publication_date"])
    return datetime.datetime.combine(day, datetime.time(), tzinfo=LOCAL_TIME)


def news_feed_write(
    path: str, *, news: list[dict], site_url: str, feed_url: str, title: str, limit: int
) -> None:
    """Write an Atom feed of the newest `limit` news items; links are absolute on `site_url`."""
    feed = Atom1Feed(
        title=title,
        link=site_url + "/news/",
        description="",
        language="zh-Hans",
        feed_url=site_url + feed_url,
    )
    for item in news[:limit]:
        link = site_url + item["url"]
        feed.add_item(
            title=item["title"],
            link=link,
            unique_id=link,
            description=item.get("summary") or "",
            pubdate=_published(item),
            categories=[item["category_display"]] if item.get("category_display") else (),
            author_name=item.get("issuing_authority") or None,
        )
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        feed.write(handle, "utf-8")
