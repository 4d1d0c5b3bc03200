"""Lecture and event rules: the model refuses bad input with a clear Chinese message per field,
the same in the admin's blocks and in saves from code (the API, the loader)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError

from cms.learning.blocks import MaterialsBlock, TimestampFormField, TranscriptBlock
from cms.learning.models import EventPage, LecturePage

from .pages import (
    LOCAL,
    document,
    event_values,
    lecture_values,
    publish_lecture,
    transcript,
    video_document,
)

pytestmark = pytest.mark.django_db


def errors_of(page) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict


def test_a_complete_lecture_is_valid(learning):
    page = publish_lecture(learning)
    assert page.live and page.duration_display == "1小时05分"


def test_segments_out_of_order_are_refused_when_saved_from_code(learning):
    segments = [(0, "开场"), (754, "第二段"), (700, "倒退的一段")]
    page = LecturePage(**lecture_values(transcript=transcript(segments)))
    with pytest.raises(ValidationError) as caught:
        learning.add_child(instance=page)
    assert caught.value.message_dict["transcript"] == [
        "第3段：开始时间 11:40 必须晚于上一段的 12:34，请按时间先后排列各段。"
    ]
    assert not LecturePage.objects.exists()


def test_segments_out_of_order_are_refused_by_the_admin_block_on_the_segment():
    block = TranscriptBlock()
    value = block.to_python(transcript([(0, "开场"), (30, "第二段"), (30, "重复的时间")]))
    with pytest.raises(StreamBlockValidationError) as caught:
        block.clean(value)
    data = caught.value.as_json_data()
    assert list(data["blockErrors"]) == [2]
    assert data["blockErrors"][2]["blockErrors"]["start"]["messages"] == [
        "第3段：开始时间 00:30 必须晚于上一段的 00:30，请按时间先后排列各段。"
    ]


def test_editors_type_times_as_minutes_and_seconds():
    field = TimestampFormField()
    assert field.clean("12:34") == 754
    assert field.prepare_value(754) == "12:34"
    with pytest.raises(ValidationError, match="不是有效的时间"):
        field.clean("12分34秒")


def test_a_segment_after_the_end_of_the_video_is_refused(learning):
    page = LecturePage(**lecture_values(duration_seconds=600))
    assert "超出了视频时长 10:00" in " ".join(errors_of(page)["transcript"])


def test_a_lecture_needs_a_video_file_or_an_address(learning):
    page = LecturePage(**lecture_values(stream_url=""))
    assert errors_of(page)["video"] == ["请上传视频文件，或在“视频地址”中填写网址。"]


def test_the_video_file_must_be_a_video(learning):
    page = LecturePage(**lecture_values(stream_url="", video=document("notice.pdf")))
    assert errors_of(page)["video"] == ["视频文件须为 MP4、WEBM 格式，“notice.pdf”不是。"]


@pytest.mark.parametrize("url", ["ftp://files.example.org/a.mp4", "javascript:alert(1)", "视频"])
def test_the_stream_address_must_be_http(learning, url):
    page = LecturePage(**lecture_values(stream_url=url))
    assert errors_of(page)["stream_url"] == ["请输入以 http:// 或 https:// 开头的网址。"]


def test_slides_and_handouts_must_be_pdf_pptx_or_docx(learning):
    archive = document("slides.zip", b"PK")
    materials = [{"type": "slides", "value": {"document": archive.pk, "title": ""}}]
    page = LecturePage(**lecture_values(materials=materials))
    assert errors_of(page)["materials"] == [
        "课件和讲义须为 PDF、PPTX、DOCX 文件，“slides.zip”不是。"
    ]
    block = MaterialsBlock()
    with pytest.raises(StreamBlockValidationError) as caught:
        block.clean(block.to_python(materials))
    assert "slides.zip" in str(caught.value.as_json_data())


def test_an_uploaded_video_with_pdf_slides_is_valid(learning):
    slides = document("课件.pdf")
    page = publish_lecture(
        learning,
        stream_url="",
        video=video_document(),
        materials=[{"type": "slides", "value": {"document": slides.pk, "title": "课件"}}],
    )
    assert page.video_source["kind"] == "file"
    assert page.video_source["mime_type"] == "video/webm"


def test_an_event_may_not_end_before_it_starts(learning):
    starts = datetime.datetime(2026, 4, 16, 9, 0, tzinfo=LOCAL)
    page = EventPage(**event_values(starts_at=starts, ends_at=starts - datetime.timedelta(hours=1)))
    assert errors_of(page)["ends_at"] == ["结束时间不能早于开始时间。"]
    same = EventPage(**event_values(starts_at=starts, ends_at=starts))
    same.full_clean(exclude=["path", "depth"])  # a moment-long event is allowed


def test_lectures_live_only_under_learning_events_under_any_platform(platform_page):
    learning, finance = platform_page("learning"), platform_page("finance")
    assert LecturePage.can_create_at(learning)
    assert not LecturePage.can_create_at(finance)
    assert EventPage.can_create_at(learning) and EventPage.can_create_at(finance)
