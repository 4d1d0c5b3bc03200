"""The unified social credit code (统一社会信用代码, GB 32100-2015): check and generate."""

from __future__ import annotations

import random
from dataclasses import dataclass

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
VALUES = {char: value for value, char in enumerate(ALPHABET)}
WEIGHTS = [pow(3, i, 31) for i in range(17)]  # 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28

ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

# Position 2 under registering authority 9 (market regulation).
ENTITY_CATEGORY_ENTERPRISE = "1"
ENTITY_CATEGORY_INDIVIDUAL = "2"
ENTITY_CATEGORY_COOPERATIVE = "3"

HONGSHAN_DIVISION = "150402"


@dataclass(frozen=True)
class CodeProblem:
    """Why a string is not a valid code; `expected` is the right check character, if known."""

    message: str
    expected: str | None = None


def held_for_review_message(problem: CodeProblem) -> str:
    """What a credit record write answers for a code failing only its check character: the
    record is held for a clerk (a partner's typo or an old code), not written."""
    return f"{problem.message}已转人工复核，未写入。"


def not_found_message(code: str) -> str:
    return f"未找到统一社会信用代码为“{code}”的企业。"


def check_character(first17: str) -> str:
    """The 18th character for the first 17 (which must use the code alphabet)."""
    total = sum(VALUES[char] * weight for char, weight in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def organization_check_character(first8: str) -> str:
    """The GB 11714 check character over positions 9–16 of the credit code."""
    total = sum(ORG_ALPHABET.index(c) * w for c, w in zip(first8, ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def find_problem(code: str) -> CodeProblem | None:
    """None if `code` is a valid credit code, else the first problem found, in Chinese."""
    if len(code) != 18:
        return CodeProblem(f"统一社会信用代码应为18位，当前为{len(code)}位。")
    bad = sorted({char for char in code if char not in VALUES})
    if bad:
        listed = "、".join(bad)
        return CodeProblem(
            f"统一社会信用代码含有不允许的字符：{listed}（不使用I、O、S、V、Z及小写字母）。"
        )
    expected = check_character(code[:17])
    if code[17] != expected:
        return CodeProblem(
            f"统一社会信用代码校验位错误：第18位应为“{expected}”，当前为“{code[17]}”。",
            expected=expected,
        )
    return None


def is_valid(code: str) -> bool:
    return find_problem(code) is None


def generate(
    *,
    rng: random.Random,
    category: str = ENTITY_CATEGORY_ENTERPRISE,
    division: str = HONGSHAN_DIVISION,
) -> str:
    """A valid code for market regulation (9), `category`, `division`, random org code."""
    org_body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    org_code = org_body + organization_check_character(org_body)
    first17 = "9" + category + division + org_code
    return first17 + check_character(first17)
