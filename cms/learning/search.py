"""Search kinds of 学习培训: lectures and events.

Search kind "lecture": live lecture videos (网上大讲堂); each transcript segment is a section,
so a hit in the transcript links to that moment of the video (`/lectures/12/#t=754`).

Search kind "event": live events (大讲堂场次、银企洽谈会、品牌文化艺术节、3·15、招聘会…).
"""

from django.utils import timezone
from elasticsearch.dsl import Date, Keyword

from cms.learning.models import EventPage, LecturePage
from cms.learning.transcript import format_timestamp, segment_anchor
from cms.pages.page_kinds import summary_body_document
from search.documents import PageDocument, index_options
from search.kind import page_kind
from search.presenters import Section


class LectureDocument(PageDocument):
    speaker = Keyword()
    series = Keyword()

    Index = index_options("lecture")


def transcript_sections(page: LecturePage) -> list[Section]:
    return [
        Section(
            anchor=segment_anchor(child.value["start"]),
            heading=format_timestamp(child.value["start"]),
            text=child.value["text"],
        )
        for child in page.transcript
    ]


def lecture_document(page: LecturePage) -> LectureDocument:
    return summary_body_document(
        LectureDocument,
        "lecture",
        page,
        date=page.recorded_on,
        category=page.series,
        facts=[page.speaker, page.speaker_title, page.series],
        sections=transcript_sections(page),
        speaker=page.speaker,
        series=page.series,
    )


LECTURE = page_kind("lecture", "讲座视频", LecturePage, LectureDocument, lecture_document)


class EventDocument(PageDocument):
    event_type = Keyword()
    ends_at = Date()

    Index = index_options("event")


def event_document(page: EventPage) -> EventDocument:
    return summary_body_document(
        EventDocument,
        "event",
        page,
        # The day it takes place, in the bureau's time zone, is the date people look for.
        date=timezone.localdate(page.starts_at),
        category=page.event_type,
        facts=[page.get_event_type_display(), page.place, page.organiser, page.registration_note],
        event_type=page.event_type,
        ends_at=page.ends_at,
    )


EVENT = page_kind("event", "活动", EventPage, EventDocument, event_document)
