"""Writes to the index: follow one row of the database, or bulk-load many into one index."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from elasticsearch import NotFoundError
from elasticsearch.helpers import bulk, streaming_bulk

from .client import search_client
from .documents import SearchDocument
from .names import alias_name
from .registry import kind_names, registry
from .result_cache import index_changed

logger = logging.getLogger(__name__)

BULK_CHUNK_SIZE = 500
# Documents written to the mirror table at once while bulk-loading (search/mirror/services.py
# writes them in short transactions of its own batch size).
MIRROR_CHUNK_SIZE = 500

Progress = Callable[[int], None]


def _mirror():
    """search/mirror/services.py, imported when first written to: it loads a model, and
    importing this module must not (tests/search/test_following.py)."""
    from .mirror import services

    return services


# How a write becomes searchable. "true" refreshes the shard at once: a publish is in search
# within the write's own round trip, where "wait_for" waits for the next scheduled refresh
# (up to the index's refresh interval, 1 s by default). A batch refreshes once, on its last
# write (search/tasks.py), so an import of 500 rows costs one refresh, not 500.
Refresh = str  # "true", "wait_for" or "false"


def sync_document(kind: str, doc_id: str, *, refresh: Refresh = "true") -> str:
    """Bring one document in line with the database: upsert it if its row is indexable
    (exists and, for news, is live and public), else delete it. Returns what was done.

    Writes go through the alias, so they land in whichever version is live; with the default
    refresh they return once the change is searchable: a finished sync means "live in search".
    Engine errors propagate: the caller (search/tasks.py) decides whether to retry.
    """
    if kind not in kind_names():
        raise ValueError(f"unknown search kind {kind!r}")
    row = registry()[kind].source.get_indexable(doc_id)
    if row is None:
        return document_delete(kind, doc_id, refresh=refresh)
    return document_upsert(kind, registry()[kind].present(row), refresh=refresh)


def sync_documents_now(kind: str, doc_ids: list[str], *, refresh: Refresh = "true") -> dict:
    """Bring a batch of documents in line with the database in ONE bulk request: index the
    ids whose row is indexable, delete the others. Returns {"indexed": n, "deleted": n} (or
    {"index_missing": n} before the kind is set up). Engine errors propagate.

    One request instead of one per document: a 5,000-row import is 10 requests, not 5,000 —
    the difference between a busy local engine keeping up and the sync queue falling behind.
    """
    from .indices import live_indices  # indices imports this module

    if kind not in kind_names():
        raise ValueError(f"unknown search kind {kind!r}")
    source = registry()[kind].source
    rows = {source.doc_id(row): row for row in source.with_ids(doc_ids)}
    documents: dict[str, SearchDocument | None] = {}
    for doc_id in dict.fromkeys(str(doc_id) for doc_id in doc_ids):
        row = rows.get(doc_id)
        documents[doc_id] = None if row is None else registry()[kind].present(row)
    # The mirror first: it follows the database even while the engine is down (the task
    # then retries the engine alone, rewriting the same mirror rows).
    gone = [doc_id for doc_id, document in documents.items() if document is None]
    _mirror().mirror_upsert(document for document in documents.values() if document is not None)
    _mirror().mirror_delete(kind, gone)
    live = live_indices(kind)
    if not live:
        logger.warning("search index of %s is not set up; %d not indexed", kind, len(doc_ids))
        return {"index_missing": len(doc_ids)}
    index = live[-1]
    actions = []
    for doc_id, document in documents.items():
        if document is None:
            actions.append({"_op_type": "delete", "_index": index, "_id": doc_id})
            continue
        actions.append(
            {
                "_op_type": "index",
                "_index": index,
                "_id": document.meta.id,
                "_source": document.to_dict(skip_empty=False),
            }
        )
    _, errors = bulk(search_client(), actions, refresh=refresh, raise_on_error=False)
    index_changed()
    # Deleting a document that is not there is fine; anything else is not.
    failed = [e for e in errors if e.get("delete", {}).get("status") != 404]
    if failed:
        raise RuntimeError(f"search: bulk sync of {kind} failed: {failed[:3]}")
    deleted = sum(1 for action in actions if action["_op_type"] == "delete")
    return {"indexed": len(actions) - deleted, "deleted": deleted}


def document_upsert(
    kind: str,
    document: SearchDocument,
    *,
    index: str | None = None,
    refresh: Refresh = "wait_for",
) -> str:
    """Index one document into `index` (default: the kind's alias, which must exist); its
    mirror row is written first (search/mirror/services.py)."""
    _mirror().mirror_upsert([document])
    try:
        document.save(
            using=search_client(),
            index=index or alias_name(kind),
            skip_empty=False,
            validate=False,
            # Never let a write auto-create a concrete index under the alias name with a
            # guessed mapping; an index that is not set up yet is search_reindex's job.
            require_alias=index is None,
            refresh=refresh,
        )
        index_changed()
    except NotFoundError:
        logger.warning(
            "search index %s is not set up; %s %s not indexed",
            index or alias_name(kind),
            kind,
            document.meta.id,
        )
        return "index_missing"
    return "indexed"


def document_delete(
    kind: str, doc_id: str, *, index: str | None = None, refresh: Refresh = "wait_for"
) -> str:
    """Remove one document and its mirror row; one that is already gone is fine."""
    _mirror().mirror_delete(kind, [doc_id])
    response = (
        search_client()
        .options(ignore_status=404)
        .delete(index=index or alias_name(kind), id=str(doc_id), refresh=refresh)
    )
    index_changed()
    return "deleted" if response.get("result") == "deleted" else "absent"


def _bulk_actions(kind: str, rows: Iterable[Any], index: str, indexed: dict[str, Any]) -> Iterator:
    mirrored: list[SearchDocument] = []
    for row in rows:
        document = registry()[kind].present(row)
        indexed[str(document.meta.id)] = document.updated_at
        mirrored.append(document)
        if len(mirrored) >= MIRROR_CHUNK_SIZE:
            _mirror().mirror_upsert(mirrored)
            mirrored = []
        yield {
            "_op_type": "index",
            "_index": index,
            "_id": document.meta.id,
            "_source": document.to_dict(skip_empty=False),
        }
    _mirror().mirror_upsert(mirrored)


def bulk_index(
    kind: str, rows: Iterable[Any], *, index: str, progress: Progress | None = None
) -> dict[str, Any]:
    """Index every row into the concrete `index`; returns {doc_id: change time} as written.

    `progress(n)` is called after each document, so commands can drive a progress bar.
    The rows' mirror rows are written as they go; once all are indexed, mirror rows of
    documents the database no longer holds as indexable are dropped (the rebuild's
    `search_reindex` is how the mirror is filled and repaired).
    """
    indexed: dict[str, Any] = {}
    actions = _bulk_actions(kind, rows, index, indexed)
    for ok, _item in streaming_bulk(
        search_client(), actions, chunk_size=BULK_CHUNK_SIZE, raise_on_error=True
    ):
        if progress is not None and ok:
            progress(1)
    _mirror().mirror_prune(kind, registry()[kind].source.ids_and_updated())
    return indexed
