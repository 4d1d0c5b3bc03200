"""Writes and document production of 法律服务: a filled-in contract, the blank downloads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from .contract_docx import DOCX_CONTENT_TYPE, contract_docx_bytes
from .contract_pdf import contract_pdf_bytes
from .contract_text import contract_text
from .fill import fill_values_clean
from .models import ContractEdition, ContractTemplatePage

DOCUMENT_COLLECTION = "合同示范文本"


@dataclass(frozen=True)
class FilledContract:
    filename: str  # shown to the person downloading it; Chinese
    content: bytes
    content_type: str = DOCX_CONTENT_TYPE


def contract_fill(*, page: ContractTemplatePage, values: Mapping) -> FilledContract:
    """The current edition of `page` as a DOCX with `values` in place of its placeholders.

    Raises django ValidationError({field: [message]}) when a value is missing, malformed or
    unknown. Nothing is stored: the values exist only in the returned document.
    """
    edition = page.current()
    cleaned = fill_values_clean(list(page.fill_fields.all()), values)
    text = contract_text(page, edition, cleaned)
    return FilledContract(
        filename=f"{page.title}（{edition.label}）.docx", content=contract_docx_bytes(text)
    )


def _collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=DOCUMENT_COLLECTION).first()
    return existing or root.add_child(name=DOCUMENT_COLLECTION)


def _store(document, *, title: str, filename: str, content: bytes):
    """Create the document, or replace the file of an existing one in place (same id, so
    links and earlier revisions keep pointing at it)."""
    Document = get_document_model()
    if document is None:
        document = Document(title=title, collection=_collection())
    elif document.file:
        document.file.delete(save=False)
    document.title = title
    document.file.save(filename, ContentFile(content), save=False)
    document.file_size = len(content)
    document.file_hash = ""  # recomputed lazily by Wagtail
    document.save()
    return document


def contract_edition_documents_update(
    *, page: ContractTemplatePage, edition: ContractEdition
) -> None:
    """Write the blank DOCX and PDF of `edition` and attach them to it (the caller saves the
    page revision that holds the edition)."""
    text = contract_text(page, edition)
    stem = f"contract-{page.slug}-{edition.slug}"
    title = f"{page.title}（{edition.label}）"
    edition.docx = _store(
        edition.docx,
        title=title,
        filename=f"{stem}.docx",
        content=contract_docx_bytes(text),
    )
    edition.pdf = _store(
        edition.pdf, title=title, filename=f"{stem}.pdf", content=contract_pdf_bytes(text)
    )
