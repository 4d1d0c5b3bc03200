"""`manage.py make_demo_data` without options: every registry at the default scale, once."""

from io import StringIO

import pytest
from django.core.management import call_command

from cms.publishing.management.commands import make_demo_data
from registry_api.credit.demo_data import DEFAULT_RECORDS
from registry_api.credit.models import CreditRecord
from registry_api.enterprises.demo_data import DEFAULT_ENTERPRISES
from registry_api.enterprises.models import Enterprise
from registry_api.finance.demo_data import DEFAULT_COUNTS
from registry_api.finance.models import EquityPledge, LoanProduct
from registry_api.services.models import Agency, Consultation


def test_the_default_scale_is_the_issues():
    assert (DEFAULT_ENTERPRISES, DEFAULT_RECORDS) == (20_000, 8_000)
    assert DEFAULT_COUNTS == {"products": 40, "needs": 300, "pledges": 600, "mortgages": 200}


@pytest.mark.django_db
def test_no_option_creates_every_registry_and_a_rerun_creates_nothing(monkeypatch):
    # The real default (20,000 enterprises) is measured in docs/operations.md, not here.
    monkeypatch.setitem(make_demo_data.DEFAULT_SCALE, "enterprises", 120)
    monkeypatch.setitem(make_demo_data.DEFAULT_SCALE, "credit_records", 40)
    call_command("make_demo_data", stdout=StringIO())
    counts = (
        Enterprise.objects.count(),
        CreditRecord.objects.count(),
        LoanProduct.objects.count(),
        EquityPledge.objects.count(),
        Agency.objects.count(),
        Consultation.objects.count(),
    )
    assert counts[:2] == (120, 40) and all(counts[2:])

    out = StringIO()
    call_command("make_demo_data", stdout=out)
    assert "新增 0 条信用记录" in out.getvalue() and "无需新增" in out.getvalue()
    assert (
        Enterprise.objects.count(),
        CreditRecord.objects.count(),
        LoanProduct.objects.count(),
        EquityPledge.objects.count(),
        Agency.objects.count(),
        Consultation.objects.count(),
    ) == counts
