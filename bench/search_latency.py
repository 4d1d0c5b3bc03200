#!/usr/bin/env python3
"""Measure public search latency through the platform (p50/p95) against the engine's own time
for the same request body, side by side in one run, so what we add is visible.

    VAR_DIR=… SEARCH_INDEX_PREFIX=… ELASTICSEARCH_URL=… \\
    .venv/bin/python bench/search_latency.py --base http://127.0.0.1:8200 [--var /tmp/h4/var]
        [--clients 4] [--endpoints trademark,similarity]

Three endpoints, each over the 50 queries of QUERIES below (written from the demo content:
Chinese words, questions, pinyin and initials, enterprise names, trademark names):

- site-wide search `GET /api/v1/search/?q=`;
- trademark library search `GET /api/v1/trademarks/?q=`;
- the similarity check `POST /api/v1/trademarks/similar/` with `{"name": …}` (the name cut to
  the endpoint's 50 characters).

First sequentially (one request at a time), then `--clients` clients at once, each running
the 50 queries from its own starting point (`--clients 1`: the sequential pass alone).
`--endpoints` picks some of the three (`site-wide`, `trademark`, `similarity`): at district
scale a site-wide query costs the local engine seconds.

Baseline, for every request: the body the API sends to the engine, rebuilt in-process with
Django set up (`search.query.build_search`, `registry_api.trademarks.queries.library_search`
/ `candidate_search`, `.to_dict()`), POSTed straight to ELASTICSEARCH_URL `/<indices>/_search`
("engine alone"): after the API pass, by the same clients in the same orders, so neither pass
competes with the other for the engine.

Our overhead, two ways: from the answer's own `Server-Timing` (search/timing.py), API time as
the client saw it − the engine's round trips inside that very request (no second run of the
engine, so none of its run-to-run variance); and the paired figure, API time − engine-alone
time of the same body (that difference carries the engine's variance between two runs).

The site-wide search keeps answers (search/result_cache.py): before each run the bench moves
the index generation, so every query's first ask in a run is a miss; with several clients
the later asks of a query may be hits. Hits and misses are reported apart.

The bench process must see the instance's SEARCH_INDEX_PREFIX and ELASTICSEARCH_URL (and its
VAR_DIR, or pass `--var`), or the baseline asks other indices. The local noida-db engine scans
linearly: its times say nothing about a real cluster, only about this machine and scale.
"""

from __future__ import annotations

import argparse
import json
import os
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

import requests
from common import demo_scale, django_setup, percentile

# (kind of query, text). Every one taken from the demo content of `setup_platform`.
QUERIES: list[tuple[str, str]] = [
    ("word", "红山"),
    ("word", "小微企业"),
    ("word", "食品经营许可"),
    ("word", "个体工商户"),
    ("word", "信用修复"),
    ("word", "股权出质"),
    ("word", "动产抵押"),
    ("word", "年度报告"),
    ("word", "经营异常名录"),
    ("word", "消费者权益"),
    ("word", "银企洽谈会"),
    ("word", "商标专用权质押"),
    ("word", "预付式消费"),
    ("word", "双随机一公开"),
    ("word", "住房租赁合同"),
    ("word", "注销登记"),
    ("word", "失信被执行人"),
    ("word", "地理标志"),
    ("question", "个体工商户怎么办理登记注册？"),
    ("question", "食品经营许可和备案有什么区别"),
    ("question", "企业年度报告什么时候截止"),
    ("question", "如何申请信用修复"),
    ("question", "预付卡商家跑路了怎么投诉"),
    ("question", "小微企业可以申请哪些贷款"),
    ("question", "商标质押融资需要什么材料"),
    ("question", "未按规定报送年报会怎样"),
    ("pinyin", "hs"),
    ("pinyin", "hongshan"),
    ("pinyin", "chifeng"),
    ("pinyin", "shipin"),
    ("pinyin", "xwqy"),
    ("pinyin", "shangbiao"),
    ("pinyin", "hongshan shichang"),
    ("pinyin", "dl"),
    ("enterprise", "赤峰市红山区汇隆网络科技有限责任公司"),
    ("enterprise", "赤峰市红山区德隆医药有限公司"),
    ("enterprise", "赤峰恒林检测技术有限公司"),
    ("enterprise", "赤峰市兴程建筑工程有限公司"),
    ("enterprise", "鼎达农资"),
    ("enterprise", "天诚汽车销售"),
    ("enterprise", "赤峰鼎川商业中心"),
    ("enterprise", "聚达人力资源"),
    ("enterprise", "瑞程酒店管理"),
    ("enterprise", "安宇物流"),
    # Marks 11–27 of the demo library (mark i depends only on the seed and i, so both scales
    # hold them; the names used until 2026-12-07 were no longer in the demo data).
    ("trademark", "华鹰"),
    ("trademark", "秋野光"),
    ("trademark", "春莲利"),
    ("trademark", "德光达"),
    ("trademark", "顺星阳"),
    ("trademark", "美盈源"),
]
assert len(QUERIES) == 50

