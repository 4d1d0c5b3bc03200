"""Query-string filters of the finance lists."""

import django_filters

from core.filters import day_range_filters, updated_since_filter
from registry_api.enterprises.filters import enterprise_filter

from .models import ChattelMortgage, EquityPledge, FinancingNeed, LoanProduct, TrademarkPledge

BANK_MAX_LENGTH = 100  # a bank's or creditor's name (names are capped at 200; a search, less)


class EquityPledgeFilter(django_filters.FilterSet):
    enterprise = enterprise_filter()
    bank = django_filters.CharFilter(
        field_name="pledgee", lookup_expr="icontains", label="质权人", max_length=BANK_MAX_LENGTH
    )
    registered_after, registered_before = day_range_filters("registered_on")
    updated_since = updated_since_filter()

    class Meta:
        model = EquityPledge
        fields = ["enterprise", "status", "pledgor_type", "bank", "updated_since"]


class ChattelMortgageFilter(django_filters.FilterSet):
    enterprise = enterprise_filter()
    bank = django_filters.CharFilter(
        field_name="mortgagee",
        lookup_expr="icontains",
        label="抵押权人",
        max_length=BANK_MAX_LENGTH,
    )
    registered_after, registered_before = day_range_filters("registered_on")
    updated_since = updated_since_filter()

    class Meta:
        model = ChattelMortgage
        fields = ["enterprise", "status", "bank", "updated_since"]


class LoanProductFilter(django_filters.FilterSet):
    bank = django_filters.CharFilter(
        field_name="bank", lookup_expr="icontains", label="银行", max_length=BANK_MAX_LENGTH
    )
    updated_since = updated_since_filter()

    class Meta:
        model = LoanProduct
        fields = ["bank", "collateral", "active", "updated_since"]


class FinancingNeedFilter(django_filters.FilterSet):
    enterprise = enterprise_filter()
    published_after, published_before = day_range_filters("published_on")
    updated_since = updated_since_filter()

    class Meta:
        model = FinancingNeed
        fields = ["enterprise", "status", "collateral_offered", "updated_since"]


class TrademarkPledgeFilter(django_filters.FilterSet):
    enterprise = enterprise_filter()
    bank = django_filters.CharFilter(
        field_name="pledgee", lookup_expr="icontains", label="质权人", max_length=BANK_MAX_LENGTH
    )
    trademark = django_filters.CharFilter(
        field_name="trademarks__registration_number", label="商标注册号", distinct=True
    )
    registered_after, registered_before = day_range_filters("registered_on")
    updated_since = updated_since_filter()

    class Meta:
        model = TrademarkPledge
        fields = ["enterprise", "status", "pledgor_type", "bank", "trademark", "updated_since"]
