"""A retried submission answers what the first did (the anonymous reporter's PIN included);
the same content sent again without the retry's key is refused, not queued twice."""

import pytest

from registry_api.complaints.models import Complaint

pytestmark = pytest.mark.django_db
URL = "/api/v1/complaints/"
PUBLIC = {"REMOTE_ADDR": "203.0.113.70"}


def anonymous(form: dict) -> dict:
    return {
        **form,
        "kind": "report",
        "complainant_name": "",
        "complainant_phone": "",
        "request": "",
    }


def test_the_retry_of_an_anonymous_report_answers_its_pin(api, complaint_form):
    """The first answer was lost (a dropped connection): the retry is the reporter's only way
    to learn the PIN that tracking asks for."""
    headers = {"HTTP_IDEMPOTENCY_KEY": "form-7c1e9a40-lost", **PUBLIC}
    first = api.post(URL, anonymous(complaint_form), format="json", **headers)
    again = api.post(URL, anonymous(complaint_form), format="json", **headers)
    assert first.status_code == 201 and again.status_code == 200
    pin = first.json()["tracking_pin"]
    assert len(pin) == 4 and pin.isdigit()
    assert again.json() == first.json()
    code = again.json()["tracking_code"]
    assert api.get(f"/api/v1/complaints/track/{code}/", {"phone": pin}).status_code == 200


def test_a_retry_with_a_phone_still_answers_no_pin(api, complaint_form):
    headers = {"HTTP_IDEMPOTENCY_KEY": "form-7c1e9a40-phone"}
    api.post(URL, complaint_form, format="json", **headers)
    again = api.post(URL, complaint_form, format="json", **headers)
    assert again.status_code == 200 and again.json()["tracking_pin"] == ""


def duplicate_refusal(response) -> str:
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert list(error["fields"]) == ["_"]
    return error["fields"]["_"][0]


def test_the_same_complaint_twice_from_one_phone_is_stored_once(api, complaint_form):
    assert api.post(URL, complaint_form, format="json", **PUBLIC).status_code == 201
    # Another address, another key: still the same person sending the same complaint.
    response = api.post(
        URL,
        complaint_form,
        format="json",
        REMOTE_ADDR="203.0.113.71",
        HTTP_IDEMPOTENCY_KEY="form-another-key-1",
    )
    assert duplicate_refusal(response).startswith("您已提交过相同的投诉举报，请勿重复提交")
    assert Complaint.objects.count() == 1
    # A complaint with other facts about the same shop is a repeat, stored and flagged.
    repeat = {**complaint_form, "facts": "会所今日仍未开门，电话无人接听。"}
    assert api.post(URL, repeat, format="json", **PUBLIC).status_code == 201
    assert Complaint.objects.filter(duplicate_of__isnull=False).count() == 1


def test_an_anonymous_report_is_the_same_from_the_same_address(api, complaint_form):
    report = anonymous(complaint_form)
    assert api.post(URL, report, format="json", **PUBLIC).status_code == 201
    assert "您已提交过相同的投诉举报" in duplicate_refusal(
        api.post(URL, report, format="json", **PUBLIC)
    )
    # Two neighbours reporting the same stall in the same words are two reports.
    assert api.post(URL, report, format="json", REMOTE_ADDR="203.0.113.72").status_code == 201
    assert Complaint.objects.count() == 2
