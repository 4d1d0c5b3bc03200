"""The static site's lecture and event pages, from a real Pelican build against the live API."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone

from .pages import LOCAL, document, publish_event, publish_lecture, video_document

pytestmark = pytest.mark.build


def read(site: Path, path: str) -> str:
    return (site / path.lstrip("/") / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def site(transactional_db, home_page, platform_page, live_server, run_build, tmp_path):
    learning = platform_page("learning")
    handout = document("handout.docx", b"PK\x03\x04" + b"0" * 2048, title="食品经营许可讲义")
    played = publish_lecture(
        learning,
        stream_url="",
        video=video_document(),
        materials=[{"type": "handout", "value": {"document": handout.pk, "title": ""}}],
        body=[{"type": "paragraph", "value": "<h2>一、许可还是备案</h2><p>先看经营项目。</p>"}],
    )
    linked = publish_lecture(
        learning,
        title="广告法合规要点",
        slug="advertising",
        series="",
        duration_seconds=2940,
        stream_url="https://vod.example.org/play/8812",
    )
    now = timezone.now()
    coming = publish_event(
        learning,
        title="冬季银企洽谈会",
        slug="coming",
        starts_at=now + datetime.timedelta(days=10),
        ends_at=now + datetime.timedelta(days=10, hours=3),
    )
    later = publish_event(
        learning,
        title="3·15 主题活动",
        slug="later",
        event_type="consumer_day",
        starts_at=now + datetime.timedelta(days=40),
        ends_at=now + datetime.timedelta(days=40, hours=3),
    )
    past = publish_event(
        learning, title="春季大讲堂", slug="past", event_type="lecture", lecture=played
    )
    result = run_build(live_server.url, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    current = tmp_path / "out" / "current"
    return current, {
        "played": played,
        "linked": linked,
        "coming": coming,
        "later": later,
        "past": past,
    }


def test_lecture_pages(site):
    current, pages = site
    played, linked = pages["played"], pages["linked"]

    listing = read(current, "/lectures/")
    assert "食品经营许可办理要点" in listing and "广告法合规要点" in listing
    assert "食品安全大讲堂" in listing and "时长 1小时05分" in listing and "时长 49分钟" in listing

    detail = read(current, f"/lectures/{played.pk}/")
    assert re.search(r'<video id="lecture-video" controls preload="metadata" playsinline>', detail)
    assert re.search(r'<source src="/media/documents/[^"]+\.webm" type="video/webm">', detail)
    # Each segment is its own target: the link works without JavaScript.
    assert '<li id="t=754" data-start="754">' in detail
    assert (
        '<a class="transcript__time" href="#t=754"><time datetime="PT754S">12:34</time></a>'
        in detail
    )
    assert "经营场所搬迁了" in detail
    assert "食品经营许可讲义" in detail and "DOCX" in detail
    assert "一、许可还是备案" in detail
    assert '<script src="/theme/js/lecture.js" defer></script>' in detail
    assert (current / "theme" / "js" / "lecture.js").exists()

    elsewhere = read(current, f"/lectures/{linked.pk}/")
    assert "<video" not in elsewhere and "lecture.js" not in elsewhere
    assert 'href="https://vod.example.org/play/8812"' in elsewhere
    assert 'id="t=754"' in elsewhere  # the transcript is still there to read


def test_event_pages_list_coming_events_first_soonest_first(site):
    current, pages = site
    listing = read(current, "/events/")
    coming_at = listing.index("近期活动")
    past_at = listing.index("往期活动")
    assert coming_at < listing.index("冬季银企洽谈会") < listing.index("3·15 主题活动") < past_at
    assert listing.index("春季大讲堂") > past_at
    assert listing.count("即将举行") == 2 and listing.count("已结束") == 1

    detail = read(current, f"/events/{pages['past'].pk}/")
    starts = pages["past"].starts_at.astimezone(LOCAL)
    assert f"{starts.year}年{starts.month}月{starts.day}日 09:00" in detail and "11:30" in detail
    assert "红山区政务服务中心三楼会议室" in detail
    assert f'<a href="/lectures/{pages["played"].pk}/">食品经营许可办理要点</a>' in detail
    assert "已结束" in detail
    assert "报名方式" not in detail  # registration is over
    assert "报名方式" in read(current, f"/events/{pages['coming'].pk}/")
