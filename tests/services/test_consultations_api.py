"""Submitting, answering and publishing consultations; the public list carries no asker data."""

import json
import re

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from registry_api.services import services
from registry_api.services.models import Consultation
from tests.clock import at_every_clock

from .conftest import ASKER, submit

URL = "/api/v1/consultations/"
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")  # a mobile number, not part of a code

pytestmark = [pytest.mark.django_db, at_every_clock]


def body(**overrides):
    return {
        "channel": "equity_pledge",
        "name": ASKER["name"],
        "phone": ASKER["phone"],
        "email": ASKER["email"],
        "enterprise_name": "赤峰鑫源商贸有限公司",
        "subject": "股权出质登记材料",
        "question": "股东以股权出质贷款，需要哪些材料？",
        **overrides,
    }


def assert_no_personal_data(text: str) -> None:
    assert ASKER["phone"] not in text
    assert ASKER["email"] not in text
    assert ASKER["name"] not in text
    assert not MOBILE.search(text)


def test_submission_returns_a_tracking_code_and_no_personal_data(api):
    response = api.post(URL, body(), format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert re.fullmatch(r"ZX\d{8}[A-Z2-9]{6}", data["tracking_code"])
    assert data["status_display"] == "待审核"
    assert_no_personal_data(response.content.decode())
    stored = Consultation.objects.get(tracking_code=data["tracking_code"])
    assert stored.asker_phone == ASKER["phone"] and stored.status == "pending"


def test_submission_errors_are_field_level_and_chinese(api):
    response = api.post(
        URL,
        body(name="", phone="12345", email="not-an-email", subject="", question="问" * 2001),
        format="json",
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    fields = error["fields"]
    assert fields["name"] == ["请填写姓名。"]
    assert "手机号码" in fields["phone"][0]
    assert fields["email"] == ["请填写有效的电子邮箱地址。"]
    assert fields["subject"] == ["请填写咨询主题。"]
    assert fields["question"] == ["不能超过 2000 个字符。"]
    assert not Consultation.objects.exists()


def test_question_of_exactly_2000_characters_is_accepted(api):
    assert api.post(URL, body(question="问" * 2000), format="json").status_code == 201


def test_not_public_until_answered_and_approved(api):
    consultation = submit()
    assert api.get(URL).json()["results"] == []

    with pytest.raises(ValidationError):
        services.consultation_publish(consultation=consultation)
    staff = User.objects.create_user("clerk", is_staff=True)
    services.consultation_answer(
        consultation=consultation, answer="可以保留原字号。", answered_by=staff
    )
    assert api.get(URL).json()["results"] == []  # answered, not yet approved

    services.consultation_publish(consultation=consultation)
    results = api.get(URL).json()["results"]
    assert [r["subject"] for r in results] == ["个体工商户转企业"]
    assert results[0]["answer"] == "可以保留原字号。"
    assert results[0]["channel_display"] == "登记注册咨询"

    services.consultation_publish(consultation=consultation, publish=False)
    assert api.get(URL).json()["results"] == []


def test_without_consent_it_cannot_be_published():
    consultation = submit(public=False)
    services.consultation_answer(consultation=consultation, answer="已答复。")
    with pytest.raises(ValidationError) as error:
        services.consultation_publish(consultation=consultation)
    assert "未同意公开" in error.value.message_dict["status"][0]


def test_public_list_and_detail_never_include_asker_fields(api):
    for channel in ("registration", "message_board", "director_mailbox"):
        consultation = submit(channel=channel, enterprise_name="赤峰鑫源商贸有限公司")
        services.consultation_answer(consultation=consultation, answer="答复内容。")
        services.consultation_publish(consultation=consultation)
    response = api.get(URL)
    text = response.content.decode()
    assert len(response.json()["results"]) == 3
    assert_no_personal_data(text)
    for item in response.json()["results"]:
        assert set(item) == {
            "id",
            "channel",
            "channel_display",
            "subject",
            "question",
            "answer",
            "submitted_at",
            "answered_at",
            "agency",
        }
        detail = api.get(f"{URL}{item['id']}/")
        assert detail.status_code == 200
        assert_no_personal_data(detail.content.decode())
    assert "赤峰鑫源商贸有限公司" not in text
    filtered = api.get(URL, {"channel": "message_board"}).json()["results"]
    assert [item["channel"] for item in filtered] == ["message_board"]


def test_pending_consultation_detail_is_not_found(api):
    consultation = submit()
    response = api.get(f"{URL}{consultation.pk}/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_throttle_answers_429_in_the_error_format(api):
    # Ten different askers behind one address (one phone each: see the phone's own limit).
    for i in range(10):
        assert api.post(URL, body(phone=f"1391234{i:04d}"), format="json").status_code == 201
    response = api.post(URL, body(phone="13912349999"), format="json")
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "throttled"
    wait = int(response["Retry-After"])
    assert 0 < wait <= 3600
    assert response.json()["error"]["message"] == f"请求过于频繁，请在{wait}秒后重试。"
    assert api.get(URL).status_code == 200  # reading is not throttled


def test_browser_form_post_gets_a_chinese_html_page(api):
    response = api.post(
        URL, body(), format="multipart", HTTP_ACCEPT="text/html,application/xhtml+xml"
    )
    assert response.status_code == 201
    html = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert "提交成功" in html
    code = Consultation.objects.get().tracking_code
    assert code in html
    assert_no_personal_data(html)


def test_urlencoded_form_post_with_errors_lists_them(client):
    response = client.post(
        URL,
        "name=&phone=123&subject=&question=",
        content_type="application/x-www-form-urlencoded",
        HTTP_ACCEPT="text/html",
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "填写有误" in html and "姓名" in html and "联系电话" in html and "咨询内容" in html
    assert not Consultation.objects.exists()


def test_urlencoded_post_without_html_accept_gets_json(client):
    response = client.post(
        URL,
        "channel=registration&name=李秀英&phone=0476-8888888&subject=问&question=问题",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201
    assert json.loads(response.content)["tracking_code"].startswith("ZX")
    # An unchecked consent box in a form post means "do not publish".
    assert Consultation.objects.get().public is False
