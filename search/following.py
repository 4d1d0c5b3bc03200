"""The index follows the database without the apps asking: connected once, at start-up.

For every kind (search/registry.py): its own rows on save and delete, or, for a page kind, its
pages on publish, unpublish and delete; the rows of the models it declares it `follows` (a
mark's owner: the mark's document shows the owner's name); and `core.signals.rows_changed`,
which services send after bulk writes; and `core.signals.day_started`, after which documents
whose public period ended are removed. Each receiver only names document ids:
`search_sync_later` queues their sync for after the commit, and the sync reads the database to
decide between writing and deleting a document.
"""

from __future__ import annotations

import io

from django.apps import apps
from django.core.management import CommandError, call_command
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from core.signals import day_started, rows_changed

from .kind import Follow, Kind
from .registry import registry
from .services import search_sync_later


def connect() -> None:
    for kind in registry().values():
        connect_kind(kind)
    rows_changed.connect(_rows_changed, weak=False, dispatch_uid="search_rows_changed")
    day_started.connect(_day_started, weak=False, dispatch_uid="search_day_started")


def connect_kind(kind: Kind) -> list[tuple]:
    """Connect what `kind` follows; returns the (signal, sender, dispatch_uid) connected."""
    connected = []

    def on(signal, receiver, sender, uid: str) -> None:
        signal.connect(receiver, sender=sender, weak=False, dispatch_uid=uid)
        connected.append((signal, sender, uid))

    if kind.page_model is not None:
        receiver = _page_receiver(kind)
        on(page_published, receiver, kind.page_model, f"search_{kind.name}_page_published")
        on(page_unpublished, receiver, kind.page_model, f"search_{kind.name}_page_unpublished")
        on(post_delete, receiver, kind.page_model, f"search_{kind.name}_page_deleted")
    else:
        model = kind.source.model()
        receiver = _row_receiver(kind)
        on(post_save, receiver, model, f"search_{kind.name}_saved")
        on(post_delete, receiver, model, f"search_{kind.name}_deleted")
    for follow in kind.follows:
        model = apps.get_model(follow.model)
        receiver = _follow_receiver(kind, follow)
        uid = f"search_{kind.name}_follows_{model._meta.label_lower}"
        on(post_save, receiver, model, f"{uid}_saved")
        if follow.deletes:
            on(post_delete, receiver, model, f"{uid}_deleted")
    return connected


def _page_receiver(kind: Kind):
    def page_changed(sender, instance, **kwargs) -> None:
        search_sync_later(kind.name, kind.source.doc_id(instance))

    return page_changed


def _row_receiver(kind: Kind):
    def row_changed(sender, instance, **kwargs) -> None:
        if kwargs["signal"] is post_save and not kind.shows_save(instance, kwargs["created"]):
            return
        search_sync_later(kind.name, kind.source.doc_id(instance))

    return row_changed


def _follow_receiver(kind: Kind, follow: Follow):
    def followed_changed(sender, instance, **kwargs) -> None:
        for doc_id in follow.documents(instance):
            search_sync_later(kind.name, doc_id)

    return followed_changed


def _rows_changed(sender, pks, **kwargs) -> None:
    for kind in registry().values():
        if kind.page_model is None and kind.source.model() is sender:
            for doc_id in kind.source.doc_ids_of(pks):
                search_sync_later(kind.name, doc_id)


def _day_started(sender, day, **kwargs) -> str:
    """Documents whose public period ended overnight go (the search API hides them already):
    the drift repair deletes them. The engine being down leaves that to tomorrow's repair or
    to `search_check --repair`; it is reported, not raised."""
    output = io.StringIO()
    try:
        call_command("search_check", "--repair", "--quiet", stdout=output)
    except CommandError as exc:
        return f"search repair incomplete: {exc}"
    return output.getvalue().strip() or "index in line"
