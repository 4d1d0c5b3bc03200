"""Presenter helpers shared by every kind: plain text out of rich text and StreamFields, pinyin,
and the common shape of a registry row's and of an editorial page's document."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from wagtail.rich_text import get_text_for_indexing

from core.site_urls import site_url

from .documents import SearchDocument
from .parsing import normalize_terms
from .pinyin import text_pinyin


@dataclass(frozen=True)
class Section:
    """A linkable part of a page: `url#anchor` leads to it (an article, a clause, a moment)."""

    anchor: str
    heading: str
    text: str


def join_text(*parts: str | None) -> str:
    return "\n".join(part.strip() for part in parts if part and part.strip())


def near_duplicate_key(kind: str, text: str) -> str:
    """A collapse_key shared by the kind's items whose `text` differs only in punctuation,
    spaces, width or case ("公司注销需要多长时间？" and "公司注销需要多长时间"): the search
    shows one of them."""
    letters = "".join(ch for ch in normalize_terms(text) if ch.isalnum())
    return f"{kind}~{letters}"


def title_pinyin(title: str) -> dict[str, str]:
    reading = text_pinyin(title)
    return {"full": reading.full, "initials": reading.initials}


def richtext_plain(html: str) -> str:
    return get_text_for_indexing(html or "")


def stream_text(blocks: Iterable | None) -> str:
    """The prose of a StreamField as plain text: rich-text blocks, and text/char blocks
    inside struct blocks; images and documents carry no prose."""
    parts: list[str] = []
    for block in blocks or []:
        parts.append(_block_text(block.value))
    return join_text(*parts)


def _block_text(value: Any) -> str:
    if hasattr(value, "source"):  # RichText
        return richtext_plain(value.source)
    if isinstance(value, str):
        return value
    if isinstance(value, dict):  # StructValue
        return join_text(*(_block_text(item) for item in value.values()))
    if isinstance(value, list | tuple) or hasattr(value, "raw_data"):  # ListValue, StreamValue
        return join_text(*(_block_text(getattr(item, "value", item)) for item in value))
    return ""


def row_document(
    document_class: type[SearchDocument],
    kind: str,
    row,
    *,
    title: str,
    body: str,
    all_text: str,
    date,
    pinyin: dict[str, str] | None = None,
    url: dict[str, Any] | None = None,
    doc_id: str | None = None,
    **fields,
) -> SearchDocument:
    """The document of a registry row, changed when the row's `updated_at` is.

    Its id is the row's primary key unless `doc_id` is given; `pinyin` is the title's unless
    given; `url` holds site_url's arguments for the row's page, `id=row.pk` unless given.
    """
    return document_class(
        meta={"id": str(row.pk) if doc_id is None else doc_id},
        kind=kind,
        title=title,
        body=body,
        all_text=all_text,
        pinyin=title_pinyin(title) if pinyin is None else pinyin,
        url=site_url(kind, **({"id": row.pk} if url is None else url)),
        date=date,
        updated_at=row.updated_at,
        **fields,
    )


def page_tags(page) -> list[str]:
    if not hasattr(page, "tagged_items"):
        return []
    return sorted(item.tag.name for item in page.tagged_items.all())


def page_document(
    document_class: type[SearchDocument],
    kind: str,
    page,
    *,
    summary: str = "",
    body: str = "",
    body_blocks=None,
    date=None,
    category: str = "",
    facts: Sequence[str | None] = (),
    sections: Sequence[Section] = (),
    **fields,
) -> SearchDocument:
    """The document of a live editorial page; its id is the page id.

    `body` (or `body_blocks`, a StreamField) is the main text; `facts` are short strings worth
    finding the page by (authority, document number, speaker…); `sections` are its linkable parts.
    """
    body_text = join_text(summary, body, stream_text(body_blocks))
    tags = page_tags(page)
    # The Beijing day of publication: the UTC date is a day early between 00:00 and 08:00.
    published_on = timezone.localdate(page.first_published_at) if page.first_published_at else None
    return document_class(
        meta={"id": str(page.pk)},
        kind=kind,
        title=page.title,
        body=body_text,
        all_text=join_text(
            page.title,
            body_text,
            *facts,
            " ".join(tags),
            *(join_text(section.heading, section.text) for section in sections),
        ),
        pinyin=title_pinyin(page.title),
        url=site_url(kind, id=page.pk),
        date=date or published_on,
        updated_at=page.last_published_at,
        category=category,
        tags=tags,
        sections=[{"anchor": s.anchor, "heading": s.heading, "text": s.text} for s in sections],
        **fields,
    )
