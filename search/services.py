"""Entry points other apps call to keep the search index following the database."""

from __future__ import annotations

from collections.abc import Iterable

from core.on_commit import on_commit_collect

SYNC_BATCH = 500


def search_sync_later(kind: str, doc_id: str) -> None:
    """Once the transaction commits, bring document `doc_id` of `kind` in line with the DB.

    The task decides between upsert and delete by reading the database, so the order in which
    queued syncs run never matters and a write never fails because the engine is down. All the
    syncs a transaction asks for leave as one task per kind and 500 ids (a batch import of
    10,000 rows enqueues 20 tasks, not 10,000).
    """
    on_commit_collect("search_sync", (kind, str(doc_id)), _enqueue_syncs)


def _enqueue_syncs(items: list[tuple[str, str]]) -> None:
    from .tasks import sync_documents

    by_kind: dict[str, list[str]] = {}
    for kind, doc_id in items:
        by_kind.setdefault(kind, []).append(doc_id)
    for kind, doc_ids in by_kind.items():
        for start in range(0, len(doc_ids), SYNC_BATCH):
            sync_documents.enqueue(kind, doc_ids[start : start + SYNC_BATCH])


def search_reindex(*, kinds: Iterable[str] | None = None, progress_factory=None) -> list:
    """Rebuild the index of `kinds` (default: all) from the database without taking search
    offline; returns one search.indices.RebuildReport per kind. Commands such as
    make_demo_data call this after loading data."""
    from .indices import migrate, setup

    setup(kinds)
    return migrate(kinds, progress_factory=progress_factory)
