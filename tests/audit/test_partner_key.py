"""Writes made with a partner department's API key are attributed to the key; no secret logged."""

import datetime

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from registry_api.audit.models import AuditEntry
from registry_api.credit.models import Department
from registry_api.credit.reference_data import load_credit_reference
from registry_api.partners import services as partner_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def court_key(db):
    cache.clear()  # throttle histories outlive each test's rollback
    load_credit_reference()
    key, plain = partner_services.key_issue(
        department=Department.objects.get(code="court"),
        name="法院执行信息系统",
        scopes=["credit_records:write"],
    )
    yield key, plain
    cache.clear()


def test_key_authenticated_write_is_attributed_to_the_key(court_key, enterprise):
    key, plain = court_key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {plain}")
    decided = datetime.date.today() - datetime.timedelta(days=10)
    response = client.post(
        "/api/v1/credit-records/",
        {
            "enterprise": enterprise.credit_code,
            "category": "dishonest_debtor",
            "severity": "none",
            "decision_number": "（2026）内0402执88号",
            "decision_date": decided.isoformat(),
            "facts": "被执行人未履行生效法律文书确定的义务。",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    entry = AuditEntry.objects.get(model_name="creditrecord", action="create")
    assert entry.actor_type == "api_key"
    assert entry.actor_user is None
    assert "法院" in entry.actor_label and key.prefix in entry.actor_label
    assert entry.after["decision_number"] == "（2026）内0402执88号"


def test_a_keys_hash_is_never_logged(court_key):
    key, plain = court_key
    entry = AuditEntry.objects.get(model_name="partnerkey", action="create")
    assert "secret_hash" not in entry.after
    assert key.secret_hash not in str(entry.after) and plain not in str(entry.after)
    assert entry.after["prefix"] == key.prefix
