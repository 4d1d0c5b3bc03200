"""Seed lectures and events (content/lectures, content/events): loaded idempotently, bad files
refused with file and field named before anything is written."""

import datetime
import io
import shutil
from pathlib import Path

import docx
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model
from wagtail.models import Revision

from cms.learning import content
from cms.learning.handouts import HandoutLecture, handout_docx_bytes
from cms.learning.models import EventPage, LecturePage
from cms.pages.content_loader import ContentError

pytestmark = pytest.mark.django_db

CONTENT = Path(settings.BASE_DIR) / "content"
EVENT_PLATFORMS = ("learning", "finance", "brand", "rights", "human-resources")


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    for folder in ("lectures", "events"):
        shutil.copytree(CONTENT / folder, target / folder)
    return target


@pytest.fixture
def platforms(platform_page):
    return {code: platform_page(code) for code in EVENT_PLATFORMS}


def load(content_dir, home, **kwargs):
    return content.load(content_dir, home, **kwargs)


def state() -> dict:
    return {
        "revisions": Revision.objects.count(),
        "documents": sorted(get_document_model().objects.values_list("pk", "file_hash")),
        "lectures": sorted(LecturePage.objects.values_list("pk", "latest_revision_id")),
        "events": sorted(EventPage.objects.values_list("pk", "latest_revision_id")),
    }


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_seed_creates_live_lectures_and_events_under_their_platforms(
    home_page, platforms, content_copy
):
    report = load(content_copy, home_page)
    lectures = LecturePage.objects.live()
    assert len(report["lecture pages"]["created"]) == lectures.count() >= 8
    assert len(report["event pages"]["created"]) == EventPage.objects.live().count() >= 8
    assert all(page.get_parent().specific.code == "learning" for page in lectures)

    for page in lectures:
        assert 6 <= len(page.transcript) <= 15
        assert page.video.file.name.endswith(".webm")
        assert [child.block_type for child in page.materials] == ["handout"]
        assert page.materials[0].value["document"].file.name.endswith(".docx")
    # Each lecture plays its own shipped video (content/lectures/make_videos.py) and has its
    # own handout.
    videos = {page.video.file_hash for page in lectures}
    assert len(videos) == lectures.count()
    assert get_document_model().objects.count() == 2 * lectures.count()

    licence = LecturePage.objects.get(slug="food-business-licence")
    assert licence.duration_seconds == 3905 and licence.recorded_on == datetime.date(2026, 3, 18)
    assert licence.first_published_at.astimezone().date() == datetime.date(2026, 3, 18)

    matchmaking = EventPage.objects.get(slug="bank-enterprise-matchmaking-2026-spring")
    assert matchmaking.get_parent().specific.code == "finance"
    assert matchmaking.starts_at.isoformat() == "2026-04-16T01:00:00+00:00"
    session = EventPage.objects.get(slug="lecture-food-licence-session")
    assert session.lecture == licence


def test_loading_twice_changes_nothing(home_page, platforms, content_copy):
    load(content_copy, home_page)
    before = state()
    report = load(content_copy, home_page)
    assert report["lecture pages"]["created"] == report["lecture pages"]["updated"] == []
    assert report["event pages"]["created"] == report["event pages"]["updated"] == []
    assert state() == before


def test_a_changed_file_updates_its_page_and_handout(home_page, platforms, content_copy):
    load(content_copy, home_page)
    before = LecturePage.objects.get(slug="trademark-registration")
    old_handout = before.materials[0].value["document"].pk
    edit(
        content_copy / "lectures" / "trademark-registration.md",
        "商标要早注册。",
        "商标要早注册，越早越好。",
    )
    report = load(content_copy, home_page)
    assert report["lecture pages"]["updated"] == ["trademark-registration"]
    page = LecturePage.objects.get(slug="trademark-registration")
    assert "越早越好" in page.transcript[0].value["text"]
    assert page.materials[0].value["document"].pk != old_handout
    assert page.live and not page.has_unpublished_changes


