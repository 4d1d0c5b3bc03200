"""Query-string filters every registry list shares: the change feed and day ranges."""

import datetime

import django_filters
import django_filters.constants
import django_filters.fields
from django import forms


class GivenIsoDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 instant that may be left out but, once given, must not be empty: a client
    sending `?updated_since=` has lost its sync mark, and a full list would hide that."""

    def clean(self, value):
        if value == "":
            raise forms.ValidationError(
                "请填写 ISO 8601 时间（含时区），或不带此参数。", code="required"
            )
        instant = super().clean(value)
        if instant is None:
            return None
        # In UTC: PostgreSQL refuses offsets beyond ±15:59 that ISO 8601 allows (+23:34).
        try:
            return instant.astimezone(datetime.UTC)
        except OverflowError:
            raise forms.ValidationError("时间超出可表示的范围。", code="invalid") from None


class GivenIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    """An instant filter that refuses an empty value (GivenIsoDateTimeField)."""

    field_class = GivenIsoDateTimeField


class UpdatedSinceFilter(GivenIsoDateTimeFilter):
    """The rows changed at or after an instant, found through the `updated_at` index.

    As `pk IN (rows with updated_at ≥ …)`, not a plain condition: with a plain one, a list
    ordered by another indexed column with a LIMIT (every cursor page) makes SQLite walk that
    column's index and read every row to test its date — 39 ms over 20,000 enterprises for an
    empty answer, against 0.1 ms this way. Change feeds are asked for every site build."""

    def filter(self, qs, value):
        if value in django_filters.constants.EMPTY_VALUES:
            return qs
        changed = qs.model._default_manager.filter(
            **{f"{self.field_name}__{self.lookup_expr}": value}
        ).values("pk")
        return self.get_method(qs)(pk__in=changed)


def updated_since_filter() -> django_filters.IsoDateTimeFilter:
    """`?updated_since=`: the rows changed at or after an instant (every list's change feed)."""
    return UpdatedSinceFilter(
        field_name="updated_at", lookup_expr="gte", label="更新时间不早于（ISO 8601）"
    )


def day_range_filters(
    field: str, label: str | None = None
) -> tuple[django_filters.DateFilter, django_filters.DateFilter]:
    """The `…_after` and `…_before` pair of a day field, both ends included; with a `label`,
    they read "<label>不早于" and "<label>不晚于"."""
    after = f"{label}不早于" if label else None
    before = f"{label}不晚于" if label else None
    return (
        django_filters.DateFilter(field_name=field, lookup_expr="gte", label=after),
        django_filters.DateFilter(field_name=field, lookup_expr="lte", label=before),
    )
