"""Staff manage credit records and decide repairs in the Wagtail admin (信用信息 menu)."""

import datetime

import pytest
from django.utils import timezone

from registry_api.credit import services
from registry_api.credit.models import CreditRecord, CreditRepairApplication, add_months
from tests.clock import at_every_clock

pytestmark = [pytest.mark.django_db, at_every_clock]

BASE = "/admin/snippets/credit/"


def test_admin_lists_records_rules_and_departments(staff_client, records):
    response = staff_client.get(f"{BASE}creditrecord/")
    assert response.status_code == 200
    assert records[0].decision_number.encode() in response.content
    assert staff_client.get(f"{BASE}publicityrule/").status_code == 200
    assert staff_client.get(f"{BASE}department/").status_code == 200


def test_admin_save_computes_publicity(staff_client, reference, enterprises):
    decided = timezone.localdate() - datetime.timedelta(days=3)
    response = staff_client.post(
        f"{BASE}creditrecord/add/",
        {
            "enterprise": enterprises[0].pk,
            "department": reference["samr"].pk,
            "category": "penalty",
            "severity": "serious",
            "decision_number": "红市监处罚〔2026〕77号",
            "decision_date": decided.isoformat(),
            "publicity_start": "",
            "status": "public",
            "facts": "经查，无照经营。",
            "legal_basis": "",
            "outcome": "",
            "explanation_override": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    record = CreditRecord.objects.get(decision_number="红市监处罚〔2026〕77号")
    assert record.publicity_end == add_months(decided, 36)
    assert record.repair_eligible_on == add_months(decided, 12)


def test_admin_grant_marks_record_repaired(staff_client, records):
    application = services.repair_apply(
        record=records[3], applicant_name="李四", contact_phone="13912345678", reason="已改正。"
    )
    url = f"{BASE}creditrepairapplication/edit/{application.pk}/"
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(
        url,
        {
            "enterprise": application.enterprise_id,
            "record": application.record_id,
            "applicant_name": "李四",
            "contact_phone": "13912345678",
            "reason": "已改正。",
            "status": "granted",
            "decided_at": "",
            "decision_note": "已补报年报，准予修复。",
            "due_on": application.due_on.isoformat(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    application.refresh_from_db()
    assert application.status == CreditRepairApplication.Status.GRANTED
    assert application.decided_at is not None
    records[3].refresh_from_db()
    assert records[3].status == CreditRecord.Status.REPAIRED
