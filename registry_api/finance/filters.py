"""Query-string filters of the finance lists."""

import django_filters

from .models import ChattelMortgage, EquityPledge, FinancingNeed, LoanProduct, TrademarkPledge


def _enterprise_filter():
    return django_filters.CharFilter(
        field_name="enterprise__credit_code", label="企业统一社会信用代码"
    )


def _updated_since():
    return django_filters.IsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", label="更新时间不早于（ISO 8601）"
    )


class EquityPledgeFilter(django_filters.FilterSet):
    enterprise = _enterprise_filter()
    bank = django_filters.CharFilter(field_name="pledgee", lookup_expr="icontains", label="质权人")
    registered_after = django_filters.DateFilter(field_name="registered_on", lookup_expr="gte")
    registered_before = django_filters.DateFilter(field_name="registered_on", lookup_expr="lte")
    updated_since = _updated_since()

    class Meta:
        model = EquityPledge
        fields = ["enterprise", "status", "pledgor_type", "bank", "updated_since"]


class ChattelMortgageFilter(django_filters.FilterSet):
    enterprise = _enterprise_filter()
    bank = django_filters.CharFilter(
        field_name="mortgagee", lookup_expr="icontains", label="抵押权人"
    )
    registered_after = django_filters.DateFilter(field_name="registered_on", lookup_expr="gte")
    registered_before = django_filters.DateFilter(field_name="registered_on", lookup_expr="lte")
    updated_since = _updated_since()

    class Meta:
        model = ChattelMortgage
        fields = ["enterprise", "status", "bank", "updated_since"]


class LoanProductFilter(django_filters.FilterSet):
    bank = django_filters.CharFilter(field_name="bank", lookup_expr="icontains", label="银行")
    updated_since = _updated_since()

    class Meta:
        model = LoanProduct
        fields = ["bank", "collateral", "active", "updated_since"]


class FinancingNeedFilter(django_filters.FilterSet):
    enterprise = _enterprise_filter()
    published_after = django_filters.DateFilter(field_name="published_on", lookup_expr="gte")
    published_before = django_filters.DateFilter(field_name="published_on", lookup_expr="lte")
    updated_since = _updated_since()

    class Meta:
        model = FinancingNeed
        fields = ["enterprise", "status", "collateral_offered", "updated_since"]


class TrademarkPledgeFilter(django_filters.FilterSet):
    enterprise = _enterprise_filter()
    bank = django_filters.CharFilter(field_name="pledgee", lookup_expr="icontains", label="质权人")
    trademark = django_filters.CharFilter(
        field_name="trademarks__registration_number", label="商标注册号", distinct=True
    )
    registered_after = django_filters.DateFilter(field_name="registered_on", lookup_expr="gte")
    registered_before = django_filters.DateFilter(field_name="registered_on", lookup_expr="lte")
    updated_since = _updated_since()

    class Meta:
        model = TrademarkPledge
        fields = ["enterprise", "status", "pledgor_type", "bank", "trademark", "updated_since"]
