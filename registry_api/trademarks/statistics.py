"""Figures of the trademark library for the brand-promotion pages: counts by class, 街镇 and
year, recognized and geographical-indication marks, idle listings by class.

Every figure is one GROUP BY in the database (about ten small queries in all), never a loop
over marks, so the endpoint stays fast at the issue's 30,000 marks. The library counts every
mark it holds, whatever its status: the per-status counts say how many are in force.
"""

from __future__ import annotations

import datetime

from django.apps import apps
from django.db.models import Count, Max, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone

from registry_api.enterprises.models import District

from .models import GIKind, NiceClass, Recognition, Status, Trademark, TrademarkClass

# Marks whose owner is not an enterprise of the district's directory (or one without a 街镇).
UNLINKED_DISTRICT = {"code": None, "name": "区外/未关联"}


def idle_listings() -> QuerySet | None:
    """The public idle-mark listings (闲置商标: published, within validity today), each with a
    `trademark`; None while the exchange app is not installed, so the library's figures never
    depend on it."""
    if not apps.is_installed("registry_api.exchange"):
        return None
    from registry_api.exchange import selectors  # imported only once the app is installed

    # Aggregated, not iterated: the selector's prefetch of classes would only cost a query.
    return selectors.listing_public_list().prefetch_related(None)


def marks_by_class(marks: QuerySet[Trademark]) -> list[dict]:
    """All 45 classes in order, with the number of marks registered or applied for in each
    (a mark in three classes counts in each of the three)."""
    counts = dict(
        TrademarkClass.objects.filter(trademark__in=marks)
        .values_list("nice_class_id")
        .annotate(count=Count("trademark_id", distinct=True))
        .order_by()
    )
    return [
        {"number": number, "name": name, "count": counts.get(number, 0)}
        for number, name in NiceClass.objects.order_by("number").values_list("number", "name")
    ]


def marks_by_district(marks: QuerySet[Trademark]) -> list[dict]:
    """Every 街镇 by code with the marks of owners located there, then the marks whose owner
    is not a directory enterprise with a 街镇 (UNLINKED_DISTRICT)."""
    counts = dict(marks.values_list("owner__district__code").annotate(count=Count("id")).order_by())
    rows = [
        {"code": code, "name": name, "count": counts.pop(code, 0)}
        for code, name in District.objects.order_by("code").values_list("code", "name")
    ]
    # A code left over is None (no owner, or an owner without a 街镇): one bucket for them.
    rows.append({**UNLINKED_DISTRICT, "count": sum(counts.values())})
    return rows


def marks_by_year(marks: QuerySet[Trademark]) -> list[dict]:
    """Applications (by application date) and registrations (by registration date) per
    calendar year, every year from the first to the last that has either."""
    applied = _per_year(marks, "applied_on")
    registered = _per_year(marks.filter(registered_on__isnull=False), "registered_on")
    years = set(applied) | set(registered)
    if not years:
        return []
    return [
        {
            "year": year,
            "applications": applied.get(year, 0),
            "registrations": registered.get(year, 0),
        }
        for year in range(min(years), max(years) + 1)
    ]


def _per_year(marks: QuerySet[Trademark], field: str) -> dict[int, int]:
    return dict(
        marks.annotate(year=ExtractYear(field))
        .values_list("year")
        .annotate(n=Count("id"))
        .order_by()
    )


def _by_choice(marks: QuerySet[Trademark], field: str, choices) -> list[dict]:
    """Counts per value of a choice field, in the choices' order, empty values left out."""
    counts = dict(
        marks.exclude(**{field: ""}).values_list(field).annotate(n=Count("id")).order_by()
    )
    return [
        {"value": value, "label": label, "count": counts.get(value, 0)}
        for value, label in choices.choices
    ]


def idle_by_class(listings: QuerySet | None) -> list[dict]:
    """Idle listings per Nice class of their mark (classes without any left out); empty when
    the exchange app is not installed."""
    if listings is None:
        return []
    counts = (
        listings.values_list("trademark__class_entries__nice_class_id")
        .annotate(count=Count("id", distinct=True))
        .order_by()
    )
    names = dict(NiceClass.objects.values_list("number", "name"))
    return [
        {"number": number, "name": names.get(number, ""), "count": count}
        for number, count in sorted(counts)
        if number is not None and count
    ]


def trademark_statistics(marks: QuerySet[Trademark] | None = None) -> dict:
    """The figures GET /api/v1/trademarks/statistics/ answers with."""
    marks = Trademark.objects.all() if marks is None else marks
    by_recognition = _by_choice(marks, "recognition", Recognition)
    by_gi = _by_choice(marks, "gi_kind", GIKind)
    return {
        "total": marks.count(),
        "by_status": _by_choice(marks, "status", Status),
        "by_class": marks_by_class(marks),
        "by_district": marks_by_district(marks),
        "by_year": marks_by_year(marks),
        "recognized": {"total": sum(r["count"] for r in by_recognition), "kinds": by_recognition},
        "geographical_indications": {"total": sum(g["count"] for g in by_gi), "kinds": by_gi},
        "idle_by_class": idle_by_class(idle_listings()),
    }


def statistics_fingerprint(today: datetime.date | None = None) -> tuple:
    """What the figures are made of, in three cheap queries (conditional GET): the marks'
    count, latest change and number with a local owner (a deleted owner leaves its marks
    unchanged but moves them to 区外), the owners' latest change (a move to another 街镇),
    the 街镇 names, and the idle listings' count and latest change, with today's date."""
    row = Trademark.objects.order_by().aggregate(
        count=Count("id"),
        latest=Max("updated_at"),
        owned=Count("owner_id"),
        owners_latest=Max("owner__updated_at"),
    )
    districts = list(District.objects.order_by("code").values_list("code", "name"))
    listings = idle_listings()
    today = today or timezone.localdate()
    # Listings leave the public list on the day they expire: the day is part of it.
    idle = (
        (listings.order_by().aggregate(count=Count("pk"), latest=Max("updated_at")), today)
        if listings is not None
        else None
    )
    return (row["count"], row["latest"], row["owned"], row["owners_latest"], districts, idle)
