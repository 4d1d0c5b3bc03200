"""Section loader of 学习教育 seed content: content/lectures/ first, then content/events/ (an
event may name the lecture that recorded it). Registered in SECTION_LOADERS."""

from __future__ import annotations

from pathlib import Path

from cms.pages.content_loader import ContentError
from cms.pages.models import HomePage
from cms.pages.section_loading import Counts

from . import event_loader, lecture_loader


def load(content_dir: Path, home: HomePage, *, force: bool = False) -> dict[str, Counts]:
    """Parse every lecture and event file, then create or update their pages; the problems of
    both folders are reported together."""
    errors: list[str] = []
    lectures: list = []
    try:
        lectures = lecture_loader.read_lectures(content_dir / "lectures")
    except ContentError as error:
        errors.extend(error.errors)
    try:
        # Without readable lectures the events' `lecture` slugs cannot be checked yet.
        slugs = None if errors else {item.slug for item in lectures}
        events = event_loader.read_events(content_dir / "events", lecture_slugs=slugs)
    except ContentError as error:
        errors.extend(error.errors)
    if errors:
        raise ContentError(errors)
    return {
        lecture_loader.LABEL: lecture_loader.write_lectures(lectures, home, force=force),
        event_loader.LABEL: event_loader.write_events(events, home, force=force),
    }
