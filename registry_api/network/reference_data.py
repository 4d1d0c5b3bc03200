"""The network's places from content/reference/network_*.csv: communities and villages, the
13 consumer-association branches and the 76 service stations (idempotent: re-running changes
only what differs).

Runs after `registry_api.complaints.reference_data.load_units()`: the 13 街镇-level stations
are that file's station units and intake places; each of the other 63 gets its own handling
unit (tier 站, under the 所 of its 街镇's station unit) and QR intake place with the same code.
Lines starting with `#` in the CSV files are comments (what is a placeholder, and why).
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import models, transaction

from core.services import model_full_save
from registry_api.complaints.models import Unit
from registry_api.enterprises.models import District

from .models import Branch, Community, Station
from .services import district_office, station_unit_and_place

REFERENCE = Path(settings.BASE_DIR) / "content" / "reference"
COMMUNITIES_CSV = REFERENCE / "network_communities.csv"
BRANCHES_CSV = REFERENCE / "network_branches.csv"
STATIONS_CSV = REFERENCE / "network_stations.csv"


@dataclass(frozen=True)
class NetworkLoadResult:
    """How many rows each kind gained or changed."""

    communities: int
    branches: int
    stations: int

    @property
    def created(self) -> int:
        return self.communities + self.branches + self.stations


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """The CSV's rows as dicts of stripped strings, comment lines skipped."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines):
            yield {key: (value or "").strip() for key, value in row.items()}


def upsert(model: type[models.Model], code: str, values: dict) -> tuple[models.Model, bool]:
    """Create the row with `code` or bring it to `values`; True when something was written.
    Rows are checked by their model's rules (`full_clean`) like any admin save."""
    instance = model.objects.filter(code=code).first()
    if instance is not None and all(getattr(instance, k) == v for k, v in values.items()):
        return instance, False
    instance = instance or model(code=code)
    for key, value in values.items():
        setattr(instance, key, value)
    return model_full_save(instance), True


def load_communities(path: Path = COMMUNITIES_CSV) -> int:
    districts = {d.code: d for d in District.objects.all()}
    changed = 0
    for row in read_rows(path):
        values = {"name": row["name"], "kind": row["kind"], "district": districts[row["district"]]}
        changed += upsert(Community, row["code"], values)[1]
    return changed


def load_branches(path: Path = BRANCHES_CSV) -> int:
    districts = {d.code: d for d in District.objects.all()}
    changed = 0
    for row in read_rows(path):
        values = {
            "name": row["name"],
            "district": districts[row["district"]],
            "address": row["address"],
            "phone": row["phone"],
            "established_on": datetime.date.fromisoformat(row["established_on"])
            if row["established_on"]
            else None,
        }
        # The head (会长) is the bureau's to fill in: a re-load never overwrites it.
        if row["head"]:
            values["head"] = row["head"]
        changed += upsert(Branch, row["code"], values)[1]
    return changed


def load_stations(path: Path = STATIONS_CSV) -> int:
    districts = {d.code: d for d in District.objects.all()}
    communities = {c.code: c for c in Community.objects.all()}
    branches = {b.district_id: b for b in Branch.objects.all()}
    offices: dict[str, Unit] = {}
    changed = 0
    for row in read_rows(path):
        district = districts[row["district"]]
        if district.code not in offices:
            offices[district.code] = district_office(district)
        unit, place = station_unit_and_place(row, district, offices[district.code])
        values = {
            "name": row["name"],
            "district": district,
            "community": communities[row["community"]] if row["community"] else None,
            "branch": branches.get(district.pk),
            "unit": unit,
            "place": place,
            "address": row["address"],
            "opening_hours": row["opening_hours"],
            "services": row["services"],
            "phone": row["phone"],
        }
        changed += upsert(Station, row["code"], values)[1]
    return changed


@transaction.atomic
def load_network() -> NetworkLoadResult:
    """Communities, branches, stations (in that order: each refers to the ones before)."""
    return NetworkLoadResult(
        communities=load_communities(), branches=load_branches(), stations=load_stations()
    )
