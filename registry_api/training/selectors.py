"""Reads of the training registry: the public 大讲堂 list and a person's training record."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from registry_api.network.models import Person

from .models import (
    Attendance,
    SessionMaterial,
    TrainingPlan,
    TrainingRegistration,
    TrainingSession,
)


def _places_taken():
    """Places held at the session (a subquery: a second join would multiply the counts)."""
    held = (
        TrainingRegistration.objects.filter(
            session=OuterRef("pk"), status__in=TrainingRegistration.HOLDING
        )
        .order_by()
        .values("session")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(held, output_field=IntegerField()), 0)


def session_public_list() -> QuerySet[TrainingSession]:
    """Public sessions with their counts (attendance, places taken) and materials; never who
    attended or registered."""
    return (
        TrainingSession.objects.filter(public=True)
        .select_related("district", "station")
        .annotate(
            attendee_count=Count("attendances", filter=Q(attendances__attended=True)),
            completed_count=Count("attendances", filter=Q(attendances__completed=True)),
            registration_taken=_places_taken(),
        )
        .prefetch_related(
            Prefetch("materials", queryset=SessionMaterial.objects.order_by("sort_order", "id"))
        )
    )


def person_training_record(person: Person, year: int | None = None) -> dict:
    """A person's sessions (attended or not), hours completed per year, and for `year` the
    plans of the person's roles with the hours they require and the hours still missing."""
    attendances = list(
        Attendance.objects.filter(person=person)
        .select_related("session")
        .order_by("-session__date", "-session__id")
    )
    hours_by_year: dict[int, Decimal] = {}
    for attendance in attendances:
        if attendance.completed:
            day = attendance.session.date
            hours_by_year[day.year] = hours_by_year.get(day.year, Decimal(0)) + (
                attendance.session.hours
            )
    roles = set(person.roles.values_list("role", flat=True))
    plans = []
    if year is not None:
        for plan in TrainingPlan.objects.filter(year__lte=year).order_by("-year", "term", "title"):
            if plan.term == TrainingPlan.Term.SHORT and plan.year != year:
                continue
            if roles & set(plan.roles):
                done = hours_by_year.get(year, Decimal(0))
                plans.append(
                    {
                        "plan": plan,
                        "required": plan.hours_required,
                        "done": done,
                        "missing": max(plan.hours_required - done, Decimal(0)),
                    }
                )
    return {
        "person": person,
        "attendances": attendances,
        "sessions_completed": sum(a.completed for a in attendances),
        "hours_by_year": dict(sorted(hours_by_year.items(), reverse=True)),
        "plans": plans,
    }
