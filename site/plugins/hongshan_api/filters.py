"""Jinja filters of the theme: Chinese dates, file sizes, registered capital."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation


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


FILTERS = {
    "chinese_date": chinese_date,
    "iso_date": iso_date,
    "filesize": filesize,
    "capital": capital,
}
