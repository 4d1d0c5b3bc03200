#!/usr/bin/env python3
"""Benchmark the enterprise registry API against baselines measured in the same run.

Run against a running server (default http://127.0.0.1:8000), e.g.

    .venv/bin/python bench/api_enterprises.py --seconds 5 --concurrency 8

Endpoints, each hammered for the same time by the same number of keep-alive client threads:

* plain list / plain detail ``GET /api/baseline/enterprises/[<code>/]``: the same rows in the
  same JSON shape, served by plain Django views with no DRF (registry_api/enterprises/
  baseline_views.py, mounted when settings.API_BASELINES is on, as under ``make run``). These
  are the baselines:
  each API endpoint's ratio is to the plain view of the same data.
* list      ``GET /api/v1/enterprises/``: first page of the cursor-paginated directory (50 rows).
* detail    ``GET /api/v1/enterprises/<credit_code>/``: codes cycled from the first list page.
* list-304 / detail-304: the same with ``If-None-Match`` of a previous answer (conditional
  GET answered from one aggregate query, before any serializing).
* ``--reference PATH`` (default ``/api/v1/districts/``): a small DRF list, for scale.

Requests come from loopback without X-Forwarded-For, so the anonymous read throttle exempts
them (docs/operations.md). Prints requests/second, latency percentiles and each figure's ratio
to the baseline.
Standalone: needs only `requests`, never Django (the scale is read from VAR_DIR/demo-scale.json).
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field

import requests
from common import demo_scale


@dataclass
class Endpoint:
    name: str
    paths: list[str]
    expect: tuple[int, ...] = (200,)
    headers: dict[str, str] = field(default_factory=dict)
    baseline: str | None = None  # the name of the endpoint this one's ratio is measured to


@dataclass
class Result:
    name: str
    baseline: str | None
    requests: int
    errors: int
    seconds: float
    latencies: list[float]
    bytes: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000


def hammer(base: str, endpoint: Endpoint, *, seconds: float, warmup: float, threads: int) -> Result:
    """`threads` keep-alive clients request `endpoint` for `seconds` after a warm-up."""
    stop_warmup = time.perf_counter() + warmup
    stop = stop_warmup + seconds
    lock = threading.Lock()
    totals = {"requests": 0, "errors": 0, "bytes": 0}
    latencies: list[float] = []
    counter = itertools.count()

    def worker() -> None:
        session = requests.Session()
        session.headers.update({"Accept": "application/json", **endpoint.headers})
        local_lat: list[float] = []
        count = errors = size = 0
        while True:
            now = time.perf_counter()
            if now >= stop:
                break
            path = endpoint.paths[next(counter) % len(endpoint.paths)]
            try:
                response = session.get(base + path, timeout=30)
                ok = response.status_code in endpoint.expect
                body = len(response.content)
            except requests.RequestException:
                ok, body = False, 0
            done = time.perf_counter()
            if now >= stop_warmup:
                count += 1
                errors += not ok
                size += body
                local_lat.append(done - now)
        session.close()
        with lock:
            totals["requests"] += count
            totals["errors"] += errors
            totals["bytes"] += size
            latencies.extend(local_lat)

    workers = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return Result(
        endpoint.name,
        endpoint.baseline,
        totals["requests"],
        totals["errors"],
        seconds,
        latencies,
        totals["bytes"],
    )


def discover(base: str) -> tuple[list[str], str | None, str | None]:
    """Detail paths of the first list page, and the ETags of one detail and of the list page
    if the server sends them."""
    response = requests.get(f"{base}/api/v1/enterprises/", timeout=30)
    response.raise_for_status()
    list_etag = response.headers.get("ETag")
    rows = response.json().get("results", [])
    if not rows:
        sys.exit("No enterprises: run `manage.py make_demo_data --enterprises 2000` first.")
    paths = [f"/api/v1/enterprises/{row['credit_code']}/" for row in rows]
    etag = requests.get(base + paths[0], timeout=30).headers.get("ETag")
    return paths, etag, list_etag


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--seconds", type=float, default=5.0, help="measured time per endpoint")
    parser.add_argument("--warmup", type=float, default=1.0, help="unmeasured time per endpoint")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads")
    parser.add_argument(
        "--reference",
        default="/api/v1/districts/",
        metavar="PATH",
        help="a small DRF endpoint shown for scale (ratio to the plain detail view)",
    )
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--var", help="the instance's VAR_DIR, for its demo scale (default var/)")
    args = parser.parse_args(argv)
    base = args.base_url.rstrip("/")

    try:
        detail_paths, etag, list_etag = discover(base)
    except requests.RequestException as error:
        sys.exit(f"Cannot reach {base}: {error}")

    plain_list, plain_detail = "plain Django list (same 50 rows)", "plain Django detail"
    plain_paths = [path.replace("/api/v1/", "/api/baseline/") for path in detail_paths]
    endpoints = [
        Endpoint(plain_list, ["/api/baseline/enterprises/"]),
        Endpoint(plain_detail, plain_paths),
        Endpoint("API enterprises list (50 rows)", ["/api/v1/enterprises/"], baseline=plain_list),
        Endpoint("API enterprise detail", detail_paths, baseline=plain_detail),
        Endpoint(f"reference {args.reference}", [args.reference], baseline=plain_detail),
    ]
    if list_etag:
        endpoints.append(
            Endpoint(
                "API list, 304",
                ["/api/v1/enterprises/"],
                expect=(304,),
                headers={"If-None-Match": list_etag},
                baseline=plain_list,
            )
        )
    if etag:
        endpoints.append(
            Endpoint(
                "API detail, 304",
                detail_paths[:1],
                expect=(304,),
                headers={"If-None-Match": etag},
                baseline=plain_detail,
            )
        )

    print(
        f"{base}: {args.concurrency} client threads, {args.seconds:g} s per endpoint "
        f"(+{args.warmup:g} s warm-up)\nscale: {demo_scale(args.var)}\n"
    )
    results = [
        hammer(base, endpoint, seconds=args.seconds, warmup=args.warmup, threads=args.concurrency)
        for endpoint in endpoints
    ]
    by_name = {result.name: result for result in results}

    def ratio(result: Result) -> float | None:
        base_result = by_name.get(result.baseline or result.name)
        return result.rps / base_result.rps if base_result and base_result.rps else None

    header = (
        f"{'endpoint':36} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'KiB/req':>8} "
        f"{'errors':>6} {'× plain view':>12}"
    )
    print(header)
    print("-" * len(header))
    for result in results:
        per_request = result.bytes / result.requests / 1024 if result.requests else 0
        vs_base = ratio(result) or float("nan")
        print(
            f"{result.name:36} {result.rps:9.1f} {result.percentile(50):8.1f} "
            f"{result.percentile(95):8.1f} {per_request:8.1f} {result.errors:6d} "
            f"{vs_base:11.2f}×"
        )

    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(
                [
                    {
                        "endpoint": r.name,
                        "rps": round(r.rps, 1),
                        "requests": r.requests,
                        "errors": r.errors,
                        "p50_ms": round(r.percentile(50), 2),
                        "p95_ms": round(r.percentile(95), 2),
                        "baseline": r.baseline or r.name,
                        "ratio_to_baseline": round(ratio(r), 3) if ratio(r) else None,
                        "mean_ms": round(statistics.fmean(r.latencies) * 1000, 2)
                        if r.latencies
                        else None,
                    }
                    for r in results
                ],
                handle,
                ensure_ascii=False,
                indent=2,
            )
    return 1 if any(result.errors for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
