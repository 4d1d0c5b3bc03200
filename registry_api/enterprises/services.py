"""Writes to the enterprise directory; the admin and the API both go through the model's rules."""

from django.db import transaction

from .models import Enterprise


@transaction.atomic
def enterprise_create(**fields) -> Enterprise:
    enterprise = Enterprise(**fields)
    enterprise.full_clean()
    enterprise.save()
    return enterprise


@transaction.atomic
def enterprise_update(*, enterprise: Enterprise, **fields) -> Enterprise:
    for name, value in fields.items():
        setattr(enterprise, name, value)
    enterprise.full_clean()
    enterprise.save()
    return enterprise


@transaction.atomic
def enterprise_delete(*, enterprise: Enterprise) -> None:
    enterprise.delete()
