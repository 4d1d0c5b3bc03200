"""The legal time limits of complaint handling, in working days (DOMAIN.md, 12315 practice).

- A complaint is accepted or refused within 7 working days of its submission.
- Mediation of an accepted complaint ends without agreement after 45 working days.
- A report (举报) is decided within 15 working days of its receipt, extendable once by 15.

Each function gives the last day of the limit, `WorkCalendar.add`'s "Nth working day after".
"""

from __future__ import annotations

import datetime

from registry_api.workdays.calendar import WorkCalendar

from .models import Kind

ACCEPT_DAYS = 7
MEDIATION_DAYS = 45
REPORT_DAYS = 15
REPORT_EXTENSION_DAYS = 15
DUE_SOON_DAYS = 2  # a limit this many working days away or fewer is "due soon"


def first_due(kind: str, submitted: datetime.date, calendar: WorkCalendar) -> datetime.date:
    """The limit a new submission starts with: acceptance (complaints) or decision (reports)."""
    days = ACCEPT_DAYS if kind == Kind.COMPLAINT else REPORT_DAYS
    return calendar.add(submitted, days)


def mediation_due(accepted: datetime.date, calendar: WorkCalendar) -> datetime.date:
    return calendar.add(accepted, MEDIATION_DAYS)


def extended_due(due: datetime.date, calendar: WorkCalendar) -> datetime.date:
    return calendar.add(due, REPORT_EXTENSION_DAYS)


def due_soon_until(today: datetime.date, calendar: WorkCalendar) -> datetime.date:
    """Limits up to this day are "due soon" (today included, overdue excluded)."""
    return calendar.add(today, DUE_SOON_DAYS)
