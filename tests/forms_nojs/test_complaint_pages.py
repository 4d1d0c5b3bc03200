"""/forms/complaints/ and /forms/complaints/track/: the complaint form's post and its
tracking without JavaScript, answered in the site's look by the API's own rules."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from registry_api.complaints.models import Complaint
from tests.complaints.test_intake import png

from .conftest import page_text

FORM = "/forms/complaints/"
TRACK = "/forms/complaints/track/"
PLACE = "station-150402004"


def error_of(html: str, field: str) -> str:
    slot = rf'data-error-for="{field}" id="error-{field}" role="alert">([^<]*)</p>'
    match = re.search(slot, html)
    return match.group(1) if match else ""


def test_a_complaint_posted_without_javascript_gets_its_confirmation(
    browser_client, complaint_form
):
    photo = SimpleUploadedFile("shop.png", png(), content_type="image/png")
    response = browser_client.post(FORM, {**complaint_form, "photos": [photo]})
    assert response.status_code == 201
    assert response["Content-Type"].startswith("text/html")
    assert response["Cache-Control"] == "no-store"
    complaint = Complaint.objects.get()
    html = page_text(response)
    assert f'<dd class="complaint-receipt__code">{complaint.tracking_code}</dd>' in html
    assert "查询密码" not in html  # the phone's last four verify a complaint
    assert "7个工作日内" in html and 'href="/forms/complaints/track/"' in html
    assert "site-header" in html or "<nav" in html  # the site's own page, not bare JSON
    assert complaint.photos.count() == 1
    assert "王秀兰" not in html and "13847651234" not in html


def test_an_anonymous_report_gets_its_password_once(browser_client, complaint_form):
    report = {**complaint_form, "kind": "report", "complainant_name": "", "complainant_phone": ""}
    response = browser_client.post(FORM, report)
    assert response.status_code == 201
    complaint = Complaint.objects.get()
    assert re.fullmatch(r"\d{4}", complaint.tracking_pin)
    assert f"{complaint.tracking_pin}（请牢记，仅显示一次）" in page_text(response)


def test_refused_fields_come_back_next_to_their_fields_with_the_values(
    browser_client, complaint_form
):
    photo = SimpleUploadedFile("shop.png", png(), content_type="image/png")
    sent = {
        **complaint_form,
        "category": "",
        "respondent_name": '<script>alert("x")</script>会所',
        "facts": "",
        "place": PLACE,
        "photos": [photo],
    }
    response = browser_client.post(FORM, sent)
    assert response.status_code == 400
    html = page_text(response)
    assert error_of(html, "category") == "请选择问题类别。"
    assert error_of(html, "facts") == "此项为必填项。"
    # Each refused control names its message (and its hint, if it has one).
    assert 'name="category" required aria-invalid="true" aria-describedby="error-category"' in html
    assert '<p class="consult-form__error" data-error-for="facts" id="error-facts"' in html
    assert 'aria-describedby="complaint-respondent-hint"' in html  # not refused: the hint only
    # Echoed, escaped; the photo is not (a file input cannot be refilled, nor should it be).
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;会所" in html
    assert "<script>alert" not in html and "shop.png" not in html
    assert 'value="13847651234"' in html and 'value="退还剩余卡费。"' in html
    # The QR code's place stays locked, with its district.
    assert f'name="place" id="complaint-place" value="{PLACE}"' in html
    assert "扫码受理点：东城街道" in html
    assert '<option value="150402004" selected>' in html
    assert not Complaint.objects.exists()


def test_the_honeypot_and_a_wrong_place_are_refused(browser_client, complaint_form):
    response = browser_client.post(FORM, {**complaint_form, "website": "http://spam.example"})
    assert response.status_code == 400
    html = page_text(response)
    assert error_of(html, "_") == "提交未通过校验，请刷新页面后重试。"
    assert "spam.example" not in html
    response = browser_client.post(FORM, {**complaint_form, "place": "station-150402001"})
    assert "属于西屯街道，请核对所在街镇" in error_of(page_text(response), "district")
    assert not Complaint.objects.exists()


def test_a_qr_code_opens_the_form_with_its_place_locked(browser_client, reference):
    html = page_text(browser_client.get(FORM, {"place": PLACE}))
    assert f'value="{PLACE}"' in html and "东城街道消费维权服务站" in html
    assert '<option value="150402004" selected>' in html
    unknown = browser_client.get(FORM, {"place": "nowhere"})
    assert "二维码对应的受理点不存在" in error_of(page_text(unknown), "place")
    assert browser_client.get(FORM)["Location"] == "/complaints/new/"


def test_submissions_are_throttled_as_the_api_throttles_them(
    browser_client, complaint_form, settings
):
    settings.COMPLAINT_SUBMIT_RATE = "1/hour"
    assert browser_client.post(FORM, complaint_form).status_code == 201
    again = browser_client.post(FORM, {**complaint_form, "facts": "另一件事：商品过期。"})
    assert again.status_code == 429
    assert int(again["Retry-After"]) > 0
    html = page_text(again)
    assert "请求过于频繁，请在" in html
    assert "另一件事：商品过期。" in html  # nothing typed is lost
    assert Complaint.objects.count() == 1


def test_tracking_without_javascript(browser_client, complaint_form):
    browser_client.post(FORM, complaint_form)
    code = Complaint.objects.get().tracking_code
    response = browser_client.get(TRACK, {"code": code.lower(), "phone": "1234"})
    assert response.status_code == 200
    html = page_text(response)
    assert f"<dt>查询码</dt><dd>{code}</dd>" in html
    assert "<dt>办理状态</dt>" in html
    assert "提交" in html.split('id="track-steps"')[1]
    assert "王秀兰" not in html and "13847651234" not in html
    assert "昭乌达路" not in html  # the respondent's address is not tracking's to show


@pytest.mark.parametrize(
    ("query", "status", "field", "message"),
    [
        ({"code": "WRONGCODE1", "phone": "1234"}, 404, None, "查询码或验证信息不正确。"),
        ({"code": "ABCDEF2345", "phone": "12"}, 400, "phone", "请输入联系电话后四位"),
        ({"code": "", "phone": "1234"}, 400, "code", "请输入查询码。"),
    ],
)
def test_tracking_refusals_are_chinese_messages_on_the_form(
    browser_client, reference, query, status, field, message
):
    response = browser_client.get(TRACK, query)
    assert response.status_code == status
    html = page_text(response)
    assert (error_of(html, field) if field else html).count(message) >= 1
    assert 'id="track-form"' in html and f'value="{query["phone"]}"' in html


def test_the_empty_tracking_form_costs_no_look_up(browser_client, reference, settings):
    settings.COMPLAINT_TRACK_RATE = "1/hour"
    for _ in range(3):
        assert browser_client.get(TRACK).status_code == 200
    assert browser_client.get(TRACK, {"code": "X", "phone": "1234"}).status_code == 404
    assert browser_client.get(TRACK, {"code": "X", "phone": "1234"}).status_code == 429
