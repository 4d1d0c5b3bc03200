"""Writes of the training registry: attendance recorded through one path (admin and demo)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from core.services import model_full_save
from registry_api.network.models import Person

from .models import Attendance, TrainingSession


def session_touch(session: TrainingSession) -> None:
    """Move the session's `updated_at`: its counts changed, so the change feed must say so."""
    TrainingSession.objects.filter(pk=session.pk).update(updated_at=timezone.now())


@transaction.atomic
def attendance_record(
    *, session: TrainingSession, person: Person, attended: bool = True, completed: bool = False
) -> Attendance:
    """Create or update a person's attendance of a session (model rules: completion needs
    attendance; people suspended or gone are refused)."""
    attendance = Attendance.objects.filter(session=session, person=person).first() or Attendance(
        session=session, person=person
    )
    attendance.attended = attended
    attendance.completed = completed
    model_full_save(attendance)
    session_touch(session)
    return attendance
