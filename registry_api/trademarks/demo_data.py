"""Synthetic trademark library (deterministic, idempotent top-up), with deliberate look-alikes.

Mark `i` depends only on the seed, `i` and the enterprise directory; its registration number
is 30000000 + i, so a re-run creates nothing twice and topping up from 1,000 to 30,000 gives
the same first 1,000. About one mark in eight is a member of a homophone group (红山 / 宏山 /
鸿山 …) or a near-pinyin variant (洪三, 兰花 / 南华 …), optionally with a suffix (牌, 源, 坊),
so the similarity check has something to find. The first 60 marks of the plan are recognized
(驰名 / 著名 / 知名) and 10 are geographical indications (证明商标 / 集体商标).

Marks agree with their owners and with each other (docs/demo-data.md): a directory owner was
established before it applied, its classes fit its business and a recognition names the
authority of its year (demo_rules.py); a registered mark's text is never registered in the
same class by another owner (a later mark that would be is renamed).

Figurative and combined marks get a drawn logo (a shape with a letter or two, from the seed),
stored under MEDIA_ROOT with its thumbnail and fingerprint; about 2% of them redraw an earlier
mark's logo recoloured, rescaled or trimmed, so the logo check has look-alikes to find.

Rows are bulk-created: no search sync is queued; run `search_reindex` afterwards.
"""

from __future__ import annotations

import bisect
import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from registry_api.credit.models import add_months
from registry_api.enterprises.demo_data import DEFAULT_SEED, person_name, weighted
from registry_api.enterprises.models import Enterprise

from .demo_logos import LogoPlan, draw_logo, logo_png, near_duplicate, new_logo_plan
from .demo_rules import fitting_classes, recognition_authority
from .logos import flatten_logo, logo_hash_of, thumbnail_png, thumbnail_write
from .models import (
    GIKind,
    MarkType,
    NiceClass,
    OwnerType,
    Recognition,
    Status,
    Trademark,
    TrademarkClass,
    TrademarkEvent,
)
from .reference_data import load_nice_classes

# The scale; make_demo_data's default and setup_platform do not create marks yet
# (the platform's default scale is being measured): pass --trademarks N.
DEFAULT_TRADEMARKS = 30_000
NUMBER_BASE = 30_000_000
RECOGNIZED = 60
GI_MARKS = 10
LAST_DAY = datetime.date(2026, 10, 31)

# Homophones (same pinyin, tones ignored) and near-pinyin variants, written differently.
LOOKALIKE_GROUPS = [
    ["红山", "宏山", "鸿山", "弘山", "洪山", "红杉", "洪三", "虹善"],
    ["金峰", "锦峰", "金丰", "今峰", "晶峰", "津枫"],
    ["草原", "曹原", "草源", "槽园"],
    ["蒙源", "盟源", "萌缘", "梦远", "蒙园"],
    ["塞北", "赛北", "塞贝", "赛蓓"],
    ["兰花", "南华", "蓝华", "岚花", "楠桦"],
    ["昭乌达", "招乌达", "朝乌达", "昭午达"],
    ["老哈河", "老哈禾", "佬哈河"],
    ["张记", "章记", "彰纪", "赞记"],
    ["福瑞", "富瑞", "湖瑞", "福睿"],
    ["长青", "常青", "昌晴", "藏清"],
    ["山丹", "珊丹", "三丹", "杉单"],
]
SUFFIXES = ["", "", "", "牌", "源", "坊", "人家", "优选"]
FIRST = "鑫恒宏瑞兴丰华博嘉锦泰德盛昊鼎顺康福祥诚蒙卓信安隆汇润金银天地春秋雅美佳乐"
SECOND = "源达通利发昌荣旺盈达星月阳光原野谷香泉林峰岭河湾草羊牛马鹰驼祥云莲梅竹"
OUTSIDE_CITIES = ["呼和浩特", "包头", "通辽", "北京", "沈阳", "天津", "石家庄"]
AGENTS = [
    "赤峰红山知识产权代理有限公司",
    "内蒙古草原商标事务所有限公司",
    "北京华夏商标代理有限公司",
    "赤峰昭乌达商标代理有限公司",
    "",
]
GOODS = {
    29: "肉；奶及乳制品；食用油；加工过的坚果",
    30: "咖啡；茶；糖；米；面粉；面条；调味品",
    31: "谷（谷物）；新鲜水果；新鲜蔬菜；活动物；饲料",
    32: "啤酒；矿泉水；果汁；植物饮料",
    33: "白酒；果酒（含酒精）；黄酒",
    35: "广告；替他人推销；进出口代理；市场营销",
    43: "餐厅；饭店；住所代理（旅馆、供膳寄宿处）；茶馆",
    25: "服装；鞋；帽；袜；皮带（服饰用）",
}
GI_MARKS_PLAN = [
    ("赤峰小米", GIKind.CERTIFICATION, 30),
    ("红山荞麦", GIKind.CERTIFICATION, 30),
    ("赤峰绒山羊", GIKind.CERTIFICATION, 31),
    ("文钟西瓜", GIKind.COLLECTIVE, 31),
    ("红庙子黄花", GIKind.COLLECTIVE, 31),
    ("赤峰牛肉干", GIKind.CERTIFICATION, 29),
    ("昭乌达羊肉", GIKind.CERTIFICATION, 29),
    ("哈达街烧麦", GIKind.COLLECTIVE, 43),
    ("红山奶豆腐", GIKind.COLLECTIVE, 29),
    ("赤峰山杏仁", GIKind.CERTIFICATION, 29),
]
# Classes a local mark is most often filed in (food, drink, trade, catering, clothing).
POPULAR_CLASSES = {29: 6, 30: 5, 33: 4, 35: 5, 43: 5, 31: 3, 25: 3}
# Tried in turn on a later mark whose text another owner registered in one of its classes.
RENAME_SUFFIXES = ("牌", "源", "坊", "记", "优选", "人家", "佳品", "老字号")


