#!/usr/bin/env python3
"""Measure the search suggestions (`GET /api/v1/search/suggest/?q=`) against a running server:
p50 and p95 over a list of prefixes as people type them, beside a baseline measured in the
same run, so the figure says what the suggestions cost over the server's own floor.

    .venv/bin/python bench/search_suggest.py --base http://127.0.0.1:8771 [--var /tmp/x/var]
        [--rounds 5]

Prefixes (PREFIXES below): every beginning of Chinese words, enterprise and trademark names of
the demo content (红 → 红山 → 红山区 …), full pinyin with the last syllable unfinished
(h → ho → hon → hong → hongs …), and initials (h → hs → hsq). Each round asks every prefix
once, one request at a time; `--rounds` rounds.

Baseline: `GET /api/v1/vocabulary/` (the registries' fixed choice lists; no search), asked
just as often, interleaved with the suggestions so both meet the same machine load. The
target is a p95 of at most TARGET_P95_MS at the default scale. The scale comes from
VAR_DIR/demo-scale.json (`--var`). Answers are not cached by the server; the bench sends no
cache headers. It always exits 0: it measures.
"""

from __future__ import annotations

import argparse
import time

import requests
from common import demo_scale, percentile, wait_for

TARGET_P95_MS = 100
BASELINE_PATH = "/api/v1/vocabulary/"
WORDS = [
    "红山区市场监督管理局",
    "食品经营许可",
    "个体工商户",
    "小微企业",
    "股权出质",
    "赤峰市红山区汇隆网络科技有限责任公司",
    "赤峰恒林检测技术有限公司",
    "赤峰小米",
    "红山荞麦",
    "洪三坊",
    "消费维权服务站",
    "住房租赁合同",
]
PINYIN = ["hongshanqu", "shipinjingying", "chifengxiaomi", "xiaoweiqiye", "guquan chuzhi"]
INITIALS = ["hsq", "spjyxk", "xwqy", "cfxm", "gtgsh"]


def prefixes() -> list[str]:
    out: list[str] = []
    for word in [*WORDS, *PINYIN, *INITIALS]:
        out.extend(word[:end] for end in range(1, len(word) + 1))
    return list(dict.fromkeys(part for part in out if part.strip()))


def app_ms(response: requests.Response) -> float | None:
    """Django's own time from `Server-Timing: app;dur=…` (search/timing.py)."""
    for metric in response.headers.get("Server-Timing", "").split(","):
        name, _, rest = metric.strip().partition(";dur=")
        if name == "app" and rest:
            return float(rest.split(";")[0])
    return None


def timed_get(session: requests.Session, url: str, params: dict | None = None) -> tuple:
    began = time.perf_counter()
    response = session.get(url, params=params, timeout=10)
    return (time.perf_counter() - began) * 1000, response


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8771")
    parser.add_argument("--var", default=None, help="the instance's VAR_DIR, for its scale")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    base = args.base.rstrip("/")
    wait_for(base + BASELINE_PATH, 30)

    session = requests.Session()
    asked = prefixes()
    for text in asked[:10]:  # warm up: imports, the pinyin tables, connections
        session.get(base + "/api/v1/search/suggest/", params={"q": text}, timeout=30)
        session.get(base + BASELINE_PATH, timeout=30)

    suggest_ms: list[float] = []
    baseline_ms: list[float] = []
    suggest_app: list[float] = []
    baseline_app: list[float] = []
    failures: dict[int, int] = {}
    empty = 0
    for _round in range(args.rounds):
        for text in asked:
            ms, response = timed_get(session, base + "/api/v1/search/suggest/", {"q": text})
            if response.status_code != 200:
                failures[response.status_code] = failures.get(response.status_code, 0) + 1
            else:
                suggest_ms.append(ms)
                empty += not response.json()["suggestions"]
                suggest_app.append(app_ms(response) or float("nan"))
            ms, response = timed_get(session, base + BASELINE_PATH)
            baseline_ms.append(ms)
            baseline_app.append(app_ms(response) or float("nan"))

    p50, p95 = percentile(suggest_ms, 0.5), percentile(suggest_ms, 0.95)
    b50, b95 = percentile(baseline_ms, 0.5), percentile(baseline_ms, 0.95)
    print(f"scale: {demo_scale(args.var)}")
    print(
        f"prefixes: {len(asked)} × {args.rounds} rounds = {len(suggest_ms)} answered "
        f"({empty} with no suggestion); failures: {failures or 'none'}"
    )
    print(f"suggest  p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   (target p95 ≤ {TARGET_P95_MS} ms)")
    print(f"baseline p50 {b50:7.1f} ms   p95 {b95:7.1f} ms   ({BASELINE_PATH})")
    print(f"ratio to baseline: p50 {p50 / b50:.2f}×   p95 {p95 / b95:.2f}×")
    a50, a95 = percentile(suggest_app, 0.5), percentile(suggest_app, 0.95)
    c50, c95 = percentile(baseline_app, 0.5), percentile(baseline_app, 0.95)
    print(
        f"inside Django (Server-Timing app): suggest p50 {a50:.1f} / p95 {a95:.1f} ms, "
        f"baseline p50 {c50:.1f} / p95 {c95:.1f} ms"
    )
    print(f"p95 within target: {'yes' if p95 <= TARGET_P95_MS else 'NO'}")


if __name__ == "__main__":
    main()
