"""Turn a period's complaint figures into a draft 数据分析报告 page with charts and open data.

`draft_report(period)` computes the figures (registry_api.complaints.report), keeps the public
version (small counts suppressed), writes the narrative a reader starts from, draws the charts
with the static site's chart module (one drawer for the whole site, Chinese labels), stores the
open dataset (CSV and JSON, category × 街镇) as documents, and saves everything as a new draft
revision of the period's page, created under 维权服务 if it does not exist. A published report
stays published: the editor reviews the new revision and publishes it.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cms.pages.models import PlatformPage
from cms.pages.preview import site_preview_module
from registry_api.complaints.report import Period, compute, public

from .models import AnalysisReportPage

COLLECTION = "投诉举报开放数据"


@dataclass(frozen=True)
class Drafted:
    page: AnalysisReportPage
    created: bool
    figures: dict


def report_due(today) -> Period | None:
    """The period to report on when `today` is the 1st or the 16th, else None."""
    if today.day not in (1, 16):
        return None
    return Period.half_month_of(today).previous()


def _count(value: int | None) -> str:
    """A total or a handling count: withheld only when below 5 (report.py)."""
    return "少于5" if value is None else f"{value}"


def _change(now: int | None, before: int | None) -> str:
    if now is None or not before:
        return ""
    change = round(100 * (now - before) / before, 1)
    return f"{'增长' if change >= 0 else '下降'}{abs(change)}%"


def narrative(figures: dict) -> tuple[str, list[str]]:
    """The summary and the body's paragraphs, from the public figures only."""
    total, kinds = figures["total"], figures["by_kind"]
    summary = f"{figures['label']}，全区市场监管部门共接收投诉举报{_count(total)}件"
    # A kind may be withheld as the complement of the other, at any size: no "少于5" here.
    if None not in (kinds.get("complaint"), kinds.get("report")):
        summary += f"（投诉{kinds['complaint']}件、举报{kinds['report']}件）"
    trends = [f"较上期{text}" for text in [_change(total, figures["total_previous"])] if text] + [
        f"较去年同期{text}" for text in [_change(total, figures["total_year_before"])] if text
    ]
    summary += ("，" + "，".join(trends) if trends else "") + "。"
    paragraphs = []
    top = [c for c in figures["categories"] if c["count"]][:3]
    if top:
        paragraphs.append(
            "一、热点问题。反映较集中的是"
            + "、".join(f"{c['label']}（{c['count']}件，占{c['share']}%）" for c in top)
            + "。"
        )
    if figures["rising"]:
        rising = figures["rising"][0]
        where = [
            cell["district_name"]
            for cell in sorted(figures["cells"], key=lambda c: -(c["count"] or 0))
            if cell["category"] == rising["category"] and cell["count"]
        ][:2]
        if rising["share_change"] is None:  # withheld with a small or withheld previous count
            text = f"二、上升问题。{rising['label']}类占比较上期上升（本期{rising['count']}件）"
        else:
            text = (
                f"二、上升问题。{rising['label']}类占比较上期上升{rising['share_change']}个百分点"
                f"（本期{rising['count']}件，上期{rising['previous']}件）"
            )
        if where:
            text += f"，主要集中在{'、'.join(where)}"
        paragraphs.append(text + "，建议列为近期执法检查重点。")
        summary += f"本期占比上升最快的问题是{rising['label']}。"
    districts = [d for d in figures["districts"] if d["count"]][:3]
    if districts:
        paragraphs.append(
            "三、区域分布。数量居前的街镇为"
            + "、".join(f"{d['name']}（{d['count']}件）" for d in districts)
            + "。"
        )
    handling = figures["handling"]
    text = f"四、办理情况。本期办结投诉{_count(handling['closed'])}件"
    if handling["close_days_median"] is not None:
        text += f"，办结用时中位数{handling['close_days_median']}个工作日"
    text += f"；为消费者挽回经济损失{figures['amount_recovered']}元"
    if handling["open_overdue"]:
        text += f"；目前仍有{handling['open_overdue']}件超期未办结，请相关单位抓紧办理"
    paragraphs.append(text + "。")
    return summary, paragraphs


