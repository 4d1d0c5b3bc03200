"""Signal handlers that log every save and delete of an audited registry model.

Signals, not service calls, because rows change through the API services, the Wagtail admin's
forms and cascades alike. Each save costs one SELECT (the stored row, for "before") and one
INSERT. `bulk_create`, `bulk_update` and `QuerySet.update/delete` send no signals and are NOT
logged: the demo data generator relies on that to stay fast; code that bulk-changes real data
calls `registry_api.audit.record()` itself. The entry is written in the same transaction as
the change, so a rolled-back change leaves no entry.
"""

from django.db.models.signals import post_delete, post_save, pre_save

from . import registry
from .models import AuditEntry
from .services import audit_record
from .snapshots import snapshot

_BEFORE = "_audit_before"


def remember_stored_row(sender, instance, using, **kwargs) -> None:
    """pre_save: keep the row as stored (None for a new row) on the instance."""
    before = None
    if instance.pk is not None:
        stored = sender._base_manager.using(using).filter(pk=instance.pk).first()
        before = snapshot(stored) if stored is not None else None
    instance.__dict__[_BEFORE] = before


def _saved_state(sender, instance, before: dict | None, update_fields) -> dict:
    """The row as it is now stored: with `update_fields`, only those columns were written."""
    after = snapshot(instance)
    if not update_fields or before is None:
        return after
    names = set()
    for name in update_fields:
        field = next((f for f in sender._meta.concrete_fields if name in (f.name, f.attname)), None)
        if field is not None:
            names.add(field.name)
    return {key: (after[key] if key in names else value) for key, value in before.items()}


def log_save(sender, instance, created, using, update_fields=None, **kwargs) -> None:
    before = instance.__dict__.pop(_BEFORE, None)
    after = _saved_state(sender, instance, before, update_fields)
    if created or before is None:
        audit_record(AuditEntry.Action.CREATE, instance, None, after, using=using)
    else:
        audit_record(AuditEntry.Action.UPDATE, instance, before, after, using=using)


def log_delete(sender, instance, using, **kwargs) -> None:
    audit_record(AuditEntry.Action.DELETE, instance, snapshot(instance), None, using=using)


def connect_audit_signals() -> list[type]:
    """Connect the handlers for every audited model; returns the models (for tests, docs)."""
    models = registry.audited_models()
    for model in models:
        uid = f"audit:{model._meta.label_lower}"
        pre_save.connect(remember_stored_row, sender=model, dispatch_uid=f"{uid}:pre")
        post_save.connect(log_save, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(log_delete, sender=model, dispatch_uid=f"{uid}:delete")
    return models
