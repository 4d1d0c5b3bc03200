"""The pure matching function: scores, reasons, hard constraints and order."""

from decimal import Decimal
from types import SimpleNamespace

from registry_api.finance.matching import collateral_compatible, match_product, rank_products


def product(pk, **fields):
    values = {
        "pk": pk,
        "bank": "银行",
        "name": f"产品{pk}",
        "rate_min": Decimal("4"),
        "amount_min": Decimal("10"),
        "amount_max": Decimal("100"),
        "term_min_months": 6,
        "term_max_months": 36,
        "collateral": "credit",
        "target_scales": ["micro", "small"],
        "target_industries": [],
        "active": True,
    }
    return SimpleNamespace(**{**values, **fields})


NEED = SimpleNamespace(amount=Decimal("50"), term_months=12, collateral_offered="mortgage")
MICRO_SHOP = SimpleNamespace(scale="micro", industry="批发和零售业")


def test_a_product_meeting_every_criterion_scores_high_with_reasons():
    match = match_product(NEED, MICRO_SHOP, product(1, target_industries=["批发和零售业"]))
    assert match.eligible and match.score == 100 and not match.problems
    assert "融资金额50万元在产品额度10–100万元内" in match.reasons
    assert "期限12个月在产品期限6–36个月内" in match.reasons
    assert "信用贷款，无需抵押或担保" in match.reasons
    assert "微型企业在适用范围内" in match.reasons
    assert "产品重点支持批发和零售业" in match.reasons


def test_each_hard_constraint_makes_a_product_ineligible_with_the_reason():
    cases = {
        "amount_max": (Decimal("30"), "融资金额50万元不在产品额度10–30万元内"),
        "term_max_months": (6, "期限12个月不在产品期限6–6个月内"),
        "collateral": ("pledge", "产品要求质押担保，企业可提供的是抵押"),
        "target_scales": (["medium"], "产品面向中型企业，该企业为微型企业"),
    }
    for field, (value, reason) in cases.items():
        match = match_product(NEED, MICRO_SHOP, product(1, **{field: value}))
        assert not match.eligible, field
        assert match.problems == [reason]


def test_industry_is_a_preference_not_a_constraint():
    match = match_product(NEED, MICRO_SHOP, product(1, target_industries=["制造业"]))
    assert match.eligible and match.score == 90
    assert "产品重点支持制造业，非本企业所属行业" in match.reasons


def test_collateral_compatibility():
    assert collateral_compatible("credit", "guarantee")
    assert collateral_compatible("mortgage", "mortgage")
    assert not collateral_compatible("mortgage", "credit")


def test_ranking_puts_eligible_first_by_score_then_rate_and_skips_inactive():
    products = [
        product(1, amount_max=Decimal("20")),  # ineligible
        product(2, rate_min=Decimal("5")),  # eligible, 95
        product(3, rate_min=Decimal("3")),  # eligible, 95, cheaper
        product(4, target_industries=["批发和零售业"]),  # eligible, 100
        product(5, active=False),
    ]
    ranked = rank_products(NEED, MICRO_SHOP, products)
    assert [m.product.pk for m in ranked] == [4, 3, 2, 1]
    assert ranked[-1].eligible is False
    eligible = rank_products(NEED, MICRO_SHOP, products, eligible_only=True)
    assert [m.product.pk for m in eligible] == [4, 3, 2]
