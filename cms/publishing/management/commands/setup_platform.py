"""manage.py setup_platform: every idempotent set-up step of `make run`, in one process.

One process instead of one per step saves Django's (and Wagtail's) start-up each time, which
is most of a re-run's cost.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.pages.models import HomePage
from cms.publishing.local_admin import local_demo_editors_ensure
from cms.publishing.roles import editorial_roles_ensure
from cms.reports.drafting import ensure_demo_reports
from registry_api.complaints.demo_data import DEFAULT_COMPLAINTS
from registry_api.complaints.reference_data import load_units
from registry_api.complaints.roles import handler_group_ensure
from registry_api.credit.demo_data import DEFAULT_RECORDS as DEFAULT_CREDIT_RECORDS
from registry_api.credit.reference_data import load_credit_reference
from registry_api.enterprises.demo_data import DEFAULT_ENTERPRISES
from registry_api.trademarks.demo_data import DEFAULT_TRADEMARKS
from registry_api.workdays.reference_data import load_holidays
from search.drift import kind_drift
from search.kinds import KINDS


class Command(BaseCommand):
    help = "Migrate, collect static files, load content and demo data, index, create the admin."

    def add_arguments(self, parser):
        parser.add_argument("--enterprises", type=int, default=DEFAULT_ENTERPRISES)
        parser.add_argument("--credit-records", type=int, default=DEFAULT_CREDIT_RECORDS)
        parser.add_argument("--trademarks", type=int, default=DEFAULT_TRADEMARKS)
        parser.add_argument("--complaints", type=int, default=DEFAULT_COMPLAINTS)

    def handle(self, *args, enterprises, credit_records, trademarks, complaints, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        # Enterprises first: showcase stories in content/ link to demo enterprises by code.
        call_command("make_demo_data", enterprises=enterprises, finance=True, services=True)
        # Credit departments and publicity rules from content/reference/, then demo records.
        load_credit_reference()
        call_command("make_demo_data", credit_records=credit_records)
        # The trademark library after the enterprises (local marks belong to them); it loads
        # the 45 Nice classes from content/reference/nice_classes.csv first.
        call_command("make_demo_data", trademarks=trademarks)
        call_command("load_content")
        # Complaints: the official holiday calendar (working-day limits), the handling units
        # with one QR intake place per station, and the handlers' group.
        load_holidays()
        load_units()
        handler_group_ensure()
        call_command("make_demo_data", complaints=complaints)
        ensure_demo_reports()
        if not all(kind_drift(kind).clean for kind in KINDS):
            self.stdout.write("搜索索引与数据库不一致，正在重建索引……")
            call_command("search_reindex")
        else:
            self.stdout.write("搜索索引与数据库一致。")
        call_command("ensure_admin")
        editorial_roles_ensure(HomePage.objects.get())
        local_demo_editors_ensure()
        self.stdout.write("编辑账号 editor（编辑组）与 moderator（审核员组）已就绪，密码同管理员。")
