"""The registry of search kinds: one module per kind, each declaring its Document, source and
presenter. Adding a kind = a module here + one line in `_MODULES` + a site URL pattern."""

from __future__ import annotations

from ..kind import Kind
from . import (
    agency,
    consultation,
    contract,
    credit_record,
    enterprise,
    equity_pledge,
    event,
    guide,
    idle_listing,
    law,
    lecture,
    loan_product,
    news,
    notice,
    report,
    story,
    trademark,
)

_MODULES = (
    news,
    enterprise,
    notice,
    guide,
    lecture,
    event,
    story,
    law,
    contract,
    credit_record,
    equity_pledge,
    loan_product,
    agency,
    consultation,
    trademark,
    idle_listing,
    report,
)

REGISTRY: dict[str, Kind] = {module.KIND.name: module.KIND for module in _MODULES}
KINDS: tuple[str, ...] = tuple(REGISTRY)
SITE_SEARCH_KINDS: tuple[str, ...] = tuple(
    name for name, kind in REGISTRY.items() if kind.in_site_search
)


def kind_of_page(page) -> str | None:
    """The search kind of a Wagtail page instance, or None if its type is not searchable."""
    for kind in REGISTRY.values():
        if kind.page_model is not None and type(page) is kind.page_model:
            return kind.name
    return None
