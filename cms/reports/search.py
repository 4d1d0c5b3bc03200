"""Search kind "report": published 数据分析报告 (half-monthly complaint analysis)."""

from cms.pages.page_kinds import summary_body_document
from cms.reports.models import AnalysisReportPage
from search.documents import PageDocument, index_options
from search.kind import page_kind


class ReportDocument(PageDocument):
    Index = index_options("report")


def report_document(page: AnalysisReportPage) -> ReportDocument:
    figures = page.figures or {}
    return summary_body_document(
        ReportDocument,
        "report",
        page,
        date=page.period_end,
        # The categories and 街镇 the report names, so "预付卡 投诉" finds the period.
        facts=[
            page.period_label,
            *(c["label"] for c in figures.get("categories", []) if c.get("count")),
            *(d["name"] for d in figures.get("districts", []) if d.get("count")),
        ],
    )


REPORT = page_kind("report", "数据分析报告", AnalysisReportPage, ReportDocument, report_document)
