"""Credit repair applications: one application of the same content from one phone within the
window (the issue's 40 identical applications), and the reason's length cap."""

import datetime

import pytest
import time_machine
from django.test import override_settings

from registry_api.credit.models import CreditRepairApplication

URL = "/api/v1/credit-repair-applications/"
DUPLICATE = "您已提交过相同的信用修复申请，请勿重复提交"


def application(record, **overrides) -> dict:
    return {
        "record": record.pk,
        "applicant_name": "李四",
        "contact_phone": "13912345678",
        "reason": "已补报年报，经营地址已更正。",
        **overrides,
    }


def field_less_error(response) -> str:
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "validation_error" and list(error["fields"]) == ["_"]
    return error["fields"]["_"][0]


@override_settings(DUPLICATE_SUBMISSION_MINUTES=30)
def test_the_same_application_twice_is_refused_and_stored_once(api, records):
    record = records[3]  # abnormal operations: may apply once fixed
    moment = datetime.datetime(2026, 11, 12, 2, 0, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False) as clock:
        assert api.post(URL, application(record), format="json").status_code == 201
        # The same content again (spaces and a half-width comma aside), from another address.
        again = application(record, reason="  已补报年报,经营地址已更正。 ")
        response = api.post(URL, again, format="json", REMOTE_ADDR="203.0.113.60")
        assert field_less_error(response).startswith(DUPLICATE)
        assert CreditRepairApplication.objects.count() == 1
        # Different content is a different application.
        other = application(record, reason="已补报2025年度年报。")
        assert api.post(URL, other, format="json").status_code == 201
        # After the window the same content is accepted again.
        clock.shift(datetime.timedelta(minutes=31))
        assert api.post(URL, application(record), format="json").status_code == 201
    assert CreditRepairApplication.objects.count() == 3


def test_a_refused_application_may_be_sent_again(api, records):
    """The claim of content refused for another reason (here: not yet eligible) is let go, so
    the applicant sees the real reason again, not "already submitted"."""
    record = records[0]  # a moderate penalty 30 days ago: not yet eligible
    for _ in range(2):
        response = api.post(URL, application(record), format="json")
        assert response.status_code == 400
        assert "record" in response.json()["error"]["fields"]
    assert not CreditRepairApplication.objects.exists()


def test_the_reason_is_capped_with_a_chinese_message(api, records):
    response = api.post(URL, application(records[3], reason="理" * 2001), format="json")
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["reason"] == ["不能超过 2000 个字符。"]
    assert not CreditRepairApplication.objects.exists()


@pytest.mark.parametrize("name", ["facts", "legal_basis", "outcome"])
def test_record_texts_are_capped_in_the_admin_and_the_services_too(records, name):
    from django.core.exceptions import ValidationError

    record = records[0]
    limit = type(record)._meta.get_field(name).max_length
    setattr(record, name, "文" * (limit + 1))
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    assert refused.value.message_dict[name] == [f"不能超过{limit}个字。"]
