"""Reference data of the credit registry (departments, publicity rules) from content/ CSV."""

import csv
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import Department, PublicityRule
from .services import rule_save

REFERENCE = Path(settings.BASE_DIR) / "content" / "reference"
DEPARTMENTS_CSV = REFERENCE / "credit_departments.csv"
RULES_CSV = REFERENCE / "credit_rules.csv"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


@transaction.atomic
def load_credit_reference(
    departments: Path = DEPARTMENTS_CSV, rules: Path = RULES_CSV
) -> tuple[int, int]:
    """Create or update departments (by code) and rules (by category+severity); idempotent."""
    for row in _rows(departments):
        department = Department.objects.filter(code=row["code"]).first() or Department(
            code=row["code"]
        )
        if department.name != row["name"]:
            department.name = row["name"]
            department.full_clean()
            department.save()
    changed_rules = 0
    for row in _rows(rules):
        rule = PublicityRule.objects.filter(
            category=row["category"], severity=row["severity"]
        ).first() or PublicityRule(category=row["category"], severity=row["severity"])
        values = {
            "publicity_months": int(row["publicity_months"]),
            "repair_after_months": int(row["repair_after_months"])
            if row["repair_after_months"]
            else None,
            "note": row["note"],
        }
        if rule.pk is None or any(getattr(rule, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(rule, key, value)
            rule_save(rule)
            changed_rules += 1
    return Department.objects.count(), changed_rules
