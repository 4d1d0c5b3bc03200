"""The credit record's texts are capped at every door partners write through: a single POST
(DRF's max_length, declared in the schema) and the batch import (the model's validator)."""

import json

import pytest

from registry_api.credit.models import CreditRecord
from tests.partners.conftest import record_row

pytestmark = pytest.mark.django_db


def test_a_single_post_over_the_facts_cap_is_a_chinese_field_error(court_client, enterprises):
    row = record_row(enterprises[0], "（2026）内0402执31号", facts="事" * 5001)
    response = court_client.post("/api/v1/credit-records/", row, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["facts"] == ["请确保这个字段不能超过 5000 个字符。"]
    assert not CreditRecord.objects.exists()


def test_an_import_row_over_a_cap_is_rejected_with_the_models_message(court_client, enterprises):
    rows = [
        record_row(enterprises[0], "（2026）内0402执32号", legal_basis="依" * 1001),
        record_row(enterprises[1], "（2026）内0402执33号"),
    ]
    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()
    response = court_client.generic(
        "POST", "/api/v1/credit-records/import/", body, content_type="application/x-ndjson"
    )
    assert response.status_code == 400  # all or nothing: nothing written
    [error] = response.json()["report"]["errors"]
    assert error == {"row": 1, "field": "legal_basis", "message": "不能超过1000个字。"}
    assert not CreditRecord.objects.exists()


def test_the_schema_declares_the_caps(client):
    import yaml

    schemas = yaml.safe_load(client.get("/api/v1/schema/").content)["components"]["schemas"]
    write = schemas["CreditRecordWrite"]["properties"]
    assert (write["facts"]["maxLength"], write["legal_basis"]["maxLength"]) == (5000, 1000)
    assert schemas["RepairApplication"]["properties"]["reason"]["maxLength"] == 2000
