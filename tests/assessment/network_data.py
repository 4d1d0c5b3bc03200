"""Small network data for the training and assessment suites: 街镇, units, places, stations,
people, complaints with steps, inspections. Built directly, no reference files."""

from __future__ import annotations

import datetime
import itertools

from django.utils import timezone

from registry_api.complaints.models import Complaint, ComplaintStep, IntakePlace, Unit
from registry_api.network.models import Person, PersonRole, Role, Station
from tests.factories import DistrictFactory

_codes = itertools.count(1)


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def district(code="150402004", name="东城街道"):
    return DistrictFactory(code=code, name=name)


def office(district_=None) -> Unit:
    bureau, _ = Unit.objects.get_or_create(
        code="bureau", defaults={"name": "红山区市场监督管理局", "tier": Unit.Tier.BUREAU}
    )
    return Unit.objects.get_or_create(
        code="office-test",
        defaults={"name": "城区测试市场监管所", "tier": Unit.Tier.OFFICE, "parent": bureau},
    )[0]


def station(code: str, name: str, district_, parent: Unit | None = None) -> Station:
    parent = parent or office()
    unit = Unit.objects.create(
        code=code, name=name, tier=Unit.Tier.STATION, parent=parent, district=district_
    )
    place = IntakePlace.objects.create(
        code=code, name=name, kind=IntakePlace.Kind.STATION, district=district_, station=unit
    )
    return Station.objects.create(
        code=code,
        name=name,
        district=district_,
        unit=unit,
        place=place,
        address=f"{district_.name}测试路{next(_codes)}号",
        phone="0476-8888888",
    )


def person(name, station_, roles=(Role.MEDIATOR,), status=Person.Status.FILED, **extra) -> Person:
    made = Person.objects.create(
        name=name,
        district=station_.district,
        station=station_,
        status=status,
        id_number=extra.pop("id_number", ""),
        mobile=extra.pop("mobile", ""),
        home_address=extra.pop("home_address", ""),
        **extra,
    )
    for role in roles:
        PersonRole.objects.create(person=made, role=role)
    return made


def complaint(
    *,
    submitted: datetime.date,
    unit: Unit | None,
    place: IntakePlace | None = None,
    kind="complaint",
    status="submitted",
    accepted: datetime.date | None = None,
    closed: datetime.date | None = None,
    district_=None,
    complainant_phone="13847650000",
    first_unit: Unit | None = None,
) -> Complaint:
    """A complaint as stored; its submission step names `first_unit` (default: `unit`)."""
    made = Complaint.objects.create(
        tracking_code=f"T{next(_codes):07d}",
        kind=kind,
        category="food",
        respondent_name="某某超市",
        respondent_address="东城街道测试路1号",
        facts="过期食品。",
        district=district_ or (unit or place).district,
        place=place,
        unit=unit,
        status=status,
        complainant_name="李测试",
        complainant_phone=complainant_phone,
        submitted_at=at(submitted),
        accepted_on=accepted,
        closed_on=closed,
    )
    ComplaintStep.objects.create(complaint=made, action="submitted", at=at(submitted, 9), unit=unit)
    return made


def step(complaint_: Complaint, action: str, day: datetime.date, unit: Unit | None) -> None:
    ComplaintStep.objects.create(complaint=complaint_, action=action, at=at(day, 11), unit=unit)
