"""What makes a search kind: its Document, where its rows come from, how a row is presented."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .documents import SearchDocument
from .sources import Source


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
