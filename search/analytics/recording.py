"""Counting searches and clicks in this process, written in one short transaction now and then.

A search must never wait on, or fail because of, its own statistics. So a search only adds
one to a dictionary in memory (microseconds); every FLUSH_SECONDS, or after FLUSH_EVENTS
counts, the request that finds the buffer due writes all of it at once: one upsert per
(day, query[, rank]) that adds to the stored counts (`INSERT … ON CONFLICT DO UPDATE SET
n = n + excluded.n`, the same SQL on SQLite and PostgreSQL), in its own transaction that waits
at most LOCK_WAIT_MS for a lock (SQLite's busy timeout, PostgreSQL's lock_timeout). A flush
that cannot write (the database is locked by a long import, the table is missing, anything
else) logs a warning, puts the counts back for the next attempt and lets the search answer.

What can be lost: the counts of a process killed before its next flush (seconds of traffic;
a graceful exit flushes, `atexit`). A process's buffer holds at most MAX_KEYS distinct keys;
past that, while the database refuses writes, new keys are dropped rather than memory grown.
A flush inside someone else's transaction would hold its row locks until that transaction
ends, so a search inside an atomic block leaves the flush to a later one.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime
import logging
import threading
import time
from collections import Counter

from django.db import connection, transaction
from django.utils import timezone

from search.query import normalize_query

from .models import MAX_RANK, SearchClickDay, SearchQueryDay
from .scrubbing import scrub_personal_numbers

logger = logging.getLogger(__name__)

FLUSH_SECONDS = 10.0
FLUSH_EVENTS = 200
MAX_KEYS = 20_000
# How long a flush waits for a lock before giving up until the next attempt, and how long
# its statement may run at all (PostgreSQL).
LOCK_WAIT_MS = 200
STATEMENT_MS = 2_000


def analytics_query(text: str) -> str:
    """The text a search or a click is counted under: the normalized query (as searched),
    personal numbers replaced; "" when nothing is left to count."""
    query = scrub_personal_numbers(normalize_query(text))
    return query if any(ch.isalnum() for ch in query) else ""


class CountBuffer:
    """The counts of this process not yet written, safe across threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.searches: Counter = Counter()  # (day, query) → searches
        self.zero_results: Counter = Counter()  # (day, query) → searches that found nothing
        self.clicks: Counter = Counter()  # (day, query, rank) → clicks
        self.events = 0
        self.last_flush = time.monotonic()
        # The database the counts belong to: a test run points the connection back at the
        # development database before the process exits, and its counts must not land there.
        self.database: str | None = None

    def add_search(self, day: datetime.date, query: str, *, zero: bool) -> None:
        with self._lock:
            self._claim_database()
            key = (day, query)
            if key in self.searches or self._room():
                self.searches[key] += 1
                self.zero_results[key] += int(zero)
                self.events += 1

    def add_click(self, day: datetime.date, query: str, rank: int) -> None:
        with self._lock:
            self._claim_database()
            key = (day, query, rank)
            if key in self.clicks or self._room():
                self.clicks[key] += 1
                self.events += 1

    def due(self) -> bool:
        return bool(self.events) and (
            self.events >= FLUSH_EVENTS or time.monotonic() - self.last_flush >= FLUSH_SECONDS
        )

    def take(self) -> tuple[Counter, Counter, Counter, str | None]:
        """Everything counted so far, leaving the buffer empty."""
        with self._lock:
            taken = (self.searches, self.zero_results, self.clicks, self.database)
            self.searches, self.zero_results, self.clicks = Counter(), Counter(), Counter()
            self.events = 0
            self.last_flush = time.monotonic()
            self.database = None
            return taken

    def put_back(self, searches: Counter, zero_results: Counter, clicks: Counter) -> None:
        """Counts a flush could not write, for the next attempt (within MAX_KEYS)."""
        with self._lock:
            for key, count in searches.items():
                if key in self.searches or self._room():
                    self.searches[key] += count
                    self.zero_results[key] += zero_results[key]
                    self.events += count
            for key, count in clicks.items():
                if key in self.clicks or self._room():
                    self.clicks[key] += count
                    self.events += count
            self._claim_database()

    def clear(self) -> None:
        self.take()

    def _room(self) -> bool:
        return len(self.searches) + len(self.clicks) < MAX_KEYS

    def _claim_database(self) -> None:
        if self.database is None:
            self.database = str(connection.settings_dict.get("NAME"))


BUFFER = CountBuffer()


