"""Writes of the network: its people — nomination (推荐) → approval (审核) → filing (备案), then
suspension, reinstatement or leaving, and a person's roles — and its stations (each with
its own handling unit and QR intake place) and publicity points.

Every write goes through here (the admin's forms and buttons call these functions), so a wrong
step is refused the same way wherever it comes from, with a Chinese message under `status`.
A person's name and roles show on their station's public page once filed and consented: each
write touches the station(s) concerned, so the stations API's ETag and `updated_since` see it.

Filing numbers: `红市监网备〔<year>〕<serial>号`, the serial four digits within the filing
year, counting on from the highest number of that year (never reused, even after a person
leaves), e.g. 红市监网备〔2026〕0001号.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.services import model_assign, model_create, model_full_save, model_update
from registry_api.complaints.models import IntakePlace, Unit
from registry_api.enterprises.models import District

from .models import Branch, Community, Person, PersonRole, PublicityPoint, Role, Station

S = Person.Status
FILING_PREFIX = "红市监网备"
FILING_NUMBER = re.compile(r"^红市监网备〔(\d{4})〕(\d{4,})号$")

# Which status each step starts from, and where it leads.
TRANSITIONS = {
    "approve": ((S.NOMINATED,), S.APPROVED),
    "file": ((S.APPROVED,), S.FILED),
    "suspend": ((S.FILED,), S.SUSPENDED),
    "reinstate": ((S.SUSPENDED,), S.FILED),
    "leave": ((S.NOMINATED, S.APPROVED, S.FILED, S.SUSPENDED), S.LEFT),
}
STEP_LABELS = {
    "approve": "审核",
    "file": "备案",
    "suspend": "暂停",
    "reinstate": "恢复",
    "leave": "退出",
}


def filing_number_format(year: int, serial: int) -> str:
    return f"{FILING_PREFIX}〔{year}〕{serial:04d}号"


def filing_number_next(year: int) -> str:
    """The next unused filing number of `year`."""
    prefix = f"{FILING_PREFIX}〔{year}〕"
    serials = [
        int(match.group(2))
        for number in Person.objects.filter(filing_number__startswith=prefix).values_list(
            "filing_number", flat=True
        )
        if (match := FILING_NUMBER.match(number))
    ]
    return filing_number_format(year, max(serials, default=0) + 1)


def stations_touch(station_ids: Iterable[int | None]) -> None:
    """Move the stations' updated_at: their public people list may have changed."""
    ids = {pk for pk in station_ids if pk}
    if ids:
        Station.objects.filter(pk__in=ids).update(updated_at=timezone.now())


def _require(person: Person, step: str) -> S:
    sources, target = TRANSITIONS[step]
    if person.status not in sources:
        allowed = "、".join(f"“{S(s).label}”" for s in sources)
        raise ValidationError(
            {
                "status": f"当前状态为“{person.get_status_display()}”，不能{STEP_LABELS[step]}；"
                f"只有{allowed}的人员可以{STEP_LABELS[step]}。"
            }
        )
    return target


def _roles_clean(roles: Iterable[str]) -> list[str]:
    roles = list(dict.fromkeys(roles))
    unknown = [r for r in roles if r not in Role.values]
    if unknown:
        raise ValidationError({"roles": f"无效的职务：{'、'.join(unknown)}。"})
    return roles


def _save(person: Person, *, stations_before: Iterable[int | None] = ()) -> Person:
    model_full_save(person)
    stations_touch([*stations_before, person.station_id])
    return person


@transaction.atomic
def person_roles_set(*, person: Person, roles: Iterable[str]) -> Person:
    """The person holds exactly these roles (at least one)."""
    roles = _roles_clean(roles)
    if not roles:
        raise ValidationError({"roles": "请至少选择一个职务。"})
    held = set(person.roles.values_list("role", flat=True))
    if held != set(roles):
        person.roles.exclude(role__in=roles).delete()
        PersonRole.objects.bulk_create(
            [PersonRole(person=person, role=r) for r in roles if r not in held]
        )
        stations_touch([person.station_id])
    return person


