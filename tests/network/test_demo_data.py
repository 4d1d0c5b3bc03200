"""The demo network: the source's numbers, valid but obviously invented private data,
deterministic and idempotent."""

from collections import Counter

from registry_api.network.demo_data import make_demo_network
from registry_api.network.models import (
    FOUR_MEMBERS,
    Community,
    Person,
    PersonRole,
    PublicityPoint,
    Role,
)
from registry_api.network.selectors import four_members_team
from registry_api.stalls.validators import validate_id_number, validate_mobile


def test_the_demo_network(network):
    result = make_demo_network(seed=7)
    assert result.people == 212 + 63 * 4 + 20 and result.boards == 500 and result.walls == 1
    assert result.created == result.people + 501
    three = PersonRole.objects.filter(role__in=[Role.COORDINATOR, Role.INFO_OFFICER, Role.MEDIATOR])
    assert three.values("person").distinct().count() == 212
    for community in Community.objects.all():
        team = four_members_team(community)
        assert {r.role for p in team for r in p.roles.all()} == set(FOUR_MEMBERS)
    statuses = Counter(Person.objects.values_list("status", flat=True))
    assert statuses[Person.Status.FILED] > 0.75 * result.people
    assert statuses[Person.Status.NOMINATED] and statuses[Person.Status.APPROVED]
    consent = Person.objects.filter(public_consent=True).count() / result.people
    assert 0.5 < consent < 0.7
    for person in Person.objects.all():
        validate_id_number(person.id_number)
        validate_mobile(person.mobile)
        assert person.mobile.startswith("1380000") and person.home_address.startswith("演示地址")
    filed = Person.objects.filter(status=Person.Status.FILED)
    assert filed.values("filing_number").distinct().count() == filed.count()
    wall = PublicityPoint.objects.get(kind=PublicityPoint.Kind.WALL)
    assert wall.community.name == "富龙社区" and wall.length_m == 70


def test_again_creates_nothing_and_the_same_seed_gives_the_same_people(network):
    make_demo_network(seed=7)
    people = list(Person.objects.order_by("note").values_list("note", "name", "id_number"))
    again = make_demo_network(seed=7)
    assert again.created == 0
    assert list(Person.objects.order_by("note").values_list("note", "name", "id_number")) == (
        people
    )
