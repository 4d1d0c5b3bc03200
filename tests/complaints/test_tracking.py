"""Tracking shows status and history to the complainant only: the phone's last four digits
(or an anonymous report's PIN) are required, and nothing personal is in the answer."""

from registry_api.complaints import workflow
from registry_api.complaints.models import Complaint

URL = "/api/v1/complaints/"


def track(api, code, digits, **extra):
    return api.get(f"{URL}track/{code}/", {"phone": digits}, **extra)


def test_tracking_requires_the_last_four_digits(api, complaint_form):
    code = api.post(URL, complaint_form, format="json").json()["tracking_code"]
    assert track(api, code, "0000").status_code == 404
    assert track(api, code, "").status_code == 400
    response = track(api, code, "1234")
    assert response.status_code == 200
    body = response.json()
    assert body["status_display"] == "已提交"
    assert [s["action_display"] for s in body["steps"]] == ["提交"]
    text = response.content.decode()
    assert "王秀兰" not in text and "13847651234" not in text and "昭乌达路" not in text


def test_unknown_code_and_wrong_digits_look_the_same(api, complaint_form):
    code = api.post(URL, complaint_form, format="json").json()["tracking_code"]
    wrong = track(api, code, "9999").json()
    unknown = track(api, "NOSUCHCODE", "1234").json()
    assert wrong == unknown


def test_history_shows_steps_but_not_handlers_notes(api, complaint_form, django_user_model):
    code = api.post(URL, complaint_form, format="json").json()["tracking_code"]
    complaint = Complaint.objects.get(tracking_code=code)
    workflow.accept(complaint)
    workflow.add_note(complaint, note="内部记录：投诉人情绪激动")
    workflow.escalate(complaint, note="涉及金额大，上报所")
    body = track(api, code.lower(), "1234").json()
    assert [s["action_display"] for s in body["steps"]] == ["提交", "受理", "上报上级单位"]
    assert body["unit"] == "城区第二市场监管所"
    assert "情绪" not in str(body) and "金额大" not in str(body)


def test_anonymous_report_is_tracked_with_its_pin(api, complaint_form):
    complaint_form.update(kind="report", complainant_name="", complainant_phone="", request="")
    receipt = api.post(URL, complaint_form, format="json").json()
    pin = receipt["tracking_pin"]
    other = "0000" if pin != "0000" else "1111"
    assert track(api, receipt["tracking_code"], other).status_code == 404
    assert track(api, receipt["tracking_code"], pin).status_code == 200


def test_guessing_is_throttled(api, complaint_form, settings):
    settings.COMPLAINT_TRACK_RATE = "5/hour"
    code = api.post(URL, complaint_form, format="json").json()["tracking_code"]
    answers = [track(api, code, f"{i:04d}").status_code for i in range(6)]
    assert answers == [404] * 5 + [429]
