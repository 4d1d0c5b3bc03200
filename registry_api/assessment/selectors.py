"""Reads of the assessment: a 街镇's report for a quarter, and a station's overview (its
complaints, people, stall cards, publicity points and scores) for the admin station page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Count, Prefetch, Q

from registry_api.complaints.models import Complaint, ComplaintStep, Status
from registry_api.complaints.scope import Scope
from registry_api.enterprises.models import District
from registry_api.network.models import Person, Station

from .models import AssessmentRule, Score, ScoreLine, Subject
from .quarters import Quarter


@dataclass
class Column:
    code: str
    label: str
    weight: object


@dataclass
class ReportRow:
    name: str
    station: Station | None
    person: Person | None
    total: object
    full_marks: object
    cells: list  # (value, points) per column, None where the score has no such line
    roles: list[str] = field(default_factory=list)


@dataclass
class DistrictReport:
    district: District
    quarter: Quarter
    station_columns: list[Column]
    stations: list[ReportRow]
    person_columns: list[Column]
    people: list[ReportRow]
    assessed: bool

    @property
    def station_average(self):
        return _average([row.total for row in self.stations])

    @property
    def person_average(self):
        return _average([row.total for row in self.people])


def _average(values):
    return round(sum(values) / len(values), 2) if values else None


def _columns(scores: list[Score], subject: str) -> list[Column]:
    """The rules the quarter's scores were computed with, in the rules' order."""
    seen: dict[str, Column] = {}
    for score in scores:
        for line in score.lines.all():
            seen.setdefault(line.rule_code, Column(line.rule_code, line.label, line.weight))
    order = {
        code: i
        for i, code in enumerate(
            AssessmentRule.objects.filter(applies_to=subject)
            .order_by("sort_order", "code")
            .values_list("code", flat=True)
        )
    }
    return sorted(seen.values(), key=lambda c: (order.get(c.code, len(order)), c.code))


def _row(score: Score, columns: list[Column]) -> ReportRow:
    lines = {line.rule_code: line for line in score.lines.all()}
    cells = [
        (lines[c.code].value, lines[c.code].points) if c.code in lines else None for c in columns
    ]
    subject = score.subject
    roles = [r.get_role_display() for r in score.person.roles.all()] if score.person else []
    return ReportRow(
        name=subject.name,
        station=score.station,
        person=score.person,
        total=score.total,
        full_marks=score.full_marks,
        cells=cells,
        roles=roles,
    )


def district_report(district: District, quarter: Quarter) -> DistrictReport:
    scores = list(
        Score.objects.filter(quarter=str(quarter), district=district)
        .select_related("station", "person__station")
        .prefetch_related(
            Prefetch("lines", queryset=ScoreLine.objects.order_by("id")), "person__roles"
        )
        .order_by("-total", "id")
    )
    station_scores = [s for s in scores if s.station_id]
    person_scores = [s for s in scores if s.person_id]
    station_columns = _columns(station_scores, Subject.STATION)
    person_columns = _columns(person_scores, Subject.PERSON)
    return DistrictReport(
        district=district,
        quarter=quarter,
        station_columns=station_columns,
        stations=[_row(s, station_columns) for s in station_scores],
        person_columns=person_columns,
        people=[_row(s, person_columns) for s in person_scores],
        assessed=bool(scores),
    )


def report_csv_rows(report: DistrictReport):
    """The report as CSV rows: a header, the stations, then the people."""
    columns = report.station_columns + [
        c for c in report.person_columns if c.code not in {s.code for s in report.station_columns}
    ]
    header = ["季度", "街镇", "对象", "名称", "职务", "总分", "满分"]
    for column in columns:
        header += [f"{column.label}（指标值）", f"{column.label}（得分）"]
    yield header
    for kind, rows, own in (
        ("服务站", report.stations, report.station_columns),
        ("人员", report.people, report.person_columns),
    ):
        for row in rows:
            cells = dict(zip([c.code for c in own], row.cells, strict=True))
            line = [str(report.quarter), report.district.name, kind, row.name]
            line += ["、".join(row.roles), row.total, row.full_marks]
            for column in columns:
                cell = cells.get(column.code)
                line += [
                    "" if cell is None or cell[0] is None else cell[0],
                    "" if cell is None else cell[1],
                ]
            yield line


def _optional_model(app_label: str, name: str):
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


def station_complaints(station: Station):
    """The station's complaints: by its QR place, its unit, or a step at its unit (the same
    rule as the assessment's metrics)."""
    stepped = ComplaintStep.objects.filter(unit_id=station.unit_id).values("complaint_id")
    return Complaint.objects.filter(
        Q(place_id=station.place_id) | Q(unit_id=station.unit_id) | Q(pk__in=stepped)
    )


def station_overview(station: Station, scope: Scope) -> dict:
    """The station at a glance for one member of staff: the complaint counts are the
    station's (they feed its score), the complaints listed only those the viewer's unit may
    see (complaints.scope)."""
    complaints = station_complaints(station)
    labels = dict(Status.choices)
    counts = Counter(dict(complaints.order_by().values_list("status").annotate(n=Count("pk"))))
    people = list(
        Person.objects.filter(station=station).prefetch_related("roles").order_by("name", "id")
    )
    card_model = _optional_model("stalls", "StallCard")
    point_model = _optional_model("network", "PublicityPoint")
    cards = card_model.objects.filter(station=station) if card_model else None
    points = point_model.objects.filter(station=station) if point_model else None
    scores = list(
        Score.objects.filter(station=station)
        .prefetch_related(Prefetch("lines", queryset=ScoreLine.objects.order_by("id")))
        .order_by("-quarter")[:4]
    )
    return {
        "station": station,
        "complaint_total": sum(counts.values()),
        "complaint_counts": [(labels[k], counts[k]) for k in Status.values if counts.get(k)],
        "latest_complaints": list(
            scope.complaints(complaints)
            .select_related("unit")
            .order_by("-submitted_at", "-id")[:10]
        ),
        "complaints_scope": scope,
        "people": people,
        "cards": None
        if cards is None
        else {"total": cards.count(), "latest": list(cards.order_by("-id")[:10])},
        "points": None
        if points is None
        else {"total": points.count(), "latest": list(points.order_by("-id")[:10])},
        "scores": scores,
    }
