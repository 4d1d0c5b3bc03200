"""The embedded shared cache: Django's file cache, without a folder listing on every write.

Every gunicorn worker and the task worker see one folder (throttle counters, idempotency
records, the search answer cache). Django's FileBasedCache calls `_cull` before each `set`,
and `_cull` lists the whole folder to count its files: a write cost 0.25 ms with 100 files
and 7.6 ms with 5,100 (docs/operations.md, "Load and faults"). Throttle counters are written
under an exclusive lock, so under real traffic every counted request queued behind that
listing. Nothing else deletes an entry that is never read again (a past window's counter),
so the folder only grows until MAX_ENTRIES.

Here each process counts the folder at most once every CULL_SECONDS; between counts a write
costs what writing one file costs. The folder may overshoot MAX_ENTRIES by what all processes
write in that time, which a cull then takes back (a random tenth at CULL_FREQUENCY 10, as
Django does).
"""

from __future__ import annotations

import threading
import time

from django.core.cache.backends.filebased import FileBasedCache

CULL_SECONDS = 30.0


class FolderCache(FileBasedCache):
    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._cull_lock = threading.Lock()
        self._cull_due = 0.0

    def _cull(self):
        now = time.monotonic()
        with self._cull_lock:
            if now < self._cull_due:
                return
            self._cull_due = now + CULL_SECONDS
        super()._cull()
