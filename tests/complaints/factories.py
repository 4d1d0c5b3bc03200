"""Small factories of the complaints suite: units, QR intake places, handlers with a unit."""

import factory
from django.contrib.auth import get_user_model

from registry_api.complaints.models import IntakePlace, Unit, UnitMembership
from registry_api.complaints.roles import handler_group_ensure
from registry_api.enterprises.models import District


class StationUnitFactory(factory.django.DjangoModelFactory):
    """A station of a community or village of 东城, under its 所 (the network's new-style
    stations: code station-<区划代码><3 digits>)."""

    class Meta:
        model = Unit
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"station-150402004{n + 1:03d}")
    name = factory.Sequence(lambda n: f"测试{n + 1}社区消费维权服务站")
    tier = Unit.Tier.STATION
    parent = factory.LazyFunction(lambda: Unit.objects.get(code="office-chengqu-2"))
    district = factory.LazyFunction(lambda: District.objects.get(code="150402004"))  # 东城


class IntakePlaceFactory(factory.django.DjangoModelFactory):
    """A station's own QR place: the same code as its unit."""

    class Meta:
        model = IntakePlace
        django_get_or_create = ("code",)

    station = factory.SubFactory(StationUnitFactory)
    code = factory.LazyAttribute(lambda place: place.station.code)
    name = factory.LazyAttribute(lambda place: place.station.name)
    kind = IntakePlace.Kind.STATION
    district = factory.LazyAttribute(lambda place: place.station.district)


def make_handler(username: str, unit: Unit | None = None, **extra):
    """A staff account in the 投诉举报处理 group, belonging to `unit` (none if None)."""
    user = get_user_model().objects.create_user(username, password="pw", is_staff=True, **extra)
    user.groups.add(handler_group_ensure())
    if unit is not None:
        UnitMembership.objects.create(user=user, unit=unit)
    return user
