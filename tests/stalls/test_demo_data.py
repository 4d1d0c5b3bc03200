"""Demo cards: 1,500 over the 76 stations, a mix of validity, inspections by network people;
deterministic (the same seed and day give the same cards) and idempotent (a re-run adds none)."""

import datetime
from collections import Counter

import pytest

from registry_api.complaints.reference_data import load_units
from registry_api.enterprises.reference_data import load_districts
from registry_api.network.demo_data import make_demo_network
from registry_api.network.models import Station
from registry_api.network.reference_data import load_network
from registry_api.stalls.demo_data import make_demo_stalls
from registry_api.stalls.models import Inspection, Renewal, StallCard, max_valid_to

from .factories import inspector, network_stations

TODAY = datetime.date(2026, 11, 12)


@pytest.fixture
def stations(db):
    return network_stations(76)


def snapshot(numbers=None) -> dict:
    cards = StallCard.objects.order_by("number")
    if numbers is not None:
        cards = cards.filter(number__in=numbers)
    return {
        c.number: (c.stall_name, c.vendor_name, c.vendor_id_number, c.valid_to, c.status)
        for c in cards
    }


def test_1500_cards_over_76_stations_with_a_mix_and_inspections(stations):
    person = inspector(stations[0], "李春华")
    result = make_demo_stalls(count=1500, today=TODAY)
    assert result.created == StallCard.objects.count() == 1500
    assert len({c.station_id for c in StallCard.objects.all()}) == 76
    mix = Counter(card.validity(TODAY).value for card in StallCard.objects.all())
    assert set(mix) == {"valid", "expiring", "expired", "revoked"}
    assert mix["valid"] > 900 and min(mix.values()) >= 50, mix
    assert result.inspections_created == Inspection.objects.count() > 1500
    assert result.renewals_created == Renewal.objects.count() > 100
    assert Inspection.objects.filter(inspector=person).exists()
    assert not Inspection.objects.filter(inspected_on__gt=TODAY).exists()
    numbers = list(StallCard.objects.values_list("number", flat=True))
    assert len(set(numbers)) == 1500
    periods = StallCard.objects.values_list("valid_from", "valid_to")
    assert all(start < end <= max_valid_to(start) for start, end in periods)
    # Every card passes the model's rules (ID check digit, mobile, validity at most 3 years).
    for card in StallCard.objects.order_by("?")[:150]:
        card.full_clean()
    again = make_demo_stalls(count=1500, today=TODAY)
    assert (again.created, again.existing, again.inspections_created) == (0, 1500, 0)


def test_topping_up_gives_the_same_cards_as_creating_them_at_once(stations):
    make_demo_stalls(count=200, today=TODAY)
    at_once = snapshot()
    StallCard.objects.all().delete()
    make_demo_stalls(count=80, today=TODAY)
    assert make_demo_stalls(count=200, today=TODAY).created == 120
    assert snapshot() == at_once


def test_the_demo_needs_stations(db):
    with pytest.raises(RuntimeError, match="服务站"):
        make_demo_stalls(count=10)


def test_with_the_networks_own_stations_and_people(db):
    """As make_demo_data runs it: the network's reference data and people first."""
    load_districts()
    load_units()
    load_network()
    make_demo_network()
    result = make_demo_stalls(count=300, today=TODAY)
    assert result.created == 300
    assert Station.objects.count() == 76
    assert len({c.station_id for c in StallCard.objects.all()}) == 76
    assert Inspection.objects.filter(inspector__isnull=False).count() > 100
