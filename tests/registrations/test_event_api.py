"""Event registration through the API: places as counts only, the confirmation code, the
refusals (full, closed, the same phone twice, bad fields) and the throttles."""

import datetime

import pytest
from django.utils import timezone

from cms.learning.models import EventRegistration

from .conftest import PERSON, person, publish_open_event

pytestmark = pytest.mark.django_db

LOOKUP = "/api/v1/events/registrations/"


def register_url(event) -> str:
    return f"/api/v1/events/{event.pk}/registrations/"


def test_registering_answers_a_code_and_nothing_personal(client, open_event):
    before = client.get(register_url(open_event)).json()
    assert before == {
        "registration_open": True,
        "closed_reason": "",
        "closed_message": "",
        "capacity": 3,
        "taken": 0,
        "places_left": 3,
        "registration_closes_at": before["registration_closes_at"],
    }
    response = client.post(register_url(open_event), PERSON, content_type="application/json")
    assert response.status_code == 201
    receipt = response.json()
    stored = EventRegistration.objects.get()
    assert receipt["code"] == stored.code and stored.code.startswith("HD")
    assert receipt["status"] == "registered" and receipt["status_display"] == "已报名"
    assert receipt["target"]["id"] == open_event.pk
    assert receipt["target"]["url"] == f"/events/{open_event.pk}/"
    assert "确认码" in receipt["message"]
    assert (stored.name, stored.phone, stored.organisation) == (
        "王秀兰",
        "13904761234",
        "红山区秀兰饺子馆",
    )
    after = client.get(register_url(open_event)).json()
    assert (after["taken"], after["places_left"]) == (1, 2)
    looked_up = client.get(f"{LOOKUP}{stored.code.lower()}/").json()
    assert looked_up["code"] == stored.code and looked_up["status"] == "registered"
    for answer in (receipt, after, looked_up):
        text = str(answer)
        assert "王秀兰" not in text and "13904761234" not in text and "饺子馆" not in text


def test_the_page_api_shows_places_left_not_people(client, open_event):
    client.post(register_url(open_event), PERSON, content_type="application/json")
    url = f"/api/cms/v2/pages/{open_event.pk}/"
    registration = client.get(url).json()["registration"]
    assert registration["places_left"] == 2 and registration["registration_open"] is True
    assert "王秀兰" not in client.get(url).content.decode()


def test_field_errors_are_chinese_and_field_level(client, open_event):
    response = client.post(
        register_url(open_event), {"name": " ", "phone": "12345"}, content_type="application/json"
    )
    assert response.status_code == 400
    fields = response.json()["error"]["fields"]
    assert fields["name"] == ["请填写姓名。"]
    assert "手机号码" in fields["phone"][0]
    too_long = {**PERSON, "organisation": "企" * 201}
    fields = client.post(register_url(open_event), too_long).json()["error"]["fields"]
    assert fields == {"organisation": ["不能超过 200 个字符。"]}
    assert not EventRegistration.objects.exists()


def test_a_landline_and_a_formatted_mobile_are_accepted(client, open_event):
    client.post(register_url(open_event), {**PERSON, "phone": "+86 139 0476 1234"})
    assert EventRegistration.objects.get().phone == "13904761234"
    # The same mobile typed differently is the same person.
    again = client.post(register_url(open_event), {**PERSON, "phone": "139-0476-1234"})
    assert again.status_code == 400
    assert (
        client.post(register_url(open_event), {**PERSON, "phone": "0476-8833123"}).status_code
        == 201
    )


def test_the_same_phone_twice_is_refused_with_a_clear_message(client, open_event):
    assert client.post(register_url(open_event), PERSON).status_code == 201
    again = client.post(register_url(open_event), {**PERSON, "name": "王二"})
    assert again.status_code == 400
    assert again.json()["error"]["fields"]["phone"] == [
        "该电话号码已报名本场，请勿重复报名；可凭确认码查询或取消报名。"
    ]
    assert EventRegistration.objects.count() == 1


