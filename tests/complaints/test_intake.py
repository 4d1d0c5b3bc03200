"""Intake: validation with Chinese field errors, routing, idempotent retries, duplicates,
photo checks and abuse limits. Refused submissions store nothing."""

import io
import re
import struct
import zlib
from pathlib import PurePosixPath

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from registry_api.complaints.models import Complaint, ComplaintPhoto, ComplaintStep
from registry_api.enterprises.models import District
from registry_api.workdays.calendar import WorkCalendar
from tests.clock import at_every_clock
from tests.factories import EnterpriseFactory

URL = "/api/v1/complaints/"


def fields_of(response) -> dict:
    return response.json()["error"]["fields"]


def png(width=40, height=30) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def bomb_png(side=30_000) -> bytes:
    """A valid PNG header claiming side×side pixels, with a tiny compressed body."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + b"\x00" * (side // 8 + 1)
    data = zlib.compress(row * 16, 9)
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def test_a_complaint_is_stored_routed_and_answered(api, complaint_form):
    response = api.post(URL, complaint_form, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    complaint = Complaint.objects.get(tracking_code=body["tracking_code"])
    assert complaint.unit.code == "station-150402004"  # the 街镇's station
    assert complaint.due_on.isoformat() == body["due_on"]
    assert "7个工作日内" in body["next_steps"] and "东城街道消费维权服务站" in body["next_steps"]
    assert body["tracking_pin"] == ""  # the phone verifies tracking
    assert complaint.steps.get().action == ComplaintStep.Action.SUBMITTED
    # The answer names no personal data.
    assert "王秀兰" not in response.content.decode() and "1234" not in body["tracking_code"]


@at_every_clock
def test_the_first_limit_counts_beijing_working_days_from_today(api, complaint_form):
    response = api.post(URL, complaint_form, format="json")
    assert response.status_code == 201, response.content
    # 7 working days for a complaint, from the Beijing date (Thursday or Friday at the clock's
    # instants), never from the UTC date.
    expected = WorkCalendar.load().add(timezone.localdate(), 7)
    assert response.json()["due_on"] == expected.isoformat()
    complaint = Complaint.objects.get(tracking_code=response.json()["tracking_code"])
    assert complaint.due_on == expected


def test_the_qr_codes_place_routes_to_its_station(api, complaint_form):
    complaint_form.update(district="150402001", place="station-150402001")
    response = api.post(URL, complaint_form, format="json")
    assert response.status_code == 201
    assert Complaint.objects.get().unit.code == "station-150402001"


def test_a_place_in_another_district_is_a_field_error(api, complaint_form):
    complaint_form["place"] = "station-150402001"  # 西屯 while the form says 东城
    response = api.post(URL, complaint_form, format="json")
    assert response.status_code == 400
    assert "西屯街道" in fields_of(response)["district"][0]
    assert not Complaint.objects.exists()


@pytest.mark.parametrize(
    "change, field, words",
    [
        ({"complainant_phone": ""}, "complainant_phone", "联系电话"),
        ({"complainant_name": ""}, "complainant_name", "姓名"),
        ({"request": ""}, "request", "诉求"),
        ({"complainant_phone": "12345"}, "complainant_phone", "手机号码"),
        ({"respondent_name": ""}, "respondent_name", "必填"),
        ({"facts": "x" * 5001}, "facts", "5000"),
        ({"category": "aliens"}, "category", "问题类别"),
        ({"district": "999999999"}, "district", "街镇"),
        ({"place": "nowhere"}, "place", "受理点"),
    ],
)
def test_bad_input_gets_a_chinese_field_error_and_stores_nothing(
    api, complaint_form, change, field, words
):
    complaint_form.update(change)
    response = api.post(URL, complaint_form, format="json")
    assert response.status_code == 400
    assert words in fields_of(response)[field][0]
    assert not Complaint.objects.exists()


def test_a_report_may_be_anonymous_and_gets_a_pin(api, complaint_form):
    complaint_form.update(kind="report", complainant_name="", complainant_phone="", request="")
    response = api.post(URL, complaint_form, format="json")
    assert response.status_code == 201
    body = response.json()
    assert len(body["tracking_pin"]) == 4 and body["tracking_pin"].isdigit()
    assert "15个工作日内" in body["next_steps"]


def test_the_honeypot_refuses_and_stores_nothing(api, complaint_form):
    complaint_form["website"] = "http://spam.example"
    response = api.post(URL, complaint_form, format="json")
    assert response.status_code == 400
    assert not Complaint.objects.exists()


def test_a_retry_with_the_same_key_returns_the_same_code(api, complaint_form):
    headers = {"HTTP_IDEMPOTENCY_KEY": "form-3f9a1c2e-retry"}
    first = api.post(URL, complaint_form, format="json", **headers)
    again = api.post(URL, complaint_form, format="json", **headers)
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["tracking_code"] == again.json()["tracking_code"]
    assert Complaint.objects.count() == 1


def test_the_same_key_with_other_content_is_a_conflict(api, complaint_form):
    headers = {"HTTP_IDEMPOTENCY_KEY": "form-3f9a1c2e-other"}
    assert api.post(URL, complaint_form, format="json", **headers).status_code == 201
    complaint_form["facts"] = "另一件事。"
    response = api.post(URL, complaint_form, format="json", **headers)
    assert response.status_code == 409
    assert "幂等键" in response.json()["error"]["message"]
    assert Complaint.objects.count() == 1


def test_a_bad_idempotency_key_is_a_field_error(api, complaint_form):
    response = api.post(URL, complaint_form, format="json", HTTP_IDEMPOTENCY_KEY="短")
    assert response.status_code == 400
    assert "idempotency_key" in fields_of(response)


def test_same_contact_same_respondent_is_flagged_not_dropped(api, complaint_form):
    enterprise = EnterpriseFactory(
        name=complaint_form["respondent_name"], district=District.objects.get(code="150402004")
    )
    first = api.post(URL, complaint_form, format="json").json()["tracking_code"]
    complaint_form["facts"] = "补充：会所电话已停机。"
    second = api.post(URL, complaint_form, format="json").json()["tracking_code"]
    original = Complaint.objects.get(tracking_code=first)
    repeat = Complaint.objects.get(tracking_code=second)
    assert original.respondent == enterprise and original.duplicate_of is None
    assert repeat.duplicate_of == original
    complaint_form.update(respondent_name="另一家店", complainant_phone="13900001111")
    third = api.post(URL, complaint_form, format="json").json()["tracking_code"]
    assert Complaint.objects.get(tracking_code=third).duplicate_of is None


def test_photos_are_checked_and_stored(api, complaint_form):
    complaint_form["photos"] = [
        SimpleUploadedFile("a.png", png(), content_type="image/png"),
        SimpleUploadedFile("b.png", png(60, 60), content_type="image/png"),
    ]
    response = api.post(URL, complaint_form, format="multipart")
    assert response.status_code == 201, response.content
    photos = ComplaintPhoto.objects.order_by("width")
    assert [(p.width, p.height) for p in photos] == [(40, 30), (60, 60)]
    # Stored under a random name, never the uploader's file name.
    assert all(re.fullmatch(r"[0-9a-f]{32}\.png", PurePosixPath(p.image.name).name) for p in photos)


@pytest.mark.parametrize(
    "content, words",
    [
        (b"not an image at all", "格式"),
        (bomb_png(), "尺寸过大"),
        (png()[:60], "损坏"),
        (b"\x89PNG" + b"\x00" * (5 * 1024 * 1024 + 1), "5MB"),
    ],
    ids=["not-an-image", "decompression-bomb", "truncated", "too-large"],
)
def test_bad_photos_are_refused_and_nothing_is_stored(api, complaint_form, content, words):
    complaint_form["photos"] = [SimpleUploadedFile("p.png", content, content_type="image/png")]
    response = api.post(URL, complaint_form, format="multipart")
    assert response.status_code == 400
    assert words in fields_of(response)["photos"][0]
    assert not Complaint.objects.exists() and not ComplaintPhoto.objects.exists()


def test_too_many_photos(api, complaint_form):
    complaint_form["photos"] = [
        SimpleUploadedFile(f"{i}.png", png(), content_type="image/png") for i in range(7)
    ]
    response = api.post(URL, complaint_form, format="multipart")
    assert response.status_code == 400 and "6张" in fields_of(response)["photos"][0]


def test_rate_limit_per_address(api, complaint_form, settings):
    settings.COMPLAINT_SUBMIT_RATE = "3/hour"
    codes = []
    for i in range(4):
        complaint_form["complainant_phone"] = f"1380000000{i}"
        codes.append(api.post(URL, complaint_form, format="json").status_code)
    assert codes == [201, 201, 201, 429]
    # Another address is not held back.
    other = api.post(URL, complaint_form, format="json", REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 201


def test_rate_limit_per_phone_across_addresses(api, complaint_form, settings):
    settings.COMPLAINT_PHONE_RATE = "2/day"
    # Three different complaints (the same one twice would be refused as a duplicate).
    codes = [
        api.post(
            URL,
            {**complaint_form, "facts": f"第{i + 1}次：会所停业，无法退费。"},
            format="json",
            REMOTE_ADDR=f"10.0.0.{i}",
        ).status_code
        for i in range(3)
    ]
    assert codes == [201, 201, 429]
    assert Complaint.objects.count() == 2
