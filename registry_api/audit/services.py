"""Writes of the audit log: record one change, and prune entries past the retention period."""

import datetime

from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from . import registry
from .actor import Actor, current_actor
from .models import AuditEntry
from .snapshots import changed_fields, snapshot


class _QueryBlocked(Exception):
    pass


def _refuse_query(execute, sql, params, many, context):
    raise _QueryBlocked


def object_repr(instance) -> str:
    """`str(instance)` if it needs no query; else "<verbose name> #<pk>".

    Some __str__ methods follow a foreign key (FinancingNeed names its enterprise); in a
    signal handler that would add a query per save, so such a repr falls back to the key.
    The refused query never reaches the database (DEBUG's query log still lists it).
    """
    connection = connections[instance._state.db or DEFAULT_DB_ALIAS]
    try:
        with connection.execute_wrapper(_refuse_query):
            text = str(instance)
    except _QueryBlocked:
        text = f"{instance._meta.verbose_name} #{instance.pk}"
    return text[:255]


def audit_entry_build(
    action: str,
    instance,
    before: dict | None,
    after: dict | None,
    *,
    actor: Actor | None = None,
) -> AuditEntry | None:
    """The unsaved entry for one change of `instance`, or None for an update that changed
    nothing but `auto_now` fields. `before`/`after` are `snapshots.snapshot()` dicts or None."""
    model = type(instance)
    fields = changed_fields(model, before, after)
    if action == AuditEntry.Action.UPDATE and not fields:
        return None
    if action == AuditEntry.Action.DELETE:
        fields = []
    actor = actor or current_actor()
    key_field = registry.key_field_of(model)
    state = after if action != AuditEntry.Action.DELETE else before
    key = instance.pk if key_field == "pk" else (state or {}).get(key_field, instance.pk)
    return AuditEntry(
        at=timezone.now(),
        actor_type=actor.type,
        actor_user_id=actor.user_id,
        actor_label=actor.label[:200],
        action=action,
        app_label=model._meta.app_label,
        model_name=model._meta.model_name,
        object_pk=str(instance.pk),
        object_key=str(key)[:64],
        object_repr=object_repr(instance),
        before=before,
        after=after,
        changed_fields=fields,
        request_id=actor.request_id,
        path=actor.path,
    )


def audit_record(
    action: str,
    instance,
    before: dict | None,
    after: dict | None,
    *,
    actor: Actor | None = None,
    using: str | None = None,
) -> AuditEntry | None:
    """Log one change of `instance` (one INSERT); see `audit_entry_build`."""
    entry = audit_entry_build(action, instance, before, after, actor=actor)
    if entry is not None:
        entry.save(using=using or instance._state.db or DEFAULT_DB_ALIAS)
    return entry


def record(action: str, instance, before: dict | None = None, after: dict | None = None):
    """Explicit logging for writes that bypass model signals (bulk_create, bulk_update,
    queryset.update/delete). Missing snapshots are taken from `instance` as it is now:
    `after` for create and update, `before` for delete."""
    if action == AuditEntry.Action.DELETE:
        before = before if before is not None else snapshot(instance)
    elif after is None:
        after = snapshot(instance)
    return audit_record(action, instance, before, after)


def record_many(action: str, changes) -> list[AuditEntry]:
    """`record()` for many rows at once, one INSERT per 500: `changes` yields
    (instance, before, after) as `record()` takes them. For callers of bulk_update."""
    actor = current_actor()
    entries = []
    for instance, before, after in changes:
        if action == AuditEntry.Action.DELETE:
            before = before if before is not None else snapshot(instance)
        elif after is None:
            after = snapshot(instance)
        entry = audit_entry_build(action, instance, before, after, actor=actor)
        if entry is not None:
            entries.append(entry)
    return AuditEntry.objects.bulk_create(entries, batch_size=500)


def audit_prune(*, older_than_days: int, batch_size: int = 5000) -> int:
    """Delete entries older than `older_than_days` days, in batches; returns how many."""
    cutoff = timezone.now() - datetime.timedelta(days=older_than_days)
    deleted = 0
    while True:
        ids = list(
            AuditEntry.objects.filter(at__lt=cutoff).values_list("id", flat=True)[:batch_size]
        )
        if not ids:
            return deleted
        # No signals or relations point at entries, so this is one DELETE per batch.
        deleted += AuditEntry.objects.filter(id__in=ids).delete()[0]
