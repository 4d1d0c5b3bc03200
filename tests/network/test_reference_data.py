"""The network's reference data: 63 communities and villages, 13 branches, 76 stations, each
station with its own handling unit and QR intake place; loading twice changes nothing."""

from registry_api.complaints.models import IntakePlace, Unit
from registry_api.complaints.reference_data import load_units
from registry_api.network.models import Branch, Community, Station
from registry_api.network.reference_data import load_network


def test_the_source_numbers(network):
    assert Branch.objects.count() == 13
    assert Station.objects.count() == 76
    assert Community.objects.filter(kind=Community.Kind.VILLAGE).count() == 27
    assert Community.objects.filter(kind=Community.Kind.COMMUNITY).count() == 36
    fulong = Community.objects.get(name="富龙社区")
    assert fulong.district.code == "150402004"
    assert fulong.stations.get().name == "富龙社区消费维权服务站"
    assert network.created == 63 + 13 + 76


def test_the_13_existing_places_become_the_district_level_stations(network):
    district_level = Station.objects.filter(community__isnull=True)
    assert district_level.count() == 13
    for station in district_level.select_related("unit", "place", "district"):
        assert station.code == f"station-{station.district.code}"
        assert station.unit.code == station.code == station.place.code
        assert station.place.station_id == station.unit_id
    # No duplicate unit or place was made for them.
    assert Unit.objects.filter(tier=Unit.Tier.STATION).count() == 76
    assert IntakePlace.objects.filter(kind=IntakePlace.Kind.STATION).count() == 76


def test_a_village_station_has_its_own_unit_under_its_districts_office(network):
    station = Station.objects.select_related("unit__parent", "place", "community").get(
        code="station-150402100201"
    )
    assert station.community.kind == Community.Kind.VILLAGE
    district_unit = Unit.objects.get(code="station-150402100")
    assert station.unit.tier == Unit.Tier.STATION
    assert station.unit.parent == district_unit.parent
    assert station.unit.parent.tier == Unit.Tier.OFFICE
    assert station.place.kind == IntakePlace.Kind.STATION
    assert station.place.station == station.unit
    assert station.branch == Branch.objects.get(district__code="150402100")
    assert station.complaint_path == "/complaints/new/?place=station-150402100201"


def test_loading_again_changes_nothing(network):
    stamps = dict(Station.objects.values_list("code", "updated_at"))
    assert load_units() == 0
    again = load_network()
    assert again.created == 0
    assert dict(Station.objects.values_list("code", "updated_at")) == stamps
    assert Unit.objects.count() == 6 + 76 and IntakePlace.objects.count() == 76


def test_a_head_set_in_the_admin_survives_a_reload(network):
    Branch.objects.filter(code="branch-150402004").update(head="张会长")
    Station.objects.filter(code="station-150402004001").update(head="李站长")
    load_network()
    assert Branch.objects.get(code="branch-150402004").head == "张会长"
    assert Station.objects.get(code="station-150402004001").head == "李站长"


def test_every_public_phone_is_an_office_line(network):
    from registry_api.services.validators import is_mobile

    phones = [*Station.objects.values_list("phone", flat=True)]
    phones += Branch.objects.values_list("phone", flat=True)
    assert all(phones) and not any(is_mobile(p) for p in phones)
