"""Search kind "event": live events (大讲堂场次、银企洽谈会、品牌文化艺术节、3·15、招聘会…)."""

from django.utils import timezone
from elasticsearch.dsl import Date, Keyword

from cms.learning.models import EventPage

from ..documents import INDEX_SETTINGS, PageDocument
from ..kind import Kind
from ..presenters import page_document
from ..sources import page_source


class EventDocument(PageDocument):
    event_type = Keyword()
    ends_at = Date()

    class Index:
        name = "event"
        settings = INDEX_SETTINGS


def event_document(page: EventPage) -> EventDocument:
    return page_document(
        EventDocument,
        "event",
        page,
        summary=page.summary,
        body_blocks=page.body,
        # The day it takes place, in the bureau's time zone, is the date people look for.
        date=timezone.localdate(page.starts_at),
        category=page.event_type,
        facts=[page.get_event_type_display(), page.place, page.organiser, page.registration_note],
        event_type=page.event_type,
        ends_at=page.ends_at,
    )


KIND = Kind(
    name="event",
    label="活动",
    document=EventDocument,
    source=page_source("event", EventPage),
    present=event_document,
    page_model=EventPage,
)
