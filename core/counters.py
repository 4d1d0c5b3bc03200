"""Counters and claims in the shared cache, exact across processes and threads.

A cache with its own atomic `incr` (Redis, Memcached, LocMem) is used through `add` +
`incr`; a file cache has none (its `add` and `incr` are a read then a write), so there the
read and the write happen under an exclusive fcntl lock on a file in the cache folder. Used
by the API's throttles (core/throttling.py), the duplicate-submission check
(core/duplicates.py) and the site-wide search's one-ask-per-request (search/result_cache.py).
Needs Django's cache only: importing it loads no settings.
"""

import contextlib
import fcntl
import os

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache import cache as default_cache
from django.core.cache.backends.filebased import FileBasedCache

LOCK_FILE_NAME = "throttle-counters.lock"


@contextlib.contextmanager
def _counter_lock(cache):
    """Exclusive across processes and threads (one open file description per holder)."""
    # DRF's throttles hold django.core.cache.cache, a proxy to the default backend.
    cache = caches[DEFAULT_CACHE_ALIAS] if cache is default_cache else cache
    if not isinstance(cache, FileBasedCache):
        yield False
        return
    os.makedirs(cache._dir, exist_ok=True)
    with open(os.path.join(cache._dir, LOCK_FILE_NAME), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield True
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def window_count_increment(cache, key: str, *, timeout: int) -> int:
    """Count one more request under `key`; the new count. The counter expires after
    `timeout` seconds (the end of its window)."""
    timeout = max(1, timeout)
    with _counter_lock(cache) as locked:
        if locked:
            # Not cache.incr: the base class's incr would also reset the expiry to the
            # cache's default TIMEOUT (an hour), ending a daily window early.
            count = cache.get(key, 0) + 1
            cache.set(key, count, timeout)
            return count
        if cache.add(key, 1, timeout):
            return 1
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout)
            return 1


def window_claim(cache, key: str, *, holder: str, timeout: int) -> str:
    """Take `key` for `holder` for `timeout` seconds unless someone holds it; who holds it now
    (`holder` if taken). One winner across processes: the file cache's add is a read then a
    write, so it runs under the lock."""
    timeout = max(1, timeout)
    with _counter_lock(cache) as locked:
        if not locked:
            cache.add(key, holder, timeout)
            return cache.get(key, holder)
        current = cache.get(key)
        if current is not None:
            return current
        cache.set(key, holder, timeout)
        return holder
