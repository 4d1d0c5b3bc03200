#!/usr/bin/env python3
"""Measure the partner import rate (rows/s) against a plain bulk_create baseline, and what other
writers feel meanwhile (the longest wait for SQLite's write lock, complaints posted), in one run.

    .venv/bin/python bench/import_rate.py [--rows 10000] [--enterprises 2000] [--port 8101]

Everything happens in a throwaway SQLite database in a temporary folder (the development
database is never touched):

1. `migrate`, `make_demo_data --enterprises N`, the credit reference data, and a court key
   with `credit_records:write`.
2. A gunicorn server (two sync workers) on 127.0.0.1:PORT and the task worker (`db_worker`),
   as `make run` serves.
3. Over HTTP, through the real endpoint (auth, throttle, parsing, the check, the credit
   services, transactions of PARTNER_IMPORT_WRITE_ROWS rows): `POST
   /api/v1/credit-records/import/` with N new JSON Lines rows as a dry run (every row checked,
   nothing written), then the same rows for real (all created), then once more (all
   unchanged: the check only, no writes). A batch over PARTNER_IMPORT_BACKGROUND_ROWS answers
   202; the bench then polls the status URL until the import has finished, so each time is
   from the POST to the finished report.
4. Meanwhile a probe thread takes SQLite's write lock (`BEGIN IMMEDIATE`, then `ROLLBACK`)
   from its own connection every 20 ms and records how long it waited: the longest wait is a
   lower bound of the longest write transaction anyone held. A second thread posts a complaint
   every 2 s (`POST /api/v1/complaints/`) and records the answers.
5. Baseline, in-process: N other rows inserted with `CreditRecord.objects.bulk_create`, no
   validation, no rules, no signals.

Prints rows/s for each and its ratio to the baseline, the longest lock wait and the complaint
answers per phase. The real run also pays what the dry run does not: after each commit, the
credit app's signals queue the chunk's search syncs and a site-build request.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests
from common import wait_for

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


def post_import(base: str, key: str, body: bytes, query: str = "") -> tuple[float, dict, dict]:
    """POST the batch; follow a 202 to its status URL until the import has finished. Returns
    the seconds, the report and the import's progress."""
    started = time.perf_counter()
    response = requests.post(
        f"{base}/api/v1/credit-records/import/{query}",
        data=body,
        headers={"Authorization": f"Api-Key {key}", "Content-Type": "application/x-ndjson"},
        timeout=1800,
    )
    if response.status_code == 202:
        location = response.headers["Location"]
        while True:
            time.sleep(0.5)
            status = requests.get(location, headers={"Authorization": f"Api-Key {key}"}).json()
            if status["finished_at"] is not None:
                break
            if status["status"] == "interrupted":
                sys.exit(f"import interrupted: {status['problem']}")
        return time.perf_counter() - started, status["report"], status["progress"]
    if response.status_code != 200:
        sys.exit(f"import failed: {response.status_code} {response.text[:2000]}")
    answer = response.json()
    return time.perf_counter() - started, answer["report"], answer["import"]["progress"]


class LockProbe(threading.Thread):
    """Takes SQLite's write lock every 20 ms from its own connection; keeps the longest wait."""

    def __init__(self, database: Path):
        super().__init__(daemon=True)
        self.database = database
        self.longest = 0.0
        self.stopped = threading.Event()

    def reset(self) -> float:
        longest, self.longest = self.longest, 0.0
        return longest

    def run(self) -> None:
        connection = sqlite3.connect(self.database, timeout=120, isolation_level=None)
        while not self.stopped.is_set():
            started = time.perf_counter()
            connection.execute("BEGIN IMMEDIATE")
            waited = time.perf_counter() - started
            connection.execute("ROLLBACK")
            self.longest = max(self.longest, waited)
            time.sleep(0.02)
        connection.close()


