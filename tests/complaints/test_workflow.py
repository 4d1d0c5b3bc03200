"""Handling: limits in working days, transitions, escalation across the three tiers."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from registry_api.audit.models import AuditEntry
from registry_api.complaints import intake, selectors, workflow
from registry_api.complaints.models import Complaint, Outcome, Status, Unit
from registry_api.enterprises.models import District
from registry_api.workdays.calendar import WorkCalendar

D = datetime.date


def submit(kind="complaint", district="150402004", **extra) -> Complaint:
    data = {
        "kind": kind,
        "category": "food",
        "respondent_name": "某某餐馆",
        "respondent_address": "红山区某路",
        "facts": "饭菜变质。",
        "request": "退款" if kind == "complaint" else "",
        "district": District.objects.get(code=district),
        "complainant_name": "赵军" if kind == "complaint" else "",
        "complainant_phone": "13600001111" if kind == "complaint" else "",
        **extra,
    }
    return intake.submit(data).complaint


def test_a_complaint_submitted_before_national_day_is_due_after_it(reference, monkeypatch):
    # Wednesday 2026-09-30, 10:00 in Chifeng: 7 working days skip the holiday week.
    moment = timezone.make_aware(datetime.datetime(2026, 9, 30, 10))
    monkeypatch.setattr(timezone, "now", lambda: moment)
    assert submit().due_on == D(2026, 10, 15)
    assert submit(kind="report").due_on == D(2026, 10, 27)  # 15 working days


def test_acceptance_starts_the_45_day_mediation_limit(reference):
    complaint = submit()
    workflow.accept(complaint, today=D(2026, 12, 1))
    calendar = WorkCalendar.load()
    assert complaint.status == Status.ACCEPTED
    assert complaint.due_on == calendar.add(D(2026, 12, 1), 45)
    assert calendar.between(D(2026, 12, 1), complaint.due_on) == 45


def test_a_report_may_be_extended_once_by_15_working_days(reference):
    report = submit(kind="report")
    before = report.due_on
    with pytest.raises(ValidationError, match="延期理由"):
        workflow.extend(report, note="")
    workflow.extend(report, note="需调取监控")
    assert WorkCalendar.load().between(before, report.due_on) == 15
    with pytest.raises(ValidationError, match="只能延长一次"):
        workflow.extend(report, note="再延")
    with pytest.raises(ValidationError, match="只有举报"):
        workflow.extend(submit(), note="投诉不延期")


def test_escalation_climbs_station_office_bureau_and_stops(reference):
    complaint = submit()
    assert complaint.unit.tier == Unit.Tier.STATION
    with pytest.raises(ValidationError, match="上报理由"):
        workflow.escalate(complaint, note=" ")
    workflow.escalate(complaint, note="调解不成，涉及多名消费者")
    assert complaint.unit.code == "office-chengqu-2"
    workflow.escalate(complaint, note="涉嫌系统性欺诈")
    assert complaint.unit.tier == Unit.Tier.BUREAU
    with pytest.raises(ValidationError, match="最高层级"):
        workflow.escalate(complaint, note="再上报")
    actions = list(complaint.steps.values_list("action", flat=True))
    assert actions == ["submitted", "escalated", "escalated"]


def test_full_path_to_closing(reference):
    complaint = submit()
    workflow.accept(complaint)
    workflow.assign(complaint, unit=Unit.objects.get(code="station-150402004"))
    workflow.start_mediation(complaint)
    workflow.close(
        complaint,
        outcome=Outcome.MEDIATED,
        amount_recovered=Decimal("2888.00"),
        satisfaction="satisfied",
    )
    complaint.refresh_from_db()
    assert complaint.status == Status.CLOSED and complaint.due_on is None
    assert complaint.amount_recovered == Decimal("2888.00")
    # Every step of the handling is in the audit log.
    assert AuditEntry.objects.filter(model_name="complaintstep").count() == 5


def test_steps_out_of_order_are_refused(reference):
    complaint = submit()
    with pytest.raises(ValidationError, match="不能办结"):
        workflow.close(complaint, outcome=Outcome.MEDIATED)
    with pytest.raises(ValidationError, match="须先受理"):
        workflow.start_investigation(complaint)
    workflow.refuse(complaint, reason="out_of_remit")
    with pytest.raises(ValidationError, match="不予受理"):
        workflow.accept(complaint)
    with pytest.raises(ValidationError, match="举报不适用调解"):
        workflow.start_mediation(submit(kind="report"))


def test_overdue_and_due_soon_lists(reference):
    late, soon, later = submit(), submit(), submit()
    today = D(2026, 11, 27)  # a Friday
    calendar = WorkCalendar.load()
    Complaint.objects.filter(pk=late.pk).update(due_on=D(2026, 11, 26))
    Complaint.objects.filter(pk=soon.pk).update(due_on=calendar.add(today, 2))  # Tue 12-01
    Complaint.objects.filter(pk=later.pk).update(due_on=calendar.add(today, 3))
    closed = submit()
    workflow.refuse(closed, reason="other")
    assert list(selectors.overdue(today)) == [Complaint.objects.get(pk=late.pk)]
    assert list(selectors.due_soon(today, calendar)) == [Complaint.objects.get(pk=soon.pk)]
