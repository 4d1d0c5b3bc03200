"""Reads of 融资服务, including the finance timeline of an enterprise's credit profile."""

from django.db.models import QuerySet

from core.privacy import mask_name

from .matching import Match, rank_products
from .models import (
    ChattelMortgage,
    EquityPledge,
    FinancingNeed,
    LoanProduct,
    TrademarkPledge,
)


def equity_pledge_list() -> QuerySet[EquityPledge]:
    return EquityPledge.objects.select_related("enterprise")


def chattel_mortgage_list() -> QuerySet[ChattelMortgage]:
    return ChattelMortgage.objects.select_related("enterprise")


def trademark_pledge_list() -> QuerySet[TrademarkPledge]:
    return TrademarkPledge.objects.select_related("enterprise").prefetch_related("trademarks")


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


def trademark_pledgor_public_name(pledge: TrademarkPledge) -> str:
    """Natural persons are masked (张*明); a directory enterprise shows under its own name."""
    if pledge.pledgor_type == TrademarkPledge.PledgorType.NATURAL_PERSON:
        return mask_name(pledge.pledgor_name)
    return pledge.enterprise.name if pledge.enterprise_id else pledge.pledgor_name
