"""Index management: versioned indices behind one alias per kind; setup() and migrate().

`setup()` is safe to re-run: it only creates what is missing. `migrate()` rebuilds a kind from
the database into a fresh versioned index, swaps the alias atomically, re-applies changes made
during the rebuild and deletes old versions, so search keeps answering throughout.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .client import search_client
from .indexing import Progress, bulk_index, document_delete
from .names import alias_name, is_version_of, new_version_name, version_pattern
from .registry import kind_names, registry
from .result_cache import index_changed

logger = logging.getLogger(__name__)

ITERATOR_CHUNK_SIZE = 500
_NOT_INDEXED = object()  # never equal to a change time

# Called with (kind, total rows) before a kind is rebuilt; returns the per-document callback.
ProgressFactory = Callable[[str, int], Progress | None]


@dataclass
class RebuildReport:
    """What migrate() did for one kind."""

    kind: str
    index: str
    indexed: int
    reapplied: dict[str, int] = field(default_factory=dict)
    deleted_versions: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _kinds(kinds: Iterable[str] | None) -> list[str]:
    selected = list(kinds) if kinds else list(kind_names())
    unknown = set(selected) - set(kind_names())
    if unknown:
        raise ValueError(f"unknown search kind(s): {', '.join(sorted(unknown))}")
    return selected


def live_indices(kind: str) -> list[str]:
    """The concrete indices the kind's alias points at (normally one; none before setup)."""
    response = search_client().options(ignore_status=404).indices.get_alias(name=alias_name(kind))
    if response.meta.status == 404:
        return []
    return sorted(response.body)


def versions(kind: str) -> list[str]:
    """Every versioned index of the kind that exists, live or not, oldest first."""
    response = search_client().indices.get(
        index=version_pattern(kind), ignore_unavailable=True, allow_no_indices=True
    )
    return sorted(name for name in response.body if is_version_of(kind, name))


MAPPING_PARAMETERS = ("type", "analyzer", "search_analyzer")


def _declared_fields(properties: dict, prefix: str = "") -> dict[str, tuple]:
    """{dotted field name: its type and analyzers} of a mapping's properties."""
    fields = {}
    for name, spec in properties.items():
        if "properties" in spec:
            fields.update(_declared_fields(spec["properties"], f"{prefix}{name}."))
        else:
            fields[prefix + name] = tuple(spec.get(key) for key in MAPPING_PARAMETERS)
    return fields


def mapping_changed(kind: str) -> bool:
    """Whether the kind's live index maps a field otherwise than its Document declares now
    (a type or analyzer changed in code): such an index must be rebuilt, as writes cannot
    change an existing field's mapping. Fields only the live index has are left alone."""
    declared = _declared_fields(registry()[kind].document._doc_type.mapping.to_dict()["properties"])
    live = search_client().indices.get_mapping(index=alias_name(kind)).body
    for index_mapping in live.values():
        found = _declared_fields(index_mapping["mappings"].get("properties", {}))
        if any(found.get(name) != spec for name, spec in declared.items()):
            return True
    return False


def index_create(kind: str) -> str:
    """Create an empty versioned index with the kind's mapping and analyzers; returns its name."""
    name = new_version_name(kind)
    registry()[kind].document._index.clone(name=name).create(using=search_client())
    return name


def setup(kinds: Iterable[str] | None = None) -> list[str]:
    """Create the first versioned index and alias of each kind that has none; returns the new
    index names. Existing aliases are left alone, so this is safe to run at any time."""
    client = search_client()
    created = []
    for kind in _kinds(kinds):
        if client.indices.exists_alias(name=alias_name(kind)):
            continue
        name = index_create(kind)
        client.indices.update_aliases(actions=[{"add": {"index": name, "alias": alias_name(kind)}}])
        created.append(name)
    if created:
        index_changed()
    return created


def alias_swap(kind: str, new_index: str) -> None:
    """Point the alias at `new_index` only, in one atomic update_aliases call."""
    alias = alias_name(kind)
    actions: list[dict] = [
        {"remove": {"index": old, "alias": alias}} for old in live_indices(kind) if old != new_index
    ]
    actions.append({"add": {"index": new_index, "alias": alias}})
    search_client().indices.update_aliases(actions=actions)
    index_changed()


def _rebuild_kind(kind: str, progress_factory: ProgressFactory | None) -> RebuildReport:
    client = search_client()
    source = registry()[kind].source
    began = time.monotonic()
    rows = source.indexable()
    progress = progress_factory(kind, rows.count()) if progress_factory else None

    new_index = index_create(kind)
    try:
        indexed = bulk_index(
            kind, rows.iterator(chunk_size=ITERATOR_CHUNK_SIZE), index=new_index, progress=progress
        )
        client.indices.refresh(index=new_index)
        alias_swap(kind, new_index)
    except BaseException:
        # The alias still points at the old version; drop the half-built one.
        client.options(ignore_status=404).indices.delete(index=new_index)
        raise

    # Syncs that ran during the rebuild wrote to the old version through the alias; replay
    # from the database exactly the rows whose change time differs from the one just indexed
    # (or that appeared), and drop the rows that left. (A sync racing this replay may be
    # overwritten by an equally fresh read; search_check would report it.)
    current = source.ids_and_updated()
    stale = [
        doc_id
        for doc_id, updated in current.items()
        if indexed.get(doc_id, _NOT_INDEXED) != updated
    ]
    reindexed = (
        bulk_index(
            kind, source.with_ids(stale).iterator(chunk_size=ITERATOR_CHUNK_SIZE), index=new_index
        )
        if stale
        else {}
    )
    gone = set(indexed) - set(current)
    for doc_id in gone:
        document_delete(kind, doc_id, index=new_index)
    reapplied = {"indexed": len(reindexed), "deleted": len(gone)}
    client.indices.refresh(index=new_index)
    index_changed()

    deleted = [name for name in versions(kind) if name != new_index]
    for name in deleted:
        client.options(ignore_status=404).indices.delete(index=name)
    return RebuildReport(
        kind=kind,
        index=new_index,
        indexed=len(indexed),
        reapplied=reapplied,
        deleted_versions=deleted,
        seconds=time.monotonic() - began,
    )


def migrate(
    kinds: Iterable[str] | None = None, *, progress_factory: ProgressFactory | None = None
) -> list[RebuildReport]:
    """Rebuild each kind from the database into a new version and swap its alias to it."""
    reports = []
    for kind in _kinds(kinds):
        report = _rebuild_kind(kind, progress_factory)
        logger.info(
            "search: rebuilt %s into %s (%d documents, %.1fs)",
            kind,
            report.index,
            report.indexed,
            report.seconds,
        )
        reports.append(report)
    return reports
