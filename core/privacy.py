"""Masking of personal data that the law lets us show only in part (docs/decisions/0016)."""

import re


def mask_name(name: str) -> str:
    """张三丰 → 张*丰, 张三 → 张*, a single character stays (it identifies no one)."""
    name = (name or "").strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_mobile(number: str) -> str:
    """13812345678 → 138****5678."""
    digits = re.sub(r"\D", "", number or "")
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_id_number(number: str) -> str:
    """150402199001011234 → 1504**********1234 (region prefix and last four kept)."""
    number = (number or "").strip()
    if len(number) < 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


# What a mainland mobile number and an 18-digit resident ID number look like in free text.
MOBILE_PATTERN = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
ID_NUMBER_PATTERN = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"\d{3}[0-9Xx](?![0-9A-Za-z])"
)


def personal_numbers(text: str) -> list[str]:
    """Mobile and ID numbers found in free text that is about to be published."""
    text = text or ""
    return MOBILE_PATTERN.findall(text) + ID_NUMBER_PATTERN.findall(text)
