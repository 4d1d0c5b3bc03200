"""`manage.py load_content`: load districts, the home page and the news seed from content/."""

import logging
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from cms.pages.content_loader import CONTENT_DIR, ContentError, load_content
from registry_api.enterprises.reference_data import ReferenceDataError


@contextmanager
def quiet_logger(name: str, quiet: bool):
    """Silence a logger's INFO lines (Wagtail logs every page action) while loading."""
    logger = logging.getLogger(name)
    level = logger.level
    if quiet:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


class Command(BaseCommand):
    help = "Load reference data and editorial seed pages from content/ (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--content-dir",
            type=Path,
            default=CONTENT_DIR,
            help=f"folder holding news/ and reference/ (default: {CONTENT_DIR})",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="also overwrite news pages an editor has changed in the admin",
        )

    def handle(self, *args, content_dir: Path, force: bool, **options):
        console = Console(file=self.stdout, highlight=False)
        try:
            with quiet_logger("wagtail", quiet=options["verbosity"] < 2):
                report = load_content(content_dir, force=force)
        except (ContentError, ReferenceDataError) as error:
            raise CommandError(f"内容未加载，数据库未改动：\n{error}") from error

        table = Table(title="load_content", show_header=True)
        for column in ("", "created", "updated", "unchanged", "kept (edited in admin)"):
            table.add_column(column)
        d = report.districts
        table.add_row(
            "districts", str(len(d.created)), str(len(d.updated)), str(len(d.unchanged)), ""
        )
        for label, action in (("home page", report.home), ("news index", report.news_index)):
            table.add_row(
                label,
                *("1" if action == name else "0" for name in ("created", "updated", "unchanged")),
                "",
            )
        news = report.news
        table.add_row(
            "news pages",
            *(str(len(news[name])) for name in ("created", "updated", "unchanged", "kept")),
        )
        for label, rows in report.sections.items():
            table.add_row(
                label,
                *(
                    str(len(rows.get(name, [])))
                    for name in ("created", "updated", "unchanged", "kept")
                ),
            )
        console.print(table)
        kept = list(news["kept"])
        for rows in report.sections.values():
            kept.extend(rows.get("kept", []))
        for slug in kept:
            console.print(f"[yellow]kept[/] {slug}: edited in the admin; use --force to overwrite")