def test_a_page_edited_in_the_admin_is_kept_unless_forced(home_page, platforms, content_copy):
    load(content_copy, home_page)
    page = LecturePage.objects.get(slug="trademark-registration")
    page.summary = "编辑在后台改过的简介。"
    editor = get_user_model().objects.create_user("editor")
    page.save_revision(user=editor).publish()
    edit(content_copy / "lectures" / "trademark-registration.md", "商标为什么", "商标到底为什么")

    assert load(content_copy, home_page)["lecture pages"]["kept"] == ["trademark-registration"]
    assert LecturePage.objects.get(pk=page.pk).summary == "编辑在后台改过的简介。"
    report = load(content_copy, home_page, force=True)
    assert report["lecture pages"]["updated"] == ["trademark-registration"]
    assert LecturePage.objects.get(pk=page.pk).summary.startswith("商标到底为什么")


def test_segments_out_of_order_name_the_file_and_segment_and_write_nothing(
    home_page, platforms, content_copy
):
    edit(
        content_copy / "lectures" / "advertising-law-compliance.md",
        'start: "12:45"',
        'start: "04:00"',
    )
    edit(
        content_copy / "events" / "job-fair-2026-autumn.md",
        "ends: 2026-11-20 15:00",
        "ends: 2026-11-19 15:00",
    )
    with pytest.raises(ContentError) as caught:
        load(content_copy, home_page)
    errors = caught.value.errors
    assert (
        "advertising-law-compliance.md: transcript[3].start："
        "第3段：开始时间 04:00 必须晚于上一段的 05:20，请按时间先后排列各段。"
    ) in errors
    assert "job-fair-2026-autumn.md: ends_at：结束时间不能早于开始时间。" in errors
    assert not LecturePage.objects.exists() and not EventPage.objects.exists()
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "video: media/food-business-licence.webm",
            "video: media/missing.webm",
            "video：找不到文件",
        ),
        (
            "video: media/food-business-licence.webm",
            "video: ../events/README.md",
            "video：视频文件须为",
        ),
        ('duration: "1:05:05"', 'duration: "1小时"', "duration：“1小时”不是有效的时间"),
        ("recorded: 2026-03-18", "recorded: 18.3.2026", "recorded：应为日期"),
        ("handout: true", "handout: yes please", "handout：应为 true 或 false"),
        ("series: 食品安全大讲堂", "seriez: 食品安全大讲堂", "seriez：未知字段"),
    ],
)
def test_bad_lecture_files_are_refused_with_file_and_field(
    home_page, platforms, content_copy, old, new, message
):
    edit(content_copy / "lectures" / "food-business-licence.md", old, new)
    with pytest.raises(ContentError) as caught:
        load(content_copy, home_page)
    assert any(
        error.startswith("food-business-licence.md: ") and message in error
        for error in caught.value.errors
    ), caught.value.errors


def test_an_event_naming_an_unknown_lecture_is_refused(home_page, platforms, content_copy):
    edit(
        content_copy / "events" / "lecture-food-licence-session.md",
        "lecture: food-business-licence",
        "lecture: no-such-lecture",
    )
    with pytest.raises(ContentError) as caught:
        load(content_copy, home_page)
    assert caught.value.errors == [
        "lecture-food-licence-session.md: lecture：找不到 slug 为“no-such-lecture”的讲座"
    ]


def test_handouts_are_byte_for_byte_reproducible():
    lecture = HandoutLecture(
        title="商标注册实务",
        speaker="赵志刚",
        speaker_title="",
        recorded_on=datetime.date(2026, 5, 13),
        duration_seconds=3480,
        outline_html=["<h2>一、为什么要早注册</h2><ol><li>申请在先</li><li>早查询</li></ol>"],
        transcript=[(0, "各位好。"), (270, "申请在先。")],
    )
    first = handout_docx_bytes(lecture)
    assert first == handout_docx_bytes(lecture)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(first)).paragraphs)
    assert "1. 申请在先" in text and "2. 早查询" in text
    assert "[04:30] 申请在先。" in text and "时长：58分钟" in text