TARGETS = {  # endpoint: (p50 ms, p95 ms); None where no target is set
    "site-wide search": (500, 1000),
    "trademark search": (None, 1000),
    "similarity check": (None, 1000),
}
OVERHEAD_P95_TARGET_MS = 15
SIMILAR_NAME_MAX = 50


@dataclass
class Endpoint:
    """One public search endpoint: how to call it, and the engine request it makes."""

    name: str
    short_name: str  # as --endpoints names it
    method: str
    path: str
    payload: object  # (text) -> params or JSON body
    engine: object  # (text) -> (indices path, query string, body dict)


@dataclass
class Samples:
    api_ms: list[float] = field(default_factory=list)
    engine_ms: list[float] = field(default_factory=list)
    overhead_ms: list[float] = field(default_factory=list)  # paired with the engine alone
    # From Server-Timing: API time − the engine's time within the same request (misses).
    inside_overhead_ms: list[float] = field(default_factory=list)
    # Split of that: Django's own (Server-Timing app − engine), and what lies outside Django
    # (API time − app: the front server's hop, gunicorn, WSGI, the body's transfer).
    django_overhead_ms: list[float] = field(default_factory=list)
    outside_django_ms: list[float] = field(default_factory=list)
    slowest: list[tuple[float, str]] = field(default_factory=list)  # (inside overhead, query)
    miss_ms: list[float] = field(default_factory=list)
    hit_ms: list[float] = field(default_factory=list)
    # Answers kept from an earlier ask, served because the engine was over its time budget
    # (search/result_cache.py, `cache;desc=stale`): fast, but not a fresh search.
    stale_ms: list[float] = field(default_factory=list)
    failures: dict[int | str, int] = field(default_factory=dict)
    engine_seconds: float = 0.0  # the engine-alone pass, wall time


def server_timing(header: str) -> dict[str, dict[str, str]]:
    """`app;dur=3.1, engine;dur=2.0;desc="1 call"` → {"app": {"dur": "3.1"}, …}."""
    metrics = {}
    for metric in filter(None, (part.strip() for part in header.split(","))):
        name, *params = metric.split(";")
        metrics[name] = dict(
            (key, value.strip('"')) for key, _, value in (p.partition("=") for p in params)
        )
    return metrics


