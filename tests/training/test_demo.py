"""make_demo_training: the five sessions of the source, plans per role, attendance from the
network's people; deterministic and idempotent."""

from registry_api.enterprises.reference_data import load_districts
from registry_api.network.models import Role
from registry_api.training.demo_data import make_demo_training
from registry_api.training.models import Attendance, TrainingPlan, TrainingSession


def test_without_people_it_makes_sessions_and_plans_only(db):
    load_districts()
    result = make_demo_training(seed=1)
    assert (result.sessions, result.attendances) == (5, 0)
    assert TrainingSession.objects.filter(public=True).count() == 5
    assert (
        TrainingSession.objects.filter(district__code="150402004")
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
    assert again.attendances == 0 and TrainingSession.objects.count() == 5
    assert (
        sorted(Attendance.objects.values_list("session__title", "person__name", "completed"))
        == rows
    )
