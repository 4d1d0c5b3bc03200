"""Reference data of the trademark library: the 45 Nice classes from content/reference/."""

import csv
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import NiceClass

NICE_CLASSES_CSV = Path(settings.BASE_DIR) / "content" / "reference" / "nice_classes.csv"


@transaction.atomic
def load_nice_classes(path: Path = NICE_CLASSES_CSV) -> int:
    """Create or update the classes by number (idempotent); returns how many changed."""
    changed = 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            number = int(row["number"])
            values = {"name": row["name"].strip(), "kind": row["kind"].strip()}
            nice_class = NiceClass.objects.filter(number=number).first() or NiceClass(number=number)
            if nice_class._state.adding or any(
                getattr(nice_class, k) != v for k, v in values.items()
            ):
                for key, value in values.items():
                    setattr(nice_class, key, value)
                nice_class.full_clean(validate_unique=False)
                nice_class.save()
                changed += 1
    return changed
