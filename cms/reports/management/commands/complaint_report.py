"""manage.py complaint_report --period 2026-11-01:2026-11-15

Drafts the period's 数据分析报告 (figures, charts, open dataset) for an editor to review and
publish; without --period, the last complete half-month. Re-running refreshes the draft.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.console import Console

from cms.reports.drafting import draft_report
from registry_api.complaints.report import Period


def last_complete_half_month(today: datetime.date) -> Period:
    return Period.half_month_of(today).previous()


class Command(BaseCommand):
    help = "Draft the half-monthly complaint analysis report (数据分析报告) for a period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--period", help="起始日期:截止日期，如 2026-11-01:2026-11-15；默认为上一个半月"
        )

    def handle(self, *args, period=None, **options):
        console = Console(file=self.stdout, highlight=False)
        try:
            chosen = (
                Period.parse(period) if period else last_complete_half_month(timezone.localdate())
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        with console.status(f"正在统计 {chosen.label} 的投诉举报数据……"):
            drafted = draft_report(chosen)
        figures = drafted.figures
        verb = "已创建" if drafted.created else "已更新"
        console.print(
            f"{verb}草稿「{drafted.page.title}」（页面 {drafted.page.pk}），"
            f"共 {figures['total'] if figures['total'] is not None else '少于5'} 件，"
            f"图表 {len(drafted.page.charts)} 幅，开放数据 CSV/JSON 各 1 份。"
        )
        if figures["rising"]:
            top = figures["rising"][0]
            console.print(f"占比上升最快：{top['label']}（+{top['share_change']} 个百分点）")
        console.print("请在管理后台 维权服务 → 数据分析报告 中审阅后发布。")
