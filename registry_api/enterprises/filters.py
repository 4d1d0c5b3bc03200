"""Query-string filters of the enterprise list, and the enterprise and district filters of
the registries that refer to an enterprise or a district."""

import django_filters

from core.filters import updated_since_filter

from .models import District, Enterprise


def district_filter() -> django_filters.ModelChoiceFilter:
    """`?district=`: by the district's code (区划代码)."""
    return django_filters.ModelChoiceFilter(
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
