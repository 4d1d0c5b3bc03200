"""Load the official holiday arrangements from content/reference/holidays.csv (idempotent)."""

import csv
import datetime
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import CalendarDay

HOLIDAYS_CSV = Path(settings.BASE_DIR) / "content" / "reference" / "holidays.csv"


@transaction.atomic
def load_holidays(path: Path = HOLIDAYS_CSV) -> int:
    """Create or update one row per listed date; returns how many changed."""
    changed = 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            day = datetime.date.fromisoformat(row["date"])
            values = {"kind": row["kind"].strip(), "name": row["name"].strip()}
            _, created = CalendarDay.objects.get_or_create(date=day, defaults=values)
            if created:
                changed += 1
            elif CalendarDay.objects.filter(date=day).exclude(**values).update(**values):
                changed += 1
    return changed
