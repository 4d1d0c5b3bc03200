"""Query-string filters every registry list shares: the change feed and day ranges."""

import django_filters


def updated_since_filter() -> django_filters.IsoDateTimeFilter:
    """`?updated_since=`: the rows changed at or after an instant (every list's change feed)."""
    return django_filters.IsoDateTimeFilter(
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
