"""Changes a partner key makes are audit-logged with the key (department · prefix) as actor."""

import json

import pytest

from tests.partners.conftest import record_row

audit_models = pytest.importorskip("registry_api.audit.models")
pytestmark = pytest.mark.django_db


def test_import_is_logged_with_the_key_as_actor(court_client, enterprises):
    body = json.dumps(record_row(enterprises[0], "（2026）内0402执50号"), ensure_ascii=False)
    response = court_client.generic(
        "POST",
        "/api/v1/credit-records/import/",
        body.encode(),
        content_type="application/x-ndjson",
    )
    assert response.status_code == 200, response.content
    entries = audit_models.AuditEntry.objects.filter(app_label="credit", model_name="creditrecord")
    entry = entries.get()
    assert entry.actor_type == "api_key" and entry.actor_user_id is None
    assert court_client.key.prefix in entry.actor_label and "法院" in entry.actor_label


def test_dry_run_leaves_no_audit_entry(court_client, enterprises):
    body = json.dumps(record_row(enterprises[0], "（2026）内0402执51号"), ensure_ascii=False)
    response = court_client.generic(
        "POST",
        "/api/v1/credit-records/import/?dry_run=1",
        body.encode(),
        content_type="application/x-ndjson",
    )
    records = audit_models.AuditEntry.objects.filter(model_name="creditrecord")
    assert response.status_code == 200 and not records.exists()
