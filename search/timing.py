"""`Server-Timing` on every API answer: our time and, where the search engine was asked, the
engine's share of it, so a client (bench/search_latency.py) can tell our overhead from the
engine's time for the very same request.

    Server-Timing: app;dur=212.4, engine;dur=201.9;desc="1 call", cache;desc=miss

`app` runs from this middleware's start to the view's answer (the front server's hop is not
in it); `engine` is the round trips of the public search client, slot waits excluded;
`cache` is the site-wide search's answer cache (search/result_cache.py), when it was asked.
Durations in milliseconds, as the header's syntax has them.
"""

from __future__ import annotations

import time

from .client import engine_time_start


class ServerTimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        started = time.perf_counter()
        timer = engine_time_start()
        response = self.get_response(request)
        metrics = [f"app;dur={(time.perf_counter() - started) * 1000:.1f}"]
        if timer.calls:
            calls = f"{timer.calls} call" + ("s" if timer.calls > 1 else "")
            metrics.append(f'engine;dur={timer.seconds * 1000:.1f};desc="{calls}"')
        if timer.cache:
            metrics.append(f"cache;desc={timer.cache}")
        response["Server-Timing"] = ", ".join(metrics)
        return response
