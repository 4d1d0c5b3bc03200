"""Query-string filters of the agency and public Q&A lists."""

import django_filters

from registry_api.enterprises.models import District

from .models import Agency, Consultation


class AgencyFilter(django_filters.FilterSet):
    district = django_filters.ModelChoiceFilter(
        queryset=District.objects.all(), to_field_name="code", label="所属街镇（区划代码）"
    )
    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", label="更新时间不早于（ISO 8601）"
    )

    class Meta:
        model = Agency
        fields = ["kind", "district", "updated_since"]


class ConsultationFilter(django_filters.FilterSet):
    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", label="更新时间不早于（ISO 8601）"
    )

    class Meta:
        model = Consultation
        fields = ["channel", "updated_since"]
