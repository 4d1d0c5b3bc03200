"""Query-string filters of the credit record list."""

import csv

import django_filters
from drf_spectacular.utils import extend_schema_field

from core.filters import updated_since_filter
from registry_api.enterprises.filters import enterprise_filter

from .models import CreditRecord, Department
from .reference_data import DEPARTMENTS_CSV


def department_codes() -> list[str]:
    """The departments of content/reference/credit_departments.csv, as the schema lists them."""
    with DEPARTMENTS_CSV.open(encoding="utf-8-sig", newline="") as handle:
        return [row["code"].strip() for row in csv.DictReader(handle)]


@extend_schema_field({"type": "string", "enum": department_codes()})
class DepartmentCodeFilter(django_filters.ModelChoiceFilter):
    """A department by its code; an unknown code is a 400, as its enum in the schema says."""


class CreditRecordFilter(django_filters.FilterSet):
    department = DepartmentCodeFilter(
        queryset=Department.objects.all(), to_field_name="code", label="部门（代码）"
    )
    enterprise = enterprise_filter()
    updated_since = updated_since_filter()

    class Meta:
        model = CreditRecord
        fields = ["category", "department", "enterprise", "severity", "updated_since"]
