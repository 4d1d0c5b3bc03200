"""Query-string filters of the enterprise list, and the enterprise and district filters of
the registries that refer to an enterprise or a district."""

import django_filters
from drf_spectacular.utils import extend_schema_field

from core.filters import updated_since_filter

from .models import District, Enterprise
from .reference_data import read_districts


@extend_schema_field(
    # The codes are reference data (content/reference/districts.csv): the schema lists them.
    {"type": "string", "enum": [row["code"] for row in read_districts()]}
)
class DistrictCodeFilter(django_filters.ModelChoiceFilter):
    """A district by its code; an unknown code is a 400, as its enum in the schema says."""


def district_filter() -> django_filters.ModelChoiceFilter:
    """`?district=`: by the district's code (区划代码)."""
    return DistrictCodeFilter(
        queryset=District.objects.all(), to_field_name="code", label="所属街镇（区划代码）"
    )


def enterprise_filter() -> django_filters.CharFilter:
    """`?enterprise=`: by the enterprise's unified social credit code."""
    return django_filters.CharFilter(
        field_name="enterprise__credit_code", label="企业统一社会信用代码"
    )


class EnterpriseFilter(django_filters.FilterSet):
    district = district_filter()
    updated_since = updated_since_filter()

    class Meta:
        model = Enterprise
        fields = ["district", "entity_type", "status", "scale", "updated_since"]
