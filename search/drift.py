"""Drift between the database and the index: missing, extra and stale documents per kind."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.dateparse import parse_datetime
from elasticsearch.helpers import scan

from .client import search_client
from .indices import live_indices
from .names import alias_name
from .registry import registry

SCAN_PAGE_SIZE = 1000


@dataclass
class Drift:
    """How one kind's index differs from the database (ids listed for the report)."""

    kind: str
    index_exists: bool
    missing: list[str] = field(default_factory=list)  # in the DB, not in the index
    extra: list[str] = field(default_factory=list)  # in the index, not (or no longer) in the DB
    stale: list[str] = field(default_factory=list)  # in both, but the DB changed since indexing

    @property
    def clean(self) -> bool:
        return self.index_exists and not (self.missing or self.extra or self.stale)


def _as_datetime(value: str | None) -> datetime.datetime | None:
    return parse_datetime(value) if value else None


def index_ids_and_updated(kind: str) -> dict[str, datetime.datetime | None]:
    """{doc_id: updated_at} of every document the kind's alias holds."""
    hits = scan(
        search_client(),
        index=alias_name(kind),
        query={"query": {"match_all": {}}},
        _source=["updated_at"],
        size=SCAN_PAGE_SIZE,
    )
    return {hit["_id"]: _as_datetime(hit.get("_source", {}).get("updated_at")) for hit in hits}


def kind_drift(kind: str) -> Drift:
    """Compare the database's indexable rows with the kind's index."""
    if not live_indices(kind):
        return Drift(kind=kind, index_exists=False)
    in_db = registry()[kind].source.ids_and_updated()
    in_index = index_ids_and_updated(kind)
    return Drift(
        kind=kind,
        index_exists=True,
        missing=sorted(set(in_db) - set(in_index)),
        extra=sorted(set(in_index) - set(in_db)),
        stale=sorted(
            doc_id for doc_id in set(in_db) & set(in_index) if in_db[doc_id] != in_index[doc_id]
        ),
    )