def record_search(answer: dict, *, kind: str | None = None, page: int = 1) -> None:
    """Count one search whose answer is `answer` (public_answer's dict). Only page 1 of the
    search over all kinds counts: paging and narrowing to one kind's tab are the same search
    looked at further. Never raises."""
    try:
        if page != 1 or kind:
            return
        query = analytics_query(answer.get("query") or "")
        if not query:
            return
        BUFFER.add_search(timezone.localdate(), query, zero=not answer.get("total"))
        flush_if_due()
    except Exception:
        logger.warning("search analytics: a search was not counted", exc_info=True)


def record_click(query: str, rank: int) -> bool:
    """Count a click on the result at `rank` for `query` (raw as the page had it); False when
    the query leaves nothing to count. Never raises."""
    try:
        counted = analytics_query(query)
        if not counted or not 1 <= rank <= MAX_RANK:
            return False
        BUFFER.add_click(timezone.localdate(), counted, rank)
        flush_if_due()
        return True
    except Exception:
        logger.warning("search analytics: a click was not counted", exc_info=True)
        return False


def flush_if_due() -> None:
    """Flush when the buffer is due and no transaction of the caller's is open."""
    if BUFFER.due() and not connection.in_atomic_block:
        analytics_flush()


def analytics_flush() -> bool:
    """Write every buffered count; True if written (or nothing to write). On failure the
    counts go back into the buffer and the next attempt waits FLUSH_SECONDS."""
    searches, zero_results, clicks, database = BUFFER.take()
    if not searches and not clicks:
        return True
    if database != str(connection.settings_dict.get("NAME")):
        return True  # counted against another database (a test run's); not this one's
    try:
        _write(searches, zero_results, clicks)
    except Exception:
        logger.warning("search analytics: counts not written, kept for later", exc_info=True)
        BUFFER.put_back(searches, zero_results, clicks)
        return False
    return True


def _write(searches: Counter, zero_results: Counter, clicks: Counter) -> None:
    query_rows = [
        (_day(day), query, count, zero_results[(day, query)])
        for (day, query), count in sorted(searches.items())
    ]
    click_rows = [
        (_day(day), query, rank, count) for (day, query, rank), count in sorted(clicks.items())
    ]
    with _short_lock_wait(), transaction.atomic():
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"SET LOCAL lock_timeout = '{LOCK_WAIT_MS}ms'")
                cursor.execute(f"SET LOCAL statement_timeout = '{STATEMENT_MS}ms'")
            if query_rows:
                cursor.executemany(
                    _upsert_sql(SearchQueryDay, ["day", "query"], ["searches", "zero_results"]),
                    query_rows,
                )
            if click_rows:
                cursor.executemany(
                    _upsert_sql(SearchClickDay, ["day", "query", "rank"], ["clicks"]), click_rows
                )


def _day(day: datetime.date):
    return connection.ops.adapt_datefield_value(day)


def _upsert_sql(model, keys: list[str], counts: list[str]) -> str:
    """INSERT … ON CONFLICT (keys) DO UPDATE adding the new counts to the stored ones; keys
    sorted by the caller, so two processes never lock the same rows in opposite orders."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(name) for name in keys + counts)
    values = ", ".join(["%s"] * (len(keys) + len(counts)))
    additions = ", ".join(
        f"{quote(name)} = {table}.{quote(name)} + excluded.{quote(name)}" for name in counts
    )
    conflict = ", ".join(quote(name) for name in keys)
    return (
        f"INSERT INTO {table} ({columns}) VALUES ({values}) "
        f"ON CONFLICT ({conflict}) DO UPDATE SET {additions}"
    )


class _short_lock_wait:
    """SQLite: the connection's busy timeout (20 s in settings) is LOCK_WAIT_MS while the
    flush takes the write lock, then back to what it was."""

    def __enter__(self):
        self.previous = None
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA busy_timeout")
                self.previous = cursor.fetchone()[0]
                cursor.execute(f"PRAGMA busy_timeout = {int(LOCK_WAIT_MS)}")
        return self

    def __exit__(self, *exc_info):
        if self.previous is not None:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA busy_timeout = {int(self.previous)}")
        return False


@atexit.register
def _flush_at_exit() -> None:
    # The interpreter is stopping: logging's streams may be closed already, so a failure
    # here is not reported (analytics_flush logs it only if it can).
    logging.raiseExceptions = False  # a closed stream is no error worth printing at exit
    with contextlib.suppress(Exception):
        if BUFFER.events:
            analytics_flush()
