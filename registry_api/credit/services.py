"""Writes to the credit registry: records (publicity computed from the rules) and repairs."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.codes import dated_reference
from core.services import model_assign, model_full_save
from core.signals import rows_changed
from registry_api import audit
from registry_api.workdays.calendar import WorkCalendar

from .models import CreditRecord, CreditRepairApplication, PublicityRule, add_months

REPAIR_WORKING_DAYS = 10


def repair_reference_new(when=None) -> str:
    """XF + submission date + 6 random characters, e.g. XF20261127K7Q2MD."""
    return dated_reference("XF", when)


def apply_publicity_rule(record: CreditRecord) -> CreditRecord:
    """Set publicity start/end and repair date from the stored rule (not saved here)."""
    record.publicity_start = record.publicity_start or record.decision_date
    rule = PublicityRule.objects.filter(category=record.category, severity=record.severity).first()
    if rule is None or record.publicity_start is None:
        record.publicity_end = record.publicity_start
        record.repair_eligible_on = None
        return record
    record.publicity_end = add_months(record.publicity_start, rule.publicity_months)
    record.repair_eligible_on = (
        add_months(record.publicity_start, rule.repair_after_months)
        if rule.repair_after_months is not None and rule.publicity_months
        else None
    )
    return record


def record_save(record: CreditRecord) -> CreditRecord:
    record.full_clean()
    apply_publicity_rule(record)
    record.save()
    return record


@transaction.atomic
def record_create(**fields) -> CreditRecord:
    return record_save(CreditRecord(**fields))


@transaction.atomic
def record_update(*, record: CreditRecord, **fields) -> CreditRecord:
    return record_save(model_assign(record, fields))


@transaction.atomic
def rule_save(rule: PublicityRule) -> int:
    """Save a rule and recompute every record it governs; returns how many were recomputed."""
    model_full_save(rule)
    records = list(CreditRecord.objects.filter(category=rule.category, severity=rule.severity))
    before = {record.pk: audit.snapshot(record) for record in records}
    now = timezone.now()
    for record in records:
        apply_publicity_rule(record)
        record.updated_at = now  # auto_now does not apply to bulk_update
    CreditRecord.objects.bulk_update(records, ["publicity_end", "repair_eligible_on", "updated_at"])
    # bulk_update bypasses the audit signals: log the records whose dates moved, in one INSERT.
    audit.record_many("update", [(record, before[record.pk], None) for record in records])
    # bulk_update sends no signals; a changed publicity end moves the record in or out of
    # search and changes its page.
    rows_changed.send(sender=CreditRecord, pks=[record.pk for record in records])
    return len(records)


@transaction.atomic
def repair_apply(
    *,
    record: CreditRecord,
    applicant_name: str,
    contact_phone: str,
    reason: str,
    today=None,
    submitted_at=None,
) -> CreditRepairApplication:
    submitted_at = submitted_at or timezone.now()
    today = today or timezone.localdate(submitted_at)
    if record.status != CreditRecord.Status.PUBLIC:
        raise ValidationError({"record": "该记录不在公示中，无需申请信用修复。"})
    if record.repair_eligible_on is None:
        raise ValidationError({"record": "该类信用记录不适用信用修复。"})
    if today < record.repair_eligible_on:
        raise ValidationError(
            {"record": f"该记录自{record.repair_eligible_on:%Y年%m月%d日}起方可申请信用修复。"}
        )
    application = CreditRepairApplication(
        reference=repair_reference_new(submitted_at),
        submitted_at=submitted_at,
        enterprise=record.enterprise,
        record=record,
        applicant_name=applicant_name,
        contact_phone=contact_phone,
        reason=reason,
        # The official calendar: holidays off, make-up working days on (registry_api/workdays).
        due_on=WorkCalendar.load().add(today, REPAIR_WORKING_DAYS),
    )
    return model_full_save(application)


@transaction.atomic
def repair_decide(
    *, application: CreditRepairApplication, status: str, note: str = ""
) -> CreditRepairApplication:
    """Staff decision; a granted repair marks the record 已修复 (it leaves the public lists)."""
    application.status = status
    application.decision_note = note
    if status in (CreditRepairApplication.Status.GRANTED, CreditRepairApplication.Status.REFUSED):
        application.decided_at = timezone.now()
    model_full_save(application)
    if status == CreditRepairApplication.Status.GRANTED:
        record = application.record
        record.status = CreditRecord.Status.REPAIRED
        record.save(update_fields=["status", "updated_at"])
    return application
