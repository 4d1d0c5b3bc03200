"""Section loader of content/events/: events below the sub-platform each one belongs to.

The file format is described in content/events/README.md. Times without an offset are local
time (Asia/Shanghai). Every file is parsed and checked before anything is written.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from cms.pages.content_loader import ContentError
from cms.pages.models import HomePage, PlatformPage
from cms.pages.platform_loader import platform_parent
from cms.pages.section_loading import (
    Counts,
    SourceFile,
    empty_counts,
    publish_time,
    read_files,
    upsert_child_page,
)

from .models import EventPage, LecturePage

LABEL = "event pages"
KEYS = (
    "slug",
    "title",
    "type",
    "platform",
    "starts",
    "ends",
    "place",
    "organiser",
    "registration",
    "capacity",
    "summary",
    "lecture",
)
DEFAULT_PLATFORM = PlatformPage.Code.LEARNING
ANNOUNCED_DAYS_BEFORE = 14  # seed events went live two weeks before they started
_LOCAL_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(:\d{2})?$")


@dataclass(frozen=True)
class EventItem:
    path: Path
    slug: str
    platform: str
    lecture: str  # slug of the recorded lecture, or ""
    values: dict  # EventPage field → value (StreamFields raw), without the lecture


def _datetime(source: SourceFile, key: str) -> datetime.datetime | None:
    value = source.meta.get(key)
    if value in (None, ""):
        source.problem(key, "必填")
        return None
    if isinstance(value, str) and _LOCAL_TIME.match(value.strip()):
        value = datetime.datetime.fromisoformat(value.strip().replace(" ", "T"))
    if not isinstance(value, datetime.datetime):
        source.problem(key, "应为日期和时间，格式 YYYY-MM-DD HH:MM")
        return None
    if timezone.is_naive(value):
        value = value.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))
    return value


def _online_registration(source: SourceFile) -> dict:
    """`capacity: N` opens online registration with N places (until the event starts)."""
    capacity = source.integer("capacity")
    if not capacity:
        return {"registration_open": False, "capacity": None}
    return {"registration_open": True, "capacity": capacity}


def parse_event_file(path: Path) -> EventItem:
    source = SourceFile(path)
    source.check_keys(KEYS)
    slug = source.slug()
    event_type = source.choice("type", EventPage.EventType.values)
    platform = source.choice("platform", PlatformPage.Code.values, default=DEFAULT_PLATFORM)
    values: dict[str, Any] = {
        "title": source.text("title", required=True),
        "event_type": event_type,
        "starts_at": _datetime(source, "starts"),
        "ends_at": _datetime(source, "ends"),
        "place": source.text("place", required=True),
        "organiser": source.text("organiser", default="红山区市场监督管理局"),
        "registration_note": source.text("registration"),
        **_online_registration(source),
        "summary": source.text("summary", required=True),
        "search_description": source.text("summary"),
        "body": source.paragraphs(),
    }
    source.check_page(EventPage(slug=slug, **values), values)
    return EventItem(
        path=path,
        slug=slug,
        platform=platform,
        lecture=source.text("lecture"),
        values=values,
    )


def read_events(directory: Path, *, lecture_slugs: set[str] | None) -> list[EventItem]:
    """Every event file of `directory`; a `lecture` must name a lecture of `lecture_slugs` (the
    seed's; None skips the check) or of the database. All problems end up in one ContentError."""
    items = read_files(directory, parse_event_file)
    if lecture_slugs is None:
        return items
    known = lecture_slugs | set(LecturePage.objects.values_list("slug", flat=True))
    errors = [
        f"{item.path.name}: lecture：找不到 slug 为“{item.lecture}”的讲座"
        for item in items
        if item.lecture and item.lecture not in known
    ]
    if errors:
        raise ContentError(errors)
    return items


def announced_at(starts_at: datetime.datetime) -> datetime.datetime:
    day = timezone.localdate(starts_at) - datetime.timedelta(days=ANNOUNCED_DAYS_BEFORE)
    return publish_time(min(day, timezone.localdate()))


def write_events(items: list[EventItem], home: HomePage, *, force: bool = False) -> Counts:
    """Create or update every event below the platform page its file names."""
    counts = empty_counts()
    for item in items:
        parent = platform_parent(home, item.platform, directory="content/events")
        lecture = LecturePage.objects.filter(slug=item.lecture).first() if item.lecture else None
        action = upsert_child_page(
            parent,
            EventPage,
            lookup={"slug": item.slug},
            values={**item.values, "lecture": lecture},
            force=force,
            first_published_at=announced_at(item.values["starts_at"]),
        )
        counts[action].append(item.slug)
    return counts
