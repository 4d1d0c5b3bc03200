"""What the database holds for each search kind: indexable rows, their ids and change times."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Source:
    """How one kind reads the database; the database is the source of truth for the index."""

    kind: str
    rows: Callable[[], QuerySet]  # every row that belongs in the public index
    id_field: str = "pk"  # the model field whose value is the document id
    # Changes whenever the public content does; registry models keep it in `updated_at`.
    updated_field: str = "updated_at"
    related: tuple[str, ...] = ()  # select_related for the presenter
    prefetch: tuple[str, ...] = ()  # prefetch_related for the presenter

    def indexable(self) -> QuerySet:
        """The indexable rows with what the presenter reads, in a stable order."""
        return (
            self.rows()
            .select_related(*self.related)
            .prefetch_related(*self.prefetch)
            .order_by("pk")
        )

    def get_indexable(self, doc_id: str) -> Model | None:
        """The row behind `doc_id` if it belongs in the index, else None."""
        return self.indexable().filter(**{self.id_field: doc_id}).first()

    def model(self) -> type[Model]:
        return self.rows().model

    def doc_ids_of(self, pks) -> list[str]:
        """The document ids of the rows with primary keys `pks` (indexable or not)."""
        if self.id_field == "pk":
            return [str(pk) for pk in pks]
        rows = self.model()._default_manager.filter(pk__in=list(pks))
        return [str(doc_id) for doc_id in rows.values_list(self.id_field, flat=True)]

    def doc_id(self, row: Any) -> str:
        return str(getattr(row, self.id_field))

    def updated(self, row: Any) -> datetime.datetime | None:
        return getattr(row, self.updated_field)

    def with_ids(self, doc_ids: list[str]) -> QuerySet:
        """The indexable rows behind `doc_ids`."""
        return self.indexable().filter(**{f"{self.id_field}__in": doc_ids})

    def ids_and_updated(self) -> dict[str, datetime.datetime | None]:
        """{doc_id: updated} for every indexable row, read with one light query."""
        rows = self.rows().order_by().values_list(self.id_field, self.updated_field)
        return {str(doc_id): updated for doc_id, updated in rows}


def page_source(kind: str, model) -> Source:
    """The source of an editorial page kind: its live pages without a view restriction."""
    return Source(
        kind=kind,
        rows=lambda: model.objects.live().public(),
        updated_field="last_published_at",
        prefetch=("tagged_items__tag",) if hasattr(model, "tagged_items") else (),
    )
