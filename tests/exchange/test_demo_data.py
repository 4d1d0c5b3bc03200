"""Demo idle listings and trademark pledges: valid by the models' rules, deterministic."""

import io

import pytest
from django.core.management import call_command

from registry_api.exchange.demo_data import make_demo_exchange
from registry_api.exchange.models import IdleListing, Inquiry
from registry_api.finance.demo_data import make_demo_trademark_pledges
from registry_api.finance.models import TrademarkPledge, TrademarkPledgeConsultation
from registry_api.trademarks.demo_data import make_demo_trademarks
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def marks():
    EnterpriseFactory.create_batch(5)
    make_demo_trademarks(400, seed=7)


def snapshot():
    return (
        sorted(
            (number, kind, str(price))
            for number, kind, price in IdleListing.objects.values_list(
                "trademark__registration_number", "kind", "price"
            )
        ),
        sorted(TrademarkPledge.objects.values_list("registration_number", "pledgee")),
    )


def test_demo_listings_and_pledges_are_valid_deterministic_and_idempotent(marks):
    result = make_demo_exchange(300, 20, seed=7)
    pledges = make_demo_trademark_pledges(100, 5, seed=7)
    assert (result.listings_created, result.inquiries_created) == (300, 20)
    assert (pledges.pledges_created, pledges.consultations_created) == (100, 5)
    for listing in IdleListing.objects.all():
        listing.full_clean()  # bulk_create skipped clean(): the generator must obey it anyway
    for inquiry in Inquiry.objects.all():
        inquiry.full_clean()
    for pledge in TrademarkPledge.objects.prefetch_related("trademarks"):
        pledge.full_clean()
        assert pledge.trademarks.exists()
    for consultation in TrademarkPledgeConsultation.objects.all():
        consultation.full_clean()
    statuses = set(IdleListing.objects.values_list("status", flat=True))
    assert {"published", "pending"} <= statuses
    assert IdleListing.objects.filter(negotiable=True).exists()
    assert TrademarkPledge.objects.filter(status="valid").exists()
    assert TrademarkPledge.objects.exclude(status="valid").exists()

    before = snapshot()
    assert make_demo_exchange(300, 20, seed=7).listings_created == 0
    assert make_demo_trademark_pledges(100, 5, seed=7).pledges_created == 0
    IdleListing.objects.all().delete()
    TrademarkPledge.objects.all().delete()
    make_demo_exchange(300, 0, seed=7)
    make_demo_trademark_pledges(100, 0, seed=7)
    assert snapshot() == before


def test_no_marks_no_listings(db):
    assert make_demo_exchange(seed=7).listings_created == 0
    assert make_demo_trademark_pledges(seed=7).pledges_created == 0


def test_make_demo_data_adds_them_after_the_trademarks():
    EnterpriseFactory.create_batch(3)
    out = io.StringIO()
    call_command("make_demo_data", trademarks=200, stdout=out)
    assert "条闲置商标" in out.getvalue() and "条商标质押" in out.getvalue()
    assert IdleListing.objects.count() == 300
    assert TrademarkPledge.objects.count() == 100
