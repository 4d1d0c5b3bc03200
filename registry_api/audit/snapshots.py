"""JSON-safe snapshots of a registry row and the fields that differ between two of them."""

import datetime
import decimal
import uuid

from django.db import models
from django.utils import timezone

# Fields never written to the log, whatever the model: a key's hash is as good as the key for
# an attacker who reads the log. A model may name more in `audit_exclude_fields`.
SECRET_NAME_PARTS = ("hash", "secret", "password", "token")


def audited_fields(model) -> list[models.Field]:
    """The concrete fields of `model` the log records (secrets left out)."""
    excluded = set(getattr(model, "audit_exclude_fields", ()))
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in excluded
        and not any(part in field.name.lower() for part in SECRET_NAME_PARTS)
    ]


def ignored_for_change(model) -> set[str]:
    """Fields whose change alone is no change: the `auto_now` timestamps (updated_at)."""
    return {
        field.name for field in model._meta.concrete_fields if getattr(field, "auto_now", False)
    }


def json_safe(value):
    """Dates and times as ISO strings (UTC for aware ones), decimals and UUIDs as strings."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(datetime.UTC)
        return value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [json_safe(item) for item in value]
    if isinstance(value, bytes | memoryview):
        return f"<{len(value)} bytes>"
    return str(value)


def _field_value(field: models.Field, instance):
    value = field.value_from_object(instance)
    if value is None:
        return None
    # Normalise what the program assigned to what the database gives back, so 100 and
    # Decimal("100.00"), or "2025-01-02" and date(2025, 1, 2), are not seen as a change.
    if isinstance(field, models.DecimalField | models.DateField | models.TimeField):
        try:
            value = field.to_python(value)
        except Exception:  # noqa: BLE001 - an unparsable value is logged as given
            return json_safe(value)
        if isinstance(field, models.DecimalField) and field.decimal_places is not None:
            value = value.quantize(decimal.Decimal(1).scaleb(-field.decimal_places))
    elif field.is_relation and isinstance(value, str) and value.isdigit():
        value = int(value)
    return json_safe(value)


def snapshot(instance) -> dict:
    """{field name: JSON-safe value} of the audited fields; foreign keys as the target's key."""
    return {field.name: _field_value(field, instance) for field in audited_fields(type(instance))}


def changed_fields(model, before: dict | None, after: dict | None) -> list[str]:
    """Names of the fields that differ, in field order, ignoring `auto_now` timestamps."""
    before, after = before or {}, after or {}
    ignored = ignored_for_change(model)
    names = list(dict.fromkeys([*before, *after]))
    return [name for name in names if name not in ignored and before.get(name) != after.get(name)]
