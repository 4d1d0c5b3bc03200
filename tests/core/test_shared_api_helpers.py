"""The shared floor of the API layer: validated writes, the idempotency key, list filters and
the submit schema."""

import pytest
from django.core.exceptions import ValidationError
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from core.filters import day_range_filters, updated_since_filter
from core.idempotency import idempotency_key
from core.openapi import FIELD_ERRORS_RESPONSE, filter_parameter
from core.public_requests.serializers import PublicRequestReceiptSerializer
from core.public_requests.views import THROTTLED_RESPONSE, submit_responses
from core.services import model_create, model_update
from registry_api.enterprises.models import District
from tests.factories import DistrictFactory


@pytest.mark.django_db
def test_model_create_and_update_save_only_what_the_model_rules_accept():
    district = model_create(
        District, code="150402999", name="测试街道", kind=District.Kind.SUBDISTRICT
    )
    assert District.objects.filter(code="150402999").exists()
    with pytest.raises(ValidationError):
        model_update(district, name="")
    district.refresh_from_db()
    assert district.name == "测试街道"


@pytest.mark.django_db
def test_model_update_sets_the_given_fields_only():
    district = DistrictFactory()
    kind = district.kind
    model_update(district, alias="别名")
    district.refresh_from_db()
    assert (district.alias, district.kind) == ("别名", kind)


def _request(**headers) -> Request:
    return Request(APIRequestFactory().post("/", **headers))


def test_idempotency_key_is_optional_and_checked():
    assert idempotency_key(_request()) == ""
    assert idempotency_key(_request(HTTP_IDEMPOTENCY_KEY=" batch-2026-12 ")) == "batch-2026-12"
    with pytest.raises(exceptions.ValidationError) as error:
        idempotency_key(_request(HTTP_IDEMPOTENCY_KEY="短"))
    assert error.value.detail == {
        "idempotency_key": ["幂等键须为8至64位字母、数字、下划线或连字符。"]
    }


def test_updated_since_and_day_ranges_filter_from_and_up_to_included():
    since = updated_since_filter()
    assert (since.field_name, since.lookup_expr) == ("updated_at", "gte")
    after, before = day_range_filters("registered_on", "注册日期")
    assert (after.lookup_expr, after.label) == ("gte", "注册日期不早于")
    assert (before.lookup_expr, before.label) == ("lte", "注册日期不晚于")
    unlabelled, _ = day_range_filters("published_on")
    assert unlabelled.field_name == "published_on"


def test_filter_parameter_carries_its_example_and_enum():
    parameter = filter_parameter("status", str, "登记状态", "valid")
    assert parameter.enum is None
    assert [example.value for example in parameter.examples] == ["valid"]


def test_submit_responses_list_receipt_field_errors_optional_404_and_throttle():
    responses = submit_responses()
    assert list(responses) == [201, 400, 429]
    assert responses[201] is PublicRequestReceiptSerializer
    assert responses[400] is FIELD_ERRORS_RESPONSE
    assert responses[429] is THROTTLED_RESPONSE
    gone = submit_responses(not_found="该闲置商标不存在或已不在发布中")
    assert list(gone) == [201, 400, 404, 429]
    assert gone[404].description == "该闲置商标不存在或已不在发布中"
