#!/usr/bin/env python3
"""Measure complaint intake under concurrent load (submissions/s, p50/p99, nothing lost) and the
half-monthly report's generation time at 12,000 complaints, each against a baseline of the
same run.

    .venv/bin/python bench/complaint_intake.py [--submissions 2000] [--clients 16]
        [--workers 3] [--complaints 12000] [--port 8103]

In a throwaway SQLite database (WAL) and media folder (the development data is never touched):

1. Intake: gunicorn (`--workers` sync workers, as production serves) on 127.0.0.1:PORT with the
   abuse limits lifted; `--clients` threads post `--submissions` complaints through the real
   endpoint (validation, routing, duplicate check, one transaction, audit). Every tenth
   submission is sent twice with the same Idempotency-Key, as a phone retrying after a lost
   answer. Then the database is checked: every answered tracking code is stored, exactly
   once per key, and no submission answered with an error. Baseline: the same clients, the
   same server, the cheapest public read (`GET /api/v1/complaints/places/`).
2. Report: `make_demo_data --complaints N`, then `complaint_report`'s computation for the last
   full half-month (`report.compute`: three periods' rows, handling times in working days,
   amounts) and the full draft (figures, charts, open data, page revision). Baseline: reading
   every complaint row once (`values_list` of the fields the report uses).
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests
from common import percentile, wait_for

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DISTRICTS = [f"1504020{n:02d}" for n in range(1, 12)] + ["150402100", "150402102"]


def form(i: int) -> dict:
    return {
        "kind": "complaint",
        "category": ["food", "prices", "prepaid_cards", "quality"][i % 4],
        "respondent_name": f"压测商户{i % 500}",
        "respondent_address": "红山区测试路1号",
        "facts": "压测：购买商品后发现质量问题，商家拒绝退换。",
        "request": "退款",
        "district": DISTRICTS[i % len(DISTRICTS)],
        "complainant_name": "压测用户",
        "complainant_phone": f"139{i:08d}",
    }


def load(base: str, count: int, clients: int, job) -> tuple[float, list[float], list]:
    """Run `job(session, i)` for i in range(count) on `clients` threads; wall time, latencies
    in ms and the jobs' results."""
    latencies: list[float] = []
    results: list = []
    lock = threading.Lock()
    counter = iter(range(count))

    def worker() -> None:
        session = requests.Session()
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            started = time.perf_counter()
            outcome = job(session, i)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                results.append(outcome)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, latencies, results


def intake(args, env: dict) -> None:
    from registry_api.complaints.models import Complaint

    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--timeout",
            "600",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for(f"{base}/api/v1/complaints/places/", seconds=90)

        def submit(session, i):
            key = f"bench-{uuid.uuid4().hex}"
            tries = 2 if i % 10 == 0 else 1
            answers = []
            for _ in range(tries):
                response = session.post(
                    f"{base}/api/v1/complaints/",
                    json=form(i),
                    headers={"Idempotency-Key": key},
                    timeout=120,
                )
                answers.append((response.status_code, response.json().get("tracking_code")))
            return key, answers

        seconds, latencies, results = load(base, args.submissions, args.clients, submit)

        def read(session, i):
            return session.get(f"{base}/api/v1/complaints/places/", timeout=60).status_code

        base_seconds, base_latencies, base_results = load(
            base, args.submissions, args.clients, read
        )
    finally:
        server.terminate()
        server.wait(timeout=60)

    failures = [a for _, answers in results for a in answers if a[0] not in (200, 201)]
    codes = {key: {code for _, code in answers} for key, answers in results}
    inconsistent = [key for key, found in codes.items() if len(found) != 1]
    stored = dict(
        Complaint.objects.filter(idempotency_key__startswith="bench-").values_list(
            "idempotency_key", "tracking_code"
        )
    )
    lost = [key for key, found in codes.items() if stored.get(key) not in found]
    rate = args.submissions / seconds
    base_rate = args.submissions / base_seconds
    requests_made = sum(len(answers) for _, answers in results)
    print(
        f"Intake: {args.submissions} submissions ({requests_made} requests, every tenth "
        f"retried with its key) by {args.clients} clients, {args.workers} gunicorn workers"
    )
    print(
        f"  {rate:.1f} submissions/s; latency p50 {percentile(latencies, 0.5):.0f} ms, "
        f"p99 {percentile(latencies, 0.99):.0f} ms"
    )
    print(
        f"  baseline GET /api/v1/complaints/places/: {base_rate:.1f} req/s, p50 "
        f"{percentile(base_latencies, 0.5):.0f} ms, p99 {percentile(base_latencies, 0.99):.0f} ms"
        f" (all 200: {all(s == 200 for s in base_results)})"
    )
    print(f"  ratio intake/baseline: {rate / base_rate:.2f}×")
    print(
        f"  stored {len(stored)} for {len(codes)} keys; errors {len(failures)}; retries "
        f"answered with another code {len(inconsistent)}; lost {len(lost)}"
    )
    if failures or inconsistent or lost or len(stored) != len(codes):
        sys.exit("intake lost or duplicated submissions")


