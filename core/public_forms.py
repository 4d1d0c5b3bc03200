"""Pieces shared by the serializers of the public's forms (inquiries, pledge consultations,
complaints): Chinese error messages per field, and the optional e-mail field."""

from rest_framework import serializers


def field_messages(required: str, max_length: int | None = None) -> dict:
    """DRF error messages for a required text field, in Chinese."""
    messages = {"required": required, "blank": required, "null": required}
    if max_length:
        messages["max_length"] = f"不能超过 {max_length} 个字符。"
    return messages


def optional_email() -> serializers.EmailField:
    return serializers.EmailField(
        required=False,
        allow_blank=True,
        max_length=254,
        error_messages={"invalid": "请填写有效的电子邮箱地址。"},
    )


def contact_phone() -> serializers.CharField:
    """The contact phone of a public form (checked further by the model's validators)."""
    return serializers.CharField(
        max_length=32, error_messages=field_messages("请填写联系电话。", 32)
    )
