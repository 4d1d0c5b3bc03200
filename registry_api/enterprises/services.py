"""Writes to the enterprise directory; the admin and the API both go through the model's rules."""

from django.db import transaction
from django.db.models import ProtectedError

from core.errors import Conflict
from core.services import model_create, model_update

from .models import Enterprise


@transaction.atomic
def enterprise_create(**fields) -> Enterprise:
    return model_create(Enterprise, **fields)


@transaction.atomic
def enterprise_update(*, enterprise: Enterprise, **fields) -> Enterprise:
    return model_update(enterprise, **fields)


@transaction.atomic
def enterprise_delete(*, enterprise: Enterprise) -> None:
    """Delete an entry; refused (409) while pledges, mortgages or financing needs refer to it:
    those registrations are history that must not vanish with the directory entry."""
    try:
        enterprise.delete()
    except ProtectedError as error:
        kinds = sorted({str(row._meta.verbose_name) for row in error.protected_objects})
        raise Conflict(
            f"该企业仍有{'、'.join(kinds)}记录，不能删除；如企业已注销，请将其状态改为“注销”。"
        ) from error
