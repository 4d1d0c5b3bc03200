"""Wagtail documents of the seed content (shipped videos, generated handouts), found by hash.

A document is identified by the SHA-1 of its bytes (Wagtail's own `file_hash`), so loading the
same content twice reuses the same document instead of uploading a copy.
"""

from __future__ import annotations

import io

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike


def document_with_bytes(data: bytes, *, filename: str, title: str):
    """The document holding exactly `data`, created under `filename` and `title` if missing."""
    Document = get_document_model()
    digest = hash_filelike(io.BytesIO(data))
    document = Document.objects.filter(file_hash=digest).order_by("pk").first()
    if document is not None:
        return document
    document = Document(title=title, file_hash=digest, file_size=len(data))
    document.file.save(filename, ContentFile(data), save=False)
    document.save()
    return document
