"""Reads of the services registry: agencies with credit standing, the public Q&A."""

from django.db import models
from django.db.models import QuerySet

from .models import Agency, Consultation


class Lookup(models.TextChoices):
    """A consultation's progress by its 查询码: the status and nothing of its content."""

    RECEIVED = "received", "已收到，正在办理"
    ANSWERED = "answered", "已答复，公开前正在审核"
    PUBLISHED = "published", "已答复并公开"
    NOT_PUBLIC = "not_public", "已办结，不在网站公开"


def agency_list() -> QuerySet[Agency]:
    return Agency.objects.filter(active=True).select_related("district", "enterprise")


def legal_agency_list() -> QuerySet[Agency]:
    """The vetted legal firms a 法律服务咨询 may be routed to, by name."""
    return Agency.objects.filter(active=True, kind__in=Agency.LEGAL_KINDS).order_by("name")


def agency_credit_standing(agency: Agency) -> dict | None:
    """The registry's credit standing of the agency's enterprise; None when it has none."""
    if agency.enterprise_id is None:
        return None
    from registry_api.credit.selectors import credit_standing

    return credit_standing(agency.enterprise)


def consultation_public_list() -> QuerySet[Consultation]:
    """Answered Q&A that staff approved and the asker agreed to publish."""
    return (
        Consultation.objects.filter(
            status=Consultation.Status.PUBLISHED, public=True, answered_at__isnull=False
        )
        .exclude(answer="")
        .only(
            "id",
            "tracking_code",
            "channel",
            "subject",
            "question",
            "answer",
            "submitted_at",
            "answered_at",
            "updated_at",
            "agency__id",
            "agency__name",
            "agency__kind",
        )
        .select_related("agency")
    )


def consultation_by_tracking_code(code: str) -> Consultation | None:
    return Consultation.objects.filter(tracking_code=code.strip().upper()).first()


def consultation_progress(consultation: Consultation) -> str:
    """Where a question stands, as its asker may see it by the 查询码 (a Lookup choice)."""
    if consultation.status == Consultation.Status.PUBLISHED and consultation.is_answered:
        return Lookup.PUBLISHED
    if consultation.status == Consultation.Status.WITHHELD:
        return Lookup.NOT_PUBLIC
    return Lookup.ANSWERED if consultation.is_answered else Lookup.RECEIVED
