"""The site's finish in a real browser, JavaScript off, on a 390 px phone and a 1366 px screen:
form controls a finger can hit, chart text that stays legible, lecture videos as long as their
pages say with a captions track that loads, and the header's 适老化模式 (Debian's Chromium
driven by Playwright; docs/site-design.md)."""

import datetime
import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings

from cms.learning import lecture_loader
from cms.learning.models import LecturePage
from cms.pages.content_loader import CONTENT_DIR
from cms.reports.models import AnalysisReportPage
from registry_api.complaints.demo_data import make_demo_complaints
from registry_api.complaints.reference_data import load_units
from registry_api.enterprises.reference_data import load_districts
from registry_api.workdays.reference_data import load_holidays
from tests.browser.checks import PHONE, WIDE, control_heights, short_controls
from tests.playwright_db import read_db

pytestmark = [pytest.mark.engine, pytest.mark.build, pytest.mark.browser]

MIN_TEXT = 12

# Every chart text's size as drawn (its font-size in the drawing's units times the drawing's
# scale on the screen).
CHART_TEXT_SIZES = """() => [...document.querySelectorAll('svg.chart text')].map(text =>
    parseFloat(text.getAttribute('font-size')) * text.getScreenCTM().a)"""


@pytest.fixture
def polish_site(
    transactional_db, home_page, platform_page, live_server, search_engine, run_build, tmp_path
):
    """The complaint form, a 数据分析报告 drafted from demo complaints and the nine seed
    lectures of content/lectures with their own videos, in one build."""
    load_districts()
    load_holidays()
    load_units()
    cache.clear()
    platform_page("rights")
    platform_page("learning")
    lecture_loader.write_lectures(lecture_loader.read_lectures(CONTENT_DIR / "lectures"), home_page)
    make_demo_complaints(600, today=datetime.date(2026, 11, 27))
    call_command("complaint_report", period="2026-11-01:2026-11-15", stdout=io.StringIO())
    report = AnalysisReportPage.objects.get()
    report.get_latest_revision().publish()
    with override_settings(SITE_OUTPUT_DIR=tmp_path):
        result = run_build(live_server.url, tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        yield live_server.url, report.pk


def seconds(stated: str) -> int:
    """The page's 时长 (“58分钟”, “1小时05分”) in seconds."""
    hours = re.search(r"(\d+)小时", stated)
    minutes = re.search(r"(\d+)分", stated)
    return 3600 * int(hours[1] if hours else 0) + 60 * int(minutes[1] if minutes else 0)


def check_complaint_form(page, base: str) -> None:
    page.goto(base + "/complaints/new/")
    heights = control_heights(page)
    assert {"complaint-category", "complaint-district", "complaint-facts"} <= heights.keys()
    assert short_controls(page) == {}
    if page.viewport_size["width"] > 600:  # as wide as its options, not the whole column
        assert page.locator("#complaint-category").bounding_box()["width"] < 400


def check_report(page, base: str, report_id: int) -> None:
    page.goto(f"{base}/reports/{report_id}/")
    sizes = page.evaluate(CHART_TEXT_SIZES)
    assert len(sizes) > 20, sizes
    assert min(sizes) >= MIN_TEXT and max(sizes) <= 17, (min(sizes), max(sizes))
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    downloads = page.locator("#data-heading + ul").inner_text()
    assert "（CSV）" in downloads and "（CSV）（CSV）" not in downloads
    cell = page.locator(".data-table td").first
    assert cell.evaluate("cell => getComputedStyle(cell).textAlign") == "right"

    # 适老化模式: the header's checkbox, read by CSS alone, makes the base text larger.
    def base_size() -> float:
        return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")

    before = base_size()
    page.locator("label[for=elder-mode]").click()
    assert page.locator("#elder-mode").is_checked() and base_size() >= 1.2 * before


def lecture_facts() -> list[dict]:
    """Each live lecture's id, title, transcript texts and video bytes."""
    return [
        {
            "id": lecture.pk,
            "title": lecture.title,
            "texts": [segment.value["text"] for segment in lecture.transcript],
            "video": video_bytes(lecture),
        }
        for lecture in LecturePage.objects.live().order_by("pk")
    ]


def video_bytes(lecture: LecturePage) -> bytes:
    with lecture.video.file.open("rb") as handle:
        return handle.read()


def check_lecture(page, base: str, lecture: dict) -> None:
    page.goto(f"{base}/lectures/{lecture['id']}/")
    stated = page.locator(".facts dt:text-is('时长') + dd").inner_text()
    page.wait_for_function(
        "document.querySelector('#lecture-video').readyState >= 1"
        " && document.querySelector('#lecture-video track').readyState === 2"
    )
    played = page.evaluate(
        """() => {
            const video = document.querySelector('#lecture-video');
            const track = video.querySelector('track[kind=captions][srclang=zh][default]');
            const cues = track.track.cues;
            return {duration: video.duration, cues: cues.length, first: cues[0].text};
        }"""
    )
    assert abs(played["duration"] - seconds(stated)) < 60, (lecture["title"], stated, played)
    assert played["cues"] == len(lecture["texts"]) and played["first"] == lecture["texts"][0]


def test_the_site_reads_and_works_on_a_phone_and_a_wide_screen(polish_site, browser):
    base, report_id = polish_site
    lectures = read_db(lecture_facts)
    # Nine videos of their own, not one shared file.
    assert len({lecture["video"] for lecture in lectures}) == len(lectures) == 9
    for viewport, shown in ((PHONE, lectures), (WIDE, lectures[:1])):
        context = browser.new_context(java_script_enabled=False, **viewport)
        page = context.new_page()
        check_complaint_form(page, base)
        check_report(page, base, report_id)
        for lecture in shown:
            check_lecture(page, base, lecture)
        context.close()
