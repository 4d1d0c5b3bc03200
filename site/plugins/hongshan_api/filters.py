"""Jinja filters of the theme: Chinese dates and times, file sizes, registered capital, expiry,
event status, lecture captions."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from .captions import captions_url

# The day the site is built, in the bureau's time zone (the API's dates are local dates).
SITE_TIMEZONE = ZoneInfo("Asia/Shanghai")
# Filters whose result depends on when the build runs. The incremental build (incremental.py)
# keys pages whose templates use a DAY_DEPENDENT filter on the build day, and always renders
# pages whose templates use a TIME_DEPENDENT one. A new clock-reading filter belongs here.
DAY_DEPENDENT = frozenset({"is_past"})
TIME_DEPENDENT = frozenset({"event_status"})
# `build.py --today` renders the site as of another day (reproducing a build, tests).
_build_day: datetime.date | None = None


def build_day_set(day: datetime.date | None) -> None:
    global _build_day
    _build_day = day


def build_now() -> datetime.datetime:
    """Now in the bureau's time zone, on the `--today` day when one was given."""
    now = datetime.datetime.now(SITE_TIMEZONE)
    return datetime.datetime.combine(_build_day, now.timetz()) if _build_day else now


def build_today() -> datetime.date:
    return build_now().date()


def _as_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not value:
        return None
    text = str(value)
    try:
        if len(text) == 10:
            return datetime.date.fromisoformat(text)
        # A timestamp keeps the day of its own offset (the API speaks Asia/Shanghai).
        return datetime.datetime.fromisoformat(text).date()
    except ValueError:
        return None


def chinese_date(value) -> str:
    """2026-11-27 (date, datetime or ISO string) → 2026年11月27日; empty when unknown."""
    day = _as_date(value)
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def iso_date(value) -> str:
    """The machine-readable day for <time datetime="…">."""
    day = _as_date(value)
    return day.isoformat() if day else ""


def filesize(value) -> str:
    """A byte count as people read it: 820 B, 34 KB, 1.2 MB."""
    if value in (None, ""):
        return ""
    size = int(value)
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def capital(value) -> str:
    """Registered capital in 万元 from the API's decimal string: "1200.50" → 1,200.5 万元."""
    if value in (None, ""):
        return "—"
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    text = f"{amount:,.2f}".rstrip("0").rstrip(".")
    return f"{text} 万元"


def is_past(value, today: datetime.date | None = None) -> bool:
    """True if the date (e.g. a notice's valid_until) is before the build day; False if none.

    Static pages are as current as their last build: a daily build keeps 已过期 marks exact.
    """
    day = _as_date(value)
    if day is None:
        return False
    return day < (today or build_today())


def _as_datetime(value) -> datetime.datetime | None:
    if isinstance(value, datetime.datetime):
        return value
    try:
        return datetime.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def time_of_day(value) -> str:
    """The clock time of an ISO timestamp in its own offset: "…T09:00:00+08:00" → "09:00"."""
    moment = _as_datetime(value)
    return moment.strftime("%H:%M") if moment else ""


def event_status(item: dict, now: datetime.datetime | None = None) -> str:
    """The state of an event (starts_at/ends_at) as of the build: upcoming, ongoing or past.

    Static pages are as current as their last build: a daily build keeps the marks exact.
    """
    now = now or build_now()
    starts, ends = _as_datetime(item.get("starts_at")), _as_datetime(item.get("ends_at"))
    if ends is not None and ends < now:
        return "past"
    if starts is not None and starts <= now:
        return "ongoing"
    return "upcoming"


FILTERS = {
    "chinese_date": chinese_date,
    "iso_date": iso_date,
    "filesize": filesize,
    "capital": capital,
    "is_past": is_past,
    "time_of_day": time_of_day,
    "event_status": event_status,
    "captions_url": captions_url,
}
