"""Query-string filters of the agency and public Q&A lists."""

import django_filters

from core.filters import updated_since_filter
from registry_api.enterprises.filters import district_filter

from .models import Agency, Consultation


class AgencyFilter(django_filters.FilterSet):
    district = district_filter()
    updated_since = updated_since_filter()

    class Meta:
        model = Agency
        fields = ["kind", "district", "updated_since"]


class ConsultationFilter(django_filters.FilterSet):
    updated_since = updated_since_filter()

    class Meta:
        model = Consultation
        fields = ["channel", "updated_since"]
