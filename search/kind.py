"""What makes a search kind: its Document, where its rows come from, how a row is presented,
and which changes move its documents."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .documents import SearchDocument
from .sources import Source, page_source


@dataclass(frozen=True)
class Follow:
    """Another model whose rows the kind's documents show (a mark's owner, a pledge's
    enterprise): when one is saved (or deleted, with `deletes`), `documents(row)` names the
    ids of the documents to bring in line with the database."""

    model: str  # "app_label.ModelName"
    documents: Callable[[Any], Iterable[Any]]
    deletes: bool = False


@dataclass(frozen=True)
class Kind:
    name: str  # the `kind` value in documents, the API's ?kind=, the alias suffix
    label: str  # Chinese name shown to the public (API docs, result tabs)
    document: type[SearchDocument]
    source: Source
    present: Callable[[Any], SearchDocument]
    page_model: type | None = None  # the Wagtail page type, for editorial kinds
    # In the site-wide search (/api/v1/search/, the site's search page)? A kind whose items
    # have no page on the static site yet is searched only through its own API.
    in_site_search: bool = True
    # Its own rows are followed without saying so (a page kind's on publish, unpublish and
    # delete; any other kind's on save and delete); these are the other models it shows.
    follows: tuple[Follow, ...] = ()
    # Whether a save of its own row can change what the public sees (row, created): False
    # spares a sync (and a site build) for a submission still waiting for moderation.
    shows_save: Callable[[Any, bool], bool] = lambda row, created: True


def row_kind(
    name: str,
    label: str,
    document: type[SearchDocument],
    *,
    rows: Callable[[], Any],
    present: Callable[[Any], SearchDocument],
    id_field: str = "pk",
    related: tuple[str, ...] = (),
    prefetch: tuple[str, ...] = (),
    follows: tuple[Follow, ...] = (),
) -> Kind:
    """A kind of registry rows: `rows` are the indexable ones, changed when `updated_at` is;
    `related` and `prefetch` load what `present` reads of other rows."""
    source = Source(kind=name, rows=rows, id_field=id_field, related=related, prefetch=prefetch)
    return Kind(
        name=name, label=label, document=document, source=source, present=present, follows=follows
    )


def page_kind(
    name: str, label: str, page_model: type, document: type[SearchDocument], present
) -> Kind:
    """A kind of Wagtail pages whose rows are its live public pages (`page_source`)."""
    return Kind(
        name=name,
        label=label,
        document=document,
        source=page_source(name, page_model),
        present=present,
        page_model=page_model,
    )
