"""Builders of the lists a page model declares (API fields, search fields, panels) from names.

Each takes field names separated by white space, in the order the list keeps them, as
`collections.namedtuple` does: a model's declaration then reads as the names it exposes.
A field that needs more than its name (a serializer, `read_only`) is written out beside them.
"""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index


def api_fields_of(names: str) -> list[APIField]:
    """An `APIField` for each name, in order."""
    return [APIField(name) for name in names.split()]


def panels_of(names: str) -> list[FieldPanel]:
    """A `FieldPanel` for each name, in order."""
    return [FieldPanel(name) for name in names.split()]


def search_fields_of(searched: str, filtered: str = "") -> list[index.BaseField]:
    """`Page.search_fields`, then a `SearchField` for each name of `searched` and a
    `FilterField` for each name of `filtered`, in order."""
    return [
        *Page.search_fields,
        *(index.SearchField(name) for name in searched.split()),
        *(index.FilterField(name) for name in filtered.split()),
    ]
