"""Training's long texts are capped (a plan's 培训目标与内容 5,000 characters, a session's 备注
2,000): an over-long input is a Chinese error under its field in the admin and saves
nothing; the demo's plans and sessions stay within the caps."""

from django.urls import reverse

from registry_api.training.demo_data import make_demo_training
from registry_api.training.models import Attendance, TrainingPlan, TrainingSession
from tests.admin_edits import TOO_LONG, longest_texts, text_caps

from .test_admin import session_form

CAPS = {TrainingPlan: {"goals": 5000}, TrainingSession: {"note": 2000}}


def plan_form(**fields) -> dict:
    return {
        "year": "2027",
        "term": "short",
        "title": "2027年调解员培训计划",
        "roles": ["mediator"],
        "hours_required": "4",
        "goals": "",
        **fields,
    }


def test_the_caps():
    assert {model: text_caps(model) for model in CAPS} == CAPS


def test_a_plans_goals_over_the_cap_are_refused_under_the_field(admin_client, db):
    url = reverse("training_plans:add")
    response = admin_client.post(url, plan_form(goals="学" * 5001))
    assert response.status_code == 200
    message = TOO_LONG.format(limit=5000, length=5001)
    assert response.context["form"].errors["goals"] == [message]
    assert message in response.content.decode()
    assert not TrainingPlan.objects.exists()
    assert admin_client.post(url, plan_form(goals="学" * 5000)).status_code == 302
    plan = TrainingPlan.objects.get()
    edit = reverse("training_plans:edit", args=[plan.pk])
    response = admin_client.post(edit, plan_form(goals="学" * 5001))
    assert response.context["form"].errors["goals"] == [message]
    plan.refresh_from_db()
    assert plan.goals == "学" * 5000


def test_a_sessions_note_over_the_cap_saves_neither_the_session_nor_its_attendance(
    admin_client, people
):
    form = session_form(people, (people.mediator, True))
    response = admin_client.post(reverse("training_sessions:add"), {**form, "note": "记" * 2001})
    assert response.status_code == 200
    assert response.context["form"].errors["note"] == [TOO_LONG.format(limit=2000, length=2001)]
    assert not TrainingSession.objects.exists() and not Attendance.objects.exists()


def test_the_longest_demo_texts_fit(people):
    make_demo_training(seed=7)
    for model, caps in CAPS.items():
        longest = longest_texts(model)
        assert all(0 < longest[name] <= cap for name, cap in caps.items()), (model, longest)
