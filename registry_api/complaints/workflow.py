"""Handling steps: accept or refuse, assign, escalate, mediate or investigate, extend, close.

Each step checks where the submission stands, moves it, resets its current limit (`due_on`)
and records a ComplaintStep; every save is audit-logged by the audit app's signals. Handlers
call these from the Wagtail admin; the functions know nothing about requests.

With an `actor`, each step also checks the actor's unit (scope.py): only a complaint held in
the actor's subtree can be handled, and `assign` hands it only to a unit of that subtree (a
所 to one of its stations, the bureau anywhere). Up the tree goes `escalate`: the complaint
then belongs to the parent unit, and the sending station no longer sees it (least access:
the 所 above, who now holds it, answers for it; the complainant follows it on the tracking
page). Without an actor (demo data, commands) no unit is checked.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from registry_api.workdays.calendar import WorkCalendar

from .deadlines import extended_due, mediation_due
from .models import Complaint, ComplaintStep, Kind, Outcome, Status, Unit
from .scope import scope_for

HANDLING = (Status.ACCEPTED, Status.ASSIGNED, Status.MEDIATING, Status.INVESTIGATING)


NOT_YOURS = "该件不由您所在单位（或其下级单位）承办，不能办理。"
ASSIGN_OUTSIDE = "只能分派至本单位或下级单位；需要上级单位办理的，请选择“上报上级单位”。"


def _require(complaint: Complaint, allowed, doing: str, actor=None) -> None:
    if actor is not None and not scope_for(actor).covers_complaint(complaint):
        raise ValidationError({"unit": NOT_YOURS})
    if complaint.status not in allowed:
        raise ValidationError(
            {"status": f"当前状态为“{complaint.get_status_display()}”，不能{doing}。"}
        )


def _step(complaint, action, actor, note="", unit=None, when=None) -> ComplaintStep:
    step = ComplaintStep(
        complaint=complaint,
        action=action,
        at=when or timezone.now(),
        unit=unit or complaint.unit,
        actor=actor,
        note=note,
    )
    # The step's rules (the note's cap) before anything is written: a refused step moves
    # nothing, whoever calls (the admin form caps the note too, the commands do not).
    step.full_clean(exclude=["complaint"])
    complaint.save()
    step.save()
    return step


@transaction.atomic
def accept(complaint, *, actor=None, today: datetime.date | None = None, calendar=None):
    """A complaint enters handling: mediation must end within 45 working days. A report is
    "accepted" by being assigned or investigated: its 15-day limit runs from receipt."""
    _require(complaint, (Status.SUBMITTED,), "受理", actor)
    today = today or timezone.localdate()
    complaint.status = Status.ACCEPTED
    complaint.accepted_on = today
    if complaint.kind == Kind.COMPLAINT:
        complaint.due_on = mediation_due(today, calendar or WorkCalendar.load())
    return _step(complaint, ComplaintStep.Action.ACCEPTED, actor)


@transaction.atomic
def refuse(complaint, *, reason: str, note: str = "", actor=None, today=None):
    _require(complaint, (Status.SUBMITTED,), "作出不予受理决定", actor)
    if not reason:
        raise ValidationError({"refusal_reason": "请选择不予受理的理由。"})
    complaint.status = Status.REFUSED
    complaint.refusal_reason = reason
    complaint.closed_on = today or timezone.localdate()
    complaint.due_on = None
    return _step(complaint, ComplaintStep.Action.REFUSED, actor, note)


@transaction.atomic
def assign(complaint, *, unit: Unit, actor=None, note: str = ""):
    _require(complaint, (Status.SUBMITTED, *HANDLING), "分派", actor)
    if actor is not None and not scope_for(actor).covers(unit):
        raise ValidationError({"unit": ASSIGN_OUTSIDE})
    if not unit.active:
        raise ValidationError({"unit": f"{unit.name}已停用，不能分派。"})
    if complaint.status in (Status.SUBMITTED, Status.ACCEPTED):
        complaint.status = Status.ASSIGNED
    complaint.unit = unit
    return _step(complaint, ComplaintStep.Action.ASSIGNED, actor, note, unit)


@transaction.atomic
def escalate(complaint, *, actor=None, note: str = ""):
    """Up one tier: station → its 所 → the bureau (小案不出村，大案不出所)."""
    _require(complaint, (Status.SUBMITTED, *HANDLING), "上报", actor)
    if complaint.unit is None or complaint.unit.parent is None:
        raise ValidationError({"unit": "局机关已是最高层级，无法继续上报。"})
    if not note.strip():
        raise ValidationError({"note": "请说明上报理由。"})
    complaint.unit = complaint.unit.parent
    return _step(complaint, ComplaintStep.Action.ESCALATED, actor, note, complaint.unit)


@transaction.atomic
def start_mediation(complaint, *, actor=None, note: str = ""):
    if complaint.kind != Kind.COMPLAINT:
        raise ValidationError({"kind": "举报不适用调解，请开始调查。"})
    _require(complaint, (Status.ACCEPTED, Status.ASSIGNED), "开始调解", actor)
    complaint.status = Status.MEDIATING
    return _step(complaint, ComplaintStep.Action.MEDIATION, actor, note)


@transaction.atomic
def start_investigation(complaint, *, actor=None, note: str = ""):
    _require(complaint, (Status.SUBMITTED, *HANDLING), "开始调查", actor)
    if complaint.kind == Kind.COMPLAINT and complaint.status == Status.SUBMITTED:
        raise ValidationError({"status": "投诉须先受理，再开始调查。"})
    complaint.status = Status.INVESTIGATING
    return _step(complaint, ComplaintStep.Action.INVESTIGATION, actor, note)


@transaction.atomic
def extend(complaint, *, actor=None, note: str = "", calendar=None):
    """A report's decision limit, once, by 15 working days (with the reason, approved)."""
    if complaint.kind != Kind.REPORT:
        raise ValidationError({"kind": "只有举报可以延长办理期限。"})
    _require(complaint, (Status.SUBMITTED, *HANDLING), "延期", actor)
    if complaint.extended:
        raise ValidationError({"extended": "举报办理期限只能延长一次。"})
    if not note.strip():
        raise ValidationError({"note": "请说明延期理由。"})
    complaint.due_on = extended_due(complaint.due_on, calendar or WorkCalendar.load())
    complaint.extended = True
    return _step(complaint, ComplaintStep.Action.EXTENDED, actor, note)


@transaction.atomic
def close(
    complaint,
    *,
    outcome: str,
    amount_recovered: Decimal = Decimal(0),
    satisfaction: str = "",
    note: str = "",
    actor=None,
    today=None,
):
    _require(complaint, HANDLING, "办结", actor)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": "请选择办理结果。"})
    if amount_recovered < 0:
        raise ValidationError({"amount_recovered": "挽回经济损失不能为负数。"})
    complaint.status = Status.CLOSED
    complaint.outcome = outcome
    complaint.amount_recovered = amount_recovered
    complaint.satisfaction = satisfaction
    complaint.closed_on = today or timezone.localdate()
    complaint.due_on = None
    return _step(complaint, ComplaintStep.Action.CLOSED, actor, note)


@transaction.atomic
def add_note(complaint, *, note: str, actor=None):
    _require(complaint, [s.value for s in Status], "添加办理记录", actor)
    if not note.strip():
        raise ValidationError({"note": "请填写办理记录。"})
    return _step(complaint, ComplaintStep.Action.NOTE, actor, note)
