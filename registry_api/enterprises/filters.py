"""Query-string filters of the enterprise list."""

import django_filters

from .models import District, Enterprise


class EnterpriseFilter(django_filters.FilterSet):
    district = django_filters.ModelChoiceFilter(
        queryset=District.objects.all(), to_field_name="code", label="所属街镇（区划代码）"
    )
    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", label="更新时间不早于（ISO 8601）"
    )

    class Meta:
        model = Enterprise
        fields = ["district", "entity_type", "status", "scale", "updated_since"]
