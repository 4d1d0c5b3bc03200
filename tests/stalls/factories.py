"""Network stations for the stalls suite, made here until the network app's loader exists:
each station with its own handling unit (tier 站) and QR intake place, as the contract has it."""

from __future__ import annotations

import datetime

from registry_api.complaints.models import IntakePlace, Unit
from registry_api.complaints.reference_data import load_units
from registry_api.enterprises.models import District
from registry_api.enterprises.reference_data import load_districts
from registry_api.network.models import Person, Station
from registry_api.stalls import services
from registry_api.stalls.validators import id_check_character


def id_number(first17: str = "15040219850312001") -> str:
    """A resident ID number with the right check character."""
    return first17 + id_check_character(first17)


def street_station(district_code: str = "150402004") -> Station:
    """The 街镇-level station of a 街镇 (its unit and place from complaint_units.csv)."""
    load_districts()
    load_units()
    unit = Unit.objects.get(code=f"station-{district_code}")
    station, _ = Station.objects.get_or_create(
        code=unit.code,
        defaults={
            "name": unit.name,
            "district": unit.district,
            "unit": unit,
            "place": IntakePlace.objects.get(code=unit.code),
            "address": f"{unit.district.name}便民服务中心",
            "phone": "0476-8321234",
        },
    )
    return station


def community_station(district_code: str, n: int) -> Station:
    """Station `n` in a community of the 街镇: a new unit under the 街镇 station's 所."""
    parent = street_station(district_code)
    district = District.objects.get(code=district_code)
    code = f"station-{district_code}-{n:02d}"
    name = f"{district.name}第{n}社区消费维权服务站"
    unit, _ = Unit.objects.get_or_create(
        code=code,
        defaults={
            "name": name,
            "tier": Unit.Tier.STATION,
            "parent": parent.unit.parent,
            "district": district,
        },
    )
    place, _ = IntakePlace.objects.get_or_create(
        code=code,
        defaults={
            "name": name,
            "kind": IntakePlace.Kind.STATION,
            "district": district,
            "station": unit,
        },
    )
    station, _ = Station.objects.get_or_create(
        code=code,
        defaults={
            "name": name,
            "district": district,
            "unit": unit,
            "place": place,
            "address": f"{district.name}第{n}社区居委会",
            "phone": "0476-8325678",
        },
    )
    return station


def network_stations(total: int = 76) -> list[Station]:
    """The 13 街镇 stations and community stations round the 街镇 up to `total`."""
    load_districts()
    codes = list(District.objects.order_by("code").values_list("code", flat=True))
    stations = [street_station(code) for code in codes]
    n = 0
    while len(stations) < total:
        n += 1
        for code in codes:
            if len(stations) < total:
                stations.append(community_station(code, n))
    return stations


def inspector(station: Station, name: str = "张建国") -> Person:
    return Person.objects.create(name=name, district=station.district, station=station)


CARD = {
    "stall_name": "王记烧麦",
    "vendor_name": "王秀兰",
    "vendor_mobile": "13847651234",
    "location": "东城农贸市场12号摊位",
    "category": "snack",
}


def issue(station: Station, *, on: datetime.date | None = None, **fields):
    values = {**CARD, "vendor_id_number": id_number(), **fields}
    return services.issue_card(station=station, valid_from=on, today=on, **values)
