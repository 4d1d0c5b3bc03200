"""Query-string filters of the public shop list: category, 街镇, platform, enterprise."""

import django_filters

from core.filters import updated_since_filter
from registry_api.enterprises.filters import DistrictCodeFilter, enterprise_filter
from registry_api.enterprises.models import District

from .models import Category, OnlineShop, Platform


class OnlineShopFilter(django_filters.FilterSet):
    category = django_filters.ChoiceFilter(choices=Category.choices, label="类别")
    # A shop's 街镇 is its enterprise's.
    district = DistrictCodeFilter(
        field_name="enterprise__district",
        queryset=District.objects.all(),
        to_field_name="code",
        label="所属街镇（区划代码）",
    )
    platform = django_filters.ChoiceFilter(choices=Platform.choices, label="平台")
    enterprise = enterprise_filter()
    updated_since = updated_since_filter()

    class Meta:
        model = OnlineShop
        fields = ["category", "platform", "enterprise", "updated_since"]
