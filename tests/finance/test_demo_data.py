"""Finance demo data: deterministic, valid and an idempotent top-up."""

import pytest
from django.core.management import call_command

from registry_api.enterprises.demo_data import make_demo_enterprises
from registry_api.finance.demo_data import make_demo_finance
from registry_api.finance.models import ChattelMortgage, EquityPledge, FinancingNeed, LoanProduct

pytestmark = pytest.mark.django_db
SMALL = {"products": 12, "needs": 10, "pledges": 15, "mortgages": 8}


def test_top_up_is_idempotent_and_rows_are_valid():
    make_demo_enterprises(30)
    assert make_demo_finance({**SMALL, "pledges": 9}).created == {**SMALL, "pledges": 9}
    assert make_demo_finance(SMALL).created == {**dict.fromkeys(SMALL, 0), "pledges": 6}
    assert make_demo_finance(SMALL).created == dict.fromkeys(SMALL, 0)
    assert LoanProduct.objects.count() == 12 and EquityPledge.objects.count() == 15
    for model in (LoanProduct, FinancingNeed, EquityPledge, ChattelMortgage):
        for row in model.objects.all():
            row.full_clean()
    assert all(m.registered_on.year <= 2020 for m in ChattelMortgage.objects.all())


def test_same_seed_gives_the_same_rows():
    make_demo_enterprises(20)
    make_demo_finance(SMALL)
    first = list(EquityPledge.objects.order_by("id").values_list("registration_number", "pledgee"))
    EquityPledge.objects.all().delete()
    make_demo_finance(SMALL)
    again = list(EquityPledge.objects.order_by("id").values_list("registration_number", "pledgee"))
    assert first == again


def test_command_flag(settings):
    make_demo_enterprises(10)
    call_command("make_demo_data", "--finance", verbosity=0)
    assert LoanProduct.objects.count() == 40
    assert ChattelMortgage.objects.count() == 200
