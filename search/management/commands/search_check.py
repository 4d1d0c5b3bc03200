"""Compare the database with the search index; exit 1 on drift or a missing index.

`--repair` syncs each drifting document from the database instead (upsert or delete), which
is far cheaper than a rebuild when a few documents drift, e.g. credit records whose publicity
ended overnight: run `search_check --repair --quiet` daily. A missing index still needs
`search_reindex`.
"""

from django.core.management.base import BaseCommand, CommandError

from search.client import engine_unavailable
from search.drift import kind_drift
from search.indexing import sync_documents_now
from search.registry import kind_names
from search.services import SYNC_BATCH

SAMPLE = 5


class Command(BaseCommand):
    help = "Report documents missing from, extra in, or stale in the search index (exit 1 if any)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind",
            choices=kind_names(),
            action="append",
            help="Check only this kind (repeatable); default: every kind.",
        )
        parser.add_argument(
            "--repair",
            action="store_true",
            help="Sync every drifting document from the database; exit 0 once repaired.",
        )
        parser.add_argument(
            "--quiet",
            action="store_true",
            help="Print nothing when the index matches the database.",
        )

    def handle(self, *args, kind=None, quiet=False, repair=False, **options):
        try:
            drifts = [kind_drift(name) for name in (kind or kind_names())]
            if repair:
                drifts = [self._repair(drift, quiet) for drift in drifts]
        except Exception as exc:
            if engine_unavailable(exc):
                raise CommandError(f"search engine unavailable: {exc}") from exc
            raise
        clean = all(drift.clean for drift in drifts)
        if clean and quiet:
            return
        for drift in drifts:
            if not drift.index_exists:
                self.stdout.write(self.style.ERROR(f"{drift.kind}: index does not exist"))
                continue
            line = (
                f"{drift.kind}: missing {len(drift.missing)}, extra {len(drift.extra)}, "
                f"stale {len(drift.stale)}"
            )
            self.stdout.write(self.style.SUCCESS(line) if drift.clean else self.style.WARNING(line))
            for label, ids in (
                ("missing", drift.missing),
                ("extra", drift.extra),
                ("stale", drift.stale),
            ):
                if ids and options["verbosity"] > 1:
                    self.stdout.write(
                        f"  {label}: {', '.join(ids[:SAMPLE])}"
                        + (" …" if len(ids) > SAMPLE else "")
                    )
        if not clean:
            # CommandError exits with status 1, which `search_check --quiet || search_reindex` uses.
            raise CommandError("search index drifts from the database; run search_reindex")

    def _repair(self, drift, quiet: bool):
        """Sync the drifting documents of one kind; returns the kind's drift afterwards."""
        if not drift.index_exists or drift.clean:
            return drift
        ids = [*drift.missing, *drift.extra, *drift.stale]
        # In the sync task's batches: one bulk request each, not one request per document.
        for start in range(0, len(ids), SYNC_BATCH):
            sync_documents_now(drift.kind, ids[start : start + SYNC_BATCH])
        if not quiet:
            self.stdout.write(f"{drift.kind}: repaired {len(ids)} document(s)")
        return kind_drift(drift.kind)
