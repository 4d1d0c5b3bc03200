"""Recording attendance (one write path) and a person's training record."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from registry_api.training.models import Attendance, TrainingPlan, TrainingSession
from registry_api.training.selectors import person_training_record
from registry_api.training.services import attendance_record


def test_recording_creates_then_updates_and_moves_the_session(sessions, people):
    before = TrainingSession.objects.get(pk=sessions.public.pk).updated_at
    attendance_record(session=sessions.public, person=people.mediator)
    attendance_record(session=sessions.public, person=people.mediator, completed=True)
    assert Attendance.objects.get().completed is True
    assert TrainingSession.objects.get(pk=sessions.public.pk).updated_at > before


def test_nominated_people_may_train_but_people_gone_may_not(sessions, people):
    attendance_record(session=sessions.later, person=people.nominated, completed=True)
    with pytest.raises(ValidationError) as refused:
        attendance_record(session=sessions.later, person=people.gone)
    assert "已退出" in refused.value.message_dict["person"][0]
    assert not Attendance.objects.filter(person=people.gone).exists()


def test_completion_needs_attendance(sessions, people):
    with pytest.raises(ValidationError) as refused:
        attendance_record(
            session=sessions.public, person=people.mediator, attended=False, completed=True
        )
    assert refused.value.message_dict["completed"] == ["未到场的人员不能记为完成培训。"]
    assert not Attendance.objects.exists()


def test_a_persons_training_record(sessions, people):
    TrainingPlan.objects.create(
        year=2026, term="short", title="调解员培训", roles=["mediator"], hours_required=8
    )
    TrainingPlan.objects.create(
        year=2026, term="short", title="协调员培训", roles=["coordinator"], hours_required=4
    )
    TrainingPlan.objects.create(
        year=2025, term="short", title="去年的计划", roles=["mediator"], hours_required=2
    )
    TrainingPlan.objects.create(
        year=2025, term="long", title="三年规划", roles=["mediator"], hours_required=6
    )
    attendance_record(session=sessions.public, person=people.mediator, completed=True)
    attendance_record(session=sessions.later, person=people.mediator, attended=False)
    record = person_training_record(people.mediator, year=2026)
    assert [a.session for a in record["attendances"]] == [sessions.later, sessions.public]
    assert record["sessions_completed"] == 1
    assert record["hours_by_year"] == {2026: Decimal(3)}
    plans = {p["plan"].title: (p["required"], p["done"], p["missing"]) for p in record["plans"]}
    assert plans == {"调解员培训": (8, 3, 5), "三年规划": (6, 3, 3)}


def test_roles_must_be_network_roles(people):
    plan = TrainingPlan(year=2026, term="short", title="x", roles=["chef"], hours_required=1)
    with pytest.raises(ValidationError) as refused:
        plan.full_clean()
    assert "未知职务：chef" in str(refused.value)
    session = TrainingSession(
        title="t", topic="t", date=datetime.date(2026, 1, 5), venue="v", trainer="t",
        district=people.xitun, station=people.fulong,
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        session.full_clean()
    assert refused.value.message_dict["station"] == ["承办服务站不在所选街镇内。"]
