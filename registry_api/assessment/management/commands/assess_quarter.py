"""`manage.py assess_quarter [--quarter 2026Q4]`: compute (or recompute) a quarter's scores."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from rich.progress import Progress

from registry_api.assessment.quarters import Quarter
from registry_api.assessment.services import assess


class Command(BaseCommand):
    help = "按考核规则计算某季度服务站与人员的考核得分（重复运行替换该季度的得分）。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--quarter", help="季度，如 2026Q4；默认为当前季度（截至今天的数据）", default=""
        )

    def handle(self, *args, quarter: str, **options):
        try:
            chosen = Quarter.parse(quarter) if quarter else Quarter.current()
        except ValidationError as exc:
            raise CommandError(exc.messages[0]) from None
        steps: list[str] = []
        with Progress(transient=True) as progress:
            task = progress.add_task(f"{chosen.label}考核", total=3)

            def on_step(name: str) -> None:
                # A step starting means the one before it is done.
                progress.update(task, description=f"{chosen.label}：{name}", completed=len(steps))
                steps.append(name)

            result = assess(chosen, on_step=on_step)
            progress.update(task, completed=3)
        counts = f"服务站 {result.stations} 个，人员 {result.people} 人"
        self.stdout.write(self.style.SUCCESS(f"{chosen.label}（{chosen}）：{counts}，已计算。"))