def test_a_full_event_refuses_and_a_cancellation_frees_the_place(client, open_event):
    codes = [client.post(register_url(open_event), person(n)).json()["code"] for n in range(3)]
    full = client.post(register_url(open_event), person(9))
    assert full.status_code == 409 and full.json()["error"]["message"] == "名额已满。"
    availability = client.get(register_url(open_event)).json()
    assert availability["registration_open"] is False
    assert (availability["closed_reason"], availability["places_left"]) == ("full", 0)
    wrong = client.post(f"{LOOKUP}{codes[0]}/cancel/", {"phone": "13900000000"})
    assert wrong.status_code == 404
    assert wrong.json()["error"]["message"] == "确认码或联系电话不正确。"
    cancelled = client.post(f"{LOOKUP}{codes[0]}/cancel/", {"phone": person(0)["phone"]})
    assert cancelled.status_code == 200 and cancelled.json()["status_display"] == "已取消"
    assert client.get(register_url(open_event)).json()["places_left"] == 1
    # The cancelled phone may register again: its old registration holds no place.
    assert client.post(register_url(open_event), person(0)).status_code == 201
    assert client.post(register_url(open_event), person(9)).status_code == 409  # full again


@pytest.mark.parametrize(
    ("fields", "reason", "message"),
    [
        ({"registration_open": False}, "not_offered", "本场不开放网上报名。"),
        (
            {"registration_deadline": timezone.now() - datetime.timedelta(hours=1)},
            "deadline",
            "报名已截止。",
        ),
    ],
)
def test_closed_registration_is_refused(client, open_event, fields, reason, message):
    for name, value in fields.items():
        setattr(open_event, name, value)
    open_event.save_revision().publish()
    availability = client.get(register_url(open_event)).json()
    assert availability["closed_reason"] == reason and availability["closed_message"] == message
    response = client.post(register_url(open_event), PERSON)
    assert response.status_code == 409 and response.json()["error"]["message"] == message


def test_a_started_event_takes_no_registration(client, learning):
    from tests.learning.pages import publish_event

    event = publish_event(learning, slug="past", registration_open=True, capacity=5)
    response = client.post(register_url(event), PERSON)
    assert response.status_code == 409
    assert response.json()["error"]["message"] == "活动已开始，报名已结束。"


def test_an_unpublished_event_is_not_found(client, open_event):
    open_event.unpublish()
    response = client.post(register_url(open_event), PERSON)
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "未找到该活动，或它已下线。"


@pytest.mark.parametrize("prefix", ["events", "trainings"])
@pytest.mark.parametrize("pk", [2**63, 32995817797998411251712])
def test_an_id_past_any_database_integer_is_not_found(client, open_event, prefix, pk):
    # Found by schemathesis: the event lookup answered 500 (OverflowError in SQLite).
    for response in (
        client.get(f"/api/v1/{prefix}/{pk}/registrations/"),
        client.post(
            f"/api/v1/{prefix}/{pk}/registrations/", PERSON, content_type="application/json"
        ),
    ):
        assert response.status_code == 404, response.content
        assert response.json()["error"]["code"] == "not_found"


def test_an_idempotency_key_answers_a_retry_with_the_same_code(client, open_event):
    headers = {"HTTP_IDEMPOTENCY_KEY": "retry-key-0001"}
    first = client.post(register_url(open_event), PERSON, **headers)
    again = client.post(register_url(open_event), PERSON, **headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["code"] == again.json()["code"]
    other = client.post(register_url(open_event), person(1), **headers)
    assert other.status_code == 409
    assert EventRegistration.objects.count() == 1


def test_registrations_are_throttled_per_address_and_per_phone(client, open_event, settings):
    settings.REGISTRATION_SUBMIT_RATE = "2/hour"
    assert client.post(register_url(open_event), person(1)).status_code == 201
    assert client.post(register_url(open_event), person(2)).status_code == 201
    throttled = client.post(register_url(open_event), person(3))
    assert throttled.status_code == 429 and "Retry-After" in throttled


def test_one_phone_is_throttled_across_addresses(open_event, settings, learning):
    from django.test import Client

    settings.PUBLIC_REQUEST_PHONE_RATE = "1/day"
    other = publish_open_event(learning, slug="other", days=3, capacity=9)
    first = Client(REMOTE_ADDR="203.0.113.8")
    assert first.post(register_url(open_event), PERSON).status_code == 201
    second = Client(REMOTE_ADDR="203.0.113.9")
    assert second.post(register_url(other), PERSON).status_code == 429


def test_the_lookup_of_an_unknown_code(client, db):
    response = client.get(f"{LOOKUP}HD20260101NOPE00/")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "没有找到这个确认码，请核对后重新输入。"


def test_the_schema_documents_the_operations(client, db):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    register = schema["paths"]["/api/v1/events/{id}/registrations/"]
    assert set(register["post"]["responses"]) == {
        "200",
        "201",
        "400",
        "404",
        "409",
        "413",
        "415",
        "429",
    }
    assert set(register["get"]["responses"]) == {"200", "404", "429"}
    assert "/api/v1/events/registrations/{code}/cancel/" in schema["paths"]
