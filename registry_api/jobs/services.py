"""Writes of 用工需求: a demand's submit → review (listed, filled, closed) → expiry, and the
agencies' replies staff key in."""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.codes import dated_reference
from core.errors import Conflict
from core.services import model_assign, model_create, model_full_save, model_update
from registry_api.enterprises.models import District, Enterprise
from registry_api.services.validators import normalise_phone

from .models import VALID_DAYS_DEFAULT, AgencyReply, JobDemand

IDEMPOTENCY_CONFLICT = (
    "该幂等键（Idempotency-Key）已用于另一份内容不同的提交，请为新的提交生成新的键。"
)


@dataclass(frozen=True)
class Submission:
    demand: JobDemand
    created: bool  # False: a retry under the same Idempotency-Key, answered with the first


def reference_new(when=None) -> str:
    """YG + submission date + 6 random characters, e.g. YG20261204K7Q2MD (用工)."""
    return dated_reference("YG", when)


def submission_digest(fields: dict) -> str:
    """What a retry under the same key must repeat (rows by their primary key)."""
    body = {name: str(getattr(value, "pk", value)) for name, value in sorted(fields.items())}
    return hashlib.sha256(json.dumps(body, ensure_ascii=False).encode()).hexdigest()


def job_demand_submit(
    *,
    enterprise: Enterprise,
    title: str,
    trade: str,
    headcount: int,
    contact_name: str,
    contact_phone: str,
    district: District | None = None,
    pay_min: int | None = None,
    pay_max: int | None = None,
    requirements: str = "",
    valid_until: datetime.date | None = None,
    submitted_at=None,
    reference: str | None = None,
    idempotency_key: str = "",
) -> Submission:
    """A new demand waiting for staff (待审核); nothing of it is public yet. The work place's
    街镇 is the enterprise's unless given; listed for VALID_DAYS_DEFAULT days unless given."""
    fields = {
        "enterprise": enterprise,
        "title": title.strip(),
        "trade": trade,
        "headcount": headcount,
        "contact_name": contact_name.strip(),
        "contact_phone": normalise_phone(contact_phone),
        "district": district or enterprise.district,
        "pay_min": pay_min,
        "pay_max": pay_max,
        "requirements": (requirements or "").strip(),
        "valid_until": valid_until,
    }
    digest = submission_digest(fields)
    if idempotency_key:
        stored = JobDemand.objects.filter(idempotency_key=idempotency_key).first()
        if stored is not None:
            return _retry(stored, digest)
    submitted_at = submitted_at or timezone.now()
    if fields["valid_until"] is None:
        fields["valid_until"] = timezone.localdate(submitted_at) + datetime.timedelta(
            days=VALID_DAYS_DEFAULT
        )
    demand = JobDemand(
        **fields,
        reference=reference or reference_new(submitted_at),
        submitted_at=submitted_at,
        status=JobDemand.Status.PENDING,
        idempotency_key=idempotency_key or None,
        payload_digest=digest,
    )
    try:
        with transaction.atomic():
            model_full_save(demand)
    except ValidationError as error:
        # Two copies under one key raced: full_clean finds the first one's key taken.
        stored = _stored_under(idempotency_key, error)
        if stored is None:
            raise
        return _retry(stored, digest)
    except IntegrityError:
        stored = JobDemand.objects.filter(idempotency_key=idempotency_key).first()
        if not idempotency_key or stored is None:
            raise
        return _retry(stored, digest)
    return Submission(demand, True)


def _stored_under(key: str, error: ValidationError) -> JobDemand | None:
    if not key or "idempotency_key" not in getattr(error, "error_dict", {}):
        return None
    return JobDemand.objects.filter(idempotency_key=key).first()


def _retry(stored: JobDemand, digest: str) -> Submission:
    if stored.payload_digest != digest:
        raise Conflict(IDEMPOTENCY_CONFLICT)
    return Submission(stored, False)


def _demand_save(demand: JobDemand) -> JobDemand:
    """The phone kept in one form, the first listing's day noted, then the rules and the save."""
    demand.contact_phone = normalise_phone(demand.contact_phone)
    if demand.status in JobDemand.PUBLIC_STATUSES and demand.published_on is None:
        demand.published_on = timezone.localdate()
    return model_full_save(demand)


@transaction.atomic
def job_demand_review(*, demand: JobDemand, **fields) -> JobDemand:
    """Staff's edit in the admin, in one save: the text tidied, the status (招聘中 lists it;
    the model refuses to list a text holding a phone or ID number), the note."""
    return _demand_save(model_assign(demand, fields))


@transaction.atomic
def job_demand_set_status(*, demand: JobDemand, status: str) -> JobDemand:
    """招聘中 (listed), 已招满 (still shown, marked filled) or 已关闭 (taken off the site)."""
    demand.status = status
    return _demand_save(demand)


@transaction.atomic
def demands_expire(*, today: datetime.date | None = None) -> int:
    """Close listed demands past their validity (the public lists already hide them by
    date; this keeps the admin's status honest). Returns how many changed."""
    today = today or timezone.localdate()
    expired = JobDemand.objects.filter(status__in=JobDemand.PUBLIC_STATUSES, valid_until__lt=today)
    count = 0
    for demand in expired:  # one save each: the audit log and the index follow
        demand.status = JobDemand.Status.CLOSED
        demand.save(update_fields=["status", "updated_at"])
        count += 1
    return count


@transaction.atomic
def agency_reply_create(*, relayed_by=None, **fields) -> AgencyReply:
    """A reply an agency gave staff (by phone, mail or in person), keyed in for the demand."""
    fields.setdefault("replied_on", timezone.localdate())
    return model_create(AgencyReply, relayed_by=relayed_by, **fields)


@transaction.atomic
def agency_reply_update(*, reply: AgencyReply, **fields) -> AgencyReply:
    return model_update(reply, **fields)
