"""Demo complaints: 18 months (about 12,000) with seasons, weekdays, handling and a few planted
hot issues, so the half-monthly reports have something to say. Deterministic and idempotent.

- Seasons: food complaints peak in summer, product quality after the November shopping
  festival, prices and services around the Spring Festival; fewer submissions at weekends.
- Planted: prepaid-card (预付式消费) complaints spike in 东城街道 in the first half of
  November 2026 (a gym chain closing); special-equipment reports rise in spring 2026
  (elevator faults in old residential compounds).
- Handling: older submissions are closed (mediated, refused, case filed …) with handling
  times in working days and amounts recovered; the last weeks are still open, some overdue.
- Routing over every intake place that exists when this runs (run it after the network's
  stations are loaded): QR_SHARE of the submissions come through a QR code of their 街镇
  (a village's or community's station, a market), the rest go to the 街镇-level station, as
  the form does (intake.station_for). Some are escalated to the 所 (reports more often: the
  所 investigates), a few on to the bureau, each with its step; the rest are settled where
  they arrived ("小案不出村"). Routing draws from its own seeded stream per submission, so
  the dates, categories and handling above are those the demo had before routing existed.

Complainants are invented (names from common characters, phones 13x/15x/18x); they stay
behind the handlers' permission like real ones.
"""

from __future__ import annotations

import bisect
import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from core.codes import CODE_ALPHABET
from registry_api.enterprises.demo_data import person_name
from registry_api.enterprises.models import District, Enterprise
from registry_api.enterprises.reference_data import load_districts
from registry_api.workdays.calendar import WorkCalendar
from registry_api.workdays.reference_data import load_holidays

from .deadlines import first_due, mediation_due
from .intake import district_station
from .models import (
    Category,
    Complaint,
    ComplaintStep,
    IntakePlace,
    Kind,
    Outcome,
    RefusalReason,
    Satisfaction,
    Status,
    Unit,
)
from .reference_data import load_units

DEFAULT_COMPLAINTS = 12_000
DEFAULT_SEED = 20261127
MONTHS = 18
SPIKE_DISTRICT = "150402004"  # 东城街道
SPIKE = (datetime.date(2026, 11, 1), datetime.date(2026, 11, 15))

C = Category
# Base share of each category (complaints and reports together).
CATEGORY_WEIGHTS = {
    C.FOOD: 18,
    C.QUALITY: 16,
    C.SERVICES: 12,
    C.PRICES: 9,
    C.CONTRACTS: 7,
    C.PREPAID_CARDS: 6,
    C.ADVERTISING: 5,
    C.DRUGS: 4,
    C.COSMETICS: 4,
    C.MEASUREMENT: 3,
    C.SPECIAL_EQUIPMENT: 3,
    C.UNLICENSED: 5,
    C.PYRAMID_SELLING: 1,
    C.OTHER: 7,
}
REPORT_SHARE = {C.PYRAMID_SELLING: 0.95, C.UNLICENSED: 0.8, C.ADVERTISING: 0.5}
FACTS = {
    C.FOOD: "在该店就餐后出现腹泻，怀疑食材变质。",
    C.QUALITY: "购买的电暖器使用三天即损坏，商家拒绝退换。",
    C.SERVICES: "洗衣店将衣物洗坏，只同意赔偿洗衣费。",
    C.PRICES: "结账金额高于标价，商家称价签未及时更换。",
    C.CONTRACTS: "装修合同约定的工期已过，商家以格式条款拒绝违约赔偿。",
    C.PREPAID_CARDS: "办理的会员卡尚有余额，门店突然停业，无法退费。",
    C.ADVERTISING: "宣传单称产品可治疗疾病，涉嫌虚假宣传。",
    C.DRUGS: "药店销售的药品已过有效期。",
    C.COSMETICS: "网购化妆品使用后皮肤过敏，怀疑为假冒产品。",
    C.MEASUREMENT: "菜市场摊位电子秤短斤少两。",
    C.SPECIAL_EQUIPMENT: "小区电梯多次困人，物业未及时维修检验。",
    C.UNLICENSED: "该店铺无营业执照经营。",
    C.PYRAMID_SELLING: "有人以高额返利为名组织发展下线。",
    C.OTHER: "商家未按约定提供服务。",
}
REQUESTS = ["退款", "退货退款", "赔偿损失", "更换商品", "继续履行合同", "赔礼道歉并赔偿"]
QR_SHARE = 0.45
ESCALATE_SHARE = {Kind.COMPLAINT: 0.12, Kind.REPORT: 0.35}  # station → 所
ESCALATE_ON = 0.15  # of those, 所 → bureau
ESCALATION_NOTES = [
    "涉及金额较大，超出服务站调解范围。",
    "调解不成，涉嫌违法，需立案调查。",
    "涉及多名消费者，需统一处理。",
    "被投诉方不在本站辖区。",
]
OUTCOME_WEIGHTS = [
    (Outcome.MEDIATED, 62),
    (Outcome.NOT_AGREED, 12),
    (Outcome.CASE_FILED, 8),
    (Outcome.NO_VIOLATION, 8),
    (Outcome.WITHDRAWN, 7),
    (Outcome.REFERRED, 3),
]


