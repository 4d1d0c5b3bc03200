"""Reference data of the enterprise directory, loaded from version-controlled CSV in content/.

The loader validates every row before it writes anything (docs/decisions/0017): a bad file
is answered with row- and field-level messages and the stored districts stay as they were.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from .models import District

DISTRICTS_CSV = Path(settings.BASE_DIR) / "content" / "reference" / "districts.csv"
DISTRICT_FIELDS = ("code", "name", "kind", "alias")


class ReferenceDataError(ValueError):
    """A reference file that cannot be loaded; `errors` lists each problem in Chinese."""

    def __init__(self, path: Path, errors: list[str]):
        self.path = path
        self.errors = errors
        super().__init__(f"{path}: " + "；".join(errors))


@dataclass
class LoadCounts:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.created) + len(self.updated) + len(self.unchanged)


def read_districts(path: Path = DISTRICTS_CSV) -> list[dict[str, str]]:
    """The rows of the districts CSV, validated; raises ReferenceDataError listing every problem."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [name for name in DISTRICT_FIELDS if name not in (reader.fieldnames or [])]
        if missing:
            raise ReferenceDataError(path, [f"缺少列：{'、'.join(missing)}"])
        rows = [{name: (row.get(name) or "").strip() for name in DISTRICT_FIELDS} for row in reader]

    errors: list[str] = []
    seen: dict[str, dict[str, int]] = {"code": {}, "name": {}}
    for line, row in enumerate(rows, start=2):
        try:
            # Uniqueness is checked within the file below, not against the stored rows.
            District(**row).full_clean(validate_unique=False)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors.extend(f"第{line}行 {name}：{message}" for message in messages)
        for key in ("code", "name"):
            first = seen[key].setdefault(row[key], line)
            if first != line:
                errors.append(f"第{line}行 {key}：“{row[key]}”与第{first}行重复")
    if errors:
        raise ReferenceDataError(path, errors)
    return rows


@transaction.atomic
def load_districts(path: Path = DISTRICTS_CSV) -> LoadCounts:
    """Create or update the districts of the CSV by code; rows not in the file are kept."""
    rows = read_districts(path)
    counts = LoadCounts()
    existing = {district.code: district for district in District.objects.all()}
    for row in rows:
        district = existing.get(row["code"])
        if district is None:
            District.objects.create(**row)
            counts.created.append(row["code"])
        elif any(getattr(district, name) != row[name] for name in DISTRICT_FIELDS):
            District.objects.update_or_create(code=row["code"], defaults=row)
            counts.updated.append(row["code"])
        else:
            counts.unchanged.append(row["code"])
    return counts
