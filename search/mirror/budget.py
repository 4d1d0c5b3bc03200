"""A time budget for the mirror's reads: a scan that runs past it is interrupted by the database.

PostgreSQL: `statement_timeout`, set for the one transaction the reads run in. SQLite: a
progress handler that interrupts the running statement once the deadline has passed (SQLite
calls it every few thousand virtual-machine steps). Either way the database raises
OperationalError, which the callers turn into "the mirror cannot answer either".

The budget is settings.SEARCH_MIRROR_BUDGET_SECONDS when set, else DEFAULT_BUDGET_SECONDS:
the degraded search follows an engine call that may already have spent the engine's budget.
"""

from __future__ import annotations

import contextlib
import contextvars
import time

from django.conf import settings
from django.db import connection, transaction

DEFAULT_BUDGET_SECONDS = 1.0
_SQLITE_STEPS = 10_000
_inside = contextvars.ContextVar("mirror_read_budget", default=False)


def budget_seconds() -> float:
    return float(getattr(settings, "SEARCH_MIRROR_BUDGET_SECONDS", DEFAULT_BUDGET_SECONDS))


@contextlib.contextmanager
def read_budget(seconds: float | None = None):
    """Run the block's queries within `seconds` (default: budget_seconds()). Inside another
    budget, the outer one holds."""
    if _inside.get():
        yield
        return
    token = _inside.set(True)
    try:
        with _budget(budget_seconds() if seconds is None else seconds):
            yield
    finally:
        _inside.reset(token)


@contextlib.contextmanager
def _budget(seconds: float):
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('statement_timeout')")
            before = cursor.fetchone()[0]
            milliseconds = str(max(1, int(seconds * 1000)))
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [milliseconds])
            yield
            # Inside a caller's transaction (a savepoint here) the setting would outlive us.
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [before])
        return
    if connection.vendor == "sqlite":
        deadline = time.monotonic() + seconds
        connection.ensure_connection()
        raw = connection.connection
        # Not inside atomic(): the SQLite settings open every transaction IMMEDIATE, which
        # would take the write lock for a read.
        raw.set_progress_handler(lambda: int(time.monotonic() > deadline), _SQLITE_STEPS)
        try:
            yield
        finally:
            raw.set_progress_handler(None, _SQLITE_STEPS)
        return
    yield
