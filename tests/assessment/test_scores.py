"""Scores against the hand-computed dataset of conftest.py (rules from the fixture, not the
CSV): metric values, points, totals; a rule's weight; recomputing; the command."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from registry_api.assessment.models import AssessmentRule, Score, ScoreLine
from registry_api.assessment.quarters import Quarter
from registry_api.assessment.services import assess, rule_points

Q3 = Quarter(2026, 3)


def lines_of(score: Score) -> dict:
    return {line.rule_code: (line.value, line.points) for line in score.lines.all()}


def d(value) -> Decimal:
    return Decimal(str(value))


def test_station_values_and_points_as_computed_by_hand(rules, dataset):
    result = assess(Q3)
    assert (result.stations, result.people) == (3, 3)  # px is only nominated
    a = lines_of(Score.objects.get(quarter="2026Q3", station=dataset.a))
    assert a == {
        "s-received": (d(4), d(10)),
        "s-settled": (d(75), d("28.13")),  # 75 / 80 × 30 = 28.125
        "s-on-time": (d(75), d("22.50")),
        "s-escalations": (d(1), d(0)),  # target 0, one escalation: 10 × 0 / 1
        "s-training": (d(1), d(5)),
        "s-inspections": (d(3), d(10)),
    }
    b = lines_of(Score.objects.get(quarter="2026Q3", station=dataset.b))
    assert b == {
        "s-received": (d(2), d(5)),
        "s-settled": (d(100), d(30)),
        "s-on-time": (d(50), d(15)),
        "s-escalations": (d(0), d(10)),
        "s-training": (d(2), d(10)),
        "s-inspections": (d(1), d("3.33")),
    }
    c = lines_of(Score.objects.get(quarter="2026Q3", station=dataset.c))
    assert c["s-settled"] == (None, d(30)) and c["s-on-time"] == (None, d(30))
    assert c["s-received"] == (d(0), d(0)) and c["s-escalations"] == (d(0), d(10))
    totals = dict(
        Score.objects.filter(quarter="2026Q3", station__isnull=False).values_list(
            "station__code", "total"
        )
    )
    assert totals == {"station-a": d("75.63"), "station-b": d("73.33"), "station-c": d(70)}
    assert Score.objects.get(station=dataset.a, quarter="2026Q3").full_marks == d(100)


def test_people_scores_as_computed_by_hand(rules, dataset):
    assess(Q3)
    people = {
        s.person.name: (lines_of(s), s.total)
        for s in Score.objects.filter(quarter="2026Q3", person__isnull=False)
    }
    assert people == {
        "张海燕": ({"p-training": (d(1), d(50)), "p-inspections": (d(2), d(50))}, d(100)),
        "刘志强": ({"p-training": (d(0), d(0)), "p-inspections": (d(1), d(25))}, d(25)),
        "王淑芬": ({"p-training": (d(1), d(50)), "p-inspections": (d(1), d(25))}, d(75)),
    }


def test_changing_a_rules_weight_changes_the_score(rules, dataset):
    assess(Q3)
    AssessmentRule.objects.filter(code="s-settled").update(weight=Decimal(40))
    assess(Q3)
    a = Score.objects.get(quarter="2026Q3", station=dataset.a)
    assert lines_of(a)["s-settled"] == (d(75), d("37.50"))
    assert a.total == d("85.00") and a.full_marks == d(110)


def test_an_inactive_rule_drops_out(rules, dataset):
    AssessmentRule.objects.filter(code="s-escalations").update(active=False)
    assess(Q3)
    a = Score.objects.get(quarter="2026Q3", station=dataset.a)
    assert "s-escalations" not in lines_of(a) and a.total == d("75.63")
    assert a.full_marks == d(90)


def test_recomputing_replaces_the_quarter_and_gives_the_same_rows(rules, dataset):
    def snapshot():
        return sorted(
            ScoreLine.objects.filter(score__quarter="2026Q3").values_list(
                "score__station__code", "score__person__name", "rule_code", "value", "points"
            ),
            key=str,
        )

    assess(Q3)
    first, count = snapshot(), Score.objects.count()
    assess(Q3)
    assert snapshot() == first and Score.objects.count() == count == 6
    assess(Quarter(2026, 4))  # another quarter is kept beside it
    assert Score.objects.filter(quarter="2026Q3").count() == 6
    assert Score.objects.filter(quarter="2026Q4").count() == 6
    q4 = lines_of(Score.objects.get(quarter="2026Q4", station=dataset.a))
    assert q4["s-received"] == (d(1), d("2.50"))  # c6, received 5 October


def test_a_rule_cannot_use_a_metric_its_subject_has_not(db):
    rule = AssessmentRule(
        code="p-escalations",
        label="人员上报",
        applies_to="person",
        metric="escalations",
        weight=10,
        target=1,
        scoring="at_most",
    )
    with pytest.raises(ValidationError) as raised:
        rule.full_clean()
    assert "不能用于考核人员" in str(raised.value)


@pytest.mark.parametrize(
    "scoring, weight, target, value, points",
    [
        ("at_least", 20, 10, 5, "10.00"),
        ("at_least", 20, 10, 15, "20.00"),
        ("at_least", 20, 0, 0, "20.00"),
        ("at_most", 20, 2, 2, "20.00"),
        ("at_most", 20, 2, 3, "13.33"),
        ("at_most", 20, 2, None, "20.00"),
    ],
)
def test_rule_points(scoring, weight, target, value, points):
    rule = AssessmentRule(scoring=scoring, weight=Decimal(weight), target=Decimal(target))
    value = None if value is None else Decimal(value)
    assert rule_points(rule, value) == Decimal(points)


def test_the_command_computes_a_quarter_and_refuses_a_bad_one(rules, dataset, capsys):
    call_command("assess_quarter", "--quarter", "2026Q3")
    assert "2026年第三季度" in capsys.readouterr().out
    assert Score.objects.filter(quarter="2026Q3").count() == 6
    with pytest.raises(CommandError, match="季度格式"):
        call_command("assess_quarter", "--quarter", "2026-3")


def test_quarters():
    assert str(Quarter.parse("2026q4")) == "2026Q4"
    assert Quarter(2026, 4).end.isoformat() == "2026-12-31"
    assert Quarter(2026, 1).previous() == Quarter(2025, 4)
    assert Quarter(2026, 3).label == "2026年第三季度"
