"""A single credit-record POST answers as the batch import does for a bad or unknown credit
code (its messages, its review item), and a flagged row sent again files no second item."""

import json
import random

import pytest

from registry_api.credit.models import CreditRecord
from registry_api.enterprises import credit_code
from registry_api.partners.models import ReviewItem
from tests.partners.conftest import bad_check_digit, record_row

pytestmark = pytest.mark.django_db
RECORDS = "/api/v1/credit-records/"
IMPORT = "/api/v1/credit-records/import/"


def row_with_code(enterprise, number: str, code: str, **fields) -> dict:
    return {**record_row(enterprise, number, **fields), "enterprise": code}


def enterprise_errors(response) -> list[str]:
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    return error["fields"]["enterprise"]


def unknown_code(enterprises) -> str:
    """A well-formed code (right check character) that no enterprise of the directory has."""
    code = credit_code.generate(rng=random.Random(14))
    assert credit_code.is_valid(code)
    assert code not in {e.credit_code for e in enterprises}
    return code


def test_an_unknown_code_gets_the_imports_message_not_drfs(court_client, enterprises):
    code = unknown_code(enterprises)
    row = row_with_code(enterprises[0], "（2026）内0402执21号", code)
    messages = enterprise_errors(court_client.post(RECORDS, row, format="json"))
    assert messages == [f"未找到统一社会信用代码为“{code}”的企业。"]
    assert not CreditRecord.objects.exists() and not ReviewItem.objects.exists()


def test_a_malformed_code_gets_the_format_message(court_client, enterprises):
    row = row_with_code(enterprises[0], "（2026）内0402执22号", "91150402")
    assert enterprise_errors(court_client.post(RECORDS, row, format="json")) == [
        "统一社会信用代码应为18位，当前为8位。"
    ]
    assert not ReviewItem.objects.exists()


def test_a_failing_check_digit_is_held_for_review_once(court_client, enterprises):
    code = bad_check_digit(enterprises[0].credit_code)
    row = row_with_code(enterprises[0], "（2026）内0402执23号", code)
    first = court_client.post(RECORDS, row, format="json")
    [message] = enterprise_errors(first)
    assert "校验位错误" in message and message.endswith("已转人工复核，未写入。")
    item = ReviewItem.objects.get()
    assert item.status == ReviewItem.Status.PENDING and item.department.code == "court"
    assert item.key == court_client.key and item.credit_code == code
    assert item.decision_number == "（2026）内0402执23号" and item.reason == message
    # The partner's system retries: the same answer, still one item for the clerk.
    again = court_client.post(RECORDS, row, format="json")
    assert enterprise_errors(again) == [message]
    assert ReviewItem.objects.count() == 1
    assert not CreditRecord.objects.exists()


def test_a_bad_check_digit_beside_other_errors_is_refused_not_held(court_client, enterprises):
    code = bad_check_digit(enterprises[0].credit_code)
    row = row_with_code(enterprises[0], "（2026）内0402执24号", code, decision_date="2026-02-30")
    response = court_client.post(RECORDS, row, format="json")
    assert response.status_code == 400
    assert "decision_date" in response.json()["error"]["fields"]
    assert not ReviewItem.objects.exists()


def test_a_clerks_post_is_held_for_the_bodys_department(departments, enterprises):
    from django.contrib.auth.models import Permission, User
    from rest_framework.test import APIClient

    clerk = User.objects.create_user("credit-clerk", password="not-used")
    clerk.user_permissions.add(*Permission.objects.filter(codename="add_creditrecord"))
    client = APIClient()
    client.force_authenticate(clerk)
    code = bad_check_digit(enterprises[1].credit_code)
    row = row_with_code(enterprises[1], "红市监处罚〔2026〕25号", code, department="samr")
    response = client.post(RECORDS, {**row, "category": "penalty"}, format="json")
    assert "已转人工复核" in enterprise_errors(response)[0]
    item = ReviewItem.objects.get()
    assert item.department.code == "samr" and item.key is None


def _import(client, *rows):
    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()
    response = client.generic("POST", IMPORT, body, content_type="application/x-ndjson")
    assert response.status_code == 200, response.content
    return response.json()["report"]


def test_a_flagged_row_sent_again_in_another_batch_files_no_second_item(court_client, enterprises):
    flagged = record_row(enterprises[0], "（2026）内0402执26号")
    flagged["enterprise"] = bad_check_digit(flagged["enterprise"])
    first = _import(court_client, flagged)
    assert first["counts"]["flagged"] == 1
    # The next day's batch repeats the unfixed row beside a new one.
    second = _import(court_client, flagged, record_row(enterprises[1], "（2026）内0402执27号"))
    assert second["counts"]["flagged"] == 1 and second["counts"]["created"] == 1
    item = ReviewItem.objects.get()
    assert item.raw_row == flagged and first["flagged"][0]["review_item"] == item.pk


def test_a_handled_item_does_not_swallow_the_row_sent_again(court_client, enterprises):
    """Once a clerk has closed the item, the row coming back is news: a new item."""
    flagged = record_row(enterprises[0], "（2026）内0402执28号")
    flagged["enterprise"] = bad_check_digit(flagged["enterprise"])
    _import(court_client, flagged)
    ReviewItem.objects.update(status=ReviewItem.Status.DONE)
    _import(court_client, flagged, record_row(enterprises[1], "（2026）内0402执29号"))
    assert ReviewItem.objects.count() == 2
