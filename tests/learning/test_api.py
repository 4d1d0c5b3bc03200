"""Lectures and events in the Wagtail API v2: every field, transcript segments with anchors."""

import datetime

import pytest

from .pages import LOCAL, document, image, publish_event, publish_lecture, video_document

pytestmark = pytest.mark.django_db

LECTURES = "/api/cms/v2/pages/?type=learning.LecturePage&fields=*"
EVENTS = "/api/cms/v2/pages/?type=learning.EventPage&fields=*"


# Wagtail's Image.generate_rendition_file hands filter.run() a SpooledTemporaryFile it never
# closes (the same warning tests/site/test_build.py allows).
@pytest.mark.filterwarnings(
    "ignore:Exception ignored in. <function SpooledTemporaryFile.__del__"
    ":pytest.PytestUnraisableExceptionWarning"
)
def test_every_lecture_field_is_in_the_api(client, learning):
    handout = document("讲义.docx", b"PK\x03\x04", title="食品经营许可讲义")
    publish_lecture(
        learning,
        stream_url="",
        video=video_document(),
        poster=image(1600, 900),
        materials=[{"type": "handout", "value": {"document": handout.pk, "title": ""}}],
        body=[{"type": "paragraph", "value": "<h2>一、许可还是备案</h2>"}],
    )
    item = client.get(LECTURES).json()["items"][0]
    assert item["series"] == "食品安全大讲堂"
    assert item["speaker"] == "王立新" and item["speaker_title"] == "区市场监管局食品经营监管股"
    assert item["recorded_on"] == "2026-03-18"
    assert item["duration_seconds"] == 3905 and item["duration_display"] == "1小时05分"
    assert item["summary"] == "许可与备案、申请材料、变更与延续。"
    assert item["transcript"][2] == {
        "start": 754,
        "end": None,
        "timestamp": "12:34",
        "anchor": "t=754",
        "text": "经营场所搬迁了，要重新申请食品经营许可，这一点很多人会弄错。",
    }
    video = item["video_source"]
    # The file's own media URL: the media server answers range requests (seeking needs them).
    assert video["kind"] == "file" and video["playable"] is True
    assert video["url"].startswith("/media/documents/") and video["url"].endswith(".webm")
    assert video["mime_type"] == "video/webm" and video["size"] > 100_000
    assert item["poster"]["url"].endswith(".webp")
    assert (item["poster"]["width"], item["poster"]["height"]) == (1280, 720)
    material = item["materials"][0]
    assert material["type"] == "handout"
    assert material["value"]["title"] == "食品经营许可讲义"
    assert material["value"]["extension"] == "docx"
    assert item["body"][0]["type"] == "paragraph"


@pytest.mark.parametrize(
    ("url", "playable", "mime_type"),
    [
        ("https://media.example.org/lectures/food.mp4?token=1", True, "video/mp4"),
        ("https://vod.example.org/play/8812", False, ""),
    ],
)
def test_a_stream_address_is_played_only_if_it_is_a_video_file(
    client, learning, url, playable, mime_type
):
    publish_lecture(learning, stream_url=url)
    video = client.get(LECTURES).json()["items"][0]["video_source"]
    assert video == {
        "kind": "stream",
        "url": url,
        "mime_type": mime_type,
        "playable": playable,
        "title": "",
        "size": None,
    }


def test_every_event_field_is_in_the_api(client, learning):
    lecture = publish_lecture(learning)
    publish_event(
        learning,
        event_type="lecture",
        title="大讲堂：食品经营许可",
        lecture=lecture,
        body=[{"type": "paragraph", "value": "<p>讲座结束后现场答疑。</p>"}],
    )
    item = client.get(EVENTS).json()["items"][0]
    assert item["event_type"] == "lecture" and item["event_type_display"] == "大讲堂"
    # Times leave in the bureau's time zone.
    assert item["starts_at"] == "2026-04-16T09:00:00+08:00"
    assert item["ends_at"] == "2026-04-16T11:30:00+08:00"
    assert item["place"] == "红山区政务服务中心三楼会议室"
    assert item["organiser"] == "红山区市场监督管理局"
    assert item["registration_note"] == "请于4月14日前到各市场监管所登记。"
    assert item["summary"] == "八家银行与小微企业面对面对接。"
    assert item["lecture_link"] == {
        "id": lecture.pk,
        "title": "食品经营许可办理要点",
        "url": f"/lectures/{lecture.pk}/",
    }
    assert "现场答疑" in item["body"][0]["value"]


def test_an_unpublished_lecture_is_not_linked_from_its_event(client, learning):
    lecture = publish_lecture(learning)
    publish_event(learning, lecture=lecture)
    lecture.unpublish()
    assert client.get(EVENTS).json()["items"][0]["lecture_link"] is None
    assert client.get(LECTURES).json()["meta"]["total_count"] == 0


def test_events_can_be_ordered_by_start(client, learning):
    for day, slug in ((20, "later"), (10, "earlier")):
        starts = datetime.datetime(2026, 5, day, 9, 0, tzinfo=LOCAL)
        publish_event(learning, slug=slug, starts_at=starts, ends_at=starts)
    items = client.get(EVENTS + "&order=-starts_at").json()["items"]
    assert [item["meta"]["slug"] for item in items] == ["later", "earlier"]
