"""Reads of the complaint queues: overdue and due-soon submissions, each unit's workload."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from registry_api.workdays.calendar import WorkCalendar

from .deadlines import due_soon_until
from .models import OPEN_STATUSES, Complaint, ComplaintStep, Status, Unit
from .scope import Scope


def open_complaints() -> QuerySet[Complaint]:
    return Complaint.objects.filter(status__in=OPEN_STATUSES).select_related("unit", "district")


def overdue(today: datetime.date) -> QuerySet[Complaint]:
    """Open submissions whose current limit has passed."""
    return open_complaints().filter(due_on__lt=today).order_by("due_on", "id")


def due_soon(today: datetime.date, calendar: WorkCalendar | None = None) -> QuerySet[Complaint]:
    """Open submissions whose limit falls within the next two working days (today included)."""
    until = due_soon_until(today, calendar or WorkCalendar.load())
    return open_complaints().filter(due_on__gte=today, due_on__lte=until).order_by("due_on", "id")


@dataclass(frozen=True)
class UnitWorkload:
    """One unit's row of the workload report (本单位办理情况)."""

    unit: Unit | None  # None: submissions no unit holds (seen by the bureau only)
    held: int  # submitted in the period and held by the unit now
    open: int
    overdue: int
    closed: int  # closed or refused
    escalated_in: int  # escalations the unit received in the period


def unit_workload(scope: Scope, period, today: datetime.date) -> list[UnitWorkload]:
    """Per unit of the scope: the period's submissions it holds and where they stand, and
    the escalations it received; units in tree order (bureau, 所, stations)."""
    complaints = scope.complaints().filter(submitted_at__date__range=(period.start, period.end))
    counts = complaints.values("unit").annotate(
        held=Count("id"),
        open=Count("id", filter=Q(status__in=OPEN_STATUSES)),
        overdue=Count("id", filter=Q(status__in=OPEN_STATUSES, due_on__lt=today)),
        closed=Count("id", filter=Q(status__in=(Status.CLOSED, Status.REFUSED))),
    )
    by_unit = {row["unit"]: row for row in counts}
    escalations = Counter(
        ComplaintStep.objects.filter(
            action=ComplaintStep.Action.ESCALATED,
            at__date__range=(period.start, period.end),
            unit__in=scope.units(active_only=False),
        ).values_list("unit", flat=True)
    )
    # The tiers' codes sort bureau < office < station.
    units: list[Unit | None] = list(scope.units(active_only=False).order_by("tier", "code"))
    if scope.everything and None in by_unit:
        units.append(None)
    rows = []
    for unit in units:
        key = unit.pk if unit else None
        row = by_unit.get(key, {})
        rows.append(
            UnitWorkload(
                unit=unit,
                held=row.get("held", 0),
                open=row.get("open", 0),
                overdue=row.get("overdue", 0),
                closed=row.get("closed", 0),
                escalated_in=escalations[key] if unit else 0,
            )
        )
    return rows