@transaction.atomic
def person_nominate(
    *,
    name: str,
    district,
    roles: Iterable[str],
    nominated_by: str,
    nominated_on: datetime.date | None = None,
    community=None,
    station=None,
    id_number: str = "",
    mobile: str = "",
    home_address: str = "",
    public_consent: bool = False,
    note: str = "",
) -> Person:
    """推荐: a new person of the network, nominated by a unit (村委会, 社区, 街镇…)."""
    nominated_by = (nominated_by or "").strip()
    if not nominated_by:
        raise ValidationError({"nominated_by": "请填写推荐单位。"})
    roles = _roles_clean(roles)
    if not roles:
        raise ValidationError({"roles": "请至少选择一个职务。"})
    person = Person(
        name=name,
        district=district,
        community=community,
        station=station,
        id_number=id_number,
        mobile=mobile,
        home_address=(home_address or "").strip(),
        public_consent=public_consent,
        status=S.NOMINATED,
        nominated_by=nominated_by,
        nominated_on=nominated_on or timezone.localdate(),
        note=note,
    )
    _save(person)
    PersonRole.objects.bulk_create([PersonRole(person=person, role=r) for r in roles])
    return person


# Fields an edit may change; status and filing fields change only through the steps below.
EDITABLE = {
    "name",
    "district",
    "community",
    "station",
    "id_number",
    "mobile",
    "home_address",
    "public_consent",
    "nominated_by",
    "nominated_on",
    "note",
}


@transaction.atomic
def person_update(*, person: Person, roles: Iterable[str] | None = None, **fields) -> Person:
    """An edit of a person's details (and roles); the filing steps have their own functions."""
    refused = sorted(set(fields) - EDITABLE)
    if refused:
        raise ValidationError({"status": "状态与备案信息只能通过审核、备案等操作变更。"})
    before = Person.objects.filter(pk=person.pk).values_list("station_id", flat=True).first()
    model_assign(person, fields)
    _save(person, stations_before=[before])
    if roles is not None:
        person_roles_set(person=person, roles=roles)
    return person


@transaction.atomic
def person_approve(
    *, person: Person, approved_by: str, approved_on: datetime.date | None = None
) -> Person:
    """审核: the 所 or the bureau approves a nominated person."""
    target = _require(person, "approve")
    approved_by = (approved_by or "").strip()
    if not approved_by:
        raise ValidationError({"approved_by": "请填写审核单位。"})
    approved_on = approved_on or timezone.localdate()
    if person.nominated_on and approved_on < person.nominated_on:
        raise ValidationError({"approved_on": "审核日期不能早于推荐日期。"})
    person.status, person.approved_by, person.approved_on = target, approved_by, approved_on
    return _save(person)


@transaction.atomic
def person_file(*, person: Person, filed_on: datetime.date | None = None) -> Person:
    """备案: an approved person gets the next filing number of the filing year."""
    target = _require(person, "file")
    filed_on = filed_on or timezone.localdate()
    if person.approved_on and filed_on < person.approved_on:
        raise ValidationError({"filed_on": "备案日期不能早于审核日期。"})
    person.status, person.filed_on = target, filed_on
    # Two filings at once may compute the same number: the unique index refuses the second,
    # which then takes the next one.
    for _attempt in range(5):
        person.filing_number = filing_number_next(filed_on.year)
        try:
            with transaction.atomic():
                return _save(person)
        except IntegrityError:
            continue
    raise ValidationError({"filing_number": "备案编号生成冲突，请稍后重试。"})


def _step(person: Person, step: str, note: str) -> Person:
    person.status = _require(person, step)
    note = (note or "").strip()
    if note:
        stamp = f"{timezone.localdate():%Y-%m-%d} {STEP_LABELS[step]}：{note}"
        person.note = f"{person.note}\n{stamp}".strip()
    return _save(person)


@transaction.atomic
def person_suspend(*, person: Person, note: str = "") -> Person:
    """暂停: a filed person stops serving for a while (no longer shown publicly)."""
    return _step(person, "suspend", note)


