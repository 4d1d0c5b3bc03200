"""A session entered in the admin with its attendance inline: saved through the model's
rules, so a person who left is refused there too, with a Chinese message."""

from django.urls import reverse

from registry_api.training.models import Attendance, TrainingSession


def session_form(people, *rows):
    form = {
        "title": "大讲堂（第6期）：计量与价格",
        "topic": "计量与价格",
        "date": "2026-12-10",
        "hours": "2",
        "venue": "富龙社区",
        "district": people.dongcheng.pk,
        "station": people.fulong.pk,
        "trainer": "区局计量股",
        "plan": "",
        "audience": ["mediator", "coordinator"],
        "public": "on",
        "note": "",
        "materials-TOTAL_FORMS": "1",
        "materials-INITIAL_FORMS": "0",
        "materials-MIN_NUM_FORMS": "0",
        "materials-MAX_NUM_FORMS": "1000",
        "materials-0-title": "讲义",
        "materials-0-url": "/learning/",
        "materials-0-sort_order": "0",
        "attendances-TOTAL_FORMS": str(len(rows)),
        "attendances-INITIAL_FORMS": "0",
        "attendances-MIN_NUM_FORMS": "0",
        "attendances-MAX_NUM_FORMS": "1000",
    }
    for i, (person, completed) in enumerate(rows):
        form[f"attendances-{i}-person"] = person.pk
        form[f"attendances-{i}-attended"] = "on"
        if completed:
            form[f"attendances-{i}-completed"] = "on"
        form[f"attendances-{i}-note"] = ""
    return form


def test_a_session_with_attendance_from_the_admin(admin_client, people):
    url = reverse("training_sessions:add")
    refused = admin_client.post(url, session_form(people, (people.gone, False)))
    assert "赵离开的状态为“已退出”，不能登记培训。" in refused.content.decode()
    assert not TrainingSession.objects.exists()
    admin_client.post(url, session_form(people, (people.mediator, True), (people.officer, False)))
    session = TrainingSession.objects.get()
    assert session.audience == ["mediator", "coordinator"]
    assert session.materials.get().url == "/learning/"
    done = set(Attendance.objects.values_list("person__name", "completed"))
    assert done == {("张海燕", True), ("刘志强", False)}
