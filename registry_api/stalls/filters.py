"""Query-string filters of the public card list: 街镇, issuing station, validity, category."""

import django_filters

from core.filters import updated_since_filter
from registry_api.enterprises.filters import district_filter
from registry_api.network.filters import station_filter

from . import selectors
from .models import Category, StallCard, Validity


class StallCardFilter(django_filters.FilterSet):
    district = district_filter()
    station = station_filter("发卡服务站（代码）")
    status = django_filters.ChoiceFilter(
        choices=Validity.choices, method="filter_status", label="有效状态（按北京时间当日）"
    )
    category = django_filters.ChoiceFilter(choices=Category.choices, label="经营类别")
    updated_since = updated_since_filter()

    class Meta:
        model = StallCard
        fields = ["district", "station", "status", "category", "updated_since"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(selectors.validity_condition(value))