@dataclass(frozen=True)
class ComplaintDemoResult:
    created: int
    existing: int


def _weighted(rng: random.Random, pairs):
    items, weights = zip(*pairs, strict=True)
    return rng.choices(items, weights=weights)[0]


def season_factor(category: str, day: datetime.date) -> float:
    m = day.month
    if category == C.FOOD:
        return 1.6 if m in (6, 7, 8) else 0.8 if m in (12, 1, 2) else 1.0
    if category == C.QUALITY:
        return 1.7 if (m == 11 and day.day > 10) or (m == 12 and day.day < 10) else 1.0
    if category in (C.PRICES, C.SERVICES):
        return 1.5 if m in (1, 2) else 1.0
    if category == C.SPECIAL_EQUIPMENT:
        return 2.2 if (day.year, m) in ((2026, 3), (2026, 4)) else 1.0
    return 1.0


def daily_weights(days: list[datetime.date], calendar: WorkCalendar) -> list[float]:
    """Submissions per day, relative: weekends and holidays are quieter."""
    return [1.0 if calendar.is_working_day(d) else 0.55 for d in days]


def demo_code(i: int, seed: int) -> str:
    rng = random.Random(f"{seed}:code:{i}")
    return "D" + "".join(rng.choice(CODE_ALPHABET) for _ in range(9))


