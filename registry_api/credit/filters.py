"""Query-string filters of the credit record list."""

import django_filters

from core.filters import updated_since_filter
from registry_api.enterprises.filters import enterprise_filter

from .models import CreditRecord, Department


class CreditRecordFilter(django_filters.FilterSet):
    department = django_filters.ModelChoiceFilter(
        queryset=Department.objects.all(), to_field_name="code", label="部门（代码）"
    )
    enterprise = enterprise_filter()
    updated_since = updated_since_filter()

    class Meta:
        model = CreditRecord
        fields = ["category", "department", "enterprise", "severity", "updated_since"]