LOGO_TYPES = {MarkType.FIGURATIVE, MarkType.COMBINED}
LOGO_FOLDER = "trademarks/logos/demo"
NEAR_DUPLICATE_SHARE = 0.02  # logos redrawn from an earlier mark's: the check must find them


def logo_plan_for(
    index: int, *, seed: int, enterprises: Sequence[Enterprise] | OwnerPool
) -> LogoPlan:
    """Mark `index`'s logo: its own design, or (NEAR_DUPLICATE_SHARE of marks past the first
    hundred) a variant of the logo of an earlier mark that has one."""
    rng = random.Random(f"{seed}-logo-copy-{index}")
    if index >= 100 and rng.random() < NEAR_DUPLICATE_SHARE:
        for source in range(rng.randrange(index), -1, -1):
            if has_logo(build_trademark(source, seed=seed, enterprises=enterprises)[0]):
                original = logo_plan_for(source, seed=seed, enterprises=enterprises)
                return replace(near_duplicate(original, rng), copy_of=source)
    return new_logo_plan(seed, index)


def has_logo(trademark: Trademark) -> bool:
    return trademark.mark_type in LOGO_TYPES


def _store_logo(trademark: Trademark, plan: LogoPlan) -> None:
    """Draw, store (replacing a file a deleted mark left) and fingerprint the mark's logo."""
    image = draw_logo(plan)
    name = f"{LOGO_FOLDER}/{trademark.registration_number}.png"
    if default_storage.exists(name):
        default_storage.delete(name)
    trademark.logo.name = default_storage.save(name, ContentFile(logo_png(image)))
    work = flatten_logo(image)
    trademark.logo_hash = logo_hash_of(work)
    thumbnail_write(trademark.logo.name, thumbnail_png(work))


@dataclass(frozen=True)
class TrademarkDemoResult:
    created: int
    existing: int


def _date_between(rng: random.Random, first: datetime.date, last: datetime.date):
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


def _name(rng: random.Random) -> str:
    if rng.random() < 0.125:
        return rng.choice(rng.choice(LOOKALIKE_GROUPS)) + rng.choice(SUFFIXES)
    name = rng.choice(FIRST) + rng.choice(SECOND)
    return name + (rng.choice(SECOND) if rng.random() < 0.2 else "")


def _classes(rng: random.Random, fitting: Sequence[int]) -> list[int]:
    """One to three of the `fitting` classes, the popular ones first."""
    first = weighted(rng, [(c, POPULAR_CLASSES.get(c, 1)) for c in fitting])
    others = [c for c in fitting if c != first]
    extra = rng.sample(others, min(len(others), rng.choice([0, 0, 0, 1, 2])))
    return sorted({first, *extra})


class OwnerPool:
    """The directory's enterprises by establishment date, so a mark's owner can be drawn
    among those that existed on its application date."""

    def __init__(self, enterprises: Sequence[Enterprise]) -> None:
        self.enterprises = sorted(enterprises, key=lambda e: (e.established_on, e.pk or 0))
        self.dates = [e.established_on for e in self.enterprises]

    def existing_on(self, day: datetime.date) -> int:
        """How many enterprises (the first ones of `self.enterprises`) existed on `day`."""
        return bisect.bisect_right(self.dates, day)


def _pool(enterprises: Sequence[Enterprise] | OwnerPool) -> OwnerPool:
    return enterprises if isinstance(enterprises, OwnerPool) else OwnerPool(enterprises)