def make_demo_complaints(
    count: int = DEFAULT_COMPLAINTS,
    *,
    seed: int = DEFAULT_SEED,
    today: datetime.date | None = None,
    progress=None,
) -> ComplaintDemoResult:
    """Create `count` demo submissions over the MONTHS before `today` (once: a library that
    already has demo complaints is left as it is)."""
    load_districts()
    load_holidays()
    load_units()
    existing = Complaint.objects.filter(tracking_code__startswith="D").count()
    if existing >= count or count == 0:
        return ComplaintDemoResult(0, existing)
    today = today or timezone.localdate()
    calendar = WorkCalendar.load()
    rng = random.Random(seed)
    start = today - datetime.timedelta(days=round(MONTHS * 30.44))
    days = [start + datetime.timedelta(days=n) for n in range((today - start).days)]
    districts = list(District.objects.order_by("code"))
    routes = Routes.load(districts)
    # District weights: the city-centre 街道 see more complaints than the two towns.
    district_weights = [0.4 if d.kind == District.Kind.TOWN else 1.0 for d in districts]
    # Each 街镇's enterprises by establishment date: a respondent existed on the day.
    enterprises = Enterprise.objects.order_by("established_on", "id").values_list(
        "id", "name", "district_id", "established_on"
    )
    by_district: dict[int, list] = {}
    for row in enterprises:
        by_district.setdefault(row[2], []).append(row)
    spike_district = next((d for d in districts if d.code == SPIKE_DISTRICT), districts[0])
    spike_days = [d for d in days if SPIKE[0] <= d <= SPIKE[1]]
    plan: list[tuple[datetime.date, str, District]] = []
    base_weights = daily_weights(days, calendar)
    for _ in range(count - existing):
        day = rng.choices(days, weights=base_weights)[0]
        category = _weighted(
            rng, [(c, w * season_factor(c, day)) for c, w in CATEGORY_WEIGHTS.items()]
        )
        district = rng.choices(districts, weights=district_weights)[0]
        plan.append((day, category, district))
    # The planted spike: ~140 prepaid-card complaints in 东城 in the first half of November
    # 2026 (when that period lies in the demo window), replacing ordinary ones.
    if spike_days:
        for n in range(min(140, len(plan) // 20)):
            plan[n] = (rng.choice(spike_days), C.PREPAID_CARDS, spike_district)
    gym = "红山区东城街道某健身会所"
    created = 0
    batch: list[Complaint] = []
    for i, (day, category, district) in enumerate(plan, start=existing):
        complaint = _build(
            i, day, category, district, rng, calendar, today, routes, by_district, seed
        )
        if category == C.PREPAID_CARDS and district == spike_district and day in spike_days:
            complaint.respondent_name, complaint.respondent_id = gym, None
        batch.append(complaint)
        if len(batch) == 2000:
            created += _save(batch, rng, calendar)
            batch = []
            if progress:
                progress(2000)
    created += _save(batch, rng, calendar)
    if progress and batch:
        progress(len(batch))
    return ComplaintDemoResult(created, existing)


@dataclass
class Routes:
    """Where a 街镇's submissions can arrive: its intake places and its 街镇-level station."""

    places: dict[int, list[IntakePlace]]
    stations: dict[int, Unit | None]
    parents: dict[int, Unit]

    @classmethod
    def load(cls, districts) -> Routes:
        places: dict[int, list[IntakePlace]] = {}
        active = IntakePlace.objects.filter(station__active=True).select_related("station")
        for place in active.order_by("code"):
            places.setdefault(place.district_id, []).append(place)
        return cls(
            places=places,
            stations={d.id: district_station(d) for d in districts},
            parents={u.pk: u.parent for u in Unit.objects.select_related("parent") if u.parent},
        )

    def route(self, complaint: Complaint, rng: random.Random) -> None:
        places = self.places.get(complaint.district_id)
        if places and rng.random() < QR_SHARE:
            complaint.place = rng.choice(places)
            complaint.unit = complaint.place.station
        else:
            complaint.unit = self.stations.get(complaint.district_id)
        complaint.received_by = complaint.unit  # the demo's own note: the first unit

    def escalate(self, complaint: Complaint, rng: random.Random, calendar, today) -> None:
        """Up to the 所 (and now and then on to the bureau) a few working days after
        acceptance, before closing; each move becomes an "escalated" step."""
        complaint.escalations = []
        if complaint.unit is None or not complaint.accepted_on:
            return
        if rng.random() >= ESCALATE_SHARE[complaint.kind]:
            return
        day = complaint.accepted_on
        for _ in range(2 if rng.random() < ESCALATE_ON else 1):
            parent = self.parents.get(complaint.unit.pk)
            day = calendar.add(day, rng.randint(1, 4))
            closed = complaint.closed_on
            if parent is None or day > today or (closed and day >= closed):
                return
            complaint.unit = parent
            complaint.escalations.append((day, parent, rng.choice(ESCALATION_NOTES)))


def _build(i, day, category, district, rng, calendar, today, routes, by_district, seed):
    kind = Kind.REPORT if rng.random() < REPORT_SHARE.get(category, 0.12) else Kind.COMPLAINT
    local = by_district.get(district.id) or []
    existing = bisect.bisect_right(local, day, key=lambda row: row[3])
    if existing and rng.random() < 0.7:
        respondent_id, respondent_name, _, _ = local[rng.randrange(existing)]
    else:
        respondent_id, respondent_name = None, f"{district.name}某{rng.choice('超市餐馆门店商行')}"
    moment = timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(rng.randint(7, 21), rng.randint(0, 59)))
    )
    complaint = Complaint(
        tracking_code=demo_code(i, seed),
        kind=kind,
        category=category,
        respondent_id=respondent_id,
        respondent_name=respondent_name,
        respondent_address=f"{district.name}{rng.randint(1, 200)}号",
        facts=FACTS[category],
        request=rng.choice(REQUESTS) if kind == Kind.COMPLAINT else "",
        district=district,
        complainant_name=person_name(rng) if kind == Kind.COMPLAINT or rng.random() < 0.5 else "",
        submitted_at=moment,
        due_on=first_due(kind, day, calendar),
    )
    routing = random.Random(f"{seed}:route:{i}")
    routes.route(complaint, routing)
    complaint.complainant_phone = (
        f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(10_000_000, 99_999_999)}"
        if complaint.complainant_name
        else ""
    )
    if not complaint.complainant_phone:
        complaint.tracking_pin = f"{rng.randrange(10_000):04d}"
    _handle(complaint, day, rng, calendar, today)
    routes.escalate(complaint, routing, calendar, today)
    return complaint


