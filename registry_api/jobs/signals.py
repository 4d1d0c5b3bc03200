"""Demands whose validity has passed are closed at the start of the day."""

from django.dispatch import receiver

from core.signals import day_started

from .services import demands_expire


@receiver(day_started, dispatch_uid="job_demands_expire")
def job_demands_expire(sender, day, **kwargs) -> str | None:
    # The public lists hid them already (they read the date); the admin's status catches up.
    closed = demands_expire(today=day)
    return f"{closed} job demands closed (past validity)" if closed else None
