"""Per-transaction coalescing of after-commit work.

A batch import saves thousands of rows in one transaction; each save asks for a search sync
and a site build. Registering one `transaction.on_commit` callback per save would enqueue
thousands of tasks. `on_commit_collect` registers ONE callback per transaction and name and
hands it every item collected, de-duplicated, in order.

Rollbacks discard callbacks (Django rebuilds `connection.run_on_commit`), so a stale
collector is detected by its callback no longer being registered, and a new one starts.
Items collected inside a rolled-back savepoint may survive into the flush: the consumers
(search sync, site build) read the database when they run, so an extra item is harmless.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import transaction

# Names whose collected work is dropped, not flushed: bulk loads that index and build once at
# the end (the set-up of `make run`) switch live follow-up off for their duration.
_paused: ContextVar[frozenset[str]] = ContextVar("on_commit_paused", default=frozenset())


@contextmanager
def on_commit_paused(*names: str) -> Iterator[None]:
    """Within the block, work collected under `names` is dropped: the caller takes over (e.g.
    one bulk reindex and one site build after generating demo data)."""
    token = _paused.set(_paused.get() | frozenset(names))
    try:
        yield
    finally:
        _paused.reset(token)


# Names whose collected work is held until the block ends, then flushed once: an import that
# commits in many chunks asks for one site build at its end, not one per chunk.
_held: ContextVar[dict | None] = ContextVar("on_commit_held", default=None)


@contextmanager
def on_commit_held(*names: str) -> Iterator[None]:
    """Within the block, work collected under `names` waits; when the block ends (also by an
    exception: what was committed is still followed up), it is collected once more, as one."""
    held: dict[str, tuple[Callable[[list], None], dict]] = {}
    token = _held.set({**(_held.get() or {}), **{name: held for name in names}})
    try:
        yield
    finally:
        _held.reset(token)
        for name, (flush, items) in held.items():
            for item in items:
                on_commit_collect(name, item, flush)


@dataclass
class _Collector:
    callback: Callable[[], None] | None = None
    registered_in: list | None = None  # the run_on_commit list the callback was appended to
    items: dict = field(default_factory=dict)  # insertion-ordered set


def _is_registered(connection, collector: _Collector) -> bool:
    if connection.run_on_commit is collector.registered_in:
        return True  # same list object: nothing was discarded since we appended
    return any(func is collector.callback for _, func, _ in connection.run_on_commit)


def on_commit_collect(
    name: str, item: Hashable, flush: Callable[[list], None], *, using: str | None = None
) -> None:
    """Collect `item` under `name`; once the transaction commits, call `flush(items)` once.

    Outside a transaction (autocommit), `flush([item])` runs at once, like on_commit would.
    Inside `on_commit_paused(name)` the item is dropped; inside `on_commit_held(name)` it
    waits for the end of that block.
    """
    if name in _paused.get():
        return
    held = (_held.get() or {}).get(name)
    if held is not None:
        held.setdefault(name, (flush, {}))[1][item] = None
        return
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        flush([item])
        return
    collectors: dict[str, _Collector] = connection.__dict__.setdefault("_hongshan_collectors", {})
    collector = collectors.get(name)
    if collector is None or not _is_registered(connection, collector):
        collector = _Collector()

        def run(collector=collector) -> None:
            if collectors.get(name) is collector:
                del collectors[name]
            flush(list(collector.items))

        collector.callback = run
        transaction.on_commit(run, using=using)
        collector.registered_in = connection.run_on_commit
        collectors[name] = collector
    collector.items[item] = None
