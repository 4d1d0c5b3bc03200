"""Query-string filters of the idle-mark list: class, kind, price range or 面议, free text."""

import django_filters
from django.db.models import Q

from core.filters import updated_since_filter

from .models import IdleListing

QUERY_MAX_LENGTH = 100  # a mark's name, number or a word of the terms


class IdleListingFilter(django_filters.FilterSet):
    nice_class = django_filters.NumberFilter(
        field_name="trademark__class_entries__nice_class",
        label="尼斯分类类别号",
        distinct=True,
    )
    kind = django_filters.ChoiceFilter(
        choices=IdleListing.Kind.choices, method="filter_kind", label="交易方式"
    )
    price_min = django_filters.NumberFilter(
        field_name="price", lookup_expr="gte", label="报价不低于（元）"
    )
    price_max = django_filters.NumberFilter(
        field_name="price", lookup_expr="lte", label="报价不高于（元）"
    )
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
