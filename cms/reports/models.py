"""数据分析报告: the half-monthly analysis of complaints, drafted by `manage.py complaint_report`.

The command fills the figures (public: counts below 5 suppressed), the charts (SVG drawn by the
static site's own chart module) and the open dataset; an editor writes or corrects the text
and publishes. Figures and charts are not editable here: re-run the command to refresh them.
"""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from cms.pages.field_lists import api_fields_of, panels_of, search_fields_of
from cms.pages.links import optional_link
from cms.pages.model_fields import body_field, summary_field
from cms.pages.models import PlatformItemPage, PlatformPage


class AnalysisReportPage(PlatformItemPage):
    only_below_platform = PlatformPage.Code.RIGHTS  # 维权服务, the complaints platform

    period_start = models.DateField("统计起始日期")
    period_end = models.DateField("统计截止日期")
    period_label = models.CharField("统计期间", max_length=40)
    summary = summary_field(max_length=1000)
    body = body_field()
    figures = models.JSONField("统计数据（公开口径）", default=dict, editable=False)
    charts = models.JSONField("图表", default=list, editable=False)
    dataset_csv = optional_link("wagtaildocs.Document", "开放数据（CSV）")
    dataset_json = optional_link("wagtaildocs.Document", "开放数据（JSON）")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("period_start", read_only=True), FieldPanel("period_end", read_only=True)],
            heading="统计期间（由 complaint_report 生成）",
        ),
        *panels_of("summary body"),
        MultiFieldPanel(panels_of("dataset_csv dataset_json"), heading="开放数据"),
    ]
    search_fields = search_fields_of("summary body", filtered="period_end")
    api_fields = api_fields_of(
        "period_start period_end period_label summary body figures charts datasets"
    )

    class Meta:
        verbose_name = "数据分析报告"
        verbose_name_plural = "数据分析报告"
        constraints = [
            models.UniqueConstraint(
                fields=["period_start", "period_end"], name="report_period_once"
            )
        ]

    @property
    def datasets(self) -> list[dict]:
        return [
            {"format": label, "title": document.title, "url": document.url}
            for label, document in (("CSV", self.dataset_csv), ("JSON", self.dataset_json))
            if document is not None
        ]
