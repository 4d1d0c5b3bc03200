"""Marks as the API shows them, kept per process while they are unchanged.

A search answer (`?q=`, the similarity check) shows up to 20 marks. Reading them whole
(owner, classes, events: four queries) and serializing them took about 6 of the 10–15 ms
our code adds to a full page; the same popular marks come back query after query. So each
process keeps the shapes it made, keyed by what they are made of:

- the mark's `updated_at` (it moves with any change of the mark, its classes and its
  events: signals.py), and its owner's (the directory name and code the mark shows);
- the local date (the renewal state, 可申请续展 …, moves with it).

A shape is made without the request, so its `logo` is root-relative (/media/…); each answer
makes it absolute for its own scheme and host, as DRF writes file fields, on a copy.

These are the same facts the list's ETag and the site's change feed rely on, so a shape is
stale exactly when they would be. One cheap query reads the stamps (`pk`, the two
`updated_at`); only marks without a kept shape are read and serialized. The Nice class names
are reference data loaded by `setup_platform`, not part of the key: a new edition of the
classification reaches a running process at its restart. `SIZE` shapes at most (about 2 KB
each), the least recently used dropped first. A kept shape is shared by every answer that
shows it and is never changed after it is made.

A new process would make its first answers' shapes while a client waits (20 marks cost
about 15 ms cold, 1 ms kept): `warm()`, run in a thread from a web worker's first request
(`warm_in_background`, cms/wsgi.py), keeps the `SIZE` most recently changed marks before
they are asked for.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict

from django.db import DatabaseError, connections
from django.utils import timezone

from .models import Trademark
from .selectors import trademark_list
from .serializers import TrademarkSerializer

SIZE = 4096
WARM_BATCH = 200  # marks read and serialized at a time by warm()

logger = logging.getLogger(__name__)

_shapes: OrderedDict[tuple, dict] = OrderedDict()
_lock = threading.Lock()  # gunicorn's threads share a process


def _made(pks: list[int], keys: dict[int, tuple]) -> dict[int, dict]:
    """Read and serialize the marks of `pks`, keep their shapes under `keys`."""
    rows = list(trademark_list().filter(pk__in=pks))
    made = TrademarkSerializer(rows, many=True, context={}).data  # no request: relative logo
    shapes = {}
    with _lock:
        for row, shape in zip(rows, made, strict=True):
            # The stamps read before, not the row's: a change in between is read next time.
            _shapes[keys[row.pk]] = shapes[row.pk] = shape
        while len(_shapes) > SIZE:
            _shapes.popitem(last=False)
    return shapes


STAMPS = ("pk", "updated_at", "owner__updated_at")


def _keyed(stamps) -> dict[int, tuple]:
    """{pk: key} for (pk, updated_at, owner's updated_at) rows."""
    today = timezone.localdate()
    return {pk: (pk, changed, owner_changed, today) for pk, changed, owner_changed in stamps}


def _for_request(shape: dict, request) -> dict:
    if shape["logo"] is None or request is None:
        return shape
    return {**shape, "logo": request.build_absolute_uri(shape["logo"])}


def marks_shown(ids: list[int], context: dict) -> dict[int, dict]:
    """{pk: the mark as TrademarkSerializer shows it} for the marks of `ids` that exist."""
    if not ids:
        return {}
    keys = _keyed(Trademark.objects.filter(pk__in=ids).values_list(*STAMPS))
    kept: dict[int, dict] = {}
    with _lock:
        for pk, key in keys.items():
            shape = _shapes.get(key)
            if shape is not None:
                _shapes.move_to_end(key)
                kept[pk] = shape
    missing = [pk for pk in keys if pk not in kept]
    if missing:
        kept |= _made(missing, keys)
    request = context.get("request")
    return {pk: _for_request(shape, request) for pk, shape in kept.items()}


def warm() -> None:
    """Keep the shapes of the `SIZE` most recently changed marks, `WARM_BATCH` at a time,
    until as many are kept (answers made since count: they are the ones asked for)."""
    latest = list(Trademark.objects.order_by("-updated_at").values_list(*STAMPS)[:SIZE])
    for start in range(0, len(latest), WARM_BATCH):
        if len(_shapes) >= SIZE:
            return
        keys = _keyed(latest[start : start + WARM_BATCH])
        with _lock:
            batch = [pk for pk, key in keys.items() if key not in _shapes]
        if batch:
            _made(batch, keys)


_warming_pid: int | None = None


def warm_in_background() -> None:
    """warm() in a thread of its own, once per process, beside the requests it answers; a
    database error stops it, logged (the answers then make what is missing). Called by each
    request (cms/wsgi.py), so it starts in the process that serves: a server that imports
    the application before forking (gunicorn --preload) never forks with it running."""
    global _warming_pid
    if _warming_pid == os.getpid():
        return
    with _lock:
        if _warming_pid == os.getpid():
            return
        _warming_pid = os.getpid()

    def run() -> None:
        try:
            warm()
        except DatabaseError:
            logger.warning("keeping the marks' shapes stopped", exc_info=True)
        finally:
            connections.close_all()  # this thread's own

    threading.Thread(target=run, name="warm-marks", daemon=True).start()


def shown_in_order(ids: list[int], context: dict) -> list[dict]:
    """The marks of `ids` in that order (the engine's ranking), those that exist."""
    shown = marks_shown(ids, context)
    return [shown[pk] for pk in ids if pk in shown]


def forget() -> None:
    """Drop every kept shape (tests)."""
    with _lock:
        _shapes.clear()
