"""The half-monthly report drafts itself when its period ends."""

import io

from django.core.management import call_command
from django.dispatch import receiver

from core.signals import day_started

from .drafting import report_due


@receiver(day_started, dispatch_uid="complaint_report_due")
def complaint_report_draft(sender, day, **kwargs) -> str | None:
    """On the 1st and the 16th: draft the report of the half-month that just ended (an
    editor can run `manage.py complaint_report` by hand if this fails)."""
    period = report_due(day)
    if period is None:
        return None
    output = io.StringIO()
    call_command("complaint_report", period=str(period), stdout=output)
    return output.getvalue().strip()
