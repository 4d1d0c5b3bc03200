"""What the page types' search kinds share: the document of a page with a summary and a body,
and page kinds whose presenter reads other rows too (an enterprise, editions)."""

from __future__ import annotations

from dataclasses import replace

from search.documents import SearchDocument
from search.kind import Kind, page_kind
from search.presenters import page_document


def summary_body_document(document_class: type[SearchDocument], kind: str, page, **fields):
    """`search.presenters.page_document` of a page whose main text is its `summary` and its
    `body` StreamField; `fields` as page_document takes them (date, category, facts…)."""
    return page_document(
        document_class, kind, page, summary=page.summary, body_blocks=page.body, **fields
    )


def page_kind_reading(
    name: str,
    label: str,
    page_model: type,
    document: type[SearchDocument],
    present,
    *,
    related: tuple[str, ...] = (),
    prefetch: tuple[str, ...] = (),
) -> Kind:
    """`search.kind.page_kind` whose source also loads what `present` reads of other rows:
    `related` through select_related, `prefetch` through prefetch_related."""
    kind = page_kind(name, label, page_model, document, present)
    source = replace(
        kind.source,
        related=(*kind.source.related, *related),
        prefetch=(*kind.source.prefetch, *prefetch),
    )
    return replace(kind, source=source)