@transaction.atomic
def person_reinstate(*, person: Person, note: str = "") -> Person:
    """恢复: a suspended person serves again under the same filing number."""
    return _step(person, "reinstate", note)


@transaction.atomic
def person_leave(*, person: Person, note: str = "") -> Person:
    """退出: the person leaves the network; the record and its filing number are kept."""
    return _step(person, "leave", note)


@transaction.atomic
def publicity_point_create(**fields) -> PublicityPoint:
    return model_create(PublicityPoint, **fields)


@transaction.atomic
def publicity_point_update(*, point: PublicityPoint, **fields) -> PublicityPoint:
    return model_update(point, **fields)


def district_office(district: District) -> Unit:
    """The 所 over a 街镇: the parent of that 街镇's station unit from complaint_units.csv."""
    unit = (
        Unit.objects.filter(tier=Unit.Tier.STATION, district=district, parent__isnull=False)
        .select_related("parent")
        .order_by("code")
        .first()
    )
    if unit is None:
        raise LookupError(
            f"{district.name} has no station unit: run complaints' load_units() first"
        )
    return unit.parent


def station_unit_and_place(row: dict, district: District, office: Unit) -> tuple[Unit, IntakePlace]:
    """The station's handling unit and QR intake place (code, name, address in `row`), made if
    missing; they share the station's code, so its QR link names it."""
    unit, _ = Unit.objects.get_or_create(
        code=row["code"],
        defaults={
            "name": row["name"],
            "tier": Unit.Tier.STATION,
            "parent": office,
            "district": district,
        },
    )
    place, _ = IntakePlace.objects.get_or_create(
        code=row["code"],
        defaults={
            "name": row["name"],
            "kind": IntakePlace.Kind.STATION,
            "district": district,
            "station": unit,
        },
    )
    if not place.address and row["address"]:
        place.address = row["address"]
        place.save(update_fields=["address"])
    return unit, place


@transaction.atomic
def station_create(*, code: str, name: str, district: District, address: str = "", **fields):
    """A new station with its own handling unit (tier 站, under the 所 of its 街镇) and QR
    intake place, all three with the same code."""
    if not code:
        raise ValidationError({"code": "请填写代码。"})
    if Station.objects.filter(code=code).exists():
        raise ValidationError({"code": "已有使用该代码的服务站。"})
    try:
        office = district_office(district)
    except LookupError as exc:
        raise ValidationError(
            {"district": "该街镇还没有服务站单位，无法确定上级市场监管所。"}
        ) from exc
    unit, place = station_unit_and_place(
        {"code": code, "name": name, "address": address}, district, office
    )
    return model_create(
        Station,
        code=code,
        name=name,
        district=district,
        address=address,
        unit=unit,
        place=place,
        **fields,
    )


@transaction.atomic
def station_update(*, station: Station, **fields) -> Station:
    """The station changed; its unit and QR place keep its name (and the place its address)."""
    fields.pop("code", None)  # the QR codes on the walls carry it: it never changes
    model_update(station, **fields)
    Unit.objects.filter(pk=station.unit_id).exclude(name=station.name).update(name=station.name)
    IntakePlace.objects.filter(pk=station.place_id).update(
        name=station.name, address=station.address
    )
    return station


def _update_touching_stations(instance, fields: dict):
    """A community or branch changed; its name shows on its stations, which count as changed
    (their change feed and ETags)."""
    model_update(instance, **fields)
    stations_touch(instance.stations.values_list("pk", flat=True))
    return instance


@transaction.atomic
def community_create(**fields) -> Community:
    return model_create(Community, **fields)


@transaction.atomic
def community_update(*, community: Community, **fields) -> Community:
    return _update_touching_stations(community, fields)


@transaction.atomic
def branch_create(**fields) -> Branch:
    return model_create(Branch, **fields)


@transaction.atomic
def branch_update(*, branch: Branch, **fields) -> Branch:
    return _update_touching_stations(branch, fields)
