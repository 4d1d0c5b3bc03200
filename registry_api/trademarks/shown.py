"""Marks as the API shows them, kept per process while they are unchanged.

A search answer (`?q=`, the similarity check) shows up to 20 marks. Reading them whole
(owner, classes, events: four queries) and serializing them took about 6 of the 10–15 ms
our code adds to a full page; the same popular marks come back query after query. So each
process keeps the shapes it made, keyed by what they are made of:

- the mark's `updated_at` (it moves with any change of the mark, its classes and its
  events: signals.py), and its owner's (the directory name and code the mark shows);
- the local date (the renewal state, 可申请续展 …, moves with it);
- the scheme and host (the logo's URL is absolute, as DRF writes file fields).

These are the same facts the list's ETag and the site's change feed rely on, so a shape is
stale exactly when they would be. One cheap query reads the stamps (`pk`, the two
`updated_at`); only marks without a kept shape are read and serialized. The Nice class names
are reference data loaded by `setup_platform`, not part of the key: a new edition of the
classification reaches a running process at its restart. `SIZE` shapes at most (about 2 KB
each), the least recently used dropped first. A kept shape is shared by every answer that
shows it and is never changed after it is made.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from django.utils import timezone

from .models import Trademark
from .selectors import trademark_list
from .serializers import TrademarkSerializer

SIZE = 4096

_shapes: OrderedDict[tuple, dict] = OrderedDict()
_lock = threading.Lock()  # gunicorn's threads share a process


def _origin(context: dict) -> str:
    request = context.get("request")
    return request.build_absolute_uri("/") if request is not None else ""


def marks_shown(ids: list[int], context: dict) -> dict[int, dict]:
    """{pk: the mark as TrademarkSerializer shows it} for the marks of `ids` that exist."""
    if not ids:
        return {}
    today, origin = timezone.localdate(), _origin(context)
    stamps = Trademark.objects.filter(pk__in=ids).values_list(
        "pk", "updated_at", "owner__updated_at"
    )
    keys = {
        pk: (pk, changed, owner_changed, today, origin) for pk, changed, owner_changed in stamps
    }
    shown: dict[int, dict] = {}
    with _lock:
        for pk, key in keys.items():
            shape = _shapes.get(key)
            if shape is not None:
                _shapes.move_to_end(key)
                shown[pk] = shape
    missing = [pk for pk in keys if pk not in shown]
    if missing:
        rows = list(trademark_list().filter(pk__in=missing))
        made = TrademarkSerializer(rows, many=True, context=context).data
        with _lock:
            for row, shape in zip(rows, made, strict=True):
                # The stamps read above, not the row's: a change in between is read next time.
                _shapes[keys[row.pk]] = shown[row.pk] = shape
            while len(_shapes) > SIZE:
                _shapes.popitem(last=False)
    return shown


def shown_in_order(ids: list[int], context: dict) -> list[dict]:
    """The marks of `ids` in that order (the engine's ranking), those that exist."""
    shown = marks_shown(ids, context)
    return [shown[pk] for pk in ids if pk in shown]


def forget() -> None:
    """Drop every kept shape (tests)."""
    with _lock:
        _shapes.clear()
