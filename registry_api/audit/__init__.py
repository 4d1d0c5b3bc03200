"""The audit log of registry data: who changed which row, when, from what to what.

`record(action, instance, before=None, after=None)` logs a change that bypassed model signals
(bulk operations), `record_many(action, [(instance, before, after), ...])` many at once, and
`snapshot(instance)` takes the "before" state first; everything else is logged by the signal
handlers in `signals.py`. bulk_create/bulk_update/QuerySet.update are not logged by themselves.
"""


def record(action: str, instance, before: dict | None = None, after: dict | None = None):
    from .services import record as _record

    return _record(action, instance, before, after)


def record_many(action: str, changes):
    from .services import record_many as _record_many

    return _record_many(action, changes)


def snapshot(instance) -> dict:
    from .snapshots import snapshot as _snapshot

    return _snapshot(instance)
