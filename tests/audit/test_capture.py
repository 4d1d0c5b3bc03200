"""Every change of registry data is logged with who, when, before and after."""

import datetime
import sys

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registry_api import audit
from registry_api.audit.actor import acting_as
from registry_api.audit.models import AuditEntry
from registry_api.credit import services as credit_services
from registry_api.credit.models import CreditRecord, Department, PublicityRule
from registry_api.credit.reference_data import load_credit_reference
from registry_api.enterprises import credit_code
from registry_api.enterprises.models import Enterprise
from registry_api.finance.models import FinancingNeed
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/enterprises/"


def entries(**filters):
    return list(AuditEntry.objects.filter(**filters).order_by("at", "id"))


def new_enterprise_body(district_code: str) -> dict:
    first17 = "91150402MA0N00001"
    return {
        "credit_code": first17 + credit_code.check_character(first17),
        "name": "赤峰市红山区审计测试有限公司",
        "entity_type": "limited_company",
        "legal_representative": "李春梅",
        "registered_capital": "30.5",
        "established_on": "2022-06-01",
        "address": "赤峰市红山区红庙子镇富民街8号",
        "district": district_code,
        "industry": "批发和零售业",
        "scale": "micro",
        "status": "active",
        "business_scope": "食品销售。",
    }


def test_api_create_update_delete_by_a_token_user(clerk_api, clerk, districts):
    body = new_enterprise_body(districts[0].code)
    code = body["credit_code"]
    started = datetime.datetime.now(datetime.UTC)

    assert clerk_api.post(LIST, body, format="json").status_code == 201
    enterprise = Enterprise.objects.get(credit_code=code)
    assert (
        clerk_api.patch(f"{LIST}{code}/", {"name": "新名称有限公司"}, format="json").status_code
        == 200
    )
    assert clerk_api.delete(f"{LIST}{code}/").status_code == 204

    created, updated, deleted = entries(app_label="enterprises", model_name="enterprise")
    for entry in (created, updated, deleted):
        assert entry.actor_type == "user"
        assert entry.actor_user == clerk
        assert entry.actor_label == "张三(zhangsan)"
        assert entry.object_pk == str(enterprise.pk)
        assert entry.object_key == code
        assert entry.at >= started
        assert entry.path.startswith(LIST) and entry.request_id
    assert [created.action, updated.action, deleted.action] == ["create", "update", "delete"]

    # JSON-safe snapshots: decimals and dates as strings, foreign keys as the target's key.
    assert created.before is None
    assert created.after["registered_capital"] == "30.50"
    assert created.after["established_on"] == "2022-06-01"
    assert created.after["district"] == districts[0].pk
    assert "name" in created.changed_fields

    assert updated.before["name"] == "赤峰市红山区审计测试有限公司"
    assert updated.after["name"] == "新名称有限公司"
    assert updated.changed_fields == ["name"]  # updated_at changed too, and is not listed

    assert deleted.before["name"] == "新名称有限公司" and deleted.after is None
    assert deleted.object_repr == "新名称有限公司"


def test_session_user_writing_through_the_api_is_logged(api, clerk, enterprise):
    api.force_login(clerk)
    response = api.patch(f"{LIST}{enterprise.credit_code}/", {"industry": "制造业"}, format="json")
    assert response.status_code == 200, response.content
    (entry,) = entries(action="update")
    assert entry.actor_user == clerk and entry.actor_label == "张三(zhangsan)"
    assert entry.before["industry"] == "批发和零售业" and entry.after["industry"] == "制造业"


def test_no_entry_when_nothing_but_updated_at_changes(clerk_api, enterprise):
    AuditEntry.objects.all().delete()
    enterprise.save()  # updated_at moves; nothing else
    same = {"name": enterprise.name, "registered_capital": "100"}  # 100 == 100.00 stored
    response = clerk_api.patch(f"{LIST}{enterprise.credit_code}/", same, format="json")
    assert response.status_code == 200, response.content
    assert not AuditEntry.objects.exists()


