"""Entry points other apps call to keep the search index following the database."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction


def search_sync_later(kind: str, doc_id: str) -> None:
    """Once the transaction commits, bring document `doc_id` of `kind` in line with the DB.

    The task decides between upsert and delete by reading the database, so the order in which
    queued syncs run never matters and a write never fails because the engine is down.
    """
    from .tasks import sync_document

    transaction.on_commit(lambda: sync_document.enqueue(kind, str(doc_id)))


def search_reindex(*, kinds: Iterable[str] | None = None, progress_factory=None) -> list:
    """Rebuild the index of `kinds` (default: all) from the database without taking search
    offline; returns one search.indices.RebuildReport per kind. Commands such as
    make_demo_data call this after loading data."""
    from .indices import migrate, setup

    setup(kinds)
    return migrate(kinds, progress_factory=progress_factory)
