"""`make_demo_data --credit-records N`: valid records of every kind, idempotent top-up."""

import io

import pytest
from django.core.management import call_command

from registry_api.credit.models import CreditRecord
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


def test_credit_demo_records_top_up():
    for _ in range(5):
        EnterpriseFactory()
    call_command("make_demo_data", credit_records=60, stdout=io.StringIO())
    assert CreditRecord.objects.count() == 60
    call_command("make_demo_data", credit_records=60, stdout=io.StringIO())
    assert CreditRecord.objects.count() == 60
    call_command("make_demo_data", credit_records=80, stdout=io.StringIO())
    assert CreditRecord.objects.count() == 80
    assert CreditRecord.objects.values("department").distinct().count() == 4
    assert CreditRecord.objects.values("category").distinct().count() >= 7
    record = CreditRecord.objects.filter(category="penalty", severity="moderate").first()
    assert record.publicity_end > record.repair_eligible_on > record.decision_date
    for record in CreditRecord.objects.all()[:20]:
        record.full_clean(exclude=["decision_date"])
