"""Background tasks that keep the index in line with the database, retrying while it is down."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from . import indexing
from .client import engine_unavailable

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
# 30 s, 1 min, 2 min … capped at 30 min: about an hour of outage is ridden out; beyond that,
# `search_check` reports the drift and `search_reindex` repairs it.
FIRST_DELAY_SECONDS = 30
MAX_DELAY_SECONDS = 30 * 60


def retry_delay(attempt: int) -> timedelta:
    """How long to wait before attempt number `attempt + 1`."""
    return timedelta(seconds=min(FIRST_DELAY_SECONDS * 2 ** (attempt - 1), MAX_DELAY_SECONDS))


@task()
def sync_document(kind: str, doc_id: str, attempt: int = 1) -> str:
    """Upsert or delete one document per the database; re-enqueue itself if the engine is down."""
    try:
        return indexing.sync_document(kind, doc_id)
    except Exception as exc:
        if not engine_unavailable(exc):
            raise
        if attempt >= MAX_ATTEMPTS:
            logger.error(
                "search: gave up syncing %s %s after %d attempts: %s", kind, doc_id, attempt, exc
            )
            return "gave_up"
        run_after = timezone.now() + retry_delay(attempt)
        sync_document.using(run_after=run_after).enqueue(kind, doc_id, attempt + 1)
        logger.warning(
            "search: engine unavailable, %s %s retried at %s (attempt %d)",
            kind,
            doc_id,
            run_after.isoformat(),
            attempt + 1,
        )
        return "retry_scheduled"
