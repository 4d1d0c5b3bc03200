"""Recent answers of the public site-wide search, shared by every worker process.

Everyday queries repeat (食品, 营业执照, 红山): the public search keeps each answer for
settings.SEARCH_RESULT_SECONDS under a key made of the request (normalized query, kind,
page) and the local date (public periods end at midnight), with the index generation it was
given in: only an answer of the current generation is a hit. The generation is a number
that every write to the index moves (`index_changed`, called by
search/indexing.py and search/indices.py), so a publish is searchable at once and no cached
answer outlives the content it shows. It lives in the default cache, which every process
sees (a file cache by default).

On the local engine a query costs its whole scan (0.2–0.3 s at the default scale) and four
clients at once queue behind one another; on a real cluster the cache still spares the
engine the repeats. Only answers are kept, never errors. While the engine is down or over
its time budget, a request answered earlier the same day gets that answer again (marked
`cache;desc=stale` in Server-Timing) instead of a 503.

One ask per request at a time: the first to miss claims the request (`window_claim`,
core/counters.py, one holder across processes, for the search time budget) and asks
the engine; others asking the same meanwhile, in any process, wait for its answer instead
of queueing the same query behind it (they read it as a hit), within the budget. When the
claim ends without an answer (the engine failed), a waiter asks for itself; when the budget
is spent waiting, it is "unavailable" like an engine call over budget (a stale answer or a 503).
"""

from __future__ import annotations

import hashlib
import math
import time
import uuid

from django.conf import settings
from django.core.cache import cache

from core.counters import window_claim

from .client import EngineBusy, engine_time_current

GENERATION_KEY = "search:generation"
# The last answer for a request, kept for when the engine cannot answer (at most a day:
# the day is part of the request's key); within SEARCH_RESULT_SECONDS of the same generation
# it is a hit. One entry, so a miss writes one file besides its claim.
STALE_SECONDS = 24 * 3600
# How often a request waiting for another's answer looks for it (a file read).
WAIT_POLL_SECONDS = 0.02


def enabled() -> bool:
    return settings.SEARCH_RESULT_SECONDS > 0


def index_changed() -> None:
    """Every cached answer is out of date from now on (the index was written)."""
    if enabled():
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def _key(parts: tuple) -> str:
    """The one entry of a request: its last answer with the generation and time it was
    given. Fresh while both hold; the stale stand-in (at most a day old) otherwise."""
    return "search:given:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def _fresh(entry, generation) -> dict | None:
    """The entry's answer if it was given in this generation within SEARCH_RESULT_SECONDS."""
    if not _is_entry(entry):
        return None
    entry_generation, given_at, answer = entry
    if entry_generation != generation or time.time() - given_at >= settings.SEARCH_RESULT_SECONDS:
        return None
    return answer


def _is_entry(value) -> bool:
    """Whether a cached value is an entry of this module's shape (a deploy may find other
    values left by an earlier version in the shared cache)."""
    return isinstance(value, tuple) and len(value) == 3


def cached_answer(parts: tuple, compute, *, unavailable=lambda error: False):
    """`compute()`'s answer for the request `parts`, from the cache when it was given since
    the index last changed. Returns (answer, whether it came from the cache).

    When `compute()` fails with an error for which `unavailable(error)` is true (the engine
    is down, or busy past the time budget), the last answer given for the same request is
    served instead, if there is one: `parts` hold the day, so it is never older than the
    day's first answer and never shows what the day's public periods hid. Otherwise the
    error propagates (the view answers 503)."""
    if not enabled():
        return compute(), False
    key = _key(parts)
    generation = cache.get(GENERATION_KEY, 0)
    claim = _claim_key(key, generation)
    entry = None
    try:
        entry = cache.get(key)
        answer = _fresh(entry, generation)
        if answer is None:
            answer = _answer_of_another(key, claim, generation)
        if answer is not None:
            _note("hit")
            return answer, True
        answer = compute()
    except Exception as error:
        cache.delete(claim)
        stale = entry[2] if _is_entry(entry) and unavailable(error) else None
        if stale is None:
            _note("miss")
            raise
        _note("stale")
        return stale, True
    _note("miss")
    cache.set(key, (generation, time.time(), answer), timeout=STALE_SECONDS)
    cache.delete(claim)
    return answer, False


def _claim_key(key: str, generation) -> str:
    return f"{key}:{generation}:asking"


def _answer_of_another(key: str, claim: str, generation):
    """None once this request holds the claim to ask the engine for `key` (see above), or
    when the one that held it failed; the answer when it gave one. Waiting is bounded by the
    search time budget: past it, EngineBusy, as for an engine call (no second budget)."""
    budget = settings.SEARCH_BUDGET_SECONDS
    holder = uuid.uuid4().hex
    if window_claim(cache, claim, holder=holder, timeout=math.ceil(budget)) == holder:
        return None
    deadline = time.monotonic() + budget
    while time.monotonic() < deadline:
        time.sleep(WAIT_POLL_SECONDS)
        answer = _fresh(cache.get(key), generation)
        if answer is not None:
            return answer
        if cache.get(claim) is None:  # asked and failed: this request asks for itself
            return None
    raise EngineBusy(f"no answer from the request asking the same within {budget} s")


def _note(state: str) -> None:
    timer = engine_time_current()
    if timer is not None:
        timer.cache = state
