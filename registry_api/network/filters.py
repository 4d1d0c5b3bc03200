"""Query-string filters of the station and branch lists."""

import django_filters

from core.filters import updated_since_filter
from registry_api.enterprises.filters import district_filter

from .models import Branch, Community, Station


class StationFilter(django_filters.FilterSet):
    district = district_filter()
    community = django_filters.ModelChoiceFilter(
        queryset=Community.objects.all(), to_field_name="code", label="社区/行政村（代码）"
    )
    updated_since = updated_since_filter()

    class Meta:
        model = Station
        fields = ["district", "community", "status", "updated_since"]


class BranchFilter(django_filters.FilterSet):
    district = district_filter()
    updated_since = updated_since_filter()

    class Meta:
        model = Branch
        fields = ["district", "updated_since"]
