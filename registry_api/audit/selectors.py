"""Reads of the audit log: the public deletions feed and the admin's model choices."""

import datetime

from django.db.models import Q, QuerySet

from . import registry
from .models import AuditEntry


def deletion_list(
    *, since: datetime.datetime | None = None, types: list[str] | None = None
) -> QuerySet[AuditEntry]:
    """Delete entries of public registry kinds, only the columns the feed may show.

    `before`/`after` are deferred on purpose: they hold personal data and never leave here.
    """
    names = types or list(registry.PUBLIC_TYPES)
    kinds = Q()
    for name in names:
        public_type = registry.PUBLIC_TYPES[name]
        kinds |= Q(app_label=public_type.app_label, model_name=public_type.model_name)
    entries = AuditEntry.objects.filter(kinds, action=AuditEntry.Action.DELETE)
    if since is not None:
        entries = entries.filter(at__gte=since)
    return entries.only("id", "at", "app_label", "model_name", "object_key")


def audited_model_choices() -> list[tuple[str, str]]:
    """("app_label.model_name", verbose name) of every audited model, for the admin filter."""
    return [
        (model._meta.label_lower, str(model._meta.verbose_name))
        for model in registry.audited_models()
    ]
