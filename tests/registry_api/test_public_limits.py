"""Limits on the public doors: every public POST counted per client address whoever calls
(a token does not lift it), per phone where the body takes one, 429 with Retry-After in the
error format; the trademark search's `?q=` capped before the engine is asked."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

PUBLIC = {"REMOTE_ADDR": "203.0.113.20"}
SIMILAR = "/api/v1/trademarks/similar/"


def assert_throttled(response) -> None:
    assert response.status_code == 429, response.content
    wait = int(response["Retry-After"])
    assert wait > 0
    error = response.json()["error"]
    assert error["code"] == "throttled"
    assert error["message"] == f"请求过于频繁，请在{wait}秒后重试。"


@override_settings(TRADEMARK_SIMILAR_RATE="3/min")
def test_the_similarity_check_is_limited_per_address(api):
    # Empty bodies: refused (400) before any engine work, and still counted.
    for _ in range(3):
        assert api.post(SIMILAR, {}, format="json", **PUBLIC).status_code == 400
    assert_throttled(api.post(SIMILAR, {}, format="json", **PUBLIC))
    assert api.post(SIMILAR, {}, format="json", REMOTE_ADDR="203.0.113.21").status_code == 400


@override_settings(TRADEMARK_SIMILAR_RATE="2/min")
def test_a_token_does_not_lift_the_limit_of_a_public_door(clerk_api):
    for _ in range(2):
        assert clerk_api.post(SIMILAR, {}, format="json", **PUBLIC).status_code == 400
    assert_throttled(clerk_api.post(SIMILAR, {}, format="json", **PUBLIC))


@override_settings(TRADEMARK_SIMILAR_RATE="1/min")
def test_through_the_proxy_the_forwarded_client_is_counted(api):
    proxied = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.30"}
    assert api.post(SIMILAR, {}, format="json", **proxied).status_code == 400
    assert_throttled(api.post(SIMILAR, {}, format="json", **proxied))
    # This machine's own processes (loopback, no proxy header) are not counted, as for reads.
    for _ in range(3):
        assert api.post(SIMILAR, {}, format="json").status_code == 400


@override_settings(CONTRACT_FILL_RATE="2/min")
def test_the_contract_fill_in_is_limited_per_address(api):
    url = "/api/v1/contracts/999999/fill/"
    for _ in range(2):
        assert api.post(url, {"values": {}}, format="json", **PUBLIC).status_code == 404
    assert_throttled(api.post(url, {"values": {}}, format="json", **PUBLIC))


@override_settings(CREDIT_REPAIR_SUBMIT_RATE="3/hour")
def test_repair_applications_are_counted_for_token_callers_too(clerk_api):
    """The issue's 40 applications in a row came with a token, which the old throttle (an
    anonymous-only one) did not count."""
    url = "/api/v1/credit-repair-applications/"
    for _ in range(3):
        assert clerk_api.post(url, {}, format="json", **PUBLIC).status_code == 400
    assert_throttled(clerk_api.post(url, {}, format="json", **PUBLIC))


@override_settings(PUBLIC_REQUEST_PHONE_RATE="2/day")
@pytest.mark.parametrize(
    ("url", "phone_field"),
    [
        ("/api/v1/consultations/", "phone"),
        ("/api/v1/credit-repair-applications/", "contact_phone"),
        ("/api/v1/trademark-pledges/consultations/", "phone"),
    ],
)
def test_public_forms_are_limited_per_phone_across_addresses(api, url, phone_field):
    def post(i: int, phone: str):
        body = {phone_field: phone}
        return api.post(url, body, format="json", REMOTE_ADDR=f"203.0.113.{40 + i}")

    assert post(0, "13812345678").status_code == 400
    assert post(1, "+86 138-1234-5678").status_code == 400  # the same number, written otherwise
    assert_throttled(post(2, "13812345678"))
    assert post(3, "13912345678").status_code == 400  # another person


def test_an_over_long_trademark_query_is_refused_before_the_engine(api):
    response = api.get("/api/v1/trademarks/", {"q": "红" * 101}, **PUBLIC)
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["q"] == ["检索词不能超过100个字符。"]


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/api/v1/idle-marks/", "q"),
        ("/api/v1/equity-pledges/", "bank"),
        ("/api/v1/chattel-mortgages/", "bank"),
        ("/api/v1/trademark-pledges/", "bank"),
    ],
)
def test_over_long_text_filters_are_field_errors(api, url, name):
    response = api.get(url, {name: "行" * 101}, **PUBLIC)
    assert response.status_code == 400
    [message] = response.json()["error"]["fields"][name]
    assert "100" in message and "字符" in message
    assert api.get(url, {name: "行" * 100}, **PUBLIC).status_code == 200


@override_settings(DUPLICATE_SUBMISSION_MINUTES=0)
def test_a_window_of_zero_minutes_turns_the_duplicate_check_off(api, db):
    from registry_api.services.models import Consultation

    body = {
        "channel": "registration",
        "name": "李秀英",
        "phone": "13912345678",
        "subject": "个体工商户登记",
        "question": "需要哪些材料？",
    }
    for _ in range(2):
        assert api.post("/api/v1/consultations/", body, format="json").status_code == 201
    assert Consultation.objects.count() == 2
