"""make_demo_training: the five sessions of the source, plans per role, attendance from the
network's people; deterministic and idempotent."""

from registry_api.enterprises.reference_data import load_districts
from registry_api.network.models import Role
from registry_api.training.demo_data import make_demo_training
from registry_api.training.models import (
    Attendance,
    TrainingPlan,
    TrainingRegistration,
    TrainingSession,
)


def test_without_people_it_makes_sessions_and_plans_only(db):
    load_districts()
    result = make_demo_training(seed=1)
    assert (result.sessions, result.attendances, result.registrations) == (8, 0, 13)
    assert TrainingSession.objects.filter(public=True).count() == 8
    assert (
        TrainingSession.objects.filter(district__code="150402004", registration_open=False)
        .get()
        .venue.startswith("东城街道富龙社区")
    )
    covered = {role for plan in TrainingPlan.objects.all() for role in plan.roles}
    assert covered == set(Role.values)
    assert result.plans == TrainingPlan.objects.count()


def test_with_people_attendance_is_drawn_and_a_rerun_changes_nothing(people):
    load_districts()
    first = make_demo_training(seed=7)
    assert first.attendances == Attendance.objects.count() > 0
    assert not Attendance.objects.filter(person=people.gone).exists()
    rows = sorted(Attendance.objects.values_list("session__title", "person__name", "completed"))
    again = make_demo_training(seed=7)
    assert again.attendances == 0 and TrainingSession.objects.count() == 8
    assert again.registrations == 0 and TrainingRegistration.objects.count() == 13
    assert (
        sorted(Attendance.objects.values_list("session__title", "person__name", "completed"))
        == rows
    )


def test_upcoming_sessions_are_open_with_made_up_registrations(db):
    load_districts()
    make_demo_training(seed=1)
    upcoming = TrainingSession.objects.filter(registration_open=True)
    assert upcoming.count() == 3
    for session in upcoming:
        availability = session.registration
        assert availability["registration_open"] and availability["places_left"] > 0
    for registration in TrainingRegistration.objects.select_related("session"):
        assert registration.name.startswith("测试报名")
        assert registration.phone.startswith("139047600")
        assert registration.submitted_at < registration.session.registration_starts_at
        assert registration.code.startswith("PX")
