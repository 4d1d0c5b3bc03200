"""The public-request base: honeypot, phone check, receipt, throttle rate, admin queue."""

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import override_settings
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.test import APIClient, APIRequestFactory

from core.public_forms import contact_phone
from core.public_requests.models import PublicRequest
from core.public_requests.queue import read_only
from core.public_requests.serializers import PublicRequestSubmitSerializer, public_request_receipt
from core.public_requests.views import PublicRequestThrottle
from registry_api.exchange.models import Inquiry
from registry_api.exchange.serializers import InquirySubmitSerializer
from registry_api.services.models import Consultation
from registry_api.services.serializers import ConsultationSubmitSerializer


def no_trailing_zero(value: str) -> None:
    if value.endswith("0"):
        raise ValidationError("尾号不能为0。")


class ExampleForm(PublicRequestSubmitSerializer):
    phone_validators = [no_trailing_zero]

    name = serializers.CharField()
    phone = contact_phone()


@pytest.fixture(autouse=True)
def clear_throttle_history():
    cache.clear()
    yield
    cache.clear()


def test_a_valid_form_keeps_its_own_fields_with_the_honeypot_last():
    form = ExampleForm(data={"name": "赤峰鑫源商贸有限公司", "phone": "13912345678"})
    assert form.is_valid(), form.errors
    assert list(form.fields) == ["name", "phone", "website"]
    assert list(InquirySubmitSerializer().fields)[-1] == "website"


def test_a_filled_honeypot_is_refused():
    form = ExampleForm(data={"name": "x", "phone": "13912345678", "website": "http://spam"})
    assert not form.is_valid()
    assert form.errors == {"website": ["提交内容无效。"]}


def test_the_phone_is_checked_by_the_kinds_validators_under_phone():
    form = ExampleForm(data={"name": "x", "phone": "13912345670"})
    assert not form.is_valid()
    assert form.errors == {"phone": ["尾号不能为0。"]}


def test_a_kind_without_a_honeypot_ignores_the_field():
    assert "website" not in ConsultationSubmitSerializer().fields


def test_the_receipt_carries_the_kinds_reference_and_status():
    consultation = Consultation(tracking_code="ZX20261127K7Q2MD", status="pending")
    inquiry = Inquiry(reference="XZ20261127K7Q2MD", status="relayed")
    assert public_request_receipt(consultation, "好") == {
        "tracking_code": "ZX20261127K7Q2MD",
        "status": "pending",
        "status_display": "待审核",
        "message": "好",
    }
    assert public_request_receipt(inquiry, "好")["tracking_code"] == "XZ20261127K7Q2MD"
    assert public_request_receipt(inquiry, "好")["status_display"] == "已转达"


def test_every_kind_has_a_unique_reference_set_once():
    kinds = [model for model in apps.get_models() if issubclass(model, PublicRequest)]
    assert len(kinds) >= 3
    for model in kinds:
        field = model._meta.get_field(model.REFERENCE_FIELD)
        assert field.unique and not field.editable, model


def _anonymous_post():
    return Request(APIRequestFactory().post("/", REMOTE_ADDR="203.0.113.7"))


@override_settings(EXAMPLE_SUBMIT_RATE="2/hour")
def test_the_throttle_reads_its_rate_from_the_setting_on_each_request(settings):
    def allowed() -> bool:
        throttle = PublicRequestThrottle(scope="example", rate_setting="EXAMPLE_SUBMIT_RATE")
        return throttle.allow_request(_anonymous_post(), None)

    assert [allowed(), allowed(), allowed()] == [True, True, False]
    settings.EXAMPLE_SUBMIT_RATE = "5/hour"
    assert allowed()


@pytest.mark.django_db
@override_settings(CONSULTATION_SUBMIT_RATE="1/hour")
def test_a_kind_is_throttled_at_the_rate_of_its_setting():
    api = APIClient()
    body = {
        "name": "李秀英",
        "phone": "13912345678",
        "subject": "股权出质登记材料",
        "question": "股东以股权出质贷款，需要哪些材料？",
    }
    assert api.post("/api/v1/consultations/", body, format="json").status_code == 201
    response = api.post("/api/v1/consultations/", body, format="json")
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "throttled"


def test_the_queue_shows_what_the_submitter_sent_read_only():
    panels = read_only("submitted_at", "contact_phone")
    assert [panel.field_name for panel in panels] == ["submitted_at", "contact_phone"]
    assert all(panel.read_only for panel in panels)
