"""Reads of the network: public stations and branches, a station's public people, 四员 teams."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from .models import FOUR_MEMBERS, Branch, Community, Person, PersonRole, Station

# Who serves: a person who left, or is suspended, is no one's team member any more.
SERVING = (Person.Status.NOMINATED, Person.Status.APPROVED, Person.Status.FILED)


def person_public_list() -> QuerySet[Person]:
    """People a station's public page may name: filed, and they agreed. Only the name and
    the roles are read (`only`), so no private field is even loaded."""
    return (
        Person.objects.filter(status=Person.Status.FILED, public_consent=True)
        .only("id", "name", "station_id")
        .prefetch_related(Prefetch("roles", queryset=PersonRole.objects.only("person", "role")))
        .order_by("name", "id")
    )


def station_list() -> QuerySet[Station]:
    return Station.objects.select_related("district", "community", "branch").prefetch_related(
        Prefetch("people", queryset=person_public_list(), to_attr="public_people")
    )


def branch_list() -> QuerySet[Branch]:
    return Branch.objects.select_related("district").annotate(
        station_count=Count("stations", filter=~Q(stations__status=Station.Status.CLOSED))
    )


def four_members_team(community: Community) -> QuerySet[Person]:
    """The 四员 of a village or community: its serving people holding one of the four roles."""
    return (
        Person.objects.filter(community=community, status__in=SERVING, roles__role__in=FOUR_MEMBERS)
        .distinct()
        .prefetch_related("roles")
        .order_by("name", "id")
    )
