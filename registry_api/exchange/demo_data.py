"""Synthetic, deterministic idle-mark listings and inquiries on the demo trademark library.

The listing at position `i` depends only on the seed and `i` (and the marks that exist), so a
top-up gives the same rows as creating them at once. Listings go on registered marks (make the
trademarks first); rows are bulk-created, so no signals fire: reindex afterwards.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from registry_api.enterprises.demo_data import DEFAULT_SEED, person_name, weighted
from registry_api.trademarks.models import Status, Trademark

from .models import IdleListing, Inquiry

DEFAULT_LISTINGS = 300
DEFAULT_INQUIRIES = 40
LAST_DAY = datetime.date(2026, 10, 31)
TERMS = {
    IdleListing.Kind.TRANSFER: (
        "整体转让，权利人协助办理转让注册手续，转让费用由受让方承担。",
        "转让后权利人不再在同类商品上使用近似标识。",
        "连同已设计的包装与标识方案一并转让。",
    ),
    IdleListing.Kind.LICENCE: (
        "普通许可，许可期限三年，可续签；被许可方须保证商品质量。",
        "独占许可，限赤峰市范围内使用，许可费按年支付。",
        "排他许可，期限五年，许可合同报商标局备案。",
    ),
    IdleListing.Kind.EITHER: (
        "转让或许可均可，具体方式与价格面谈。",
        "优先转让；暂无意转让的，可洽谈普通许可。",
    ),
}
MESSAGES = (
    "我公司拟在食品类商品上使用该商标，希望了解转让价格和办理周期。",
    "有意取得该商标的许可使用权，请权利人联系我们商谈许可条件。",
    "我们是本地的餐饮企业，想咨询该商标能否分类转让。",
    "请问该商标是否存在质押或许可备案，可否提供注册证复印件？",
)


@dataclass(frozen=True)
class ExchangeDemoResult:
    listings_created: int
    inquiries_created: int


def _demo_phone(rng: random.Random) -> str:
    # Mobile-shaped on purpose: the privacy tests look for exactly this shape leaking.
    return f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"


def build_listing(index: int, *, seed: int, marks: list[Trademark]) -> IdleListing:
    rng = random.Random(f"{seed}-idle-{index}")
    kind = weighted(
        rng,
        [
            (IdleListing.Kind.TRANSFER, 50),
            (IdleListing.Kind.LICENCE, 30),
            (IdleListing.Kind.EITHER, 20),
        ],
    )
    negotiable = rng.random() < 0.3
    trademark = marks[(index * 7919 + rng.randrange(7)) % len(marks)]
    # Listed once registered, within the last year and a half.
    registered_days = (LAST_DAY - trademark.registered_on).days
    listed_on = LAST_DAY - datetime.timedelta(days=rng.randint(0, min(540, registered_days)))
    # Most are valid well past the demo's last day; one in ten (listed a month before the
    # demo's last day or earlier) has already expired.
    if rng.random() < 0.1 and listed_on < LAST_DAY - datetime.timedelta(days=30):
        valid_until = listed_on + datetime.timedelta(days=rng.randint(30, 120))
        valid_until = min(valid_until, LAST_DAY - datetime.timedelta(days=1))
    else:
        valid_until = LAST_DAY + datetime.timedelta(days=rng.randint(180, 1100))
    status = weighted(
        rng,
        [
            (IdleListing.Status.PUBLISHED, 82),
            (IdleListing.Status.PENDING, 8),
            (IdleListing.Status.DEALT, 6),
            (IdleListing.Status.WITHDRAWN, 4),
        ],
    )
    return IdleListing(
        trademark=trademark,
        kind=kind,
        terms=rng.choice(TERMS[kind]),
        price=None if negotiable else Decimal(rng.choice([8, 12, 20, 30, 50, 80, 150]) * 1000),
        negotiable=negotiable,
        listed_on=listed_on,
        valid_until=valid_until,
        status=status,
        owner_contact_name=person_name(rng),
        owner_contact_phone=_demo_phone(rng),
        owner_contact_email=f"owner{index + 1:04d}@example.com",
    )


def build_inquiry(index: int, *, seed: int, listings: list[IdleListing]) -> Inquiry:
    rng = random.Random(f"{seed}-inquiry-{index}")
    listing = listings[rng.randrange(len(listings))]
    # While the listing was up: after it was listed, before it expired.
    last = min(LAST_DAY, listing.valid_until)
    days = min(120, (last - listing.listed_on).days)
    submitted = datetime.datetime.combine(
        last - datetime.timedelta(days=rng.randint(0, max(days, 0))), datetime.time(9, 30)
    )
    submitted_at = timezone.make_aware(submitted)
    status = weighted(
        rng,
        [(Inquiry.Status.PENDING, 40), (Inquiry.Status.RELAYED, 50), (Inquiry.Status.CLOSED, 10)],
    )
    return Inquiry(
        reference=f"XZ{submitted_at:%Y%m%d}D{index + 1:05d}",
        listing=listing,
        inquirer_name=person_name(rng),
        contact_phone=_demo_phone(rng),
        contact_email=f"buyer{index + 1:04d}@example.com",
        message=rng.choice(MESSAGES),
        submitted_at=submitted_at,
        status=status,
        relayed_at=submitted_at + datetime.timedelta(days=2)
        if status != Inquiry.Status.PENDING
        else None,
    )


def make_demo_exchange(
    listings: int = DEFAULT_LISTINGS,
    inquiries: int = DEFAULT_INQUIRIES,
    *,
    seed: int = DEFAULT_SEED,
) -> ExchangeDemoResult:
    """Top listings up to `listings` and inquiries up to `inquiries` (needs registered marks)."""
    if listings < 0 or inquiries < 0:
        raise ValueError("counts must not be negative")
    marks = list(Trademark.objects.filter(status=Status.REGISTERED).order_by("id"))
    if not marks:
        return ExchangeDemoResult(0, 0)
    with transaction.atomic():
        existing = IdleListing.objects.count()
        rows = [build_listing(i, seed=seed, marks=marks) for i in range(existing, listings)]
        IdleListing.objects.bulk_create(rows, batch_size=500)
        public = list(
            IdleListing.objects.filter(status=IdleListing.Status.PUBLISHED).order_by("id")
        )
        existing_inquiries = Inquiry.objects.count()
        new_inquiries = []
        if public:
            new_inquiries = [
                build_inquiry(i, seed=seed, listings=public)
                for i in range(existing_inquiries, inquiries)
            ]
            taken = set(Inquiry.objects.values_list("reference", flat=True))
            new_inquiries = [i for i in new_inquiries if i.reference not in taken]
            Inquiry.objects.bulk_create(new_inquiries, batch_size=500)
    return ExchangeDemoResult(len(rows), len(new_inquiries))
