"""Reads of the complaint queues: overdue and due-soon submissions, queues per unit."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from registry_api.workdays.calendar import WorkCalendar

from .deadlines import due_soon_until
from .models import OPEN_STATUSES, Complaint


def open_complaints() -> QuerySet[Complaint]:
    return Complaint.objects.filter(status__in=OPEN_STATUSES).select_related("unit", "district")


def overdue(today: datetime.date) -> QuerySet[Complaint]:
    """Open submissions whose current limit has passed."""
    return open_complaints().filter(due_on__lt=today).order_by("due_on", "id")


def due_soon(today: datetime.date, calendar: WorkCalendar | None = None) -> QuerySet[Complaint]:
    """Open submissions whose limit falls within the next two working days (today included)."""
    until = due_soon_until(today, calendar or WorkCalendar.load())
    return open_complaints().filter(due_on__gte=today, due_on__lte=until).order_by("due_on", "id")
