"""The starting assessment rules from content/reference/assessment_rules.csv, by code.

The file is the starting set: a rule missing from the database is created, a rule already
there is left as staff set it in the admin (weights and targets are the bureau's to tune;
re-running setup must not undo them). Idempotent."""

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
    """Create the file's rules that do not exist yet; returns how many were created."""
    existing = set(AssessmentRule.objects.values_list("code", flat=True))
    created = 0
    for order, row in enumerate(_rows(path)):
        if row["code"] in existing:
            continue
        rule_save(
            AssessmentRule(
                code=row["code"],
                label=row["label"],
                applies_to=row["applies_to"],
                metric=row["metric"],
                weight=Decimal(row["weight"]),
                target=Decimal(row["target"]),
                scoring=row["scoring"],
                active=row["active"].lower() in ("1", "true", "yes"),
                sort_order=order,
                description=row["description"],
            )
        )
        created += 1
    return created
