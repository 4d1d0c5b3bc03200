"""Query-string filters of the credit record list."""

import django_filters

from .models import CreditRecord, Department


class CreditRecordFilter(django_filters.FilterSet):
    department = django_filters.ModelChoiceFilter(
        queryset=Department.objects.all(), to_field_name="code", label="部门（代码）"
    )
    enterprise = django_filters.CharFilter(
        field_name="enterprise__credit_code", label="企业统一社会信用代码"
    )
    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", label="更新时间不早于（ISO 8601）"
    )

    class Meta:
        model = CreditRecord
        fields = ["category", "department", "enterprise", "severity", "updated_since"]
