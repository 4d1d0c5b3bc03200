"""The mirror's row conditions, shared by the degraded search, suggestions and did-you-mean."""

from __future__ import annotations

import datetime

from django.db.models import Q

from .terms import is_han


def contains(field: str, term: str) -> Q:
    """`field` holds `term`: LIKE '%term%'. Chinese has no case, so only latin terms pay for
    PostgreSQL's UPPER() of every row (SQLite's LIKE ignores ASCII case anyway)."""
    lookup = "contains" if is_han(term) else "icontains"
    return Q(**{f"{field}__{lookup}": term})


def still_public(today: datetime.date) -> Q:
    """Rows whose public period has not ended by `today` (most have none)."""
    return Q(public_until__isnull=True) | Q(public_until__gt=today)
