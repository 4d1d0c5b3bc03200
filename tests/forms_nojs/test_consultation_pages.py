"""/forms/consultations/ (a question without JavaScript) and the look-up by 查询码, both the
API's GET /api/v1/consultations/lookup/<code>/ and its page."""

from registry_api.services import services
from registry_api.services.models import Consultation

from .conftest import page_text

ASK = "/forms/consultations/"
LOOKUP = "/forms/consultations/lookup/"
API_LOOKUP = "/api/v1/consultations/lookup/"
QUESTION = {
    "channel": "registration",
    "name": "李秀英",
    "phone": "13912345678",
    "subject": "个体户变更经营场所",
    "question": "个体工商户搬到同一街道的新门面，需要办理哪些手续？",
    "public": "true",
}


def asked(**fields) -> Consultation:
    return services.consultation_submit(
        channel="registration",
        asker_name="李秀英",
        asker_phone="13912345678",
        subject="个体户变更经营场所",
        question="需要办理哪些手续？",
        **fields,
    )


def test_a_question_without_javascript_gets_its_tracking_code(browser_client, db):
    response = browser_client.post(ASK, QUESTION)
    assert response.status_code == 201
    consultation = Consultation.objects.get()
    html = page_text(response)
    assert f'<strong class="consult-receipt__code">{consultation.tracking_code}</strong>' in html
    assert f"{LOOKUP}?code={consultation.tracking_code}" in html
    assert "李秀英" not in html and "13912345678" not in html
    assert consultation.public is True


def test_refused_fields_come_back_with_the_values(browser_client, db):
    sent = {**QUESTION, "subject": "", "phone": "123", "question": "<b>手续</b>"}
    del sent["public"]  # an unticked consent box is absent from the post
    response = browser_client.post(ASK, sent)
    assert response.status_code == 400
    html = page_text(response)
    subject_error = 'data-error-for="subject" id="error-subject" role="alert">请填写咨询主题。</p>'
    assert subject_error in html
    assert 'data-error-for="phone" id="error-phone" role="alert">' in html
    assert 'value="李秀英"' in html and "&lt;b&gt;手续&lt;/b&gt;</textarea>" in html
    assert '<option value="registration" selected>' in html
    assert 'name="public" type="checkbox" value="true">' in html  # stays unticked
    assert not Consultation.objects.exists()


def test_questions_are_throttled_as_the_api_throttles_them(browser_client, db, settings):
    settings.CONSULTATION_SUBMIT_RATE = "1/hour"
    assert browser_client.post(ASK, QUESTION).status_code == 201
    again = browser_client.post(ASK, {**QUESTION, "subject": "另一个问题"})
    assert again.status_code == 429 and "请求过于频繁" in page_text(again)
    assert 'value="另一个问题"' in page_text(again)
    assert browser_client.get(ASK)["Location"] == "/consultations/ask/"


def test_the_lookup_api_shows_progress_and_only_published_content(client, db):
    pending = asked()
    body = client.get(f"{API_LOOKUP}{pending.tracking_code.lower()}/").json()
    assert body["progress"] == "received" and body["consultation"] is None
    assert set(body) == {
        "tracking_code",
        "channel",
        "channel_display",
        "submitted_at",
        "progress",
        "progress_display",
        "consultation",
    }
    services.consultation_answer(consultation=pending, answer="到西屯街道市场监管所办理变更。")
    body = client.get(f"{API_LOOKUP}{pending.tracking_code}/").json()
    assert body["progress"] == "answered" and body["consultation"] is None
    services.consultation_publish(consultation=pending)
    body = client.get(f"{API_LOOKUP}{pending.tracking_code}/").json()
    assert body["progress"] == "published"
    assert body["consultation"]["answer"] == "到西屯街道市场监管所办理变更。"
    private = asked(public=False)
    services.consultation_answer(consultation=private, answer="已电话答复。")
    services.consultation_publish(consultation=private, publish=False)
    body = client.get(f"{API_LOOKUP}{private.tracking_code}/").json()
    assert body["progress"] == "not_public" and body["consultation"] is None
    missing = client.get(f"{API_LOOKUP}ZX20260101NOPE00/")
    assert missing.status_code == 404
    assert missing.json()["error"]["message"] == "没有找到这个查询码，请核对后重新输入。"
    for answer in (body, missing.json()):
        assert "李秀英" not in str(answer) and "13912345678" not in str(answer)


def test_the_lookup_is_in_the_schema(client, db):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v1/consultations/lookup/{code}/"]["get"]
    assert set(operation["responses"]) == {"200", "404", "429"}


def test_the_lookup_page(browser_client, db, settings):
    consultation = asked()
    services.consultation_answer(consultation=consultation, answer="到所里办理变更。")
    services.consultation_publish(consultation=consultation)
    html = page_text(browser_client.get(LOOKUP, {"code": consultation.tracking_code}))
    assert '<dd class="lookup-status">已答复并公开</dd>' in html
    assert "到所里办理变更。" in html and f'href="/consultations/{consultation.id}/"' in html
    assert "李秀英" not in html
    wrong = browser_client.get(LOOKUP, {"code": "<i>ZX1</i>"})
    assert wrong.status_code == 404
    assert "没有找到这个查询码" in page_text(wrong)
    assert 'value="&lt;i&gt;ZX1&lt;/i&gt;"' in page_text(wrong)
    empty = browser_client.get(LOOKUP, {"code": " "})
    assert empty.status_code == 400 and "请输入查询码。" in page_text(empty)
    settings.COMPLAINT_TRACK_RATE = "1/hour"
    assert browser_client.get(LOOKUP).status_code == 200  # the empty form is no look-up
    browser_client.get(LOOKUP, {"code": "ZX1"})
    assert browser_client.get(LOOKUP, {"code": "ZX2"}).status_code == 429


def _law_firm():
    from tests.factories import DistrictFactory

    return services.agency_create(
        kind="law_firm",
        name="内蒙古昭德律师事务所",
        qualification="31150400012024",
        services="合同审查",
        district=DistrictFactory(code="150402001", name="西屯街道"),
        address="内蒙古自治区赤峰市红山区西屯街道1号",
        phone="12348",
        vetted_on="2025-06-01",
    )


def test_a_law_firms_link_opens_the_form_chosen_for_it(browser_client, db):
    firm = _law_firm()
    response = browser_client.get(ASK, {"channel": "legal_service", "agency": firm.pk})
    assert response.status_code == 200
    html = page_text(response)
    assert '<option value="legal_service" selected>' in html
    assert f'<option value="{firm.pk}" selected>内蒙古昭德律师事务所（律师事务所）</option>' in html
    assert 'name="public" type="checkbox" value="true" checked>' in html
    # Without a known channel it is the built form, as before.
    assert browser_client.get(ASK, {"channel": "nonsense"}).status_code == 302


def test_a_legal_question_without_javascript_is_routed_to_the_firm(browser_client, db):
    firm = _law_firm()
    response = browser_client.post(ASK, {**QUESTION, "channel": "legal_service", "agency": firm.pk})
    assert response.status_code == 201
    assert Consultation.objects.get().agency == firm
    refused = browser_client.post(ASK, {**QUESTION, "agency": firm.pk})  # channel registration
    assert refused.status_code == 400
    assert "法律服务咨询" in page_text(refused)
    assert Consultation.objects.count() == 1
