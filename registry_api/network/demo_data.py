"""Demo people and publicity points of the network, at the source's numbers: deterministic,
idempotent.

212 coordinators, information officers and mediators spread over the 76 stations, the 四员
team (4 people) of each of the 63 villages and communities, and a few volunteers; most are
filed, some only nominated or approved; about 60 % agreed to be named publicly. 500 display
boards in the villages and communities and the 70 m culture wall of 富龙社区.

Everything is invented. The private fields look real in format but say they are demo data:
mobiles 1380000xxxx, ID numbers of Hongshan (150402) with a serial of 9xx and a right check
character, home addresses beginning "演示地址". Person `i` depends only on the seed and `i`
and is keyed by the marker in its note, so re-running creates nothing twice. People go
through the filing services (推荐 → 审核 → 备案), so their filing numbers are real ones.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from . import services
from .models import FOUR_MEMBERS, Community, Person, PublicityPoint, Role, Station

DEFAULT_SEED = 20261203
MARK = "演示数据"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭白包乌"
GIVEN = "建国秀英桂兰玉梅志强海军春华淑珍凤霞明亮国庆永胜丽娟晓东红梅德胜金花宝音其木格"
STREETS = ["昭乌达路", "哈达街", "新华路", "钢铁街", "三道街", "站前路", "长青街", "英金路"]
NETWORK_ROLES = (Role.COORDINATOR, Role.INFO_OFFICER, Role.MEDIATOR)
NETWORK_PEOPLE = 212
VOLUNTEERS = 20
BOARDS = 500
BOARD_TOPICS = [
    "食品安全 人人有责",
    "识假辨假小常识",
    "消费维权 12315",
    "防范和打击传销",
    "特种设备安全使用须知",
    "安全用药 远离误区",
    "预付式消费风险提示",
    "红山市场监管在身边，倾心热情服务于百姓",
    "农村食品安全“五不要”",
    "扫码投诉举报 小案不出村",
]
BOARD_SPOTS = ["委员会门前", "文化广场东侧", "便民超市旁", "卫生室门口", "主街宣传栏", "集市入口"]
FIRST_DAY = datetime.date(2024, 3, 1)
LAST_DAY = datetime.date(2026, 11, 20)


@dataclass(frozen=True)
class NetworkDemoResult:
    people: int
    boards: int
    walls: int

    @property
    def created(self) -> int:
        return self.people + self.boards + self.walls


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))


def _day(rng: random.Random, first: datetime.date = FIRST_DAY) -> datetime.date:
    return first + datetime.timedelta(days=rng.randint(0, (LAST_DAY - first).days))


def demo_id_number(rng: random.Random) -> str:
    from registry_api.stalls.validators import id_check_character

    birth = datetime.date(1958, 1, 1) + datetime.timedelta(days=rng.randint(0, 365 * 40))
    body = f"150402{birth:%Y%m%d}9{rng.randint(0, 99):02d}"
    return body + id_check_character(body)


def person_key(index: int) -> str:
    return f"{MARK} #{index:04d}"


def person_plan(
    stations: list[Station], communities: list[Community]
) -> list[tuple[Station, Community | None, list[str]]]:
    """(station, community, roles) of every demo person, in index order."""
    plan = []
    for i in range(NETWORK_PEOPLE):
        station = stations[i % len(stations)]
        roles = [NETWORK_ROLES[(i // len(stations)) % len(NETWORK_ROLES)]]
        if i % 9 == 4:  # some mediators also coordinate, and so on
            roles.append(NETWORK_ROLES[(i // len(stations) + 1) % len(NETWORK_ROLES)])
        plan.append((station, station.community, roles))
    for community in communities:
        station = community.stations.first()
        plan += [(station, community, [role]) for role in FOUR_MEMBERS]
    for i in range(VOLUNTEERS):
        station = stations[(i * 7) % len(stations)]
        plan.append((station, station.community, [Role.VOLUNTEER]))
    return plan


def nominator_of(station: Station, community: Community | None) -> str:
    """Who nominates: the village or residents' committee, else the 街道 office or 镇 government."""
    if community is not None:
        kind = "村民" if community.kind == Community.Kind.VILLAGE else "居民"
        return f"{community.name}{kind}委员会"
    district = station.district
    return district.name + ("人民政府" if district.kind == district.Kind.TOWN else "办事处")