class ComplaintPoster(threading.Thread):
    """Posts a complaint every 2 s, as a citizen would while the import runs."""

    def __init__(self, base: str, district: str):
        super().__init__(daemon=True)
        self.base, self.district = base, district
        self.answers: list[int] = []
        self.stopped = threading.Event()

    def reset(self) -> list[int]:
        answers, self.answers = self.answers, []
        return answers

    def run(self) -> None:
        i = 0
        while not self.stopped.wait(2):
            i += 1
            form = {
                "kind": "complaint",
                "category": "quality",
                "respondent_name": f"压测商户{i}",
                "respondent_address": "红山区测试路1号",
                "facts": "压测：购买商品后发现质量问题，商家拒绝退换。",
                "request": "退款",
                "district": self.district,
                "complainant_name": "压测用户",
                "complainant_phone": f"139{i:08d}",
            }
            try:
                response = requests.post(f"{self.base}/api/v1/complaints/", json=form, timeout=120)
                self.answers.append(response.status_code)
            except requests.RequestException:
                self.answers.append(0)


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
        # Site builds requested by the import fail fast on a closed port: measured here is the
        # import (bench/site_build.py measures builds).
        "SITE_API_URL": "http://127.0.0.1:9",
        # The complaints posted meanwhile come from one address and one phone prefix.
        "COMPLAINT_SUBMIT_RATE": "100000/hour",
        "COMPLAINT_PHONE_RATE": "100000/day",
    }
    print(f"throwaway database in {workdir}")
    manage(env, "migrate", "-v", "0")
    manage(env, "make_demo_data", "--enterprises", str(args.enterprises))

    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from registry_api.credit.models import CreditRecord, Department
    from registry_api.credit.reference_data import load_credit_reference
    from registry_api.enterprises.models import District, Enterprise
    from registry_api.partners import services

    load_credit_reference()
    court = Department.objects.get(code="court")
    _, plain = services.key_issue(
        department=court, name="bench", scopes=["credit_records:write"], rate=10_000
    )
    codes = list(Enterprise.objects.values_list("credit_code", flat=True)[: args.enterprises])
    n = args.rows

    base = f"http://127.0.0.1:{args.port}"
    gunicorn = [str(Path(PYTHON).parent / "gunicorn"), "cms.wsgi", "--bind"]
    server = subprocess.Popen(
        [
            *gunicorn,
            f"127.0.0.1:{args.port}",
            "--workers",
            "2",
            "--timeout",
            "1800",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    # The demo data's queued follow-ups (Wagtail's reference index) are not the import's.
    DBTaskResult.objects.all().delete()
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    probe = LockProbe(workdir / "bench.sqlite3")
    poster = ComplaintPoster(base, District.objects.order_by("code").first().code)
    results = []
    try:
        wait_for(f"{base}/api/v1/districts/", seconds=60)
        probe.start()
        poster.start()
        body = jsonl(rows_for(codes, n, "A", "被执行人未履行生效法律文书确定的义务。"))
        for label, query, outcome in (
            ("HTTP import, dry run", "?dry_run=1", "created"),
            ("HTTP import, all created", "", "created"),
            ("HTTP import, all unchanged", "", "unchanged"),
        ):
            probe.reset()
            poster.reset()
            seconds, report, progress = post_import(base, plain, body, query)
            assert report["counts"][outcome] == n, report["counts"]
            lock_wait, answers = probe.reset(), poster.reset()
            longest = progress["longest_write_ms"]
            results.append((label, n, seconds, longest, lock_wait, answers))
            refused = sum(1 for code in answers if code != 201)
            print(
                f"{label}: {n} rows in {seconds:.1f} s; longest write transaction {longest} ms;"
                f" longest write-lock wait {lock_wait * 1000:.0f} ms; complaints"
                f" {len(answers) - refused} stored, {refused} refused"
                f" {sorted(set(answers) - {201}) or ''}",
                flush=True,
            )
    finally:
        probe.stopped.set()
        poster.stopped.set()
        for child in (server, worker):
            child.terminate()
            child.wait(timeout=60)

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
    header = (
        f"{'path':32} {'rows':>7} {'seconds':>8} {'rows/s':>9} {'× baseline':>10} "
        f"{'longest tx ms':>13} {'lock wait ms':>12} {'complaints':>10}"
    )
    print()
    print(header)
    print("-" * len(header))
    out = []
    for label, count, seconds, longest, lock_wait, answers in [
        *results,
        ("baseline bulk_create", n, baseline_seconds, None, None, None),
    ]:
        rate = count / seconds
        longest_tx = "" if longest is None else str(longest)
        wait = "" if lock_wait is None else f"{lock_wait * 1000:.0f}"
        stored = "" if answers is None else f"{answers.count(201)}/{len(answers)}"
        print(
            f"{label:32} {count:7d} {seconds:8.2f} {rate:9.0f} {rate / baseline_rate:9.3f}× "
            f"{longest_tx:>13} {wait:>12} {stored:>10}"
        )
        out.append(
            {
                "path": label,
                "rows": count,
                "seconds": round(seconds, 3),
                "rows_per_s": round(rate, 1),
                "ratio_to_baseline": round(rate / baseline_rate, 4),
                "longest_write_transaction_ms": longest,
                "longest_write_lock_wait_ms": None
                if lock_wait is None
                else round(lock_wait * 1000),
                "complaint_answers": answers,
            }
        )
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=2), "utf-8")
    shutil.rmtree(workdir, ignore_errors=True)  # the throwaway database and site
    return 0


if __name__ == "__main__":
    sys.exit(main())
