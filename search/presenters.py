"""Presenters: turn a database row into the search document of its kind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wagtail.rich_text import get_text_for_indexing

from cms.pages.models import PolicyNewsPage
from cms.site_urls import site_url
from registry_api.enterprises.models import Enterprise

from .documents import EnterpriseDocument, NewsDocument, SearchDocument
from .pinyin import text_pinyin


def _join(*parts: str) -> str:
    return "\n".join(part.strip() for part in parts if part and part.strip())


def _pinyin(title: str) -> dict[str, str]:
    reading = text_pinyin(title)
    return {"full": reading.full, "initials": reading.initials}


def news_body_text(page: PolicyNewsPage) -> str:
    """The page body's paragraphs as plain text (images and attachments carry no prose)."""
    return _join(
        *(
            get_text_for_indexing(block.value.source)
            for block in page.body
            if block.block_type == "paragraph"
        )
    )


def news_document(page: PolicyNewsPage) -> NewsDocument:
    """The document of a live policy news page; its id is the page id."""
    body = news_body_text(page)
    tags = sorted(item.tag.name for item in page.tagged_items.all())
    return NewsDocument(
        meta={"id": str(page.pk)},
        kind="news",
        title=page.title,
        body=_join(page.summary, body),
        all_text=_join(
            page.title,
            page.summary,
            body,
            page.issuing_authority,
            page.document_number,
            page.get_category_display(),
            " ".join(tags),
        ),
        pinyin=_pinyin(page.title),
        url=site_url("news", id=page.pk),
        date=page.publication_date,
        updated_at=page.last_published_at,
        category=page.category,
        issuing_authority=page.issuing_authority,
        document_number=page.document_number,
        tags=tags,
    )


def enterprise_document(enterprise: Enterprise) -> EnterpriseDocument:
    """The document of a directory entry; its id is the credit code. No personal data."""
    district = enterprise.district
    return EnterpriseDocument(
        meta={"id": enterprise.credit_code},
        kind="enterprise",
        title=enterprise.name,
        body=enterprise.business_scope,
        all_text=_join(
            enterprise.name,
            enterprise.credit_code,
            enterprise.business_scope,
            enterprise.address,
            enterprise.industry,
            district.name,
            enterprise.get_entity_type_display(),
        ),
        pinyin=_pinyin(enterprise.name),
        url=site_url("enterprise", credit_code=enterprise.credit_code),
        date=enterprise.established_on,
        updated_at=enterprise.updated_at,
        credit_code=enterprise.credit_code,
        district_code=district.code,
        district_name=district.name,
        entity_type=enterprise.entity_type,
        status=enterprise.status,
        scale=enterprise.scale,
        industry=enterprise.industry,
    )


PRESENTERS: dict[str, Callable[[Any], SearchDocument]] = {
    "news": news_document,
    "enterprise": enterprise_document,
}


def present(kind: str, row: Any) -> SearchDocument:
    return PRESENTERS[kind](row)
