"""How the legal pages' composite fields appear in the Wagtail API v2 (serializer fields)."""

from __future__ import annotations

from rest_framework import serializers

from . import placeholders


def document_json(document) -> dict | None:
    """A Wagtail document as a download link, shaped like the `attachment` body block."""
    if document is None:
        return None
    return {
        "id": document.id,
        "title": document.title,
        "url": document.url,
        "extension": document.file_extension,
        "size": document.get_file_size(),
    }


def edition_json(edition, *, current: bool) -> dict:
    clauses = edition.clauses
    return {
        "slug": edition.slug,
        "label": edition.label,
        "published_on": edition.published_on.isoformat(),
        "is_current": current,
        "notes": edition.notes,
        "preamble": placeholders.segments(edition.preamble),
        "clauses": clauses.stream_block.get_api_representation(clauses),
        "closing": placeholders.segments(edition.closing),
        "docx": document_json(edition.docx),
        "pdf": document_json(edition.pdf),
    }


class EditionsField(serializers.Field):
    """`editions`: every edition, newest (the current one) first, with clauses and downloads."""

    def get_attribute(self, instance):
        return instance  # the page: it knows which edition is current

    def to_representation(self, page):
        editions = page.editions_newest_first()
        return [edition_json(edition, current=i == 0) for i, edition in enumerate(editions)]


class LinesField(serializers.Field):
    """A text kept one item per line, served as a list of the non-empty lines."""

    def to_representation(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]
