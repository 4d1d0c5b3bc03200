"""Fill-in values of a contract template: checked against its field definitions, then shown
the way a contract writes them (amounts with two decimals or in capitals, Chinese dates)."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from .numerals import amount_in_capitals
from .placeholders import BLANK, Placeholder

TEXT_MAX_LENGTH = 200
AMOUNT_MAX = Decimal("1000000000000")  # 1 万亿元: beyond any contract this platform serves
INTEGER_MAX = 1_000_000_000
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INTEGER_PATTERN = re.compile(r"^[+-]?\d+$")

REQUIRED = "此项为必填项。"
UNKNOWN = "未知字段：本合同没有这一填写项。"
SINGLE_VALUE = "只能填写一个值。"


def _as_text(value) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise ValidationError(SINGLE_VALUE)
    return str(value).strip()


def _clean_text(text: str) -> str:
    if len(text) > TEXT_MAX_LENGTH:
        raise ValidationError(f"不能超过{TEXT_MAX_LENGTH}个字符。")
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in text):
        raise ValidationError("不能包含换行符或控制字符。")
    return text


def _clean_amount(text: str) -> Decimal:
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValidationError("请输入金额数字（单位：元），如 12000 或 12000.50。") from None
    if not amount.is_finite() or not re.fullmatch(r"[+-]?\d+(\.\d+)?", text):
        raise ValidationError("请输入金额数字（单位：元），如 12000 或 12000.50。")
    if amount < 0:
        raise ValidationError("金额不能为负数。")
    if -amount.as_tuple().exponent > 2:
        raise ValidationError("金额最多保留两位小数。")
    if amount >= AMOUNT_MAX:
        raise ValidationError("金额过大，请核对。")
    return amount.quantize(Decimal("0.01"))


def _clean_date(text: str) -> datetime.date:
    message = "请输入有效日期，格式为 YYYY-MM-DD，如 2026-05-01。"
    if not DATE_PATTERN.match(text):
        raise ValidationError(message)
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(message) from None
    if not 1900 <= day.year <= 2100:
        raise ValidationError("日期应在1900年至2100年之间。")
    return day


def _clean_integer(text: str) -> int:
    if not INTEGER_PATTERN.match(text):
        raise ValidationError("请输入整数，如 12。")
    number = int(text)
    if number < 0:
        raise ValidationError("请输入不小于0的整数。")
    if number > INTEGER_MAX:
        raise ValidationError("数值过大，请核对。")
    return number


CLEANERS = {
    "text": _clean_text,
    "amount": _clean_amount,
    "date": _clean_date,
    "integer": _clean_integer,
}


def fill_values_clean(fields: Sequence, data: Mapping) -> dict:
    """The submitted values checked against `fields` (ContractFillField-like objects):
    {name: str | Decimal | date | int}; optional fields left empty are absent.

    Raises ValidationError({name: [Chinese message]}) listing every problem at once; unknown
    names are refused so that a typo never silently leaves a blank in the contract.
    """
    by_name = {field.name: field for field in fields}
    errors: dict[str, list[str]] = {}
    for name in data:
        if name not in by_name:
            errors[str(name)] = [UNKNOWN]
    cleaned: dict = {}
    for name, field in by_name.items():
        raw = data.get(name)
        try:
            text = "" if raw is None else _as_text(raw)
            if not text:
                if field.required:
                    raise ValidationError(REQUIRED)
                continue
            cleaned[name] = CLEANERS[field.field_type](text)
        except ValidationError as error:
            errors[name] = error.messages
    if errors:
        raise ValidationError(errors)
    return cleaned


def value_display(value, placeholder: Placeholder) -> str:
    """How a cleaned value is written into the contract; a missing value is a blank line."""
    if value is None:
        return BLANK
    if isinstance(value, Decimal):
        if placeholder.format == "大写":
            return amount_in_capitals(value)
        return f"{value:,.2f}"
    if isinstance(value, datetime.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)
