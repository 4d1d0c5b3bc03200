"""Writes of search analytics besides the counting itself: the retention purge."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from .models import RETENTION_DAYS, SearchClickDay, SearchQueryDay

# Rows deleted per transaction: a purge after months without one never holds the write lock
# for more than a few milliseconds at a time.
PURGE_BATCH = 2_000


def retention_start(today: datetime.date | None = None) -> datetime.date:
    """The oldest day kept: RETENTION_DAYS days, today included."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=RETENTION_DAYS - 1)


def analytics_purge(*, today: datetime.date | None = None) -> int:
    """Delete every count older than the retention period; the number of rows deleted."""
    start = retention_start(today)
    deleted = 0
    for model in (SearchQueryDay, SearchClickDay):
        while True:
            ids = list(
                model.objects.filter(day__lt=start).values_list("pk", flat=True)[:PURGE_BATCH]
            )
            if not ids:
                break
            with transaction.atomic():
                deleted += model.objects.filter(pk__in=ids).delete()[0]
    return deleted
