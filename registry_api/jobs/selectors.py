"""Reads of 用工需求: the public demands (listed, within validity) with their visible replies,
and a demand's progress by its 查询码."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from .models import AgencyReply, JobDemand

# What the public shapes read: never contact_name, contact_phone, staff_note or the key.
PUBLIC_COLUMNS = (
    "id",
    "enterprise",
    "title",
    "trade",
    "district",
    "headcount",
    "pay_min",
    "pay_max",
    "requirements",
    "status",
    "valid_until",
    "published_on",
    "submitted_at",
    "updated_at",
)


class Lookup(models.TextChoices):
    """A demand's progress as its poster may see it by the 查询码."""

    RECEIVED = "received", "已收到，正在审核"
    LISTED = "listed", "已审核发布，正在招聘"
    FILLED = "filled", "已招满"
    CLOSED = "closed", "已关闭（不在网站显示）"


def visible_replies() -> QuerySet[AgencyReply]:
    """Replies staff chose to show, with their agency (its public name only is read)."""
    return (
        AgencyReply.objects.filter(visible=True)
        .select_related("agency")
        .only("id", "demand_id", "agency__id", "agency__name", "text", "replied_on", "updated_at")
        .order_by("replied_on", "id")
    )


def with_replies(queryset: QuerySet[JobDemand]) -> QuerySet[JobDemand]:
    return queryset.prefetch_related(
        Prefetch("replies", queryset=visible_replies(), to_attr="public_replies")
    )


def demand_public_list(today: datetime.date | None = None) -> QuerySet[JobDemand]:
    """Demands staff listed, not past their validity on `today`, with their shown replies."""
    today = today or timezone.localdate()
    return with_replies(
        JobDemand.objects.public(today)
        .only(
            *PUBLIC_COLUMNS,
            "enterprise__credit_code",
            "enterprise__name",
            "enterprise__updated_at",
            "district__code",
            "district__name",
        )
        .select_related("enterprise", "district")
    )


def demand_by_reference(code: str) -> JobDemand | None:
    return (
        with_replies(JobDemand.objects.select_related("district"))
        .filter(reference=code.strip().upper())
        .first()
    )


def demand_progress(demand: JobDemand, today: datetime.date | None = None) -> str:
    """Where a demand stands (a Lookup choice); a listed one past its validity is closed."""
    today = today or timezone.localdate()
    if demand.status == JobDemand.Status.PENDING:
        return Lookup.RECEIVED
    if demand.status == JobDemand.Status.CLOSED or demand.valid_until < today:
        return Lookup.CLOSED
    if demand.status == JobDemand.Status.FILLED:
        return Lookup.FILLED
    return Lookup.LISTED


def pay_display(demand: JobDemand) -> str:
    """3000–4500元/月, 3000元/月起, 最高4500元/月, or 面议."""
    low, high = demand.pay_min, demand.pay_max
    if low is not None and high is not None:
        return f"{low}元/月" if low == high else f"{low}–{high}元/月"
    if low is not None:
        return f"{low}元/月起"
    if high is not None:
        return f"最高{high}元/月"
    return "面议"
