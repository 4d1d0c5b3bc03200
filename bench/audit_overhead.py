#!/usr/bin/env python3
"""Measure what the audit log costs a registry write, against the same writes unlogged.

    .venv/bin/python bench/audit_overhead.py [--enterprises 5000] [--saves 300] [--rounds 3]

In a throwaway SQLite database (the development database is never touched):

1. `make_demo_data --enterprises N`: the bulk path. Reports its time and how many audit
   entries it wrote for enterprises (expected 0: bulk_create sends no signals).
2. `--saves` single-row updates of enterprises (`save()` in a transaction, as the services
   do), alternately with the audit handlers connected and disconnected, `--rounds` times each;
   reports the best saves/s of each, their ratio, and the queries one save issues either way.

A save also queues a search sync and a site build request (the enterprise app's own
signals); both variants pay that, as production does.
"""

from __future__ import annotations

import argparse
import time

from common import scratch_django_setup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--enterprises", type=int, default=5000)
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    scratch_django_setup("audit-bench-")
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.db.models.signals import post_save, pre_save
    from django.test.utils import CaptureQueriesContext

    from registry_api.audit.models import AuditEntry
    from registry_api.audit.signals import log_save, remember_stored_row
    from registry_api.enterprises.models import Enterprise

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("make_demo_data", enterprises=args.enterprises, verbosity=0)
    seconds = time.perf_counter() - started
    logged = AuditEntry.objects.filter(model_name="enterprise").count()
    print(
        f"make_demo_data --enterprises {args.enterprises}: {seconds:.1f} s, "
        f"{logged} audit entries for enterprises"
    )

    rows = list(Enterprise.objects.order_by("id")[: args.saves])
    uid = f"audit:{Enterprise._meta.label_lower}"

    def audit_connected(on: bool) -> None:
        if on:
            pre_save.connect(remember_stored_row, sender=Enterprise, dispatch_uid=f"{uid}:pre")
            post_save.connect(log_save, sender=Enterprise, dispatch_uid=f"{uid}:save")
        else:
            pre_save.disconnect(sender=Enterprise, dispatch_uid=f"{uid}:pre")
            post_save.disconnect(sender=Enterprise, dispatch_uid=f"{uid}:save")

    counter = iter(range(10**9))

    def save_all() -> float:
        begin = time.perf_counter()
        for row in rows:
            row.industry = f"行业{next(counter)}"
            with transaction.atomic():
                row.save()
        return len(rows) / (time.perf_counter() - begin)

    best = {True: 0.0, False: 0.0}
    for _ in range(args.rounds):
        for on in (True, False):
            audit_connected(on)
            best[on] = max(best[on], save_all())
    audit_connected(True)

    queries = {}
    for on in (True, False):
        audit_connected(on)
        rows[0].industry = f"行业{next(counter)}"
        with CaptureQueriesContext(connection) as captured, transaction.atomic():
            rows[0].save()
        queries[on] = len(captured.captured_queries)
    audit_connected(True)

    print(f"saves/s without audit (baseline): {best[False]:.0f}")
    print(
        f"saves/s with audit:               {best[True]:.0f}  "
        f"(ratio {best[True] / best[False]:.2f})"
    )
    print(f"queries per save: {queries[False]} without audit, {queries[True]} with audit")


if __name__ == "__main__":
    main()
