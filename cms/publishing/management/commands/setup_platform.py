"""manage.py setup_platform: every idempotent set-up step of `make run`, in one process.

One process instead of one per step saves Django's (and Wagtail's) start-up each time, which
is most of a re-run's cost. Demo data is generated with live indexing and site-build requests
off; the index is then written once, in bulk (`search_reindex`), and the first site build is
run_platform's.
"""

import hashlib
import os
import time
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.core.management.base import BaseCommand
from rich.console import Console

from cms.pages.models import HomePage
from cms.publishing.local_admin import local_demo_editors_ensure
from cms.publishing.roles import editorial_roles_ensure
from cms.publishing.scales import SCALES, DemoScale, scale_record
from cms.reports.drafting import ensure_demo_reports
from core.on_commit import on_commit_paused
from registry_api.assessment.models import Score
from registry_api.assessment.quarters import Quarter
from registry_api.assessment.reference_data import load_assessment_rules
from registry_api.assessment.services import assess
from registry_api.complaints.demo_data import make_demo_complaints
from registry_api.complaints.reference_data import load_units
from registry_api.complaints.roles import handler_group_ensure
from registry_api.credit.demo_data import make_demo_credit_records
from registry_api.credit.reference_data import load_credit_reference
from registry_api.enterprises.demo_data import make_demo_enterprises, missing_count
from registry_api.exchange.demo_data import make_demo_exchange
from registry_api.finance.demo_data import make_demo_finance, make_demo_trademark_pledges
from registry_api.network.demo_data import make_demo_network
from registry_api.network.reference_data import load_network
from registry_api.network.roles import network_group_ensure
from registry_api.services.demo_data import make_demo_services
from registry_api.stalls.demo_data import make_demo_stalls
from registry_api.stalls.roles import stall_group_ensure
from registry_api.subscriptions.roles import subscription_group_ensure
from registry_api.trademarks.demo_data import make_demo_trademarks
from registry_api.training.demo_data import make_demo_training
from registry_api.workdays.reference_data import load_holidays
from search.client import search_client
from search.drift import kind_drift
from search.indices import live_indices, mapping_changed
from search.names import alias_name
from search.reference_data import load_synonyms
from search.registry import kind_names, registry


class Command(BaseCommand):
    help = "Migrate, collect static files, load content and demo data, index, create the admin."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="default")

    def handle(self, *args, scale, **options):
        console = Console(file=self.stdout, highlight=False)
        started = time.perf_counter()
        call_command("migrate", interactive=False, verbosity=0)
        self._collect_static()
        chosen = SCALES[scale]
        with on_commit_paused("search_sync", "site_build"):
            created = self._load(console, chosen)
        scale_record(chosen)
        stale = self._kinds_to_index(created)
        if stale:
            console.print(f"写入搜索索引（{len(stale)} 类）……")
            call_command("search_reindex", *[f"--kind={kind}" for kind in stale])
        else:
            console.print("搜索索引与数据库一致。")
        call_command("ensure_admin")
        editorial_roles_ensure(HomePage.objects.get())
        local_demo_editors_ensure()
        console.print("编辑账号 editor（编辑组）与 moderator（审核员组）已就绪，密码同管理员。")
        console.print(
            f"规模 {chosen.name}：企业 {chosen.enterprises:,}，商标 {chosen.trademarks:,}，"
            f"信用记录 {chosen.credit_records:,}，投诉举报 {chosen.complaints:,}"
            f"（准备用时 {time.perf_counter() - started:.1f} 秒）。"
        )

    def _collect_static(self) -> None:
        """collectstatic, unless no source file changed since the last run: with the manifest
        storage it re-hashes every file each time (about 5 s of a re-run)."""
        stamp = Path(settings.STATIC_ROOT) / ".sources"
        sources = hashlib.sha256()
        for finder in finders.get_finders():
            for path, storage in finder.list([]):
                stat = os.stat(storage.path(path))
                sources.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        fingerprint = sources.hexdigest()
        if stamp.exists() and stamp.read_text() == fingerprint:
            return
        call_command("collectstatic", interactive=False, verbosity=0)
        stamp.write_text(fingerprint)

    def _load(self, console, scale: DemoScale) -> bool:
        """Content, reference and demo data at `scale`; True when anything was created."""
        created = 0
        # Enterprises first: showcase stories in content/ link to demo enterprises by code.
        if missing_count(scale.enterprises):
            with console.status("生成演示企业……"):
                created += make_demo_enterprises(scale.enterprises).created
        created += make_demo_services(
            agencies=scale.agencies, consultations=scale.consultations
        ).agencies_created
        created += sum(make_demo_finance(scale.finance_counts).created.values())
        # Credit departments and publicity rules from content/reference/, then demo records.
        load_credit_reference()
        created += make_demo_credit_records(scale.credit_records).created
        # The trademark library after the enterprises (local marks belong to them).
        with console.status("生成演示商标与图样……"):
            created += make_demo_trademarks(scale.trademarks).created
        created += make_demo_exchange(scale.idle_listings, scale.idle_inquiries).listings_created
        created += make_demo_trademark_pledges(
            scale.trademark_pledges, scale.pledge_consultations
        ).pledges_created
        call_command("load_content")
        # Complaints: the official holiday calendar (working-day limits), the handling units
        # with one QR intake place per station, and the handlers' group.
        load_holidays()
        load_synonyms()  # the search's synonym groups, editable in the admin afterwards
        load_units()
        handler_group_ensure()
        # The village and community network (the source's numbers at every scale): its 76
        # stations before the complaints, which are routed over every station's QR place.
        load_network()
        network_group_ensure()
        stall_group_ensure()
        subscription_group_ensure()  # 变更订阅管理: staff who watch the webhooks' deliveries
        with console.status("生成演示村居网络、摊位备案卡与培训……"):
            created += make_demo_network().created
            created += make_demo_stalls(scale.stall_cards).created
            make_demo_training()
        with console.status("生成演示投诉举报……"):
            created += make_demo_complaints(scale.complaints).created
        created += ensure_demo_reports()
        load_assessment_rules()
        self._assess(console, fresh=created > 0)
        return created > 0

    def _assess(self, console, *, fresh: bool) -> None:
        """The last and the current quarter's scores, so the assessment report says something:
        computed after new demo data, or when a quarter has none (a re-run costs nothing)."""
        current = Quarter.current()
        for quarter in (current.previous(), current):
            if fresh or not Score.objects.filter(quarter=str(quarter)).exists():
                with console.status(f"计算{quarter.label}考核得分……"):
                    assess(quarter)

    def _kinds_to_index(self, created: bool) -> list[str]:
        """Every kind after new demo data (one bulk write each). Otherwise the kinds whose index
        is missing, mapped otherwise than the code declares, or drifted: editorial kinds (a few
        hundred pages, a content file may have changed) are compared document by document,
        registries by count only — a full comparison of 30,000 marks would cost the re-run a
        minute on the local engine, and stale registry documents are the daily
        `search_check --repair`'s job."""
        if created:
            return list(kind_names())
        return [kind for kind in kind_names() if self._drifted(kind)]

    def _drifted(self, kind: str) -> bool:
        if not live_indices(kind) or mapping_changed(kind):
            return True
        if registry()[kind].page_model is not None:
            return not kind_drift(kind).clean
        indexed = search_client().count(index=alias_name(kind))["count"]
        return indexed != len(registry()[kind].source.ids_and_updated())
