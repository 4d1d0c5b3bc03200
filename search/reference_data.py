"""Seed the search's synonym groups from content/reference/search_synonyms.csv.

A group is created once by its `key`; after that it belongs to the editors (they edit, switch
off or delete it in the admin), so a re-run never overwrites or revives their changes.
"""

import csv
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import Synonym

SYNONYMS_CSV = Path(settings.BASE_DIR) / "content" / "reference" / "search_synonyms.csv"


@transaction.atomic
def load_synonyms(path: Path = SYNONYMS_CSV) -> int:
    """Create the groups whose key is new; returns how many were created."""
    known = set(Synonym.objects.exclude(key=None).values_list("key", flat=True))
    fresh = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            key = row["key"].strip()
            if key and key not in known:
                fresh.append(Synonym(key=key, terms=row["terms"].strip(), note=row["note"].strip()))
                known.add(key)
    Synonym.objects.bulk_create(fresh)
    return len(fresh)