def _status_and_dates(rng: random.Random) -> dict:
    applied = _date_between(rng, datetime.date(2000, 1, 1), LAST_DAY)
    announced = applied + datetime.timedelta(days=rng.randint(150, 330))
    registered = announced + datetime.timedelta(days=91)
    if registered > LAST_DAY:  # too recent to be registered
        status = Status.PRELIMINARY if announced <= LAST_DAY else Status.APPLYING
        if status == Status.APPLYING and rng.random() < 0.1:
            status = Status.REJECTION_REVIEW
        if status == Status.PRELIMINARY and rng.random() < 0.1:
            status = Status.OPPOSITION
        return {
            "applied_on": applied,
            "announced_on": announced if status != Status.APPLYING else None,
            "registered_on": None,
            "expires_on": None,
            "status": status,
        }
    expires = add_months(registered, 120)
    while expires + datetime.timedelta(days=183) < LAST_DAY and rng.random() < 0.7:
        expires = add_months(expires, 120)  # renewed
    status = weighted(
        rng,
        [(Status.REGISTERED, 90), (Status.INVALIDATION, 2), (Status.INVALIDATED, 3)],
    )
    if expires + datetime.timedelta(days=183) < LAST_DAY:
        status = Status.CANCELLED  # not renewed within the grace period
    return {
        "applied_on": applied,
        "announced_on": announced,
        "registered_on": registered,
        "expires_on": expires,
        "status": status,
    }


def build_trademark(
    index: int, *, seed: int, enterprises: Sequence[Enterprise] | OwnerPool
) -> tuple:
    """(Trademark, [(class, goods)], [TrademarkEvent]) of plan position `index`."""
    pool = _pool(enterprises)
    rng = random.Random(f"{seed}-trademark-{index}")
    fields = _status_and_dates(rng)
    if index < RECOGNIZED + GI_MARKS:  # recognized long ago: registered in 2004–2007
        fields.update(
            applied_on=datetime.date(2003, 3, 1) + datetime.timedelta(days=index * 17),
            announced_on=datetime.date(2003, 12, 1) + datetime.timedelta(days=index * 17),
            registered_on=datetime.date(2004, 3, 1) + datetime.timedelta(days=index * 17),
            expires_on=add_months(datetime.date(2004, 3, 1), 240)
            + datetime.timedelta(days=index * 17),
            status=Status.REGISTERED,
        )
    name = _name(rng)
    mark_type = weighted(
        rng, [(MarkType.WORD, 70), (MarkType.COMBINED, 22), (MarkType.FIGURATIVE, 6)]
    )
    if mark_type == MarkType.FIGURATIVE:
        name = ""
    owner_roll = rng.random()
    owner, owner_type = None, OwnerType.ENTERPRISE
    # Only an enterprise that existed on the application date can have applied.
    existing = pool.existing_on(fields["applied_on"])
    if owner_roll < 0.7 and existing:
        owner = pool.enterprises[rng.randrange(existing)]
        owner_name = owner.name
    elif owner_roll < 0.88:
        city = rng.choice(OUTSIDE_CITIES)
        owner_name = f"{city}{rng.choice(FIRST)}{rng.choice(SECOND)}商贸有限公司"
    else:
        owner_type, owner_name = OwnerType.NATURAL_PERSON, person_name(rng)
    classes = _classes(rng, fitting_classes(owner_name, owner.industry if owner else ""))
    if index < RECOGNIZED + GI_MARKS and mark_type == MarkType.FIGURATIVE:
        mark_type, name = MarkType.COMBINED, _name(rng)
    trademark = Trademark(
        registration_number=str(NUMBER_BASE + index),
        name=name,
        mark_type=mark_type,
        owner=owner,
        owner_name=owner_name,
        owner_type=owner_type,
        agent=rng.choice(AGENTS),
        **fields,
    )
    if index < GI_MARKS:
        gi_name, gi_kind, gi_class = GI_MARKS_PLAN[index]
        trademark.name, trademark.gi_kind, classes = gi_name, gi_kind, [gi_class]
        trademark.owner, trademark.owner_type = None, OwnerType.ORGANIZATION
        trademark.owner_name = f"赤峰市红山区{gi_name[:2]}产业协会"
    elif index < GI_MARKS + RECOGNIZED:
        recognition = weighted(
            rng,
            [(Recognition.WELL_KNOWN, 1), (Recognition.FAMOUS, 3), (Recognition.KNOWN, 4)],
        )
        # Recognized after some years of registered use (registered 2004–2007).
        year = rng.randint(max(2006, trademark.registered_on.year + 2), 2013)
        trademark.recognition = recognition
        trademark.recognition_year = year
        trademark.recognition_authority = recognition_authority(recognition, year)
    goods = [(c, GOODS.get(c, f"第{c}类商品/服务")) for c in classes]
    events = []
    if trademark.registered_on and rng.random() < 0.15:
        kind = weighted(
            rng,
            [
                (TrademarkEvent.Kind.TRANSFER, 4),
                (TrademarkEvent.Kind.CHANGE, 3),
                (TrademarkEvent.Kind.PLEDGE, 2),
            ],
        )
        events.append(
            TrademarkEvent(
                kind=kind,
                happened_on=_date_between(rng, trademark.registered_on, LAST_DAY),
                details={
                    TrademarkEvent.Kind.TRANSFER: "商标转让核准",
                    TrademarkEvent.Kind.CHANGE: "注册人名义变更",
                    TrademarkEvent.Kind.PLEDGE: "商标专用权质押登记",
                }[kind],
            )
        )
    if trademark.registered_on and trademark.expires_on != add_months(trademark.registered_on, 120):
        events.append(
            TrademarkEvent(
                kind=TrademarkEvent.Kind.RENEWAL,
                happened_on=add_months(trademark.registered_on, 115),
                details="续展注册核准",
            )
        )
    return trademark, goods, events