def draw_charts(figures: dict) -> list[dict]:
    """SVG charts with Chinese labels, drawn by the static site's chart module (site code may
    be used from Django, as the preview does; never the reverse)."""
    site_preview_module()  # puts the site plugin on the import path
    svg = importlib.import_module("hongshan_api.charts")
    categories = [(c["label"], c["count"]) for c in figures["categories"] if c["count"]]
    districts = [(d["name"], d["count"]) for d in figures["districts"] if d["count"]]
    rising = [(c["label"], c["share_change"]) for c in figures["rising"] if c["share_change"]]
    trend = [(t["label"], t["count"] or 0) for t in figures.get("trend", [])]
    specs = [
        ("trend", "近半年各期投诉举报数量", trend, "统计期间", "件数（少于5件记为0）"),
        ("categories", "问题类别分布", categories, "问题类别", "件数"),
        ("districts", "各街镇投诉举报数量", districts, "街镇", "件数"),
        ("rising", "占比上升的问题类别", rising, "问题类别", "较上期上升（百分点）"),
    ]
    return [
        {
            "id": chart_id,
            "title": title,
            "svg": str(
                svg.bar_chart(
                    f"report-{chart_id}", title, rows, category_label=axis, value_label=unit
                )
            ),
        }
        for chart_id, title, rows, axis, unit in specs
        if rows
    ]


def dataset_files(figures: dict, period: Period) -> tuple[bytes, bytes]:
    """The open dataset: one row per category × 街镇, counts below 5 left empty."""
    rows = [
        {
            "period": str(period),
            "category": cell["category"],
            "category_label": cell["category_label"],
            "district_code": cell["district_code"],
            "district_name": cell["district_name"],
            "count": cell["count"],
        }
        for cell in figures["cells"]
    ]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["period"])
    writer.writeheader()
    writer.writerows(rows)
    as_json = {
        "period": str(period),
        "note": "count 为空表示不予公开：少于5件，或可据合计推算出少于5件的数字。",
        "rows": rows,
    }
    return (
        ("\ufeff" + buffer.getvalue()).encode("utf-8"),
        json.dumps(as_json, ensure_ascii=False, indent=1).encode("utf-8"),
    )


def _document(title: str, filename: str, content: bytes, old=None):
    Document = get_document_model()
    collection = Collection.get_first_root_node()
    existing = collection.get_children().filter(name=COLLECTION).first()
    collection = existing or collection.add_child(name=COLLECTION)
    document = old or Document(title=title, collection=collection)
    document.title = title
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


@transaction.atomic
def draft_report(period: Period, *, today=None) -> Drafted:
    figures = public(compute(period, today=today))
    summary, paragraphs = narrative(figures)
    parent = PlatformPage.objects.get(code=PlatformPage.Code.RIGHTS)
    page = AnalysisReportPage.objects.filter(
        period_start=period.start, period_end=period.end
    ).first()
    created = page is None
    if created:
        page = AnalysisReportPage(
            title=f"{period.label}投诉举报数据分析报告",
            slug=f"report-{period.start:%Y%m%d}-{period.end:%Y%m%d}",
            period_start=period.start,
            period_end=period.end,
            live=False,
        )
    else:
        page = page.get_latest_revision_as_object()
    page.period_label = period.label
    page.summary = summary
    page.body = [("paragraph", f"<p>{escape(text)}</p>") for text in paragraphs]
    page.figures = figures
    page.charts = draw_charts(figures)
    csv_bytes, json_bytes = dataset_files(figures, period)
    stem = f"complaints-{period.start:%Y%m%d}-{period.end:%Y%m%d}"
    page.dataset_csv = _document(
        f"{period.label}投诉举报分类数据（CSV）", f"{stem}.csv", csv_bytes, page.dataset_csv
    )
    page.dataset_json = _document(
        f"{period.label}投诉举报分类数据（JSON）", f"{stem}.json", json_bytes, page.dataset_json
    )
    if created:
        parent.add_child(instance=page)
    page.save_revision(log_action=True)
    return Drafted(page=page, created=created, figures=figures)


DEMO_REPORTS = 3


def ensure_demo_reports(today=None) -> int:
    """`make run`: the last DEMO_REPORTS half-months' reports, drafted and published, so the
    site shows some; an existing report (drafted, edited or published) is left alone."""
    period = Period.half_month_of(today or timezone.localdate())
    published = 0
    for _ in range(DEMO_REPORTS):
        period = period.previous()
        if AnalysisReportPage.objects.filter(
            period_start=period.start, period_end=period.end
        ).exists():
            continue
        drafted = draft_report(period, today=today)
        drafted.page.get_latest_revision().publish()
        published += 1
    return published
