"""Checks of a vendor's private identity fields (resident ID number, mobile), errors in Chinese."""

import re

from django.core.exceptions import ValidationError

from registry_api.services.validators import MOBILE, normalise_phone

ID_NUMBER = re.compile(r"^[1-9]\d{16}[0-9X]$")
# GB 11643-1999: weights of the first 17 digits, and the check character by the sum mod 11.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def id_check_character(first17: str) -> str:
    """The 18th character of a resident ID number whose first 17 digits are given."""
    return ID_CHECK[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def normalise_id_number(value: str) -> str:
    return (value or "").strip().upper()


def validate_id_number(value: str) -> None:
    """An 18-character resident ID number (居民身份证号码) with a right check character."""
    number = normalise_id_number(value)
    if not ID_NUMBER.match(number):
        raise ValidationError(
            "请填写18位居民身份证号码（前17位为数字，最后一位为数字或X）。", code="invalid_id"
        )
    if id_check_character(number[:17]) != number[17]:
        raise ValidationError("身份证号码校验位不正确，请核对后重新填写。", code="invalid_id_check")


def validate_mobile(value: str) -> None:
    """A mainland mobile number, 11 digits starting 13–19 (a +86 prefix is accepted)."""
    if not MOBILE.match(normalise_phone(value)):
        raise ValidationError("请填写有效的11位手机号码（如 13812345678）。", code="invalid_mobile")