def _make_person(index: int, station, community, roles, *, seed: int) -> Person:
    rng = random.Random(f"{seed}-person-{index}")
    nominated_on = _day(rng)
    person = services.person_nominate(
        name=_name(rng),
        district=station.district,
        community=community,
        station=station,
        roles=roles,
        nominated_by=nominator_of(station, community),
        nominated_on=nominated_on,
        id_number=demo_id_number(rng),
        mobile=f"1380000{rng.randint(0, 9999):04d}",
        home_address=f"演示地址：红山区{station.district.name}{rng.choice(STREETS)}"
        f"{rng.randint(1, 300)}号",
        public_consent=rng.random() < 0.6,
        note=person_key(index),
    )
    roll = rng.random()
    if roll < 0.07:
        return person
    approved_on = min(nominated_on + datetime.timedelta(days=rng.randint(3, 20)), LAST_DAY)
    services.person_approve(
        person=person, approved_by=station.unit.parent.name, approved_on=approved_on
    )
    if roll < 0.15:
        return person
    filed_on = min(approved_on + datetime.timedelta(days=rng.randint(1, 10)), LAST_DAY)
    services.person_file(person=person, filed_on=filed_on)
    return person


def make_people(*, seed: int) -> int:
    stations = list(
        Station.objects.select_related("district", "community", "unit__parent").order_by("code")
    )
    communities = list(Community.objects.prefetch_related("stations").order_by("code"))
    done = set(Person.objects.filter(note__startswith=MARK).values_list("note", flat=True))
    made = 0
    for index, (station, community, roles) in enumerate(person_plan(stations, communities)):
        if person_key(index) not in done:
            _make_person(index, station, community, roles, seed=seed)
            made += 1
    return made


def heads_fill() -> None:
    """A station without a head gets its first filed, consenting coordinator (a public name)."""
    for station in Station.objects.filter(head=""):
        head = (
            station.people.filter(
                status=Person.Status.FILED, public_consent=True, roles__role=Role.COORDINATOR
            )
            .order_by("id")
            .first()
        )
        if head is not None:
            Station.objects.filter(pk=station.pk).update(head=head.name, updated_at=timezone.now())


def build_board(index: int, community: Community, *, seed: int) -> PublicityPoint:
    rng = random.Random(f"{seed}-board-{index}")
    installed = _day(rng)
    checked = installed + datetime.timedelta(days=rng.randint(0, (LAST_DAY - installed).days))
    station = community.stations.all()[0] if community.stations.all() else None
    roll = rng.random()
    condition = PublicityPoint.Condition.GOOD
    if roll > 0.9:
        condition = PublicityPoint.Condition.WORN
    if roll > 0.97:
        condition = PublicityPoint.Condition.DAMAGED
    return PublicityPoint(
        kind=PublicityPoint.Kind.BOARD,
        code=f"board-{index + 1:04d}",
        district=community.district,
        community=community,
        station=station,
        location=f"{community.name}{rng.choice(BOARD_SPOTS)}",
        topic=rng.choice(BOARD_TOPICS),
        installed_on=installed,
        last_checked_on=checked if rng.random() < 0.85 else None,
        condition=condition,
        size=rng.choice(["1.2米×0.9米", "2.4米×1.2米", "0.9米×0.6米"]),
    )


def make_publicity(*, seed: int) -> tuple[int, int]:
    communities = list(
        Community.objects.select_related("district").prefetch_related("stations").order_by("code")
    )
    taken = set(PublicityPoint.objects.values_list("code", flat=True))
    boards = [
        build_board(i, communities[i % len(communities)], seed=seed)
        for i in range(BOARDS)
        if f"board-{i + 1:04d}" not in taken
    ]
    PublicityPoint.objects.bulk_create(boards)
    walls = 0
    if "wall-fulong" not in taken:
        fulong = Community.objects.get(name="富龙社区")
        services.publicity_point_create(
            kind=PublicityPoint.Kind.WALL,
            code="wall-fulong",
            district=fulong.district,
            community=fulong,
            station=fulong.stations.first(),
            location="富龙社区文化广场北侧",
            topic="市场管理文化墙：食品药品安全、消费维权、识假辨假、“小案不出村”",
            installed_on=datetime.date(2016, 6, 15),
            last_checked_on=datetime.date(2026, 10, 20),
            length_m=Decimal("70.0"),
            size="长70米，高2.5米",
        )
        walls = 1
    return len(boards), walls


@transaction.atomic
def make_demo_network(*, seed: int = DEFAULT_SEED) -> NetworkDemoResult:
    """The demo people, boards and wall; needs `load_network()` first (the stations)."""
    if not Station.objects.exists():
        raise LookupError("no stations: run registry_api.network.reference_data.load_network()")
    people = make_people(seed=seed)
    heads_fill()
    boards, walls = make_publicity(seed=seed)
    return NetworkDemoResult(people=people, boards=boards, walls=walls)
