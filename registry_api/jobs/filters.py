"""Query-string filters of the public demand list: 街镇, trade, status, enterprise."""

import django_filters

from core.filters import updated_since_filter
from registry_api.enterprises.filters import district_filter, enterprise_filter

from .models import JobDemand, Trade

# The statuses the public list holds (a pending or closed demand is never in it).
PUBLIC_STATUS_CHOICES = [
    (value, label)
    for value, label in JobDemand.Status.choices
    if value in JobDemand.PUBLIC_STATUSES
]


class JobDemandFilter(django_filters.FilterSet):
    district = district_filter()
    trade = django_filters.ChoiceFilter(choices=Trade.choices, label="工种类别")
    status = django_filters.ChoiceFilter(choices=PUBLIC_STATUS_CHOICES, label="状态")
    enterprise = enterprise_filter()
    updated_since = updated_since_filter()

    class Meta:
        model = JobDemand
        fields = ["district", "trade", "status", "enterprise", "updated_since"]
