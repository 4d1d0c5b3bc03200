"""Index names: the alias each kind is searched through and the versioned indices behind it.

    alias            <prefix>-news
    concrete index   <prefix>-news-20261127T093015123456

Names are derived from settings.SEARCH_INDEX_PREFIX at call time, so tests and environments
sharing one engine never touch each other's indices.
"""

import re

from django.conf import settings
from django.utils import timezone

from .registry import kind_names

_VERSION_FORMAT = "%Y%m%dt%H%M%S%f"  # lowercase: index names must be
_VERSION_SUFFIX = re.compile(r"\d{8}t\d{12}")


def alias_name(kind: str) -> str:
    if kind not in kind_names():
        raise ValueError(f"unknown search kind {kind!r}")
    return f"{settings.SEARCH_INDEX_PREFIX}-{kind}"


def version_pattern(kind: str) -> str:
    """A wildcard matching every versioned index of `kind` (never another kind's)."""
    return f"{alias_name(kind)}-*"


def new_version_name(kind: str) -> str:
    """A fresh concrete index name; microseconds keep two quick rebuilds apart."""
    return f"{alias_name(kind)}-{timezone.now().strftime(_VERSION_FORMAT)}"


def is_version_of(kind: str, index: str) -> bool:
    """True for names new_version_name(kind) produces (e.g. not '<prefix>-news-extra-…')."""
    prefix = f"{alias_name(kind)}-"
    return index.startswith(prefix) and bool(_VERSION_SUFFIX.fullmatch(index[len(prefix) :]))
