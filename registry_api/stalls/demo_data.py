"""Demo food-stall cards and inspections: deterministic, idempotent, over the network's stations.

Everything is invented. Card `i` is issued by station `i mod n` (the stations in 街镇 and code
order) and takes the next sequence of that station's 街镇, so its number depends only on `i`
and the stations; its stall, vendor, category and validity depend only on the seed and `i`,
and the dates on `today` (the validity mix is relative to it: most valid, some expiring within
30 days, some expired, some revoked). Re-running creates nothing twice (cards are keyed by
number; inspections are made with their card), so topping up from 100 to 1,500 gives the same
1,500 as creating 1,500. Vendors' ID numbers and mobiles are synthetic, with right check
digits, and never leave the admin.

Needs the network's stations (the network app's reference data) to be loaded first.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from registry_api.network.models import Person, Station

from .models import Category, Inspection, Renewal, StallCard, add_years, max_valid_to
from .services import card_number
from .validators import id_check_character

DEFAULT_SEED = 20261203
BATCH = 500

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭白乌包"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰海波宇浩鹏福春"
GOODS = {
    Category.COOKED: ["熟食", "酱肉", "卤味", "烤鸭", "熏鸡"],
    Category.PRODUCE: ["果蔬", "鲜菜", "水果", "山货"],
    Category.SNACK: ["烧麦", "对夹", "煎饼", "凉皮", "烤冷面", "馅饼"],
    Category.DRINK: ["奶茶", "豆浆", "果汁", "酸奶"],
    Category.GRAIN_OIL: ["粮油", "杂粮", "米面"],
    Category.MEAT_EGG: ["鲜肉", "牛羊肉", "禽蛋"],
    Category.AQUATIC: ["水产", "鲜鱼", "海鲜"],
    Category.PASTRY: ["糕点", "月饼", "面包", "蒸糕"],
}
CATEGORY_WEIGHTS = [
    (Category.COOKED, 16),
    (Category.PRODUCE, 22),
    (Category.SNACK, 20),
    (Category.DRINK, 7),
    (Category.GRAIN_OIL, 8),
    (Category.MEAT_EGG, 12),
    (Category.AQUATIC, 6),
    (Category.PASTRY, 9),
]
MARKETS = ["农贸市场", "综合市场", "早市", "便民市场", "蔬菜批发市场"]
STREETS = ["昭乌达路", "哈达街", "新华路", "钢铁街", "三道街", "站前路", "长青街", "英金路"]
# The validity mix relative to `today`.
STATES = [("valid", 72), ("expiring", 10), ("expired", 12), ("revoked", 6)]
REVOCATION_REASONS = [
    "摊主申请停止经营",
    "摊位撤除（市场改造）",
    "经营类别与备案不符，整改后仍未改正",
    "多次检查不合格",
]
RESULTS = [
    (Inspection.Result.PASS, 85),
    (Inspection.Result.RECTIFY, 11),
    (Inspection.Result.FAIL, 4),
]
INSPECTION_NOTES = {
    Inspection.Result.PASS: ["索证索票齐全，环境整洁", "从业人员健康证在有效期内", ""],
    Inspection.Result.RECTIFY: ["防蝇防尘设施不全，责令当日整改", "进货台账不完整，限期补齐"],
    Inspection.Result.FAIL: ["销售超过保质期食品，已当场下架", "无健康证上岗，暂停经营"],
}


@dataclass(frozen=True)
class StallDemoResult:
    created: int
    existing: int
    inspections_created: int
    renewals_created: int


def _pick(rng: random.Random, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


def _id_number(rng: random.Random) -> str:
    birth = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 40))
    first17 = f"150402{birth:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + id_check_character(first17)


def _mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"


def _dates(rng: random.Random, state: str, today: datetime.date) -> tuple:
    """(valid_from, valid_to, revoked_on) of a card in `state` on `today`."""
    if state == "expiring":
        valid_to = today + datetime.timedelta(days=rng.randrange(31))
    elif state == "expired":
        valid_to = today - datetime.timedelta(days=rng.randint(1, 400))
    else:
        valid_to = today + datetime.timedelta(days=rng.randint(31, 1000))
    years = rng.choice([1, 2, 3, 3])
    valid_from = add_years(valid_to + datetime.timedelta(days=1), -years)
    if valid_from > today:  # a long validity ending soon enough
        valid_from = today - datetime.timedelta(days=rng.randrange(30))
    # Going back whole years from 29 February lands on the 28th, a day short of the rule.
    valid_to = min(valid_to, max_valid_to(valid_from))
    revoked_on = None
    if state == "revoked":
        last = min(today, valid_to)
        revoked_on = valid_from + datetime.timedelta(
            days=rng.randrange((last - valid_from).days + 1)
        )
    return valid_from, valid_to, revoked_on


def _card(station: Station, sequence: int, rng: random.Random, today) -> StallCard:
    category = _pick(rng, CATEGORY_WEIGHTS)
    surname = rng.choice(SURNAMES)
    vendor = surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))
    if rng.random() < 0.7:
        kind = StallCard.LocationKind.MARKET
        location = f"{station.district.name}{rng.choice(MARKETS)}{rng.randint(1, 120)}号摊位"
    elif rng.random() < 0.5:
        kind = StallCard.LocationKind.NIGHT_MARKET
        location = f"{rng.choice(STREETS)}夜市{rng.randint(1, 80)}号"
    else:
        kind = StallCard.LocationKind.STREET
        location = f"{rng.choice(STREETS)}{rng.randint(1, 300)}号门前"
    state = _pick(rng, STATES)
    valid_from, valid_to, revoked_on = _dates(rng, state, today)
    card = StallCard(
        number=card_number(station.district, sequence),
        sequence=sequence,
        stall_name=f"{surname}记{rng.choice(GOODS[category])}",
        vendor_name=vendor,
        vendor_id_number=_id_number(rng),
        vendor_mobile=_mobile(rng),
        location=location,
        location_kind=kind,
        category=category,
        district=station.district,
        station=station,
        valid_from=valid_from,
        valid_to=valid_to,
        note="演示数据",
    )
    if revoked_on is not None:
        card.status = StallCard.Status.REVOKED
        card.revoked_on = revoked_on
        card.revocation_reason = rng.choice(REVOCATION_REASONS)
    return card


def _renewal(card: StallCard, rng: random.Random) -> Renewal | None:
    """About one card in six was renewed: its previous period ended the day before."""
    if rng.random() >= 1 / 6:
        return None
    previous_to = card.valid_from - datetime.timedelta(days=1)
    previous_from = max(
        add_years(card.valid_from, -rng.choice([1, 2, 3])), datetime.date(2015, 1, 1)
    )
    previous_to = min(previous_to, max_valid_to(previous_from))
    return Renewal(
        card=card,
        renewed_on=card.valid_from,
        previous_valid_from=previous_from,
        previous_valid_to=previous_to,
        valid_from=card.valid_from,
        valid_to=card.valid_to,
        note="到期延续",
    )


def _inspections(card: StallCard, rng: random.Random, today, people: list) -> list[Inspection]:
    last = min(today, card.revoked_on or card.valid_to, card.valid_to)
    span = (last - card.valid_from).days
    if span < 0:
        return []
    rows = []
    for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 4])):
        result = _pick(rng, RESULTS)
        day = card.valid_from + datetime.timedelta(days=rng.randrange(span + 1))
        # An inspector of the station nominated by then (or on no known date), if any.
        serving = [p for p in people if not p.nominated_on or p.nominated_on <= day]
        rows.append(
            Inspection(
                station=card.station,
                card=card,
                inspector=rng.choice(serving) if serving else None,
                inspected_on=day,
                result=result,
                note=rng.choice(INSPECTION_NOTES[result]),
            )
        )
    return rows


def make_demo_stalls(
    count: int = 1500, seed: int = DEFAULT_SEED, today: datetime.date | None = None
) -> StallDemoResult:
    """Create the first `count` demo cards (with renewals and inspections) that do not exist."""
    today = today or timezone.localdate()
    stations = list(Station.objects.select_related("district").order_by("district__code", "code"))
    if not stations:
        raise RuntimeError(
            "没有消费维权服务站：请先载入服务站参考数据（network），再生成备案卡演示数据。"
        )
    people: dict[int, list] = {}
    for person in Person.objects.filter(station__isnull=False).order_by("id"):
        people.setdefault(person.station_id, []).append(person)
    existing_numbers = set(StallCard.objects.values_list("number", flat=True))
    sequences: Counter = Counter()
    cards, existing = [], 0
    for i in range(count):
        station = stations[i % len(stations)]
        sequences[station.district_id] += 1
        rng = random.Random(f"{seed}:{i}")
        card = _card(station, sequences[station.district_id], rng, today)
        if card.number in existing_numbers:
            existing += 1
            continue
        cards.append((card, rng))
    renewals = inspections = 0
    with transaction.atomic():
        for start in range(0, len(cards), BATCH):
            batch = cards[start : start + BATCH]
            StallCard.objects.bulk_create([card for card, _ in batch])
            saved = {
                c.number: c
                for c in StallCard.objects.filter(number__in=[card.number for card, _ in batch])
            }
            renewal_rows, inspection_rows = [], []
            for card, rng in batch:
                card = saved[card.number]
                if (renewal := _renewal(card, rng)) is not None:
                    renewal_rows.append(renewal)
                inspection_rows += _inspections(card, rng, today, people.get(card.station_id, []))
            Renewal.objects.bulk_create(renewal_rows)
            Inspection.objects.bulk_create(inspection_rows)
            renewals += len(renewal_rows)
            inspections += len(inspection_rows)
    return StallDemoResult(len(cards), existing, inspections, renewals)
