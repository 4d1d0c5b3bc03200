"""`manage.py make_demo_data [--enterprises N] [--pages N] [--finance] [--seed S]`: top up.

`--credit-records N` tops up credit records (registry_api.credit.demo_data) to N.
`--trademarks N` tops up the demo trademark library (registry_api.trademarks.demo_data) to N
marks (issue 5 asks for 30,000); it is not part of the default scale yet.
Without any option it tops everything up to the default scale of issue 4 (DEFAULT_SCALE):
20,000 enterprises, 8,000 credit records, the finance and the services demo data.
Every step counts what exists first, so a re-run creates nothing and takes about a second.

Enterprises fill the directory; pages are synthetic policy news for benchmarks. Both are
created without queuing search syncs or site builds: run `search_reindex` afterwards (the
set-up of `make run` does when it finds drift) and let the next site build pick them up.
"""

import time
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from cms.learning.demo_registrations import make_demo_event_registrations
from cms.pages.demo_pages import demo_page_count, make_demo_pages
from registry_api.complaints.demo_data import DEFAULT_COMPLAINTS, make_demo_complaints
from registry_api.credit.demo_data import DEFAULT_RECORDS as DEFAULT_CREDIT_RECORDS
from registry_api.credit.demo_data import make_demo_credit_records
from registry_api.ecommerce.demo_data import make_demo_ecommerce
from registry_api.enterprises.demo_data import (
    DEFAULT_ENTERPRISES,
    DEFAULT_SEED,
    make_demo_enterprises,
    missing_count,
)
from registry_api.exchange.demo_data import make_demo_exchange
from registry_api.finance.demo_data import DEFAULT_COUNTS as FINANCE_COUNTS
from registry_api.finance.demo_data import make_demo_finance, make_demo_trademark_pledges
from registry_api.jobs.demo_data import make_demo_jobs
from registry_api.services.demo_data import make_demo_services
from registry_api.trademarks.demo_data import DEFAULT_TRADEMARKS, make_demo_trademarks

# The demo platform's default scale (issue 4); finance and services have their own defaults.
DEFAULT_SCALE = {
    "enterprises": DEFAULT_ENTERPRISES,
    "credit_records": DEFAULT_CREDIT_RECORDS,
    "finance": True,
    "services": True,
}


