#!/usr/bin/env python3
"""Measure the partner import rate (rows/s) against a plain bulk_create baseline, in one run.

    .venv/bin/python bench/import_rate.py [--rows 10000] [--enterprises 2000] [--port 8101]

Everything happens in a throwaway SQLite database in a temporary folder (the development
database is never touched):

1. `migrate`, `make_demo_data --enterprises N`, the credit reference data, and a court key
   with `credit_records:write`.
2. A gunicorn server (one sync worker, as production serves) on 127.0.0.1:PORT.
3. Over HTTP, through the real endpoint (auth, throttle, parsing, validation, the credit
   services, one transaction): `POST /api/v1/credit-records/import/` with N new JSON Lines
   rows as a dry run (every row validated and written, then rolled back), then the same rows
   for real (all created), then once more (all unchanged: validation only, no writes).
4. Baseline, in-process: N other rows inserted with `CreditRecord.objects.bulk_create`, no
   validation, no rules, no signals.

Prints rows/s for each and its ratio to the baseline. The real run also pays what the dry run
does not: after the commit, the credit app's signals queue a search sync and a site-build
request per record (two task rows each, inserted one by one outside the transaction).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def rows_for(codes: list[str], count: int, prefix: str, facts: str) -> list[dict]:
    """`count` valid court rows spread over the demo enterprises' codes."""
    today = datetime.date.today()
    return [
        {
            "enterprise": codes[i % len(codes)],
            "category": "dishonest_debtor",
            "severity": "none",
            "decision_number": f"（2026）内0402执{prefix}{i:06d}号",
            "decision_date": (today - datetime.timedelta(days=1 + i % 300)).isoformat(),
            "facts": facts,
            "legal_basis": "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条",
            "outcome": "纳入失信被执行人名单。",
        }
        for i in range(count)
    ]


def jsonl(rows: list[dict]) -> bytes:
    return "\n".join(json.dumps(row, ensure_ascii=False) for row in rows).encode()


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=2)
            return
        except requests.RequestException:
            time.sleep(0.3)
    sys.exit(f"server did not answer at {url}")


def post_import(base: str, key: str, body: bytes, query: str = "") -> tuple[float, dict]:
    started = time.perf_counter()
    response = requests.post(
        f"{base}/api/v1/credit-records/import/{query}",
        data=body,
        headers={"Authorization": f"Api-Key {key}", "Content-Type": "application/x-ndjson"},
        timeout=1800,
    )
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        sys.exit(f"import failed: {response.status_code} {response.text[:2000]}")
    return elapsed, response.json()["report"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--enterprises", type=int, default=2000)
    parser.add_argument("--port", type=int, default=8101)
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="hongshan-import-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "SEARCH_INDEX_PREFIX": f"bench-import-{os.getpid()}",
        "SITE_OUTPUT_DIR": str(workdir / "site"),
    }
    print(f"throwaway database in {workdir}")
    manage(env, "migrate", "-v", "0")
    manage(env, "make_demo_data", "--enterprises", str(args.enterprises))

    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import transaction

    from registry_api.credit.models import CreditRecord, Department
    from registry_api.credit.reference_data import load_credit_reference
    from registry_api.enterprises.models import Enterprise
    from registry_api.partners import services

    load_credit_reference()
    court = Department.objects.get(code="court")
    _, plain = services.key_issue(
        department=court, name="bench", scopes=["credit_records:write"], rate=10_000
    )
    codes = list(Enterprise.objects.values_list("credit_code", flat=True)[: args.enterprises])
    n = args.rows

    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            "1",
            "--timeout",
            "1800",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    results = []
    try:
        wait_for(f"{base}/api/v1/districts/")
        body = jsonl(rows_for(codes, n, "A", "被执行人未履行生效法律文书确定的义务。"))
        for label, query, outcome in (
            ("HTTP import, dry run", "?dry_run=1", "created"),
            ("HTTP import, all created", "", "created"),
            ("HTTP import, all unchanged", "", "unchanged"),
        ):
            seconds, report = post_import(base, plain, body, query)
            assert report["counts"][outcome] == n, report["counts"]
            results.append((label, n, seconds))
            print(f"{label}: {n} rows in {seconds:.1f} s", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=60)

    by_code = {e.credit_code: e for e in Enterprise.objects.filter(credit_code__in=codes)}
    plain_rows = rows_for(codes, n, "C", "经查，被执行人拒不履行。")
    started = time.perf_counter()
    objects = []
    for row in plain_rows:
        record = CreditRecord(
            **{**row, "enterprise": by_code[row["enterprise"]], "department": court},
        )
        record.decision_date = datetime.date.fromisoformat(row["decision_date"])
        objects.append(record)
    with transaction.atomic():
        CreditRecord.objects.bulk_create(objects, batch_size=1000)
    baseline_seconds = time.perf_counter() - started

    baseline_rate = n / baseline_seconds
    header = f"{'path':32} {'rows':>7} {'seconds':>8} {'rows/s':>9} {'× baseline':>10}"
    print()
    print(header)
    print("-" * len(header))
    out = []
    for label, count, seconds in [*results, ("baseline bulk_create", n, baseline_seconds)]:
        rate = count / seconds
        print(f"{label:32} {count:7d} {seconds:8.2f} {rate:9.0f} {rate / baseline_rate:9.3f}×")
        out.append(
            {
                "path": label,
                "rows": count,
                "seconds": round(seconds, 3),
                "rows_per_s": round(rate, 1),
                "ratio_to_baseline": round(rate / baseline_rate, 4),
            }
        )
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
