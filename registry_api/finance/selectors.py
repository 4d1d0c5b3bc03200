"""Reads of 融资服务, including the finance timeline of an enterprise's credit profile."""

from django.db.models import Prefetch, QuerySet

from core.privacy import mask_name

from .matching import Match, rank_products
from .models import (
    ChattelMortgage,
    EquityPledge,
    FinancingAnswer,
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
    """The public needs (never 待审核 or 未通过审核), each with its visible answers in
    `visible_answers` (one query for a whole page)."""
    return _with_visible_answers(
        FinancingNeed.objects.filter(status__in=FinancingNeed.PUBLIC_STATUSES)
    )


def _with_visible_answers(needs: QuerySet[FinancingNeed]) -> QuerySet[FinancingNeed]:
    answers = Prefetch(
        "answers", queryset=financing_answer_public_list(), to_attr="visible_answers"
    )
    return needs.select_related("enterprise").prefetch_related(answers)


def financing_answer_public_list() -> QuerySet[FinancingAnswer]:
    return FinancingAnswer.objects.filter(status=FinancingAnswer.Status.VISIBLE).select_related(
        "product"
    )


def financing_need_by_reference(code: str) -> FinancingNeed | None:
    """A submitted need by its 查询码, whatever its status (the submitter's own look-up)."""
    code = (code or "").strip().upper()
    if not code:
        return None
    return _with_visible_answers(FinancingNeed.objects.filter(reference=code)).first()


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
