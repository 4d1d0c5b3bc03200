"""Reads of 融资服务, including the finance timeline of an enterprise's credit profile."""

from django.db.models import QuerySet

from registry_api.enterprises.models import Enterprise
from registry_api.privacy import mask_name

from .matching import Match, rank_products
from .models import (
    CHATTEL_HISTORICAL_LABEL,
    CHATTEL_REFERRAL,
    ChattelMortgage,
    EquityPledge,
    FinancingNeed,
    LoanProduct,
)


def equity_pledge_list() -> QuerySet[EquityPledge]:
    return EquityPledge.objects.select_related("enterprise")


def chattel_mortgage_list() -> QuerySet[ChattelMortgage]:
    return ChattelMortgage.objects.select_related("enterprise")


def loan_product_list() -> QuerySet[LoanProduct]:
    return LoanProduct.objects.all()


def financing_need_list() -> QuerySet[FinancingNeed]:
    return FinancingNeed.objects.select_related("enterprise")


def active_loan_products() -> list[LoanProduct]:
    return list(LoanProduct.objects.filter(active=True).order_by("id"))


def financing_need_matches(
    need: FinancingNeed, products: list[LoanProduct] | None = None, *, eligible_only=False
) -> list[Match]:
    """Active loan products ranked for `need` (pass `products` to rank many needs at once)."""
    if products is None:
        products = active_loan_products()
    return rank_products(need, need.enterprise, products, eligible_only=eligible_only)


def pledgor_public_name(pledge: EquityPledge) -> str:
    """Natural persons are masked (张*明); enterprise pledgors are public."""
    if pledge.pledgor_type == EquityPledge.PledgorType.NATURAL_PERSON:
        return mask_name(pledge.pledgor_name)
    return pledge.pledgor_name


def enterprise_finance_timeline(enterprise: Enterprise) -> list[dict]:
    """Equity pledges of the enterprise's equity and its historical chattel mortgages, newest
    first: {"type", "date", "title", "status", "status_display", "registration_number", ...}."""
    entries = []
    for pledge in enterprise.equity_pledges.all():
        entries.append(
            {
                "type": "equity_pledge",
                "date": pledge.registered_on,
                "title": (
                    f"股权出质登记：出质人{pledgor_public_name(pledge)}，质权人{pledge.pledgee}"
                ),
                "status": pledge.status,
                "status_display": pledge.get_status_display(),
                "registration_number": pledge.registration_number,
                "amount": pledge.amount,
                "amount_unit": pledge.get_amount_unit_display(),
                "cancelled_on": pledge.cancelled_on,
            }
        )
    for mortgage in enterprise.chattel_mortgages.all():
        entries.append(
            {
                "type": "chattel_mortgage",
                "date": mortgage.registered_on,
                "title": (
                    f"动产抵押登记（{CHATTEL_HISTORICAL_LABEL}）：抵押权人{mortgage.mortgagee}"
                ),
                "status": mortgage.status,
                "status_display": mortgage.get_status_display(),
                "registration_number": mortgage.registration_number,
                "amount": mortgage.secured_amount,
                "amount_unit": "万元",
                "cancelled_on": mortgage.cancelled_on,
                "historical": True,
                "referral": CHATTEL_REFERRAL,
            }
        )
    entries.sort(key=lambda e: (e["date"], e["registration_number"]), reverse=True)
    return entries
