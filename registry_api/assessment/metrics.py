"""The metrics of the assessment, each computed for every station or person of a quarter at
once (a handful of queries per quarter, whatever the number of stations).

A station's complaints (the rule, stated once): those whose intake place is the station's
QR place, or whose handling unit is the station's unit, or that had a handling step at the
station's unit (so a complaint escalated away from the station still counts as received
there). For a quarter, with dates in Beijing time:

- complaints_received: the station's complaints submitted in the quarter.
- settled_at_station (小案不出村), a share in %: of the station's complaints closed (办结) in
  the quarter, those closed while their unit was still this station and never escalated.
- settled_on_time, a share in %: of the same closed complaints, those closed on or before
  their limit. Closing clears `due_on`, so the limit is `due_on` if still set, else the
  legal limit worked out again from the data (complaints: 45 working days from acceptance;
  reports: 15 from receipt, plus 15 if extended; `complaints.deadlines`).
- escalations: escalation steps taken in the quarter out of the station (the unit the
  complaint held before the step; the QR place's station if no earlier step names a unit).
- trainings_completed: completed attendances of sessions held in the quarter (a station:
  of its people).
- inspections_done: inspections of the quarter (a station: at its area; a person: as the
  inspector); 0 when the stalls registry is absent.
- boards_checked: the station's publicity points last checked in the quarter (only the
  latest check is recorded, so a past quarter can lose a board checked again since).

A share with nothing to divide is None ("not applicable"); see services.rule_points.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from decimal import Decimal

from django.apps import apps
from django.db.models import Count, Q
from django.utils import timezone

from registry_api.complaints.deadlines import extended_due, first_due, mediation_due
from registry_api.complaints.models import Complaint, ComplaintStep, Kind, Status
from registry_api.training.models import Attendance
from registry_api.workdays.calendar import WorkCalendar

from .models import Metric
from .quarters import Quarter

Values = dict[int, Decimal | None]


def _optional_model(app_label: str, name: str):
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


def _share(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.01"))


def complaint_limit(row: dict, calendar: WorkCalendar) -> datetime.date | None:
    """The last day a closed complaint had (see the module docstring)."""
    if row["due_on"]:
        return row["due_on"]
    if row["kind"] == Kind.COMPLAINT:
        return mediation_due(row["accepted_on"], calendar) if row["accepted_on"] else None
    limit = first_due(Kind.REPORT, timezone.localdate(row["submitted_at"]), calendar)
    return extended_due(limit, calendar) if row["extended"] else limit


def station_complaint_metrics(quarter: Quarter, stations) -> dict[str, Values]:
    """complaints_received, settled_at_station, settled_on_time and escalations by station id."""
    by_unit = {s.unit_id: s.pk for s in stations}
    by_place = {s.place_id: s.pk for s in stations}
    start, end = quarter.instants()
    escalations_in_quarter = ComplaintStep.objects.filter(
        action=ComplaintStep.Action.ESCALATED, at__gte=start, at__lt=end
    ).values("complaint_id")
    relevant = Complaint.objects.filter(
        Q(submitted_at__gte=start, submitted_at__lt=end)
        | Q(status=Status.CLOSED, closed_on__range=(quarter.start, quarter.end))
        | Q(pk__in=escalations_in_quarter)
    )
    rows = list(
        relevant.values(
            "id", "kind", "status", "place_id", "unit_id", "submitted_at", "accepted_on",
            "closed_on", "due_on", "extended",
        )
    )  # fmt: skip
    steps = defaultdict(list)
    for step in (
        ComplaintStep.objects.filter(complaint__in=relevant)
        .order_by("complaint_id", "at", "id")
        .values("complaint_id", "action", "unit_id", "at")
    ):
        steps[step["complaint_id"]].append(step)

    received, closed, settled, on_time, escalated = (Counter() for _ in range(5))
    calendar = WorkCalendar.load()
    for row in rows:
        history = steps[row["id"]]
        owners = {by_place.get(row["place_id"]), by_unit.get(row["unit_id"])}
        owners |= {by_unit.get(step["unit_id"]) for step in history}
        owners.discard(None)
        if start <= row["submitted_at"] < end:
            received.update(owners)
        was_escalated = any(s["action"] == ComplaintStep.Action.ESCALATED for s in history)
        if row["status"] == Status.CLOSED and quarter.start <= row["closed_on"] <= quarter.end:
            closed.update(owners)
            station = by_unit.get(row["unit_id"])
            if station is not None and not was_escalated:
                settled[station] += 1
            limit = complaint_limit(row, calendar)
            if limit is None or row["closed_on"] <= limit:
                on_time.update(owners)
        for station in _escalated_from(row, history, by_unit, by_place, start, end):
            escalated[station] += 1

    ids = [s.pk for s in stations]
    return {
        Metric.COMPLAINTS_RECEIVED: {pk: Decimal(received[pk]) for pk in ids},
        Metric.SETTLED_AT_STATION: {pk: _share(settled[pk], closed[pk]) for pk in ids},
        Metric.SETTLED_ON_TIME: {pk: _share(on_time[pk], closed[pk]) for pk in ids},
        Metric.ESCALATIONS: {pk: Decimal(escalated[pk]) for pk in ids},
    }


def _escalated_from(row, history, by_unit, by_place, start, end):
    """The station each escalation step of the quarter took the complaint away from."""
    held = None
    for step in history:
        if step["action"] == ComplaintStep.Action.ESCALATED and start <= step["at"] < end:
            station = by_unit.get(held) if held else by_place.get(row["place_id"])
            if station is not None:
                yield station
        if step["unit_id"]:
            held = step["unit_id"]


def _counts(queryset, key: str, ids) -> Values:
    counted = dict(queryset.values_list(key).annotate(n=Count("pk")).values_list(key, "n"))
    return {pk: Decimal(counted.get(pk, 0)) for pk in ids}


def trainings_completed(quarter: Quarter, key: str, ids) -> Values:
    """`key`: "person__station_id" for stations, "person_id" for people."""
    done = Attendance.objects.filter(
        completed=True, session__date__range=(quarter.start, quarter.end)
    ).order_by()
    return _counts(done, key, ids)


def inspections_done(quarter: Quarter, key: str, ids) -> Values:
    """`key`: "station_id" or "inspector_id"; zeros when the stalls registry is absent."""
    inspection = _optional_model("stalls", "Inspection")
    if inspection is None:
        return {pk: Decimal(0) for pk in ids}
    done = inspection.objects.filter(inspected_on__range=(quarter.start, quarter.end)).order_by()
    return _counts(done, key, ids)


def boards_checked(quarter: Quarter, ids) -> Values:
    point = _optional_model("network", "PublicityPoint")
    if point is None:
        return {pk: Decimal(0) for pk in ids}
    checked = point.objects.filter(last_checked_on__range=(quarter.start, quarter.end)).order_by()
    return _counts(checked, "station_id", ids)


def station_metrics(quarter: Quarter, stations, wanted: set[str]) -> dict[str, Values]:
    """The `wanted` metrics for these stations."""
    ids = [s.pk for s in stations]
    values: dict[str, Values] = {}
    complaint_metrics = {
        Metric.COMPLAINTS_RECEIVED,
        Metric.SETTLED_AT_STATION,
        Metric.SETTLED_ON_TIME,
        Metric.ESCALATIONS,
    }
    if wanted & complaint_metrics:
        values.update(station_complaint_metrics(quarter, stations))
    if Metric.TRAININGS_COMPLETED in wanted:
        values[Metric.TRAININGS_COMPLETED] = trainings_completed(quarter, "person__station_id", ids)
    if Metric.INSPECTIONS_DONE in wanted:
        values[Metric.INSPECTIONS_DONE] = inspections_done(quarter, "station_id", ids)
    if Metric.BOARDS_CHECKED in wanted:
        values[Metric.BOARDS_CHECKED] = boards_checked(quarter, ids)
    return values


def person_metrics(quarter: Quarter, people, wanted: set[str]) -> dict[str, Values]:
    ids = [p.pk for p in people]
    values: dict[str, Values] = {}
    if Metric.TRAININGS_COMPLETED in wanted:
        values[Metric.TRAININGS_COMPLETED] = trainings_completed(quarter, "person_id", ids)
    if Metric.INSPECTIONS_DONE in wanted:
        values[Metric.INSPECTIONS_DONE] = inspections_done(quarter, "inspector_id", ids)
    return values
