"""Readable messages out of a ValidationError, including StreamField block errors, whose own
message is only "Validation error in StreamBlock"."""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Model
from wagtail.blocks import (
    ListBlockValidationError,
    StreamBlockValidationError,
    StructBlockValidationError,
)
from wagtail.fields import StreamField


def _join(path: str, part) -> str:
    return f"{path} › {part}" if path else str(part)


def validation_messages(error: ValidationError, path: str = "") -> list[str]:
    """Every message of `error` prefixed with where it happened: `chapters › 2 › number：…`."""
    messages: list[str] = []
    if isinstance(error, StreamBlockValidationError | ListBlockValidationError):
        for item in error.non_block_errors.as_data():
            messages += validation_messages(item, path)
        for index, child in sorted(error.block_errors.items()):
            messages += validation_messages(child, _join(path, index + 1))
        return messages
    if isinstance(error, StructBlockValidationError):
        for item in error.non_block_errors.as_data():
            messages += validation_messages(item, path)
        for name, child in error.block_errors.items():
            messages += validation_messages(child, _join(path, name))
        return messages
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            where = path if field == NON_FIELD_ERRORS else _join(path, field)
            for item in errors:
                messages += validation_messages(item, where)
        return messages
    if hasattr(error, "error_list") and len(error.error_list) > 1:
        for item in error.error_list:
            messages += validation_messages(item, path)
        return messages
    text = error.messages[0] if error.messages else str(error)
    return [f"{path}：{text}" if path else text]


def stream_field_messages(instance: Model) -> list[str]:
    """Block validation of every StreamField of `instance`. Model validation does not run it
    (the admin's form fields do), so code that writes pages outside the admin calls this."""
    messages = []
    for field in instance._meta.get_fields():
        if isinstance(field, StreamField):
            try:
                field.stream_block.clean(getattr(instance, field.name))
            except ValidationError as error:
                messages += validation_messages(error, field.name)
    return messages