class Command(BaseCommand):
    help = (
        "Create realistic synthetic enterprises until the directory holds N (idempotent top-up). "
        "Rows are bulk-created, so no search sync is queued: reindex afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enterprises",
            type=int,
            metavar="N",
            help="number of enterprises the directory should hold",
        )
        parser.add_argument(
            "--pages",
            type=int,
            metavar="N",
            help="number of synthetic policy news pages (across categories) for benchmarks",
        )
        parser.add_argument(
            "--finance",
            action="store_true",
            help="top up finance demo data (loan products, needs, equity pledges, old mortgages)",
        )
        parser.add_argument(
            "--services",
            action="store_true",
            help="also create 30 demo agencies and 200 consultations (idempotent)",
        )
        parser.add_argument(
            "--credit-records",
            type=int,
            metavar="N",
            help="number of credit records (all departments, categories, tiers) for enterprises",
        )
        parser.add_argument(
            "--complaints",
            type=int,
            metavar="N",
            help=f"demo complaints over 18 months (issue 6 scale: {DEFAULT_COMPLAINTS})",
        )
        parser.add_argument(
            "--trademarks",
            type=int,
            metavar="N",
            help=f"number of demo trademarks (issue 5's scale: {DEFAULT_TRADEMARKS})",
        )
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})"
        )

    def handle(self, *args, enterprises: int | None, pages: int | None, seed: int, **options):
        credit_records = options.get("credit_records")
        trademarks = options.get("trademarks")
        complaints = options.get("complaints")
        if (
            enterprises is None
            and pages is None
            and credit_records is None
            and trademarks is None
            and complaints is None
            and not (options["finance"] or options["services"])
        ):
            # No option: everything at the default scale.
            enterprises = DEFAULT_SCALE["enterprises"]
            credit_records = DEFAULT_SCALE["credit_records"]
            options["finance"] = options["services"] = True
        counts = (enterprises, pages, credit_records, trademarks, complaints)
        if min(count or 0 for count in counts) < 0:
            raise CommandError("数量不能为负数。")
        console = Console(file=self.stdout, highlight=False)
        if pages is not None:
            self._make_pages(console, pages, seed, options["verbosity"])
        if enterprises is not None:
            self._make_enterprises(console, enterprises, seed, options["verbosity"])
        if credit_records is not None:
            result = make_demo_credit_records(credit_records, seed=seed)
            console.print(f"新增 {result.created} 条信用记录（原有 {result.existing}）。")
        if options["services"]:  # after enterprises: HR agencies link to directory entries
            result = make_demo_services(seed=seed)
            console.print(
                f"新增 {result.agencies_created} 家服务机构、"
                f"{result.consultations_created} 条咨询留言。"
            )
            # After the agencies: the HR agencies answer some of the demands.
            console.print(f"新增 {make_demo_jobs(seed=seed)} 条用工需求。")
            console.print(f"新增 {make_demo_ecommerce(seed=seed)} 家电子商务网店。")
            registrations = make_demo_event_registrations(seed=seed)
            console.print(f"新增 {registrations} 条活动报名。")
        if options["finance"]:  # after the enterprises: finance records attach to them
            created = make_demo_finance(FINANCE_COUNTS, seed=seed).created
            console.print(
                "融资服务演示数据：新增贷款产品 {products} 个、融资需求 {needs} 条、"
                "股权出质 {pledges} 条、动产抵押历史记录 {mortgages} 条。".format(**created)
            )
        if trademarks is not None:  # after the enterprises: local marks belong to them
            started = time.perf_counter()
            result = make_demo_trademarks(trademarks, seed=seed)
            console.print(
                f"新增 {result.created} 件演示商标（原有 {result.existing}），"
                f"用时 {time.perf_counter() - started:.1f} 秒。"
            )
            # Idle-mark listings and trademark pledges go on the marks just made (issue 5).
            exchange = make_demo_exchange(seed=seed)
            pledges = make_demo_trademark_pledges(seed=seed)
            console.print(
                f"新增 {exchange.listings_created} 条闲置商标、"
                f"{exchange.inquiries_created} 条意向咨询、{pledges.pledges_created} 条商标质押、"
                f"{pledges.consultations_created} 条质押咨询。"
            )
        if complaints is not None:  # after the enterprises: respondents are matched to them
            started = time.perf_counter()
            result = make_demo_complaints(complaints, seed=seed)
            console.print(
                f"新增 {result.created} 件演示投诉举报（原有 {result.existing}），"
                f"用时 {time.perf_counter() - started:.1f} 秒。"
            )

    def _make_pages(self, console, pages: int, seed: int, verbosity: int) -> None:
        if demo_page_count() >= pages:
            console.print(f"已有不少于 {pages} 篇演示资讯，无需新增。")
            return
        started = time.perf_counter()
        with self._progress(console, "演示资讯", verbosity) as advance:
            result = make_demo_pages(pages, seed=seed, progress=advance)
        seconds = time.perf_counter() - started
        console.print(f"新增 {result.created} 篇演示资讯，用时 {seconds:.1f} 秒。")

    @contextmanager
    def _progress(self, console, label: str, verbosity: int):
        with Progress(
            TextColumn(f"[bold]{label}[/]"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            disable=verbosity < 1,
        ) as progress:
            bar = progress.add_task(label, total=None)

            def advance(written: int, total: int) -> None:
                progress.update(bar, completed=written, total=total)

            yield advance

    def _make_enterprises(self, console, enterprises: int, seed: int, verbosity: int) -> None:
        if missing_count(enterprises) == 0:
            console.print(f"企业名录已有不少于 {enterprises} 家企业，无需新增。")
            return
        started = time.perf_counter()
        with self._progress(console, "企业名录", verbosity) as advance:
            result = make_demo_enterprises(enterprises, seed=seed, progress=advance)
        seconds = time.perf_counter() - started
        console.print(
            f"新增 {result.created} 家企业（原有 {result.existing}，现有 {result.target}），"
            f"用时 {seconds:.2f} 秒。"
        )
