"""The search kinds, in display order, as `settings.SEARCH_KINDS` names them.

Each app declares its kinds next to its models (`registry_api/trademarks/search.py`,
`cms/legal/search.py`): a Document, a Source, a presenter and what the kind follows. This
package knows no model: the setting lists dotted paths to the apps' `Kind` objects, read the
first time a kind is asked for, so importing `search.query` loads no model. Adding a kind is
a module in its app and a line in the setting (and its page on the site, `site/urls.toml`).
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.utils.module_loading import import_string

from .kind import Kind


@functools.cache
def registry() -> dict[str, Kind]:
    """{name: kind} of every search kind, in display order."""
    found: dict[str, Kind] = {}
    for path in settings.SEARCH_KINDS:
        kind = import_string(path)
        if not isinstance(kind, Kind):
            raise TypeError(f"SEARCH_KINDS: {path} is not a search.kind.Kind")
        if kind.name in found:
            raise ValueError(f"SEARCH_KINDS: two kinds are named {kind.name!r}")
        found[kind.name] = kind
    return found


def kind(name: str) -> Kind:
    return registry()[name]


def kind_names() -> tuple[str, ...]:
    return tuple(registry())


def site_search_kinds() -> tuple[str, ...]:
    """The kinds of the site-wide search (/api/v1/search/), in display order."""
    return tuple(name for name, found in registry().items() if found.in_site_search)


def kind_of_page(page) -> str | None:
    """The search kind of a Wagtail page instance, or None if its type is not searchable."""
    for found in registry().values():
        if found.page_model is not None and type(page) is found.page_model:
            return found.name
    return None


def _forget(*, setting, **kwargs) -> None:
    if setting == "SEARCH_KINDS":
        registry.cache_clear()


setting_changed.connect(_forget, dispatch_uid="search_kinds_changed")
