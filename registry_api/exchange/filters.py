"""Query-string filters of the idle-mark list: class, kind, price range or 面议, free text."""

from decimal import Decimal

import django_filters
from django import forms
from django.db.models import Q

from core.filters import updated_since_filter

from .models import IdleListing

QUERY_MAX_LENGTH = 100  # a mark's name, number or a word of the terms
# The bounds the schema declares (views.py): a Nice class, and a price the model can hold.
NICE_CLASSES = (1, 45)
PRICE_BOUNDS = (Decimal("0"), Decimal("9999999999.99"))


class IntegerFilter(django_filters.NumberFilter):
    """A whole number: `?nice_class=2.5` is a 400, as the schema's integer says."""

    field_class = forms.IntegerField


def price_filter(lookup: str, label: str) -> django_filters.NumberFilter:
    low, high = PRICE_BOUNDS
    return django_filters.NumberFilter(
        field_name="price", lookup_expr=lookup, label=label, min_value=low, max_value=high
    )


class IdleListingFilter(django_filters.FilterSet):
    nice_class = IntegerFilter(
        field_name="trademark__class_entries__nice_class",
        label="尼斯分类类别号",
        distinct=True,
        min_value=NICE_CLASSES[0],
        max_value=NICE_CLASSES[1],
    )
    kind = django_filters.ChoiceFilter(
        choices=IdleListing.Kind.choices, method="filter_kind", label="交易方式"
    )
    price_min = price_filter("gte", "报价不低于（元）")
    price_max = price_filter("lte", "报价不高于（元）")
    negotiable = django_filters.BooleanFilter(field_name="negotiable", label="面议")
    q = django_filters.CharFilter(
        method="filter_q", label="商标名称、注册号或交易条件", max_length=QUERY_MAX_LENGTH
    )
    updated_since = updated_since_filter()

    class Meta:
        model = IdleListing
        fields = ["nice_class", "kind", "price_min", "price_max", "negotiable", "q"]

    def filter_kind(self, queryset, name, value):
        """A listing open to either transfer or licence answers both questions."""
        if value in (IdleListing.Kind.TRANSFER, IdleListing.Kind.LICENCE):
            return queryset.filter(kind__in=[value, IdleListing.Kind.EITHER])
        return queryset.filter(kind=value)

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(trademark__name__icontains=value)
            | Q(trademark__registration_number=value)
            | Q(terms__icontains=value)
        )
