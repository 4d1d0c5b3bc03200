"""complaint_report drafts the period's 数据分析报告: figures, charts in Chinese, open data;
published reports are listed by the API and searchable; no complainant data anywhere."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cms.reports.models import AnalysisReportPage
from cms.reports.search import report_document
from registry_api.complaints.demo_data import make_demo_complaints
from registry_api.complaints.models import Complaint

PERIOD = "2026-11-01:2026-11-15"


def read(document) -> str:
    with document.file.open("rb") as handle:
        return handle.read().decode("utf-8-sig")


@pytest.fixture
def drafted(reference, platform_page):
    platform_page("rights")
    make_demo_complaints(3000, today=datetime.date(2026, 11, 27))
    call_command("complaint_report", period=PERIOD, stdout=io.StringIO())
    return AnalysisReportPage.objects.get()


def test_the_draft_has_figures_charts_and_open_data(drafted):
    page = drafted.get_latest_revision_as_object()
    assert not drafted.live and page.period_label == "2026年11月上半月"
    assert page.figures["rising"][0]["category"] == "prepaid_cards"
    assert "预付式消费" in page.summary
    titles = [chart["title"] for chart in page.charts]
    assert titles == [
        "近半年各期投诉举报数量",
        "问题类别分布",
        "各街镇投诉举报数量",
        "占比上升的问题类别",
    ]
    assert all(
        chart["svg"].startswith("<svg") and "预付式消费" in chart["svg"]
        for chart in page.charts
        if chart["id"] in ("categories", "rising")
    )
    rows = list(csv.DictReader(io.StringIO(read(page.dataset_csv))))
    assert {"category", "district_name", "count"} <= set(rows[0])
    assert all(row["count"] == "" or int(row["count"]) >= 5 for row in rows)
    data = json.loads(read(page.dataset_json))
    assert len(data["rows"]) == len(rows)


def test_rerunning_refreshes_the_same_page(drafted):
    call_command("complaint_report", period=PERIOD, stdout=io.StringIO())
    assert AnalysisReportPage.objects.count() == 1
    assert drafted.revisions.count() == 2


def test_no_complainant_data_in_the_report(drafted):
    page = drafted.get_latest_revision_as_object()
    public_text = json.dumps(
        [page.summary, page.figures, page.charts, str(page.body)], ensure_ascii=False
    )
    public_text += read(page.dataset_csv)
    people = Complaint.objects.exclude(complainant_name="").values_list(
        "complainant_name", "complainant_phone"
    )
    for name, phone in people:
        assert phone not in public_text
        assert len(name) < 3 or name not in public_text  # 2-character names may be words


def test_published_reports_are_listed_and_searchable(drafted, api):
    assert api.get("/api/v1/reports/").json()["results"] == []
    drafted.get_latest_revision().publish()
    body = api.get("/api/v1/reports/").json()
    assert [r["period_label"] for r in body["results"]] == ["2026年11月上半月"]
    assert body["results"][0]["url"] == f"/reports/{drafted.pk}/"
    assert {d["format"] for d in body["results"][0]["datasets"]} == {"CSV", "JSON"}
    document = report_document(AnalysisReportPage.objects.get())
    assert "预付式消费" in document.body or "预付式消费" in " ".join(document.facts or [])


def test_a_bad_period_is_refused(reference):
    with pytest.raises(CommandError, match="格式"):
        call_command("complaint_report", period="2026-11", stdout=io.StringIO())


def test_the_worker_drafts_a_report_on_the_1st_and_the_16th():
    from cms.reports.drafting import report_due

    D = datetime.date
    assert str(report_due(D(2026, 11, 16))) == "2026-11-01:2026-11-15"
    assert str(report_due(D(2026, 12, 1))) == "2026-11-16:2026-11-30"
    assert str(report_due(D(2027, 1, 1))) == "2026-12-16:2026-12-31"
    assert report_due(D(2026, 11, 27)) is None


def test_the_narrative_never_calls_a_withheld_complement_below_five():
    """A kind withheld as the other's complement, a rise whose change is withheld: the text
    states neither as "少于5" nor prints None."""
    from cms.reports.drafting import narrative

    rising = {"category": "food", "label": "食品安全", "count": 40, "previous": None}
    figures = {
        "label": "2026年11月上半月",
        "total": 60,
        "total_previous": 50,
        "total_year_before": None,
        "by_kind": {"complaint": None, "report": None},
        "categories": [dict(rising, share=66.7, share_change=None)],
        "rising": [dict(rising, share=66.7, share_change=None)],
        "cells": [],
        "districts": [],
        "handling": {"closed": None, "close_days_median": None, "open_overdue": 0},
        "amount_recovered": "0.00",
    }
    summary, paragraphs = narrative(figures)
    text = summary + "".join(paragraphs)
    assert "共接收投诉举报60件" in summary and "投诉少于5" not in summary
    assert "None" not in text and "食品安全类占比较上期上升（本期40件）" in text
