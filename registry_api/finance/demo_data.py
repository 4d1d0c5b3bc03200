"""Synthetic, deterministic finance demo data: loan products, needs, pledges and old mortgages.

Like the enterprise demo data, the record at position `i` depends only on the seed and `i`, so a
top-up gives the same rows as creating them at once. Records attach to existing enterprises
(make the enterprises first); rows are bulk-created, so no signals fire. No record is dated
before its enterprise was established, nor a trademark pledge before its marks were registered
(docs/demo-data.md).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from registry_api.enterprises.demo_data import DEFAULT_SEED, INDUSTRIES, person_name, weighted
from registry_api.enterprises.models import Enterprise

from .models import (
    ChattelMortgage,
    Collateral,
    EquityPledge,
    FinancingNeed,
    LoanProduct,
    RecordStatus,
    TrademarkPledge,
    TrademarkPledgeConsultation,
)

DEFAULT_COUNTS = {"products": 40, "needs": 300, "pledges": 600, "mortgages": 200}
LAST_DAY = datetime.date(2026, 10, 31)
MORTGAGES_LAST_DAY = datetime.date(2020, 12, 31)

# Bank and public office number of its branch (invented numbers in Chifeng's 0476 area).
BANKS = (
    ("中国工商银行赤峰分行", "0476-8222101"),
    ("中国农业银行赤峰分行", "0476-8223102"),
    ("中国银行赤峰分行", "0476-8224103"),
    ("中国建设银行赤峰分行", "0476-8225104"),
    ("交通银行赤峰分行", "0476-8226105"),
    ("中国邮政储蓄银行赤峰市分行", "0476-8227106"),
    ("内蒙古银行赤峰分行", "0476-8228107"),
    ("赤峰农村商业银行", "0476-8229108"),
    ("包商银行赤峰分行", "0476-8230109"),
    ("赤峰松山农村商业银行", "0476-8231110"),
)
PRODUCT_NAMES = {
    Collateral.CREDIT: ("小微快贷", "税易贷", "信用e贷", "经营快贷", "创业担保贷"),
    Collateral.MORTGAGE: ("房产抵押经营贷", "厂房抵押贷", "设备按揭贷", "惠农抵押贷"),
    Collateral.PLEDGE: ("商标专用权质押贷", "应收账款质押贷", "股权质押贷", "存单质押贷"),
    Collateral.GUARANTEE: ("担保增信贷", "联保贷", "政银担合作贷", "商户联保贷"),
}
PURPOSES = (
    "采购原材料",
    "补充流动资金",
    "购置生产设备",
    "店面装修改造",
    "扩大经营规模",
    "支付货款",
    "季节性备货",
    "厂房租赁及改造",
    "冷链仓储建设",
    "数字化改造",
)
COLLATERAL_DESCRIPTIONS = (
    "生产设备一批",
    "运输车辆3辆",
    "库存原材料",
    "在建工程设备",
    "农业机械2台",
    "成品库存商品",
    "办公设备及车辆",
)


def _date_between(rng: random.Random, first: datetime.date, last: datetime.date):
    return first + datetime.timedelta(days=rng.randint(0, max((last - first).days, 0)))


def _existing_by(
    rng: random.Random, enterprises: list[Enterprise], day: datetime.date
) -> Enterprise:
    """A random one of `enterprises` established by `day` (the first drawn if none was)."""
    first = None
    for _ in range(50):
        enterprise = enterprises[rng.randrange(len(enterprises))]
        first = first or enterprise
        if enterprise.established_on <= day:
            return enterprise
    return first


def _money(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def build_product(index: int, *, seed: int) -> LoanProduct:
    rng = random.Random(f"{seed}-product-{index}")
    bank, phone = BANKS[index % len(BANKS)]
    collateral = list(Collateral)[(index // len(BANKS)) % len(Collateral)]
    names = PRODUCT_NAMES[collateral]
    name = names[(index // len(BANKS) // len(Collateral)) % len(names)]
    if index >= len(BANKS) * len(Collateral) * len(names):
        name = f"{name}（{index}）"
    rate_min = rng.choice([3.2, 3.45, 3.65, 3.85, 4.1, 4.35])
    amount_max = (
        rng.choice([30, 50, 100, 200])
        if collateral == Collateral.CREDIT
        else rng.choice([300, 500, 1000, 2000])
    )
    scales = weighted(
        rng, [(["micro", "small"], 50), ([], 30), (["micro"], 10), (["small", "medium"], 10)]
    )
    industries = []
    if rng.random() < 0.35:
        industries = sorted({rng.choice(INDUSTRIES).label for _ in range(2)})
    return LoanProduct(
        bank=bank,
        name=name,
        rate_min=_money(rate_min),
        rate_max=_money(rate_min + rng.choice([1.0, 1.5, 2.0, 2.5])),
        amount_min=_money(rng.choice([1, 5, 10])),
        amount_max=_money(amount_max),
        term_min_months=rng.choice([1, 3, 6]),
        term_max_months=rng.choice([12, 24, 36, 60]),
        eligibility="依法注册登记、正常经营满1年；企业及实际控制人信用记录良好；"
        "无重大不良信用记录。",
        target_scales=scales,
        target_industries=industries,
        collateral=collateral,
        contact_phone=phone,
        active=rng.random() < 0.9,
    )


def build_need(index: int, *, seed: int, enterprises: list[Enterprise]) -> FinancingNeed:
    rng = random.Random(f"{seed}-need-{index}")
    enterprise = enterprises[rng.randrange(len(enterprises))]
    published_on = _date_between(
        rng, max(datetime.date(2024, 1, 1), enterprise.established_on), LAST_DAY
    )
    return FinancingNeed(
        enterprise=enterprise,
        amount=_money(rng.choice([5, 10, 20, 30, 50, 80, 100, 200, 300, 500])),
        term_months=rng.choice([6, 12, 12, 24, 36]),
        purpose=rng.choice(PURPOSES),
        collateral_offered=weighted(
            rng,
            [
                (Collateral.CREDIT, 40),
                (Collateral.MORTGAGE, 25),
                (Collateral.GUARANTEE, 20),
                (Collateral.PLEDGE, 15),
            ],
        ),
        status=weighted(
            rng,
            [
                (FinancingNeed.Status.OPEN, 55),
                (FinancingNeed.Status.CONNECTED, 20),
                (FinancingNeed.Status.SATISFIED, 20),
                (FinancingNeed.Status.CLOSED, 5),
            ],
        ),
        published_on=published_on,
    )


def _status_and_cancellation(rng: random.Random, registered_on: datetime.date, last_day):
    status = weighted(
        rng, [(RecordStatus.VALID, 60), (RecordStatus.CANCELLED, 35), (RecordStatus.INVALID, 5)]
    )
    cancelled_on = None
    if status == RecordStatus.CANCELLED:
        cancelled_on = _date_between(rng, registered_on, max(registered_on, last_day))
    return status, cancelled_on


def build_pledge(index: int, *, seed: int, companies: list[Enterprise]) -> EquityPledge:
    rng = random.Random(f"{seed}-pledge-{index}")
    company = companies[rng.randrange(len(companies))]
    registered_on = _date_between(
        rng, max(datetime.date(2015, 1, 1), company.established_on), LAST_DAY
    )
    status, cancelled_on = _status_and_cancellation(rng, registered_on, LAST_DAY)
    person = rng.random() < 0.7
    pledgor = person_name(rng) if person else companies[rng.randrange(len(companies))].name
    return EquityPledge(
        registration_number=f"150402{registered_on.year}{index + 1:07d}",
        pledgor_name=pledgor,
        pledgor_type=(
            EquityPledge.PledgorType.NATURAL_PERSON
            if person
            else EquityPledge.PledgorType.ENTERPRISE
        ),
        enterprise=company,
        pledgee=rng.choice(BANKS)[0],
        amount=_money(rng.choice([10, 20, 30, 50, 51, 60, 100, 200, 300, 500])),
        amount_unit=EquityPledge.AmountUnit.TEN_THOUSAND_YUAN,
        registered_on=registered_on,
        status=status,
        cancelled_on=cancelled_on,
    )


def build_mortgage(index: int, *, seed: int, enterprises: list[Enterprise]) -> ChattelMortgage:
    rng = random.Random(f"{seed}-mortgage-{index}")
    # The bureau's records end when the central bank's registry took over (2021-01-01).
    enterprise = _existing_by(rng, enterprises, MORTGAGES_LAST_DAY)
    first = max(datetime.date(2010, 1, 1), enterprise.established_on)
    registered_on = _date_between(rng, first, MORTGAGES_LAST_DAY)
    status, cancelled_on = _status_and_cancellation(rng, registered_on, LAST_DAY)
    return ChattelMortgage(
        registration_number=f"红市监抵{registered_on.year}{index + 1:05d}",
        enterprise=enterprise,
        mortgagee=rng.choice(BANKS)[0],
        secured_amount=_money(rng.choice([20, 50, 80, 100, 150, 200, 300, 500])),
        collateral_description=rng.choice(COLLATERAL_DESCRIPTIONS),
        registered_on=registered_on,
        status=status,
        cancelled_on=cancelled_on,
    )


@dataclass(frozen=True)
class FinanceDemoResult:
    created: dict[str, int]


def make_demo_finance(
    counts: dict[str, int] | None = None, *, seed: int = DEFAULT_SEED
) -> FinanceDemoResult:
    """Top each finance list up to its count (products, needs, pledges, mortgages)."""
    counts = {**DEFAULT_COUNTS, **(counts or {})}
    if any(value < 0 for value in counts.values()):
        raise ValueError("counts must not be negative")
    enterprises = list(Enterprise.objects.order_by("id"))
    created = dict.fromkeys(DEFAULT_COUNTS, 0)
    if not enterprises:
        return FinanceDemoResult(created=created)
    companies = [
        e
        for e in enterprises
        if e.entity_type
        in (Enterprise.EntityType.LIMITED_COMPANY, Enterprise.EntityType.JOINT_STOCK)
    ] or enterprises
    plan = (
        ("products", LoanProduct, lambda i: build_product(i, seed=seed), "name"),
        ("needs", FinancingNeed, lambda i: build_need(i, seed=seed, enterprises=enterprises), None),
        (
            "pledges",
            EquityPledge,
            lambda i: build_pledge(i, seed=seed, companies=companies),
            "registration_number",
        ),
        (
            "mortgages",
            ChattelMortgage,
            lambda i: build_mortgage(i, seed=seed, enterprises=enterprises),
            "registration_number",
        ),
    )
    with transaction.atomic():
        for key, model, build, unique in plan:
            existing = model.objects.count()
            rows = [build(i) for i in range(existing, counts[key])]
            if unique == "name":
                taken = set(model.objects.values_list("bank", "name"))
                rows = [r for r in rows if (r.bank, r.name) not in taken]
            elif unique:
                taken = set(model.objects.values_list(unique, flat=True))
                rows = [r for r in rows if getattr(r, unique) not in taken]
            model.objects.bulk_create(rows, batch_size=500)
            created[key] = len(rows)
    return FinanceDemoResult(created=created)


DEFAULT_TRADEMARK_PLEDGES = 100
DEFAULT_PLEDGE_CONSULTATIONS = 12


@dataclass(frozen=True)
class TrademarkPledgeDemoResult:
    pledges_created: int
    consultations_created: int


def _owner_key(mark) -> tuple:
    return (mark.owner_id, mark.owner_name)


def build_trademark_pledge(index: int, *, seed: int, marks: list, by_owner: dict) -> tuple:
    """(pledge, its marks): one to three registered marks of one owner, pledged to a bank."""
    from registry_api.trademarks.models import OwnerType

    rng = random.Random(f"{seed}-trademark-pledge-{index}")
    first = marks[(index * 104729 + rng.randrange(11)) % len(marks)]
    same_owner = [m for m in by_owner[_owner_key(first)] if m is not first]
    pledged = [first, *same_owner[: rng.randint(0, 2)]]
    # Pledged once every mark was registered (and its owner existed: it applied before).
    since = max(datetime.date(2018, 1, 1), *(mark.registered_on for mark in pledged))
    registered_on = _date_between(rng, since, LAST_DAY)
    term_years = rng.choice([1, 1, 2, 3])
    term_end = registered_on.replace(year=registered_on.year + term_years) - datetime.timedelta(
        days=1
    )
    status = TrademarkPledge.Status.VALID
    ended_on = None
    if term_end < LAST_DAY or rng.random() < 0.15:
        status = weighted(
            rng, [(TrademarkPledge.Status.RELEASED, 80), (TrademarkPledge.Status.CANCELLED, 20)]
        )
        ended_on = _date_between(rng, registered_on, min(term_end, LAST_DAY))
    person = first.owner_type == OwnerType.NATURAL_PERSON
    pledge = TrademarkPledge(
        registration_number=f"{registered_on.year}{index + 1:06d}质",
        enterprise=None if person else first.owner,
        pledgor_name=first.owner.name if first.owner_id else first.owner_name,
        pledgor_type=(
            TrademarkPledge.PledgorType.NATURAL_PERSON
            if person
            else TrademarkPledge.PledgorType.ENTERPRISE
        ),
        pledgee=rng.choice(BANKS)[0],
        secured_amount=_money(rng.choice([20, 50, 80, 100, 150, 200, 300, 500])),
        term_start=registered_on,
        term_end=term_end,
        registered_on=registered_on,
        status=status,
        ended_on=ended_on,
    )
    return pledge, pledged


def build_pledge_consultation(index: int, *, seed: int, companies: list[Enterprise]):
    rng = random.Random(f"{seed}-trademark-pledge-consultation-{index}")
    day = LAST_DAY - datetime.timedelta(days=rng.randint(0, 200))
    submitted_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))
    company = _existing_by(rng, companies, day)
    return TrademarkPledgeConsultation(
        reference=f"ZY{submitted_at:%Y%m%d}D{index + 1:05d}",
        company_name=company.name,
        contact_name=person_name(rng),
        contact_phone=f"1{rng.choice('3589')}{rng.randrange(10**9):09d}",
        marks=f"“{company.name[2:4]}”商标",
        amount_wanted=_money(rng.choice([30, 50, 100, 200])),
        message="希望了解以注册商标办理质押贷款的条件和流程。",
        submitted_at=submitted_at,
        status=weighted(
            rng,
            [
                (TrademarkPledgeConsultation.Status.PENDING, 40),
                (TrademarkPledgeConsultation.Status.CONTACTED, 30),
                (TrademarkPledgeConsultation.Status.REFERRED, 30),
            ],
        ),
    )


def make_demo_trademark_pledges(
    pledges: int = DEFAULT_TRADEMARK_PLEDGES,
    consultations: int = DEFAULT_PLEDGE_CONSULTATIONS,
    *,
    seed: int = DEFAULT_SEED,
) -> TrademarkPledgeDemoResult:
    """Top trademark pledges (on registered demo marks) and pledge-loan consultations up."""
    from registry_api.trademarks.models import Status, Trademark

    if pledges < 0 or consultations < 0:
        raise ValueError("counts must not be negative")
    marks = list(
        Trademark.objects.filter(status=Status.REGISTERED).select_related("owner").order_by("id")
    )
    enterprises = list(Enterprise.objects.order_by("id"))
    created_pledges = created_consultations = 0
    with transaction.atomic():
        if marks:
            taken = set(TrademarkPledge.objects.values_list("registration_number", flat=True))
            by_owner: dict[tuple, list] = {}
            for mark in marks:
                by_owner.setdefault(_owner_key(mark), []).append(mark)
            built = [
                build_trademark_pledge(i, seed=seed, marks=marks, by_owner=by_owner)
                for i in range(TrademarkPledge.objects.count(), pledges)
            ]
            built = [(p, m) for p, m in built if p.registration_number not in taken]
            rows = TrademarkPledge.objects.bulk_create([p for p, _ in built], batch_size=500)
            links = [
                TrademarkPledge.trademarks.through(trademarkpledge_id=row.pk, trademark_id=mark.pk)
                for row, (_, pledged) in zip(rows, built, strict=True)
                for mark in pledged
            ]
            TrademarkPledge.trademarks.through.objects.bulk_create(links, batch_size=1000)
            created_pledges = len(rows)
        if enterprises:
            existing = TrademarkPledgeConsultation.objects.count()
            taken = set(TrademarkPledgeConsultation.objects.values_list("reference", flat=True))
            rows = [
                build_pledge_consultation(i, seed=seed, companies=enterprises)
                for i in range(existing, consultations)
            ]
            rows = [r for r in rows if r.reference not in taken]
            TrademarkPledgeConsultation.objects.bulk_create(rows)
            created_consultations = len(rows)
    return TrademarkPledgeDemoResult(created_pledges, created_consultations)
