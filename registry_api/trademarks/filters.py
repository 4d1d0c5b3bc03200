"""Query-string filters of the trademark list; `?q=` searches apply the same validated values
in the engine (registry_api/trademarks/queries.py)."""

import functools

import django_filters
import django_filters.constants
from django import forms
from django.db.models import Q

from core.filters import GivenIsoDateTimeFilter, day_range_filters
from registry_api.enterprises.models import Enterprise

from .models import GIKind, Trademark

CLASS_CHOICES = [(str(n), f"第{n}类") for n in range(1, 46)]


class TrademarkFilter(django_filters.FilterSet):
    # `class` is a Python keyword: declared as nice_class, renamed below.
    nice_class = django_filters.ChoiceFilter(
        field_name="class_entries__nice_class", choices=CLASS_CHOICES, label="尼斯分类类别号"
    )
    gi = django_filters.ChoiceFilter(field_name="gi_kind", choices=GIKind.choices, label="地理标志")
    owner = django_filters.CharFilter(
        field_name="owner__credit_code", label="注册人统一社会信用代码"
    )
    district = django_filters.CharFilter(field_name="owner__district__code", label="街镇区划代码")
    applied_after, applied_before = day_range_filters("applied_on", "申请日期")
    registered_after, registered_before = day_range_filters("registered_on", "注册日期")
    expires_after, expires_before = day_range_filters("expires_on", "专用权期限截止日期")
    updated_since = GivenIsoDateTimeFilter(
        method="filter_updated_since", label="更新时间不早于（ISO 8601；含注册人企业的更新）"
    )

    class Meta:
        model = Trademark
        fields = ["status", "recognition", "mark_type"]

    def filter_updated_since(self, queryset, name, value):
        """Marks changed since `value`, and marks whose local owner changed since: a mark shows
        its owner's directory name (the list's ETag counts owner__updated_at too), and an
        owner's rename moves no mark's `updated_at`. What a change feed (the site's copy of
        the library) must be sent again. (`?q=` searches filter on the mark's own time.)

        Both halves as `IN (…)` over an index (the marks' `updated_at`, the owners'
        `updated_at` then the marks' `owner_id`), not a join: joined, SQLite read all 30,000
        marks with their owners for an empty feed (0.18 s at the district scale)."""
        if value in django_filters.constants.EMPTY_VALUES:
            return queryset
        marks = Trademark.objects.filter(updated_at__gte=value).values("pk")
        owners = Enterprise.objects.filter(updated_at__gte=value).values("pk")
        return queryset.filter(Q(pk__in=marks) | Q(owner_id__in=owners))


TrademarkFilter.base_filters["class"] = TrademarkFilter.base_filters.pop("nice_class")


@functools.cache
def trademark_filter_form() -> type[forms.Form]:
    """TrademarkFilter's form, its class built once per process: the `?q=` search validates
    the list's filters with it and applies them in the engine, so it needs no FilterSet,
    whose copy of every filter and new form class per request cost more than validating."""
    return TrademarkFilter(queryset=Trademark.objects.none()).get_form_class()
