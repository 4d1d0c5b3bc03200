"""Search kind "lecture": live lecture videos (网上大讲堂); each transcript segment is a section,
so a hit in the transcript links to that moment of the video (`/lectures/12/#t=754`)."""

from elasticsearch.dsl import Keyword

from cms.learning.models import LecturePage
from cms.learning.transcript import format_timestamp, segment_anchor

from ..documents import INDEX_SETTINGS, PageDocument
from ..kind import Kind
from ..presenters import Section, page_document
from ..sources import page_source


class LectureDocument(PageDocument):
    speaker = Keyword()
    series = Keyword()

    class Index:
        name = "lecture"
        settings = INDEX_SETTINGS


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
    return page_document(
        LectureDocument,
        "lecture",
        page,
        summary=page.summary,
        body_blocks=page.body,
        date=page.recorded_on,
        category=page.series,
        facts=[page.speaker, page.speaker_title, page.series],
        sections=transcript_sections(page),
        speaker=page.speaker,
        series=page.series,
    )


KIND = Kind(
    name="lecture",
    label="讲座视频",
    document=LectureDocument,
    source=page_source("lecture", LecturePage),
    present=lecture_document,
    page_model=LecturePage,
)
