"""Builders of lectures and events for tests, published the way the admin publishes them."""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.learning.models import EventPage, LecturePage

SAMPLE_VIDEO = (
    Path(settings.BASE_DIR) / "content" / "lectures" / "media" / "hongshan-lecture-sample.webm"
)
LOCAL = ZoneInfo("Asia/Shanghai")

# (start, text): the sentence at 12:34 is unique, for search and browser tests.
SEGMENTS = [
    (0, "各位经营户朋友，大家好，今天讲食品经营许可。"),
    (95, "仅销售预包装食品的，不需要办许可，办理备案就可以了。"),
    (754, "经营场所搬迁了，要重新申请食品经营许可，这一点很多人会弄错。"),
    (1210, "许可证正本要悬挂在经营场所的显著位置。"),
]


def transcript(segments=SEGMENTS) -> list[dict]:
    return [
        {"type": "segment", "value": {"start": start, "end": None, "text": text}}
        for start, text in segments
    ]


def document(name: str, data: bytes = b"%PDF-1.4\n0", title: str = ""):
    return get_document_model().objects.create(
        title=title or name, file=ContentFile(data, name=name), file_size=len(data)
    )


def video_document():
    return document("lecture.webm", SAMPLE_VIDEO.read_bytes(), title="讲座视频")


def image(width: int = 64, height: int = 36, title: str = "封面"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), (27, 79, 138)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name="poster.png")
    )


def lecture_values(**fields) -> dict:
    values = {
        "title": "食品经营许可办理要点",
        "slug": "food-licence",
        "series": "食品安全大讲堂",
        "speaker": "王立新",
        "speaker_title": "区市场监管局食品经营监管股",
        "recorded_on": datetime.date(2026, 3, 18),
        "duration_seconds": 3905,
        "summary": "许可与备案、申请材料、变更与延续。",
        "stream_url": "https://video.example.org/lectures/food-licence.mp4",
        "transcript": transcript(),
    }
    values.update(fields)
    return values


def publish_lecture(parent, **fields) -> LecturePage:
    page = LecturePage(**lecture_values(**fields))
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def event_values(**fields) -> dict:
    values = {
        "title": "2026年春季银企洽谈会",
        "slug": "matchmaking-spring",
        "event_type": EventPage.EventType.MATCHMAKING,
        "starts_at": datetime.datetime(2026, 4, 16, 9, 0, tzinfo=LOCAL),
        "ends_at": datetime.datetime(2026, 4, 16, 11, 30, tzinfo=LOCAL),
        "place": "红山区政务服务中心三楼会议室",
        "organiser": "红山区市场监督管理局",
        "registration_note": "请于4月14日前到各市场监管所登记。",
        "summary": "八家银行与小微企业面对面对接。",
    }
    values.update(fields)
    return values


def publish_event(parent, **fields) -> EventPage:
    page = EventPage(**event_values(**fields))
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
