"""Query-string filters of the station and branch lists, and the station filter of the
registries that refer to a station (the food-stall cards)."""

import django_filters
from drf_spectacular.utils import extend_schema_field

from core.filters import updated_since_filter
from registry_api.enterprises.filters import district_filter

from .models import Branch, Community, Station
from .reference_data import COMMUNITIES_CSV, STATIONS_CSV, read_rows


# The codes are reference data (content/reference/network_*.csv): the schema lists them.
@extend_schema_field(
    {"type": "string", "enum": [row["code"] for row in read_rows(COMMUNITIES_CSV)]}
)
class CommunityCodeFilter(django_filters.ModelChoiceFilter):
    """A community or village by its code; an unknown code is a 400, as its enum says."""


@extend_schema_field({"type": "string", "enum": [row["code"] for row in read_rows(STATIONS_CSV)]})
class StationCodeFilter(django_filters.ModelChoiceFilter):
    """A service station by its code; an unknown code is a 400, as its enum says."""


def station_filter(label: str) -> django_filters.ModelChoiceFilter:
    """`?station=`: by the station's code."""
    return StationCodeFilter(queryset=Station.objects.all(), to_field_name="code", label=label)


class StationFilter(django_filters.FilterSet):
    district = district_filter()
    community = CommunityCodeFilter(
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
