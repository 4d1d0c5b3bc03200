"""Chinese numerals as legal texts use them: 第十二条 ↔ 12, and amounts in capitals (大写)."""

from __future__ import annotations

import re
from decimal import Decimal

DIGITS = "零一二三四五六七八九"
_DIGIT_VALUE = {ch: i for i, ch in enumerate(DIGITS)} | {"〇": 0, "两": 2}
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}

# 第十二条, 第一百零五条, 第十二条之一 (an article inserted by an amendment).
ARTICLE_NUMBER = re.compile(
    r"^第([零〇一二两三四五六七八九十百千]+)条(?:之([一二三四五六七八九十]+))?$"
)
CHAPTER_NUMBER = re.compile(r"^第([零〇一二两三四五六七八九十百千]+)章")


def chinese_to_int(text: str) -> int:
    """一 → 1, 十二 → 12, 一百零五 → 105, 二千零二十六 → 2026; ValueError when malformed."""
    if not text:
        raise ValueError("empty numeral")
    total, digit = 0, None
    for ch in text:
        if ch in _DIGIT_VALUE:
            if digit not in (None, 0) and _DIGIT_VALUE[ch] != 0:
                raise ValueError(f"two digits in a row: {text}")
            digit = _DIGIT_VALUE[ch]
        elif ch in _UNIT_VALUE:
            total += (1 if digit is None else digit) * _UNIT_VALUE[ch]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {text}")
    return total + (digit or 0)


def int_to_chinese(number: int) -> str:
    """1 → 一, 12 → 十二, 105 → 一百零五, 110 → 一百一十 (numbers 1–9999)."""
    if not 0 < number < 10_000:
        raise ValueError(f"out of range: {number}")
    parts: list[str] = []
    pending_zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, value)
        if digit == 0:
            pending_zero = bool(parts)
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        parts.append(DIGITS[digit] + unit)
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text  # 十二, not 一十二


def article_anchor(number: str) -> str:
    """第十二条 → article-12; 第十二条之一 → article-12-1. ValueError when malformed."""
    match = ARTICLE_NUMBER.match(number.strip())
    if not match:
        raise ValueError(f"not an article number: {number}")
    anchor = f"article-{chinese_to_int(match.group(1))}"
    if match.group(2):
        anchor += f"-{chinese_to_int(match.group(2))}"
    return anchor


def article_sort_key(number: str) -> tuple[int, int]:
    """Order of article numbers: 第十二条 < 第十二条之一 < 第十三条."""
    match = ARTICLE_NUMBER.match(number.strip())
    if not match:
        raise ValueError(f"not an article number: {number}")
    return chinese_to_int(match.group(1)), chinese_to_int(match.group(2) or "零")


def chapter_anchor(title: str) -> str:
    """第二章 商标注册的申请 → chapter-2; a title without a chapter number → ""."""
    match = CHAPTER_NUMBER.match(title.strip())
    if not match:
        return ""
    try:
        return f"chapter-{chinese_to_int(match.group(1))}"
    except ValueError:
        return ""


def clause_label(number: int) -> str:
    """The heading number of a contract clause: 3 → 第三条."""
    return f"第{int_to_chinese(number)}条"


_CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CAPITAL_UNITS = ("", "拾", "佰", "仟")
_CAPITAL_GROUPS = ("", "万", "亿", "万亿")


def _capital_group(number: int) -> str:
    """0–9999 in capitals without the group unit, zeros collapsed: 1005 → 壹仟零伍."""
    text, zero = "", False
    for position in range(3, -1, -1):
        digit = number // 10**position % 10
        if digit == 0:
            zero = bool(text)
            continue
        if zero:
            text += "零"
            zero = False
        text += _CAPITAL_DIGITS[digit] + _CAPITAL_UNITS[position]
    return text


def amount_in_capitals(amount: Decimal) -> str:
    """人民币大写 as banks write it: 12345.60 → 壹万贰仟叁佰肆拾伍元陆角整, 0 → 零元整."""
    if amount < 0:
        raise ValueError("negative amount")
    fen_total = int((amount * 100).quantize(Decimal("1")))
    yuan, fen_part = divmod(fen_total, 100)
    jiao, fen = divmod(fen_part, 10)
    if yuan >= 10**16:
        raise ValueError("amount too large")

    text = ""
    groups = []
    while yuan:
        yuan, group = divmod(yuan, 10_000)
        groups.append(group)
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            if text and not text.endswith("零"):
                text += "零"
            continue
        if text and group < 1000 and not text.endswith("零"):
            text += "零"
        text += _capital_group(group) + _CAPITAL_GROUPS[index]
    text = text.rstrip("零")
    if text:
        text += "元"

    if jiao == 0 and fen == 0:
        return (text or "零元") + "整"
    if jiao:
        text += _CAPITAL_DIGITS[jiao] + "角"
    elif text:
        text += "零"
    if fen:
        text += _CAPITAL_DIGITS[fen] + "分"
    else:
        text += "整"
    return text
