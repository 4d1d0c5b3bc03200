"""Demo complaints reach every station through its QR code, and some move up the tree."""

import datetime

from django.db.models import Count

from registry_api.complaints.deadlines import mediation_due
from registry_api.complaints.demo_data import make_demo_complaints
from registry_api.complaints.models import Complaint, ComplaintStep, IntakePlace, Status, Unit
from registry_api.workdays.calendar import WorkCalendar
from tests.complaints.factories import IntakePlaceFactory

TODAY = datetime.date(2026, 11, 27)


def routed() -> list[tuple[str, str, str | None]]:
    rows = Complaint.objects.order_by("tracking_code")
    return list(rows.values_list("tracking_code", "unit__code", "place__code"))


def test_demo_complaints_reach_every_station_and_some_are_escalated(reference):
    new = [IntakePlaceFactory(station__code=f"station-15040200400{n}") for n in (1, 2)]
    assert make_demo_complaints(600, today=TODAY).created == 600
    first = {s.complaint_id: s.unit_id for s in ComplaintStep.objects.filter(action="submitted")}
    received = {unit for unit in first.values()}
    stations = set(IntakePlace.objects.values_list("station", flat=True))
    assert stations <= received  # every station with a QR code received some
    for place in new:
        assert Complaint.objects.filter(place=place).exists()
    via_qr = Complaint.objects.filter(place__isnull=False)
    assert 0.3 < via_qr.count() / 600 < 0.6
    assert all(first[c.pk] == c.place.station_id for c in via_qr.select_related("place"))

    escalated = Complaint.objects.filter(steps__action="escalated").distinct()
    assert escalated.exists() and not escalated.filter(unit__tier=Unit.Tier.STATION).exists()
    assert escalated.filter(unit__tier=Unit.Tier.BUREAU).exists()
    for complaint in escalated[:20]:  # each escalation goes to the parent of the unit before
        steps = list(complaint.steps.select_related("unit"))
        assert [s.action for s in steps[:2]] == ["submitted", "accepted"]
        for before, step in zip(steps, steps[1:], strict=False):
            if step.action == "escalated":
                assert step.unit == before.unit.parent
        assert steps[-1].unit == complaint.unit
    settled_at_station = Complaint.objects.filter(
        status=Status.CLOSED, unit__tier=Unit.Tier.STATION
    )
    assert settled_at_station.count() > escalated.count()

    # Late ones, for the assessment: accepted after the 7 working days, mediation closed
    # after its 45.
    calendar = WorkCalendar.load()
    handled = Complaint.objects.exclude(accepted_on=None)
    assert any(calendar.between(c.submitted_at.date(), c.accepted_on) > 7 for c in handled)
    closed = handled.filter(kind="complaint", status=Status.CLOSED)
    assert any(c.closed_on > mediation_due(c.accepted_on, calendar) for c in closed)


def test_demo_routing_is_deterministic_and_idempotent(reference):
    IntakePlaceFactory(station__code="station-150402004001")
    make_demo_complaints(300, today=TODAY)
    once = routed()
    assert make_demo_complaints(300, today=TODAY).created == 0
    Complaint.objects.all().delete()
    make_demo_complaints(300, today=TODAY)
    assert routed() == once
    per_unit = Complaint.objects.values("unit__tier").annotate(n=Count("id"))
    assert {row["unit__tier"] for row in per_unit} >= {"station", "office"}
