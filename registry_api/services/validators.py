"""Phone number checks of the services registry: public office lines and askers' contacts."""

import re

from django.core.exceptions import ValidationError

MOBILE = re.compile(r"^1[3-9]\d{9}$")
# 0476-8888888 / 0476 8888888 / (0476)8888888 / 04768888888, optional extension -123.
LANDLINE = re.compile(r"^(?:\(0\d{2,3}\)|0\d{2,3})[- ]?[2-9]\d{6,7}(?:-\d{1,6})?$")
# 12315 / 12345 / 114 style public service numbers, and 400/800 hotlines.
HOTLINE = re.compile(r"^(?:1\d{2}|1\d{4}|[48]00[- ]?\d{3}[- ]?\d{4})$")


def normalise_phone(value: str) -> str:
    """Strip surrounding space and the +86 / 0086 prefix of mobile numbers."""
    value = (value or "").strip()
    compact = re.sub(r"[\s-]", "", value)
    for prefix in ("+86", "0086"):
        if compact.startswith(prefix) and MOBILE.match(compact[len(prefix) :]):
            return compact[len(prefix) :]
    if MOBILE.match(compact):
        return compact
    return value


def is_mobile(value: str) -> bool:
    return bool(MOBILE.match(normalise_phone(value)))


def validate_public_phone(value: str) -> None:
    """An office line shown to the public: landline or hotline, never a personal mobile."""
    number = normalise_phone(value)
    if MOBILE.match(number):
        raise ValidationError(
            "公开的联系电话不能使用手机号码，请填写办公固定电话或服务热线。", code="mobile_refused"
        )
    if not (LANDLINE.match(number) or HOTLINE.match(number)):
        raise ValidationError(
            "请填写有效的固定电话（如 0476-8888888）或服务热线（如 12315、400-123-4567）。",
            code="invalid_phone",
        )


# The numbers validate_contact_phone accepts, as one pattern for the OpenAPI schema
# (core/openapi_schema.py): a mobile, its +86 / 0086 prefix and spaces or hyphens anywhere
# (normalise_phone drops them), or a landline as LANDLINE reads it; surrounding space allowed.
_SEP = r"[\s-]*"
CONTACT_PHONE_PATTERN = (
    rf"^\s*(?:{_SEP}(?:\+{_SEP}8{_SEP}6{_SEP}|0{_SEP}0{_SEP}8{_SEP}6{_SEP})?"
    rf"1{_SEP}[3-9](?:{_SEP}\d){{9}}{_SEP}"
    r"|(?:\(0\d{2,3}\)|0\d{2,3})[- ]?[2-9]\d{6,7}(?:-\d{1,6})?)\s*$"
)


def validate_contact_phone(value: str) -> None:
    """An asker's contact: an 11-digit mobile number or a landline with area code."""
    number = normalise_phone(value)
    if not (MOBILE.match(number) or LANDLINE.match(number)):
        raise ValidationError(
            "请填写有效的手机号码（11位）或带区号的固定电话（如 0476-8888888）。",
            code="invalid_phone",
        )


validate_contact_phone.schema_pattern = CONTACT_PHONE_PATTERN  # type: ignore[attr-defined]
