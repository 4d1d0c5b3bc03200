"""Writes to the mirror table, called by search/indexing.py beside each write to the engine.

Rules (docs/search-relevance.md, "Suggestions and degraded mode"):

- Only kinds of the site-wide search are mirrored (`site_search_kinds()`; trademarks are one).
- Rows are written in batches of MIRROR_BATCH, each in its own short transaction (one
  INSERT … ON CONFLICT statement, or one DELETE), so a rebuild of 57,000 documents never holds
  the database's write lock for more than a batch.
- A failing mirror write never fails the index write beside it: it is logged and the mirror
  is repaired by the next `search_reindex`. Each batch runs in a savepoint, so a failure
  inside a caller's transaction leaves that transaction usable (PostgreSQL).
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable

from django.db import DatabaseError, transaction
from django.utils import timezone

from ..documents import SearchDocument
from ..registry import site_search_kinds
from .models import MirrorDocument

logger = logging.getLogger(__name__)

MIRROR_BATCH = 200
UPDATED_FIELDS = [
    "title",
    "text",
    "url",
    "date",
    "public_until",
    "pinyin_full",
    "pinyin_initials",
]


def is_mirrored(kind: str) -> bool:
    return kind in site_search_kinds()


def _day(value) -> datetime.date | None:
    """A document's date field as a date (the presenters give dates, datetimes or ISO text)."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def mirror_row(document: SearchDocument) -> MirrorDocument:
    """The mirror row of a search document (not saved)."""
    pinyin = getattr(document, "pinyin", None)
    return MirrorDocument(
        kind=document.kind,
        doc_id=str(document.meta.id),
        title=document.title or "",
        text=getattr(document, "all_text", "") or "",
        url=document.url or "",
        date=_day(getattr(document, "date", None)),
        public_until=_day(getattr(document, "public_until", None)),
        pinyin_full=(getattr(pinyin, "full", "") or "") if pinyin else "",
        pinyin_initials=(getattr(pinyin, "initials", "") or "") if pinyin else "",
    )


def _batches(items: list, size: int = MIRROR_BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def mirror_upsert(documents: Iterable[SearchDocument]) -> int:
    """Write (insert or replace) the mirror rows of `documents`; returns the rows written."""
    rows = [mirror_row(document) for document in documents if is_mirrored(document.kind)]
    # The last version of a document wins (a batch may name one twice).
    rows = list({(row.kind, row.doc_id): row for row in rows}.values())
    written = 0
    for batch in _batches(rows):
        try:
            with transaction.atomic():
                MirrorDocument.objects.bulk_create(
                    batch,
                    update_conflicts=True,
                    unique_fields=["kind", "doc_id"],
                    update_fields=UPDATED_FIELDS,
                )
        except DatabaseError:
            logger.exception("search mirror: %d row(s) not written", len(batch))
            continue
        written += len(batch)
    return written


def mirror_delete(kind: str, doc_ids: Iterable[str]) -> int:
    """Remove the mirror rows of `doc_ids` of `kind`; returns the rows removed."""
    if not is_mirrored(kind):
        return 0
    removed = 0
    for batch in _batches(sorted({str(doc_id) for doc_id in doc_ids})):
        try:
            with transaction.atomic():
                removed += MirrorDocument.objects.filter(kind=kind, doc_id__in=batch).delete()[0]
        except DatabaseError:
            logger.exception("search mirror: %d %s row(s) not removed", len(batch), kind)
    return removed


def mirror_prune(kind: str, keep: Iterable[str]) -> int:
    """Remove the kind's mirror rows whose document is not in `keep` (the ids the database
    holds as indexable): a rebuild drops what left while the mirror was not followed."""
    if not is_mirrored(kind):
        return 0
    keep = {str(doc_id) for doc_id in keep}
    try:
        present = set(MirrorDocument.objects.filter(kind=kind).values_list("doc_id", flat=True))
    except DatabaseError:
        logger.exception("search mirror: %s rows not read for pruning", kind)
        return 0
    return mirror_delete(kind, present - keep)