def _handle(complaint, day, rng, calendar, today) -> None:
    """Move the submission along as far as its age allows."""
    age = calendar.between(day, today)
    accept_after = rng.choice([1, 1, 2, 2, 3, 4, 5, 6, 8])  # now and then past the 7 days
    if age < accept_after:
        return  # still waiting; overdue if its first limit has passed
    if complaint.kind == Kind.COMPLAINT and rng.random() < 0.08:
        complaint.status = Status.REFUSED
        complaint.refusal_reason = _weighted(
            rng,
            [
                (RefusalReason.OUT_OF_REMIT, 4),
                (RefusalReason.NOT_CONSUMPTION, 3),
                (RefusalReason.BEFORE_OTHERS, 2),
                (RefusalReason.TIME_BARRED, 1),
            ],
        )
        complaint.closed_on = calendar.add(day, accept_after)
        complaint.due_on = None
        return
    complaint.accepted_on = calendar.add(day, accept_after)
    complaint.status = (
        Status.MEDIATING if complaint.kind == Kind.COMPLAINT else Status.INVESTIGATING
    )
    if complaint.kind == Kind.COMPLAINT:
        complaint.due_on = mediation_due(complaint.accepted_on, calendar)
    handling = rng.choice([3, 5, 8, 10, 12, 15, 20, 25, 30, 40, 44, 50])
    if complaint.kind == Kind.REPORT:
        handling = min(handling, 12)
    if age < accept_after + handling:
        return
    complaint.status = Status.CLOSED
    complaint.closed_on = calendar.add(complaint.accepted_on, handling)
    complaint.due_on = None
    if complaint.kind == Kind.COMPLAINT:
        complaint.outcome = _weighted(rng, OUTCOME_WEIGHTS)
        if complaint.outcome == Outcome.MEDIATED:
            complaint.amount_recovered = Decimal(rng.choice([50, 120, 300, 680, 1200, 2888]))
        complaint.satisfaction = _weighted(
            rng,
            [(Satisfaction.SATISFIED, 70), (Satisfaction.BASICALLY, 20)]
            + [(Satisfaction.DISSATISFIED, 6), (Satisfaction.UNKNOWN, 4)],
        )
    else:
        complaint.outcome = _weighted(
            rng, [(Outcome.CASE_FILED, 40), (Outcome.NO_VIOLATION, 50), (Outcome.REFERRED, 10)]
        )


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def demo_steps(c: Complaint) -> list[ComplaintStep]:
    """The steps of a demo submission, each at the unit that held it then."""

    def step(action, moment, unit, note=""):
        return ComplaintStep(complaint=c, action=action, at=moment, unit=unit, note=note)

    steps = [step("submitted", c.submitted_at, c.received_by)]
    if c.accepted_on:
        steps.append(step("accepted", at(c.accepted_on), c.received_by))
    steps += [step("escalated", at(day), unit, note) for day, unit, note in c.escalations]
    if c.status in (Status.REFUSED, Status.CLOSED):
        steps.append(step(c.status, at(c.closed_on), c.unit))
    return steps


def _save(batch: list[Complaint], rng, calendar) -> int:
    if not batch:
        return 0
    with transaction.atomic():
        saved = Complaint.objects.bulk_create(batch, batch_size=500)
        steps = [step for c in saved for step in demo_steps(c)]
        ComplaintStep.objects.bulk_create(steps, batch_size=1000)
    return len(saved)