def test_admin_snippet_edit_records_the_admin_user(admin_client, superuser, enterprise):
    url = f"/admin/snippets/enterprises/enterprise/edit/{enterprise.pk}/"
    assert admin_client.get(url).status_code == 200
    data = {
        "credit_code": enterprise.credit_code,
        "name": enterprise.name,
        "entity_type": enterprise.entity_type,
        "legal_representative": enterprise.legal_representative,
        "registered_capital": "250",
        "established_on": enterprise.established_on.isoformat(),
        "address": enterprise.address,
        "district": str(enterprise.district_id),
        "industry": enterprise.industry,
        "scale": enterprise.scale,
        "status": "revoked",
        "business_scope": enterprise.business_scope,
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    (entry,) = entries(action="update")
    assert entry.actor_type == "user"
    assert entry.actor_user == superuser and entry.actor_label == "auditor"
    assert entry.changed_fields == ["registered_capital", "status"]
    assert (entry.before["status"], entry.after["status"]) == ("active", "revoked")
    assert (entry.before["registered_capital"], entry.after["registered_capital"]) == (
        "100.00",
        "250.00",
    )


def test_outside_requests_the_actor_is_the_system(enterprise, monkeypatch):
    enterprise.name = "改名一"
    enterprise.save()
    with acting_as("system:nightly_import"):
        enterprise.name = "改名二"
        enterprise.save()
    # `manage.py <command>` names the command without any code in the command itself.
    monkeypatch.setattr(sys, "argv", ["manage.py", "make_demo_data"])
    enterprise.name = "改名三"
    enterprise.save()

    labels = [(e.actor_type, e.actor_label, e.actor_user_id) for e in entries(action="update")]
    assert labels == [
        ("system", "system", None),
        ("system", "system:nightly_import", None),
        ("system", "system:make_demo_data", None),
    ]


def test_anonymous_public_submission_is_logged_as_the_public(api, db):
    response = api.post(
        "/api/v1/consultations/",
        {
            "channel": "registration",
            "name": "赵六",
            "phone": "13800001111",
            "subject": "个体户登记需要哪些材料",
            "question": "请问个体工商户登记需要准备哪些材料？",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    (entry,) = entries(app_label="services", model_name="consultation")
    assert (entry.actor_type, entry.actor_user) == ("anonymous", None)
    assert entry.action == "create" and entry.path == "/api/v1/consultations/"


def test_cascaded_deletes_are_logged(enterprise):
    load_credit_reference()
    CreditRecord.objects.create(
        enterprise=enterprise,
        department=Department.objects.get(code="samr"),
        category="penalty",
        severity="moderate",
        decision_number="红市监处罚〔2026〕9号",
        decision_date=datetime.date(2026, 1, 5),
    )
    enterprise.delete()
    deleted = {(e.model_name, e.object_key) for e in entries(action="delete")}
    assert ("enterprise", enterprise.credit_code) in deleted
    assert any(model == "creditrecord" for model, _ in deleted)


def test_a_save_costs_one_select_and_one_insert(enterprise):
    fresh = Enterprise.objects.get(pk=enterprise.pk)
    fresh.industry = "住宿和餐饮业"
    with CaptureQueriesContext(connection) as queries:
        fresh.save()
    sql = [q["sql"] for q in queries.captured_queries]
    audit_inserts = [s for s in sql if s.startswith('INSERT INTO "audit_auditentry"')]
    row_selects = [s for s in sql if s.startswith("SELECT") and '"enterprises_enterprise"' in s]
    assert len(audit_inserts) == 1
    assert len(row_selects) == 1


def test_repr_that_would_query_falls_back_to_the_key(enterprise):
    need = FinancingNeed.objects.create(
        enterprise=enterprise,
        amount=50,
        term_months=12,
        purpose="采购原料",
        collateral_offered="credit",
        published_on=datetime.date(2026, 3, 1),
    )
    fresh = FinancingNeed.objects.get(pk=need.pk)  # its enterprise is not loaded
    fresh.amount = 80
    fresh.save()
    # __str__ names the enterprise; the log refused that query (a query that ran would have
    # filled the relation's cache) and named the row by its key instead.
    assert not FinancingNeed.enterprise.is_cached(fresh)
    entry = AuditEntry.objects.filter(model_name="financingneed", action="update").get()
    assert entry.object_repr == f"融资需求 #{need.pk}"
    assert (entry.before["amount"], entry.after["amount"]) == ("50.00", "80.00")


def test_bulk_operations_are_not_logged_unless_recorded(districts):
    batch = EnterpriseFactory.build_batch(20, district=districts[0])
    with CaptureQueriesContext(connection) as queries:
        Enterprise.objects.bulk_create(batch)
    assert not AuditEntry.objects.filter(model_name="enterprise").exists()
    assert not any("audit_auditentry" in q["sql"] for q in queries.captured_queries)

    first = Enterprise.objects.get(credit_code=batch[0].credit_code)
    entry = audit.record("create", first)
    assert entry.action == "create" and entry.after["credit_code"] == first.credit_code
    assert entry.actor_type == "system"


def test_a_rule_change_logs_the_records_it_recomputes(enterprise):
    load_credit_reference()
    record = credit_services.record_create(
        enterprise=enterprise,
        department=Department.objects.get(code="samr"),
        category="penalty",
        severity="moderate",
        decision_number="红市监处罚〔2026〕31号",
        decision_date=datetime.date(2026, 1, 5),
    )
    rule = PublicityRule.objects.get(category="penalty", severity="moderate")
    rule.publicity_months += 6
    with acting_as("system:rules"):
        credit_services.rule_save(rule)
    entry = AuditEntry.objects.get(model_name="creditrecord", action="update")
    assert entry.object_pk == str(record.pk) and entry.actor_label == "system:rules"
    assert "publicity_end" in entry.changed_fields
    assert entry.before["publicity_end"] != entry.after["publicity_end"]
