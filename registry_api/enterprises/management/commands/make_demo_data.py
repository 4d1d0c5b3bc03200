"""`manage.py make_demo_data --enterprises N [--seed S]`: top the directory up to N enterprises."""

import time

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from registry_api.enterprises.demo_data import DEFAULT_SEED, make_demo_enterprises, missing_count


class Command(BaseCommand):
    help = (
        "Create realistic synthetic enterprises until the directory holds N (idempotent top-up). "
        "Rows are bulk-created, so no search sync is queued: reindex afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enterprises",
            type=int,
            required=True,
            metavar="N",
            help="number of enterprises the directory should hold",
        )
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})"
        )

    def handle(self, *args, enterprises: int, seed: int, **options):
        if enterprises < 0:
            raise CommandError("--enterprises 不能为负数。")
        console = Console(file=self.stdout, highlight=False)
        if missing_count(enterprises) == 0:
            console.print(f"企业名录已有不少于 {enterprises} 家企业，无需新增。")
            return
        started = time.perf_counter()
        with Progress(
            TextColumn("[bold]企业名录[/]"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            disable=options["verbosity"] < 1,
        ) as progress:
            bar = progress.add_task("enterprises", total=None)

            def advance(written: int, total: int) -> None:
                progress.update(bar, completed=written, total=total)

            result = make_demo_enterprises(enterprises, seed=seed, progress=advance)
        seconds = time.perf_counter() - started
        console.print(
            f"新增 {result.created} 家企业（原有 {result.existing}，现有 {result.target}），"
            f"用时 {seconds:.2f} 秒。"
        )
