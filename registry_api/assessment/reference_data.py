"""The starting assessment rules from content/reference/assessment_rules.csv (by code;
idempotent: re-running changes only rules whose row differs)."""

import csv
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import AssessmentRule
from .services import rule_save

RULES_CSV = Path(settings.BASE_DIR) / "content" / "reference" / "assessment_rules.csv"


def _rows(path: Path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines):
            yield {k: (v or "").strip() for k, v in row.items()}


@transaction.atomic
def load_assessment_rules(path: Path = RULES_CSV) -> int:
    """Create or update the rules of the file; returns how many changed."""
    changed = 0
    for order, row in enumerate(_rows(path)):
        rule = AssessmentRule.objects.filter(code=row["code"]).first() or AssessmentRule(
            code=row["code"]
        )
        values = {
            "label": row["label"],
            "applies_to": row["applies_to"],
            "metric": row["metric"],
            "weight": Decimal(row["weight"]),
            "target": Decimal(row["target"]),
            "scoring": row["scoring"],
            "active": row["active"].lower() in ("1", "true", "yes"),
            "sort_order": order,
            "description": row["description"],
        }
        if rule.pk is None or any(getattr(rule, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(rule, key, value)
            rule_save(rule)
            changed += 1
    return changed
