"""Handling units from content/reference/complaint_units.csv, and one QR intake place per
service station (idempotent: re-running changes only what differs).

The five 所 and their 街镇 are placeholders an administrator corrects in the admin
(办理单位): the bureau's real division of the district was not in the source document.
"""

import csv
from pathlib import Path

from django.conf import settings
from django.db import transaction

from registry_api.enterprises.models import District

from .models import IntakePlace, Unit

UNITS_CSV = Path(settings.BASE_DIR) / "content" / "reference" / "complaint_units.csv"


@transaction.atomic
def load_units(path: Path = UNITS_CSV) -> int:
    """Create or update the units (parents first, as the file lists them) and each
    station's intake place; returns how many rows changed."""
    districts = {d.code: d for d in District.objects.all()}
    changed = 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            values = {
                "name": row["name"].strip(),
                "tier": row["tier"].strip(),
                "parent": Unit.objects.get(code=row["parent"]) if row["parent"] else None,
                "district": districts.get(row["district"]) if row["district"] else None,
            }
            unit, created = Unit.objects.get_or_create(code=row["code"], defaults=values)
            if not created and any(getattr(unit, k) != v for k, v in values.items()):
                for key, value in values.items():
                    setattr(unit, key, value)
                unit.save()
                changed += 1
            changed += created
            if unit.tier == Unit.Tier.STATION and unit.district is not None:
                _, made = IntakePlace.objects.get_or_create(
                    code=unit.code,
                    defaults={
                        "name": unit.name,
                        "kind": IntakePlace.Kind.STATION,
                        "district": unit.district,
                        "station": unit,
                    },
                )
                changed += made
    return changed