def _owner_key(mark: Trademark) -> tuple:
    return (mark.owner_id, "" if mark.owner_id else mark.owner_name)


def _registered_texts() -> dict[tuple[str, int], tuple]:
    """(text, class) → owner of every registered mark with a text in the library."""
    rows = TrademarkClass.objects.filter(trademark__status=Status.REGISTERED).exclude(
        trademark__name=""
    )
    return {
        (name, number): (owner_id, "" if owner_id else owner_name)
        for name, number, owner_id, owner_name in rows.values_list(
            "trademark__name", "nice_class_id", "trademark__owner_id", "trademark__owner_name"
        )
    }


def _keep_text_unique(mark: Trademark, classes: list[int], texts: dict) -> None:
    """Rename a registered `mark` whose text another owner registered in one of its classes
    (the office would have refused it), then record its text in `texts`. Marks are taken in
    plan order, so a top-up renames the same marks as a single run."""
    if mark.status != Status.REGISTERED or not mark.name:
        return
    owner = _owner_key(mark)

    def free(text: str) -> bool:
        return all(texts.get((text, c), owner) == owner for c in classes)

    if not free(mark.name):
        base = mark.name
        candidates = [base + suffix for suffix in RENAME_SUFFIXES]
        candidates += [f"{base}{n}" for n in range(2, 1000)]
        mark.name = next(text for text in candidates if free(text))
    for c in classes:
        texts[(mark.name, c)] = owner


def make_demo_trademarks(
    count: int = DEFAULT_TRADEMARKS, *, seed: int = DEFAULT_SEED, batch: int = 2000
) -> TrademarkDemoResult:
    """Top the library up to `count` demo marks (numbers 30000000 + i)."""
    if count < 0:
        raise ValueError("count must not be negative")
    load_nice_classes()
    enterprises = OwnerPool(Enterprise.objects.order_by("id"))
    registered_texts = _registered_texts()
    taken = set(
        Trademark.objects.filter(
            registration_number__gte=str(NUMBER_BASE),
            registration_number__lt=str(NUMBER_BASE + 10_000_000),
        ).values_list("registration_number", flat=True)
    )
    missing = [i for i in range(count) if str(NUMBER_BASE + i) not in taken]
    classes = NiceClass.objects.in_bulk()
    for start in range(0, len(missing), batch):
        with transaction.atomic():
            built = [
                build_trademark(i, seed=seed, enterprises=enterprises)
                for i in missing[start : start + batch]
            ]
            for mark, goods, _ in built:
                _keep_text_unique(mark, [c for c, _ in goods], registered_texts)
            for i, (mark, _, _) in zip(missing[start : start + batch], built, strict=True):
                if has_logo(mark):
                    _store_logo(mark, logo_plan_for(i, seed=seed, enterprises=enterprises))
            marks = Trademark.objects.bulk_create([b[0] for b in built], batch_size=500)
            entries, events = [], []
            for mark, (_, goods, mark_events) in zip(marks, built, strict=True):
                entries += [
                    TrademarkClass(trademark=mark, nice_class=classes[c], goods_services=text)
                    for c, text in goods
                ]
                for event in mark_events:
                    event.trademark = mark
                    events.append(event)
            TrademarkClass.objects.bulk_create(entries, batch_size=1000)
            TrademarkEvent.objects.bulk_create(events, batch_size=1000)
    return TrademarkDemoResult(created=len(missing), existing=len(taken))
