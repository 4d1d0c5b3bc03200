"""Ranks loan products for a financing need: a pure function over plain attributes."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

# Points per criterion; a product meeting every one scores 100.
WEIGHTS = {"amount": 30, "term": 25, "collateral": 25, "scale": 10, "industry": 10}
SCALE_LABELS = {"micro": "微型", "small": "小型", "medium": "中型"}
COLLATERAL_LABELS = {"credit": "信用", "mortgage": "抵押", "pledge": "质押", "guarantee": "保证"}


@dataclass
class Match:
    """One product's fit for a need: eligible products meet every hard constraint."""

    product: Any
    score: int
    eligible: bool
    reasons: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def collateral_compatible(required: str, offered: str) -> bool:
    """A credit (信用) product needs no security; the others need the same kind offered."""
    return required == "credit" or required == offered


def _amount(value) -> str:
    return f"{Decimal(value).normalize():f}"


def match_product(need, enterprise, product) -> Match:
    """Score one product for `need` of `enterprise` (objects with the models' attribute names)."""
    score, reasons, problems = 0, [], []
    amount = Decimal(need.amount)
    low, high = Decimal(product.amount_min), Decimal(product.amount_max)
    if low <= amount <= high:
        score += WEIGHTS["amount"]
        reasons.append(
            f"融资金额{_amount(amount)}万元在产品额度{_amount(low)}–{_amount(high)}万元内"
        )
    else:
        problems.append(
            f"融资金额{_amount(amount)}万元不在产品额度{_amount(low)}–{_amount(high)}万元内"
        )

    if product.term_min_months <= need.term_months <= product.term_max_months:
        score += WEIGHTS["term"]
        reasons.append(
            f"期限{need.term_months}个月在产品期限"
            f"{product.term_min_months}–{product.term_max_months}个月内"
        )
    else:
        problems.append(
            f"期限{need.term_months}个月不在产品期限"
            f"{product.term_min_months}–{product.term_max_months}个月内"
        )

    required = COLLATERAL_LABELS.get(product.collateral, product.collateral)
    offered = COLLATERAL_LABELS.get(need.collateral_offered, need.collateral_offered)
    if collateral_compatible(product.collateral, need.collateral_offered):
        score += WEIGHTS["collateral"]
        if product.collateral == "credit":
            reasons.append("信用贷款，无需抵押或担保")
        else:
            reasons.append(f"可提供的{offered}担保符合产品要求")
    else:
        problems.append(f"产品要求{required}担保，企业可提供的是{offered}")

    scales = list(product.target_scales or [])
    scale = SCALE_LABELS.get(enterprise.scale, enterprise.scale)
    if not scales or enterprise.scale in scales:
        score += WEIGHTS["scale"]
        reasons.append(f"{scale}企业在适用范围内" if scales else "不限企业规模")
    else:
        wanted = "、".join(SCALE_LABELS.get(s, s) for s in scales)
        problems.append(f"产品面向{wanted}企业，该企业为{scale}企业")

    industries = list(product.target_industries or [])
    if not industries:
        score += WEIGHTS["industry"] // 2
        reasons.append("不限行业")
    elif enterprise.industry in industries:
        score += WEIGHTS["industry"]
        reasons.append(f"产品重点支持{enterprise.industry}")
    else:  # industry is a preference, not a hard constraint
        reasons.append(f"产品重点支持{'、'.join(industries)}，非本企业所属行业")

    return Match(
        product=product, score=score, eligible=not problems, reasons=reasons, problems=problems
    )


def rank_products(need, enterprise, products, *, eligible_only: bool = False) -> list[Match]:
    """Active products for a need, best first: eligible ones by score, then lower rates;
    products failing a hard constraint (amount, term, collateral, scale) come last."""
    matches = [match_product(need, enterprise, p) for p in products if p.active]
    if eligible_only:
        matches = [m for m in matches if m.eligible]
    matches.sort(
        key=lambda m: (not m.eligible, -m.score, Decimal(m.product.rate_min), m.product.pk or 0)
    )
    return matches
