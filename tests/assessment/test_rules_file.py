"""content/reference/assessment_rules.csv: every row a valid rule, loaded idempotently, each
subject's weights adding up to 100; a rule edited in the admin is checked and kept."""

from decimal import Decimal

from django.db.models import Sum
from django.urls import reverse

from registry_api.assessment.models import AssessmentRule
from registry_api.assessment.reference_data import load_assessment_rules


def test_the_file_loads_once(db):
    assert load_assessment_rules() == AssessmentRule.objects.count() >= 8
    assert load_assessment_rules() == 0
    weights = dict(AssessmentRule.objects.values_list("applies_to").annotate(total=Sum("weight")))
    assert weights == {"station": Decimal(100), "person": Decimal(100)}
    assert set(AssessmentRule.objects.values_list("metric", flat=True)) >= {
        "complaints_received", "settled_at_station", "settled_on_time", "escalations",
        "trainings_completed", "inspections_done",
    }  # fmt: skip


def test_a_rule_edited_in_the_admin_is_checked_and_survives_a_reload(db, admin_client):
    load_assessment_rules()
    rule = AssessmentRule.objects.get(code="station-settled")
    form = {
        "code": rule.code,
        "label": rule.label,
        "applies_to": "person",
        "metric": rule.metric,
        "weight": "35",
        "target": "80",
        "scoring": "at_least",
        "active": "on",
        "sort_order": "1",
        "description": "",
    }
    url = reverse("assessment_rules:edit", args=[rule.pk])
    refused = admin_client.post(url, form)
    assert "不能用于考核人员" in refused.content.decode()
    rule.refresh_from_db()
    assert rule.applies_to == "station" and rule.weight == Decimal(30)
    admin_client.post(url, {**form, "applies_to": "station"})
    load_assessment_rules()
    rule.refresh_from_db()
    assert rule.weight == Decimal(35)