def endpoints() -> list[Endpoint]:
    """The three endpoints, with engine bodies built by the platform's own query builders."""
    from registry_api.trademarks.filters import TrademarkFilter
    from registry_api.trademarks.models import Trademark
    from registry_api.trademarks.queries import candidate_search, library_search
    from search.query import build_search, normalize_query

    def indices(search) -> str:
        return ",".join(search._index)

    def site_body(text: str):
        search = build_search(normalize_query(text))
        # search_public adds these URL parameters to the same body.
        return indices(search), "ignore_unavailable=true&allow_no_indices=true", search.to_dict()

    def library_body(text: str):
        filterset = TrademarkFilter(data={"q": text}, queryset=Trademark.objects.none())
        filterset.is_valid()
        search = library_search(normalize_query(text), filterset.form.cleaned_data, 1)
        return indices(search), "ignore_unavailable=true", search.to_dict()

    def similar_body(text: str):
        search = candidate_search(text[:SIMILAR_NAME_MAX].strip(), [])
        return indices(search), "", search.to_dict()

    return [
        Endpoint(
            "site-wide search", "site-wide", "GET", "/api/v1/search/", lambda t: {"q": t}, site_body
        ),
        Endpoint(
            "trademark search",
            "trademark",
            "GET",
            "/api/v1/trademarks/",
            lambda t: {"q": t},
            library_body,
        ),
        Endpoint(
            "similarity check",
            "similarity",
            "POST",
            "/api/v1/trademarks/similar/",
            lambda t: {"name": t[:SIMILAR_NAME_MAX]},
            similar_body,
        ),
    ]


def call_api(session: requests.Session, base: str, endpoint: Endpoint, text: str):
    """(status or error name, milliseconds, Server-Timing metrics, body)."""
    started = time.perf_counter()
    timing, body = {}, b""
    try:
        if endpoint.method == "GET":
            response = session.get(base + endpoint.path, params=endpoint.payload(text), timeout=30)
        else:
            response = session.post(base + endpoint.path, json=endpoint.payload(text), timeout=30)
        body = response.content  # read the whole body inside the timing
        status: int | str = response.status_code
        timing = server_timing(response.headers.get("Server-Timing", ""))
    except requests.RequestException as error:
        status = type(error).__name__
    return status, (time.perf_counter() - started) * 1000, timing, body


def call_engine(session: requests.Session, engine_url: str, request) -> tuple[int, float]:
    path, query_string, body = request
    url = f"{engine_url}/{urllib.parse.quote(path, safe=',')}/_search"
    if query_string:
        url += "?" + query_string
    data = json.dumps(body).encode()
    started = time.perf_counter()
    response = session.post(
        url, data=data, headers={"Content-Type": "application/json"}, timeout=30
    )
    response.content  # noqa: B018
    return response.status_code, (time.perf_counter() - started) * 1000


def ask_api(base, endpoint: Endpoint, order: list[str], out: list) -> None:
    """One client: each query of `order` through the API; (status, ms, timing, body) into
    `out`."""
    session = requests.Session()
    for text in order:
        out.append(call_api(session, base, endpoint, text))


def ask_engine(engine_url, endpoint: Endpoint, order: list[str], out: list) -> None:
    """One client: each query's engine body of `order` straight to the engine."""
    session = requests.Session()
    for text in order:
        request = endpoint.engine(text)  # built outside the timing
        out.append(call_engine(session, engine_url, request))


