"""The quarterly computation: `assess(quarter)` replaces the quarter's scores, and the rule
writes (admin and the CSV loader save rules through `rule_save`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from core.services import model_full_save
from registry_api.network.models import Person, Station

from . import metrics
from .models import AssessmentRule, Score, ScoreLine, Scoring, Subject
from .quarters import Quarter

CENT = Decimal("0.01")
# Stations that still serve, and the people filed (备案) in the network, are assessed.
ASSESSED_STATIONS = (Station.Status.ACTIVE, Station.Status.SUSPENDED)
ASSESSED_PEOPLE = (Person.Status.FILED,)


@dataclass
class AssessmentResult:
    quarter: Quarter
    stations: int
    people: int


def rule_save(rule: AssessmentRule) -> AssessmentRule:
    return model_full_save(rule)


def rule_points(rule: AssessmentRule, value: Decimal | None) -> Decimal:
    """Points of one rule for a value.

    at_least: weight × min(value / target, 1) (a target of 0: full weight);
    at_most: full weight up to the target, beyond it weight × target / value.
    A value of None (a share with nothing to divide: no complaint closed) takes the full
    weight: what a station had no occasion to do costs it nothing (不扣分).
    """
    weight = rule.weight
    if value is None:
        points = weight
    elif rule.scoring == Scoring.AT_LEAST:
        points = weight if rule.target <= 0 else weight * min(value / rule.target, Decimal(1))
    elif value <= rule.target:
        points = weight
    else:
        points = weight * rule.target / value
    return points.quantize(CENT, rounding=ROUND_HALF_UP)


def _scores(quarter, subjects, rules, values, field: str) -> list[tuple[Score, list[ScoreLine]]]:
    if not rules:
        return []  # nothing to assess this kind of subject on
    full = sum((r.weight for r in rules), Decimal(0))
    scored = []
    for subject in subjects:
        lines = []
        for rule in rules:
            value = values[rule.metric][subject.pk]
            lines.append(
                ScoreLine(
                    rule=rule,
                    rule_code=rule.code,
                    label=rule.label,
                    metric=rule.metric,
                    value=value,
                    target=rule.target,
                    weight=rule.weight,
                    points=rule_points(rule, value),
                )
            )
        score = Score(
            quarter=str(quarter),
            district_id=subject.district_id,
            total=sum((line.points for line in lines), Decimal(0)),
            full_marks=full,
            **{field: subject},
        )
        scored.append((score, lines))
    return scored


@transaction.atomic
def assess(quarter: Quarter, on_step: Callable[[str], None] | None = None) -> AssessmentResult:
    """Compute the quarter's scores from the data and the active rules, replacing any stored
    for the quarter (recomputing gives the same rows). `on_step` hears each step's name."""
    step = on_step or (lambda name: None)
    rules = list(AssessmentRule.objects.filter(active=True).order_by("sort_order", "code"))
    station_rules = [r for r in rules if r.applies_to == Subject.STATION]
    person_rules = [r for r in rules if r.applies_to == Subject.PERSON]

    step("服务站指标")
    stations = list(
        Station.objects.filter(status__in=ASSESSED_STATIONS).only(
            "id", "district_id", "unit_id", "place_id"
        )
    )
    station_values = metrics.station_metrics(quarter, stations, {r.metric for r in station_rules})
    step("人员指标")
    people = list(Person.objects.filter(status__in=ASSESSED_PEOPLE).only("id", "district_id"))
    person_values = metrics.person_metrics(quarter, people, {r.metric for r in person_rules})

    step("写入得分")
    Score.objects.filter(quarter=str(quarter)).delete()
    scored = _scores(quarter, stations, station_rules, station_values, "station")
    scored += _scores(quarter, people, person_rules, person_values, "person")
    Score.objects.bulk_create([score for score, _ in scored], batch_size=500)
    lines = []
    for score, score_lines in scored:
        for line in score_lines:
            line.score = score
            lines.append(line)
    ScoreLine.objects.bulk_create(lines, batch_size=1000)
    return AssessmentResult(quarter=quarter, stations=len(stations), people=len(people))
