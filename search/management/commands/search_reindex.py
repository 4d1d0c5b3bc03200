"""Rebuild the search index from the database behind the aliases, with a progress bar."""

import time

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from search.client import engine_unavailable
from search.registry import kind_names
from search.services import search_reindex


class Command(BaseCommand):
    help = "Rebuild the search index from the database (zero downtime: new version + alias swap)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind",
            choices=kind_names(),
            action="append",
            help="Rebuild only this kind (repeatable); default: every kind.",
        )

    def handle(self, *args, kind=None, **options):
        console = Console(file=self.stdout, stderr=False)
        began = time.monotonic()
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            disable=options["verbosity"] == 0,
        ) as progress:

            def progress_factory(kind_name: str, total: int):
                task_id = progress.add_task(f"索引 {kind_name}", total=total)
                return lambda n: progress.advance(task_id, n)

            try:
                reports = search_reindex(kinds=kind, progress_factory=progress_factory)
            except Exception as exc:
                if engine_unavailable(exc):
                    raise CommandError(f"search engine unavailable: {exc}") from exc
                raise
        for report in reports:
            reapplied = sum(report.reapplied.values())
            self.stdout.write(
                f"{report.kind}: {report.indexed} documents → {report.index} "
                f"({report.seconds:.1f}s; {reapplied} re-applied, "
                f"{len(report.deleted_versions)} old version(s) deleted)"
            )
        elapsed = time.monotonic() - began
        self.stdout.write(self.style.SUCCESS(f"search index rebuilt in {elapsed:.1f}s"))
