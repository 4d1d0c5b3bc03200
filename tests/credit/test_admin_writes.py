"""The admin writes credit data through the services the API uses: same rules, same audit."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from registry_api.audit.models import AuditEntry
from registry_api.credit import services
from registry_api.credit.models import CreditRecord, CreditRepairApplication

from .conftest import clerk

pytestmark = pytest.mark.django_db

BASE = "/admin/snippets/credit/"


@pytest.fixture(autouse=True)
def clear_throttle_history():
    cache.clear()
    yield
    cache.clear()


def repair_payload(record, **fields) -> dict:
    return {
        "record": record.pk,
        "applicant_name": "李四",
        "contact_phone": "13912345678",
        "reason": "已补报年报。",
        **fields,
    }


def record_form(enterprise, department, number, **fields):
    decided = timezone.localdate() - datetime.timedelta(days=3)
    return {
        "enterprise": enterprise.pk,
        "department": department.pk,
        "category": "penalty",
        "severity": "serious",
        "decision_number": number,
        "decision_date": decided.isoformat(),
        "publicity_start": "",
        "status": "public",
        "facts": "经查，无照经营。",
        "legal_basis": "",
        "outcome": "",
        "explanation_override": "",
        **fields,
    }


def entries(number):
    return list(
        AuditEntry.objects.filter(model_name="creditrecord", object_repr__startswith=number)
    )


def test_an_invalid_admin_record_shows_the_field_error_and_stores_nothing(
    staff_client, reference, enterprises
):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = staff_client.post(
        f"{BASE}creditrecord/add/",
        record_form(
            enterprises[0], reference["samr"], "红市监处罚〔2026〕90号", decision_date=tomorrow
        ),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["decision_date"] == ["决定日期不能晚于今天。"]
    assert "决定日期不能晚于今天。" in response.content.decode()
    assert not CreditRecord.objects.filter(decision_number="红市监处罚〔2026〕90号").exists()
    assert not entries("红市监处罚〔2026〕90号")


def test_an_admin_record_is_audited_as_the_api_write(staff_client, reference, enterprises):
    form = record_form(enterprises[0], reference["samr"], "红市监处罚〔2026〕91号")
    assert staff_client.post(f"{BASE}creditrecord/add/", form).status_code == 302
    api = clerk("add_creditrecord")
    body = {
        **{k: v for k, v in form.items() if v != ""},
        "enterprise": enterprises[1].credit_code,
        "department": reference["samr"].code,
        "decision_number": "红市监处罚〔2026〕92号",
    }
    assert api.post("/api/v1/credit-records/", body, format="json").status_code == 201
    (admin_entry,) = entries("红市监处罚〔2026〕91号")
    (api_entry,) = entries("红市监处罚〔2026〕92号")
    assert admin_entry.action == api_entry.action == AuditEntry.Action.CREATE
    assert admin_entry.changed_fields == api_entry.changed_fields
    # The publicity dates were computed in the one save, not written by a second one.
    assert admin_entry.after["publicity_end"] == api_entry.after["publicity_end"]
    assert admin_entry.actor_type == "user" and admin_entry.actor_label == "editor"


def test_a_decision_the_model_refuses_is_shown_on_the_form(staff_client, records):
    application = services.repair_apply(
        record=records[3], applicant_name="李四", contact_phone="13912345678", reason="已改正。"
    )
    application.enterprise = records[0].enterprise  # a row broken outside the service
    CreditRepairApplication.objects.filter(pk=application.pk).update(
        enterprise=records[0].enterprise
    )
    before = AuditEntry.objects.count()
    response = staff_client.post(
        f"{BASE}creditrepairapplication/edit/{application.pk}/",
        {"status": "granted", "decision_note": "准予修复。"},
    )
    assert response.status_code == 200
    assert "该信用记录不属于所选企业。" in response.content.decode()
    application.refresh_from_db()
    assert application.status == CreditRepairApplication.Status.PENDING
    records[3].refresh_from_db()
    assert records[3].status == CreditRecord.Status.PUBLIC
    assert AuditEntry.objects.count() == before


def test_the_repair_receipt_is_the_public_request_receipt(api, records):
    response = api.post(
        "/api/v1/credit-repair-applications/", repair_payload(records[3]), format="json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    application = CreditRepairApplication.objects.get(pk=body["id"])
    assert body["tracking_code"] == application.reference
    assert application.reference.startswith("XF")
    assert {"record", "status", "status_display", "submitted_at", "due_on", "message"} <= set(body)


def test_a_filled_honeypot_is_refused(api, records):
    response = api.post(
        "/api/v1/credit-repair-applications/",
        repair_payload(records[3], website="http://spam.example"),
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["website"] == ["提交内容无效。"]


def test_repair_submissions_are_throttled_at_the_setting(api, records, settings):
    settings.CREDIT_REPAIR_SUBMIT_RATE = "1/hour"
    payload = repair_payload(records[0], contact_phone="139")
    assert (
        api.post("/api/v1/credit-repair-applications/", payload, format="json").status_code == 400
    )
    answer = api.post("/api/v1/credit-repair-applications/", payload, format="json")
    assert answer.status_code == 429


def test_repair_applications_are_not_made_in_the_admin(staff_client, records):
    response = staff_client.post(
        f"{BASE}creditrepairapplication/add/", {"status": "pending", "decision_note": ""}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not CreditRepairApplication.objects.exists()
