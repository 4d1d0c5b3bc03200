"""POST /api/v1/credit-records/ with a partner key: own department only, scope, rate limit."""

import pytest
from django.contrib.auth.models import Permission, User
from rest_framework.test import APIClient

from registry_api.credit.models import CreditRecord
from tests.clock import at_every_clock
from tests.partners.conftest import key_client, record_row

pytestmark = [pytest.mark.django_db, at_every_clock]
RECORDS = "/api/v1/credit-records/"


def test_court_key_creates_court_record(court_client, enterprises):
    row = record_row(enterprises[0], "（2026）内0402执1号", department="court")
    response = court_client.post(RECORDS, row, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["department"]["code"] == "court" and body["publicity_end"]
    record = CreditRecord.objects.get()
    assert record.department.code == "court" and record.enterprise == enterprises[0]


def test_department_defaults_to_the_keys(court_client, enterprises):
    response = court_client.post(RECORDS, record_row(enterprises[0], "（2026）内0402执2号"))
    assert response.status_code == 201, response.content
    assert CreditRecord.objects.get().department.code == "court"


def test_court_key_cannot_write_tax_record(court_client, enterprises):
    row = record_row(enterprises[0], "赤税稽〔2026〕1号", department="tax", category="major_tax")
    response = court_client.post(RECORDS, row, format="json")
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == "department_mismatch"
    assert "法院" in error["fields"]["department"][0]
    assert not CreditRecord.objects.exists()


def test_duplicate_decision_number_is_a_field_error(court_client, enterprises):
    row = record_row(enterprises[0], "（2026）内0402执3号")
    assert court_client.post(RECORDS, row, format="json").status_code == 201
    again = court_client.post(RECORDS, {**row, "facts": "改"}, format="json")
    assert again.status_code == 400
    assert "批量导入" in again.json()["error"]["fields"]["decision_number"][0]
    assert CreditRecord.objects.get().facts == row["facts"]


def test_validation_errors_stay_field_level(court_client, enterprises):
    row = record_row(enterprises[0], "（2026）内0402执4号", decision_date="2026-02-30")
    response = court_client.post(RECORDS, row, format="json")
    assert response.status_code == 400
    assert "decision_date" in response.json()["error"]["fields"]


def test_read_scope_key_cannot_write(issue, enterprises):
    _key, plain = issue("court", scopes=["read"])
    response = key_client(plain).post(RECORDS, record_row(enterprises[0], "x1"), format="json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "scope_missing"


def test_key_cannot_update_records(court_client, enterprises):
    created = court_client.post(RECORDS, record_row(enterprises[0], "y1"), format="json").json()
    response = court_client.patch(f"{RECORDS}{created['id']}/", {"facts": "改"}, format="json")
    assert response.status_code == 403


def test_clerk_with_model_permission_still_creates(departments, enterprises):
    clerk = User.objects.create_user("clerk", password="not-used")
    clerk.user_permissions.add(Permission.objects.get(codename="add_creditrecord"))
    client = APIClient()
    client.force_authenticate(clerk)
    row = record_row(enterprises[1], "红市监处罚〔2026〕1号", department="samr", category="penalty")
    row["severity"] = "moderate"
    assert client.post(RECORDS, row, format="json").status_code == 201
    missing = record_row(enterprises[1], "红市监处罚〔2026〕2号")
    response = client.post(RECORDS, missing, format="json")  # no key: no default department
    assert response.status_code == 400 and "department" in response.json()["error"]["fields"]


def test_over_the_keys_rate_gets_429_with_retry_after(issue):
    key, plain = issue("court", rate=3)
    client = key_client(plain)
    statuses = [client.get(RECORDS).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get(RECORDS)
    assert response.status_code == 429
    retry_after = int(response["Retry-After"])
    assert 1 <= retry_after <= 60
    error = response.json()["error"]
    assert error["code"] == "throttled" and f"{retry_after}秒后重试" in error["message"]
    # Another key and anonymous callers are not counted against this key.
    _other, other_plain = issue("court", rate=3)
    assert key_client(other_plain).get(RECORDS).status_code == 200
    assert APIClient().get(RECORDS).status_code == 200


def test_import_route_is_not_swallowed_by_detail_route(court_client):
    response = court_client.get(f"{RECORDS}import/")
    assert response.status_code == 405  # the import action (POST only), not a record "import"