def in_parallel(target, orders: list[list[str]], *args) -> tuple[list[list], float]:
    outs: list[list] = [[] for _ in orders]
    threads = [
        threading.Thread(target=target, args=(*args, order, out))
        for order, out in zip(orders, outs, strict=True)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outs, time.perf_counter() - started


def run(base, engine_url, endpoint, clients: int, answers: dict | None = None):
    """`clients` clients through the API, then the same clients and orders straight to the
    engine (apart, so that neither pass competes with the other for the engine), paired by
    client and position; (samples, seconds). The 200 answers' JSON goes into `answers` by
    query text, when given."""
    from search.result_cache import index_changed

    index_changed()  # every cached answer is old: each query's first ask in this run misses
    texts = [text for _, text in QUERIES]
    orders = [texts[i * 12 :] + texts[: i * 12] for i in range(clients)]
    api_outs, seconds = in_parallel(ask_api, orders, base, endpoint)
    engine_outs, engine_seconds = in_parallel(ask_engine, orders, engine_url, endpoint)
    samples = Samples(engine_seconds=engine_seconds)
    for order, api_out, engine_out in zip(orders, api_outs, engine_outs, strict=True):
        for text, (status, api_ms, timing, body), (engine_status, engine_ms) in zip(
            order, api_out, engine_out, strict=True
        ):
            if answers is not None and status == 200:
                answers[text] = json.loads(body)
            if status != 200:
                samples.failures[status] = samples.failures.get(status, 0) + 1
                continue
            if engine_status != 200:
                name = f"engine {engine_status}"
                samples.failures[name] = samples.failures.get(name, 0) + 1
                continue
            samples.api_ms.append(api_ms)
            samples.engine_ms.append(engine_ms)
            samples.overhead_ms.append(api_ms - engine_ms)
            if timing.get("cache", {}).get("desc") == "hit":
                samples.hit_ms.append(api_ms)
                continue
            if timing.get("cache", {}).get("desc") == "stale":
                samples.stale_ms.append(api_ms)
                continue
            samples.miss_ms.append(api_ms)
            if "engine" in timing:
                engine_dur = float(timing["engine"]["dur"])
                samples.inside_overhead_ms.append(api_ms - engine_dur)
                samples.slowest.append((api_ms - engine_dur, text))
                if "app" in timing:
                    app_dur = float(timing["app"]["dur"])
                    samples.django_overhead_ms.append(app_dur - engine_dur)
                    samples.outside_django_ms.append(api_ms - app_dur)
    return samples, seconds


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, as `uptime` prints them."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def verdict(value: float, target: float | None) -> str:
    if target is None:
        return ""
    return f" (target ≤ {target:.0f}: {'met' if value <= target else 'MISSED'})"


def report(endpoint: Endpoint, samples: Samples, seconds: float, clients: int) -> None:
    p50, p95 = percentile(samples.api_ms, 0.5), percentile(samples.api_ms, 0.95)
    target50, target95 = TARGETS[endpoint.name]
    print(
        f"  {endpoint.name:17} API p50 {p50:6.0f} ms{verdict(p50, target50)}, "
        f"p95 {p95:6.0f} ms{verdict(p95, target95)}; {len(samples.api_ms)} answered 200"
        f" in {seconds:.1f} s" + (f"; failures {samples.failures}" if samples.failures else "")
    )
    if samples.stale_ms:
        fresh = samples.miss_ms + samples.hit_ms
        print(
            f"  {'':17} {len(samples.stale_ms)} stale answers (the engine over its budget, an "
            f"earlier answer served); fresh answers alone: p50 "
            f"{percentile(fresh, 0.5):6.0f} ms{verdict(percentile(fresh, 0.5), target50)}, p95 "
            f"{percentile(fresh, 0.95):6.0f} ms{verdict(percentile(fresh, 0.95), target95)}"
        )
    if samples.hit_ms or samples.stale_ms:
        print(
            f"  {'':17} answer cache: {len(samples.miss_ms)} misses p50 "
            f"{percentile(samples.miss_ms, 0.5):6.0f} ms, p95 "
            f"{percentile(samples.miss_ms, 0.95):6.0f} ms; {len(samples.hit_ms)} hits p50 "
            f"{percentile(samples.hit_ms, 0.5):5.1f} ms, "
            f"p95 {percentile(samples.hit_ms, 0.95):5.1f} ms"
        )
    print(
        f"  {'':17} engine alone p50 {percentile(samples.engine_ms, 0.5):6.0f} ms, "
        f"p95 {percentile(samples.engine_ms, 0.95):6.0f} ms, "
        f"{len(samples.engine_ms) / samples.engine_seconds:.1f} queries/s; API/engine p50 ratio "
        f"{percentile(samples.api_ms, 0.5) / percentile(samples.engine_ms, 0.5):.2f}×; "
        f"overhead paired p50 {percentile(samples.overhead_ms, 0.5):5.1f} ms, "
        f"p95 {percentile(samples.overhead_ms, 0.95):5.1f} ms"
    )
    inside = samples.inside_overhead_ms
    if inside:
        inside95 = percentile(inside, 0.95)
        print(
            f"  {'':17} overhead within the request (API − its Server-Timing engine time, "
            f"{len(inside)} requests) p50 {percentile(inside, 0.5):5.1f} ms, p95 {inside95:5.1f} ms"
            + (verdict(inside95, OVERHEAD_P95_TARGET_MS) if clients == 1 else "")
        )
    if samples.django_overhead_ms:
        django_ms, outside = samples.django_overhead_ms, samples.outside_django_ms
        print(
            f"  {'':17} of which in Django (app − engine) p50 {percentile(django_ms, 0.5):5.1f}"
            f" ms, p95 {percentile(django_ms, 0.95):5.1f} ms; outside Django (API − app: "
            f"proxy, gunicorn, transfer) p50 {percentile(outside, 0.5):5.1f} ms, "
            f"p95 {percentile(outside, 0.95):5.1f} ms"
        )
        slowest = ", ".join(f"{text} {ms:.0f} ms" for ms, text in sorted(samples.slowest)[-3:])
        print(f"  {'':17} slowest overheads: {slowest}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--var", help="the instance's VAR_DIR (default: $VAR_DIR or var/)")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument(
        "--endpoints",
        default="site-wide,trademark,similarity",
        help="comma-separated, of: site-wide, trademark, similarity",
    )
    parser.add_argument(
        "--dump",
        help="write the sequential pass's answers here (JSON: endpoint → query → answer), "
        "to compare the answers of two versions",
    )
    args = parser.parse_args()
    chosen = [name.strip() for name in args.endpoints.split(",") if name.strip()]
    base = args.base.rstrip("/")

    django_setup(args.var)
    from django.conf import settings

    from search.query import search_indices

    engine_url = settings.ELASTICSEARCH_URL.rstrip("/")
    count = requests.get(
        f"{engine_url}/{','.join(search_indices())}/_count?ignore_unavailable=true", timeout=30
    ).json()["count"]
    print(f"Scale: {demo_scale(args.var)}")
    print(
        f"  site-wide search covers {count:,} indexed documents in {len(search_indices())} "
        f"aliases ({settings.SEARCH_INDEX_PREFIX}-*) on {engine_url}; API at {base}"
    )
    kinds = {}
    for kind, _ in QUERIES:
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"  {len(QUERIES)} queries: " + ", ".join(f"{n} {k}" for k, n in kinds.items()))

    known = {endpoint.short_name: endpoint for endpoint in endpoints()}
    if unknown := sorted(set(chosen) - set(known)):
        parser.error(f"unknown endpoint(s) {', '.join(unknown)}; known: {', '.join(known)}")
    all_endpoints = [endpoint for name, endpoint in known.items() if name in chosen]
    for endpoint in all_endpoints:  # warm both paths (connections, compiled code) untimed
        ask_api(base, endpoint, [QUERIES[0][1]], [])
        ask_engine(engine_url, endpoint, [QUERIES[0][1]], [])
    dumped: dict[str, dict] = {}
    for clients in sorted({1, args.clients}):
        label = "sequential" if clients == 1 else f"{clients} clients at once"
        print(f"{label} (machine load {load_average()}):")
        for endpoint in all_endpoints:
            answers = dumped.setdefault(endpoint.name, {}) if clients == 1 else None
            samples, seconds = run(base, engine_url, endpoint, clients, answers)
            report(endpoint, samples, seconds, clients)
    print(f"machine load at the end {load_average()}")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            json.dump(dumped, out, ensure_ascii=False, indent=1, sort_keys=True)
        print(f"answers written to {args.dump}")


if __name__ == "__main__":
    main()
