"""Query-string filters of the public 大讲堂 list: 街镇, a date range, the change feed."""

import django_filters

from core.filters import day_range_filters, updated_since_filter
from registry_api.enterprises.filters import district_filter

from .models import TrainingSession


class TrainingSessionFilter(django_filters.FilterSet):
    district = district_filter()
    updated_since = updated_since_filter()

    class Meta:
        model = TrainingSession
        fields = ["district", "updated_since"]


# `from` is a Python keyword: the date pair is added to the declared filters after the class.
_after, _before = day_range_filters("date", "日期")
TrainingSessionFilter.base_filters["from"] = _after
TrainingSessionFilter.base_filters["to"] = _before
