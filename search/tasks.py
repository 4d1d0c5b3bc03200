"""Background tasks that keep the index in line with the database, retrying while it is down."""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from django.conf import settings
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
# Above the default (0) of site builds: a publish enqueues both on commit, and the worker takes
# the higher priority first, so the page is in search ~0.1 s after pickup, not after the build.
SYNC_PRIORITY = 10
# After the engine was found unavailable, the worker's other syncs in the next seconds are
# rescheduled without asking it again: a hanging engine costs one timeout, not one per queued
# task, and the site builds queued behind the syncs are not held up.
ENGINE_DOWN_SECONDS = 10
_engine_down_until: dict[str, float] = {}  # by engine URL


def retry_delay(attempt: int) -> timedelta:
    """How long to wait before attempt number `attempt + 1`."""
    return timedelta(seconds=min(FIRST_DELAY_SECONDS * 2 ** (attempt - 1), MAX_DELAY_SECONDS))


@task(priority=SYNC_PRIORITY)
def sync_documents(kind: str, doc_ids: list[str], attempt: int = 1) -> str:
    """Upsert or delete documents per the database, in one bulk request that refreshes the
    index (the whole batch searchable at once); if the engine is unavailable the batch is
    re-enqueued with a growing delay."""
    url = settings.ELASTICSEARCH_URL
    if time.monotonic() < _engine_down_until.get(url, 0.0):
        return _retry_later(kind, doc_ids, attempt, "engine found unavailable moments ago")
    try:
        indexing.sync_documents_now(kind, doc_ids)
    except Exception as exc:
        if not engine_unavailable(exc):
            raise
        _engine_down_until[url] = time.monotonic() + ENGINE_DOWN_SECONDS
        return _retry_later(kind, doc_ids, attempt, exc)
    if _engine_down_until.pop(url, None) is not None:
        retries_bring_forward()
    return "synced"


def retries_bring_forward() -> int:
    """The engine answers again: the syncs waiting out their back-off (up to 30 minutes after
    a long outage) are made due now, so the index catches up as soon as it can."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = timezone.now()
    brought = DBTaskResult.objects.filter(
        task_path=sync_documents.module_path,
        status=TaskResultStatus.READY,
        run_after__gt=now,
        run_after__lt=get_date_max(),
    ).update(run_after=now)
    if brought:
        logger.info("search: engine answers again; %d delayed sync(s) due now", brought)
    return brought


def _retry_later(kind: str, doc_ids: list[str], attempt: int, exc: Exception | str) -> str:
    if attempt >= MAX_ATTEMPTS:
        logger.error(
            "search: gave up syncing %d %s document(s) after %d attempts: %s",
            len(doc_ids),
            kind,
            attempt,
            exc,
        )
        return "gave_up"
    run_after = timezone.now() + retry_delay(attempt)
    sync_documents.using(run_after=run_after).enqueue(kind, doc_ids, attempt + 1)
    logger.warning(
        "search: engine unavailable, %d %s document(s) retried at %s (attempt %d)",
        len(doc_ids),
        kind,
        run_after.isoformat(),
        attempt + 1,
    )
    return "retry_scheduled"