def report(args) -> None:
    from django.core.management import call_command

    from cms.reports.drafting import draft_report
    from registry_api.complaints.models import Complaint
    from registry_api.complaints.report import Period, compute

    call_command("make_demo_data", complaints=args.complaints, verbosity=0)
    total = Complaint.objects.filter(tracking_code__startswith="D").count()
    period = Period.half_month_of(datetime.date.today()).previous()
    timings: dict[str, list[float]] = {"baseline": [], "compute": [], "draft": []}
    for _ in range(args.rounds):
        started = time.perf_counter()
        rows = list(
            Complaint.objects.values_list(
                "kind", "category", "district__code", "submitted_at", "accepted_on"
            )
        )
        timings["baseline"].append(time.perf_counter() - started)
        started = time.perf_counter()
        compute(period)
        timings["compute"].append(time.perf_counter() - started)
        started = time.perf_counter()
        draft_report(period)
        timings["draft"].append(time.perf_counter() - started)
    best = {name: min(values) * 1000 for name, values in timings.items()}
    print(f"Report for {period.label} over {total} demo complaints (best of {args.rounds}):")
    print(f"  baseline, read all {len(rows)} rows: {best['baseline']:.0f} ms")
    print(
        f"  figures (compute): {best['compute']:.0f} ms ({best['compute'] / best['baseline']:.2f}×)"
    )
    print(
        f"  full draft (figures, charts, open data, revision): {best['draft']:.0f} ms "
        f"({best['draft'] / best['baseline']:.2f}×); "
        f"median {statistics.median(timings['draft']) * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--submissions", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--complaints", type=int, default=12_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=8103)
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="complaint-bench-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{scratch / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "SEARCH_INDEX_PREFIX": f"bench-complaints-{os.getpid()}",
        "COMPLAINT_SUBMIT_RATE": "1000000/hour",
        "COMPLAINT_PHONE_RATE": "1000000/day",
        "REGISTRY_ANON_READ_RATE": "1000000/min",
    }
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.MEDIA_ROOT = scratch / "media"  # the report's open data files go there

    from cms.pages.models import HomePage, PlatformPage
    from registry_api.complaints.reference_data import load_units
    from registry_api.enterprises.reference_data import load_districts
    from registry_api.workdays.reference_data import load_holidays

    call_command("migrate", verbosity=0)
    load_districts()
    load_holidays()
    load_units()
    intake(args, env)

    home = HomePage.objects.first()
    if home is None:
        from cms.pages.content_loader import ensure_home_page

        home, _ = ensure_home_page()
    if not PlatformPage.objects.filter(code="rights").exists():
        home.add_child(instance=PlatformPage(title="维权服务", slug="rights", code="rights"))
    report(args)


if __name__ == "__main__":
    main()
