"""Reads of the dashboard: for one user, each queue they may act on, its count and its link.

One COUNT per queue (the complaint queues share one), each on an indexed status column; a
queue the user holds no permission for is neither counted nor shown. The complaint counts
read through the handler's scope and the same limits as the complaint listing's filters
(selectors.py, deadlines.py), so a count and the listing it links to always agree.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, F, Func, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.models import Page, TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy

from registry_api.complaints.deadlines import DUE_SOON_DAYS, due_soon_until
from registry_api.complaints.models import OPEN_STATUSES, Complaint
from registry_api.complaints.scope import scope_for
from registry_api.credit.models import CreditRepairApplication
from registry_api.exchange.models import IdleListing, Inquiry
from registry_api.finance.models import TrademarkPledgeConsultation
from registry_api.partners.models import CreditImport, ReviewItem
from registry_api.services.models import Consultation
from registry_api.workdays.calendar import WorkCalendar

FAILED_IMPORT_DAYS = 7
FAILED_IMPORT_STATUSES = (CreditImport.Status.REJECTED, CreditImport.Status.INTERRUPTED)


@dataclass(frozen=True)
class Item:
    """One line of the dashboard: what is waiting, how many, and where to work on it."""

    label: str
    count: int
    url: str
    urgent: bool = False  # overdue work: shown in the warning colour when not zero


@dataclass(frozen=True)
class Section:
    heading: str
    items: list[Item]
    note: str = ""  # e.g. whose complaints the counts cover


def snippet_list_url(model, **params) -> str:
    url = reverse(model.snippet_viewset.get_url_name("list"))
    return f"{url}?{urlencode(params)}" if params else url


def complaints_section(user, today: datetime.date) -> Section | None:
    """Overdue and due-soon submissions of the handler's units (all, for the bureau)."""
    if not user.has_perm("complaints.view_complaint"):
        return None
    scope = scope_for(user)
    counts = {"overdue": 0, "due_soon": 0}
    if not scope.nothing:
        until = due_soon_until(today, WorkCalendar.load())
        counts = scope.complaints(Complaint.objects.filter(status__in=OPEN_STATUSES)).aggregate(
            overdue=Count("id", filter=Q(due_on__lt=today)),
            due_soon=Count("id", filter=Q(due_on__gte=today, due_on__lte=until)),
        )
    listing = reverse("complaints:index")
    return Section(
        heading="投诉举报",
        note=f"范围：{scope.label}",
        items=[
            Item("已超期", counts["overdue"], f"{listing}?queue=overdue", urgent=True),
            Item(
                f"即将到期（{DUE_SOON_DAYS}个工作日内）",
                counts["due_soon"],
                f"{listing}?queue=due_soon",
            ),
        ],
    )


def moderation_section(user) -> Section | None:
    """Pages (and snippets) whose current workflow task this user may approve."""
    policy = PagePermissionPolicy(Page)
    if not policy.user_has_any_permission(user, ["add", "change", "publish"]):
        return None  # Wagtail's workflow report, the link below, asks for one of these
    count = TaskState.objects.reviewable_by(user).count()
    url = f"{reverse('wagtailadmin_reports:workflow_tasks')}?reviewable=true"
    return Section(heading="内容审核", items=[Item("待我审核的页面", count, url)])


# (permission, model, label, status the queue waits in): the public's requests and the
# imported rows held back, each a snippet listing filtered by its status.
WAITING_QUEUES = [
    ("services.change_consultation", Consultation, "咨询待审核", Consultation.Status.PENDING),
    ("exchange.change_inquiry", Inquiry, "闲置商标询价待转达", Inquiry.Status.PENDING),
    ("exchange.change_idlelisting", IdleListing, "闲置商标待审核", IdleListing.Status.PENDING),
    (
        "finance.change_trademarkpledgeconsultation",
        TrademarkPledgeConsultation,
        "商标质押融资咨询待处理",
        TrademarkPledgeConsultation.Status.PENDING,
    ),
    (
        "credit.change_creditrepairapplication",
        CreditRepairApplication,
        "信用修复申请待审核",
        CreditRepairApplication.Status.PENDING,
    ),
    ("partners.change_reviewitem", ReviewItem, "导入数据待复核", ReviewItem.Status.PENDING),
]


def counts(querysets: list[QuerySet]) -> list[int]:
    """The COUNT of each queryset, all in one SELECT of scalar subqueries (a query per queue
    would be a dozen round trips on every visit of the admin home)."""
    if not querysets:
        return []
    parts, params = [], []
    for queryset in querysets:
        counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
        sql, part_params = counted.query.sql_with_params()
        parts.append(f"({sql})")
        params += part_params
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", params)
        return [int(n) for n in cursor.fetchone()]


def waiting_section(user) -> Section | None:
    """The public's requests and the held-back rows waiting in the queues the user handles."""
    queues = [queue for queue in WAITING_QUEUES if user.has_perm(queue[0])]
    waiting = counts([model.objects.filter(status=status) for _, model, _, status in queues])
    items = [
        Item(label, count, snippet_list_url(model, status=status))
        for (_, model, label, status), count in zip(queues, waiting, strict=True)
    ]
    return Section(heading="待处理申请", items=items) if items else None


def failed_imports(now: datetime.datetime | None = None):
    since = (now or timezone.now()) - datetime.timedelta(days=FAILED_IMPORT_DAYS)
    return CreditImport.objects.filter(status__in=FAILED_IMPORT_STATUSES, created_at__gte=since)


def imports_section(user) -> Section | None:
    """Credit-record imports that ended without writing everything, the last 7 days."""
    if not user.has_perm("credit.add_creditrecord"):
        return None
    count = failed_imports().count()
    label = f"近{FAILED_IMPORT_DAYS}天未完成的导入"
    return Section(
        heading="数据导入", items=[Item(label, count, reverse("dashboard_failed_imports"))]
    )


def dashboard_sections(user, today: datetime.date | None = None) -> list[Section]:
    """The sections this user may act on, in the order of the page."""
    today = today or timezone.localdate()
    sections = [
        complaints_section(user, today),
        moderation_section(user),
        waiting_section(user),
        imports_section(user),
    ]
    return [section for section in sections if section is not None]
