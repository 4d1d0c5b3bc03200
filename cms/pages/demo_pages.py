"""Synthetic policy news at volume, for benchmarks of the site build and search.

Pages are created live without revisions or publish signals (no search sync or site build is
queued per page): follow with `search_reindex` and a site build, as `make_demo_data` does.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .models import NewsIndexPage, PolicyNewsPage

DEMO_SLUG_PREFIX = "demo-news-"
DEFAULT_SEED = 20261127

PLACES = ["西屯街道", "三中街街道", "永巨街道", "东城街道", "南新街街道", "站前街道", "铁南街道",
          "长青街道", "哈达街道", "西城街道", "桥北街道", "红庙子镇", "文钟镇"]  # fmt: skip
SUBJECTS = ["食品安全", "特种设备", "价格监督", "广告监测", "商标品牌", "小微企业帮扶",
            "消费维权", "计量器具", "产品质量", "网络交易", "药品安全", "登记注册"]  # fmt: skip
ACTIONS = ["专项检查", "集中整治", "宣传周活动", "培训会", "座谈会", "随机抽查", "约谈会",
           "工作部署会", "走访调研", "联合执法行动"]  # fmt: skip
SENTENCES = [
    "此次行动由红山区市场监督管理局牵头，相关市场监管所具体实施。",
    "执法人员重点检查了经营主体的证照公示、进货查验和台账记录情况。",
    "对发现的问题，现场下达责令改正通知书，并明确整改时限。",
    "活动现场发放宣传资料，解答群众咨询，受到经营者和消费者欢迎。",
    "下一步，区市场监管局将持续加强日常监管，巩固整治成果。",
    "各市场监管所结合辖区实际，建立问题清单，实行销号管理。",
    "消费者如发现相关违法行为，可拨打12315热线投诉举报。",
    "本次活动进一步增强了经营主体的守法经营意识和主体责任意识。",
]
CATEGORIES = [choice for choice, _ in PolicyNewsPage.Category.choices]


@dataclass(frozen=True)
class DemoPagesResult:
    existing: int
    created: int
    target: int


def demo_page_count() -> int:
    return PolicyNewsPage.objects.filter(slug__startswith=DEMO_SLUG_PREFIX).count()


def _demo_page(number: int, rng: random.Random, today: datetime.date) -> PolicyNewsPage:
    place, subject, action = rng.choice(PLACES), rng.choice(SUBJECTS), rng.choice(ACTIONS)
    published = today - datetime.timedelta(days=rng.randrange(0, 3 * 365))
    paragraphs = [" ".join(rng.sample(SENTENCES, 3)) for _ in range(rng.randint(2, 4))]
    moment = timezone.make_aware(datetime.datetime.combine(published, datetime.time(9, 0)))
    return PolicyNewsPage(
        title=f"{place}开展{subject}{action}（{number}）",
        slug=f"{DEMO_SLUG_PREFIX}{number}",
        publication_date=published,
        category=rng.choice(CATEGORIES),
        summary=f"{place}围绕{subject}开展{action}。",
        body=[("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))],
        live=True,
        first_published_at=moment,
        last_published_at=moment,
    )


def make_demo_pages(
    target: int,
    *,
    seed: int = DEFAULT_SEED,
    progress: Callable[[int, int], None] | None = None,
) -> DemoPagesResult:
    """Top the synthetic news up to `target` pages under the news index (idempotent)."""
    existing = demo_page_count()
    index = NewsIndexPage.objects.first()
    if index is None:
        raise ValueError("no news index: run load_content first")
    today = timezone.localdate()
    created = 0
    for number in range(existing + 1, target + 1):
        # Each page's content depends only on the seed and its number: top-ups are stable.
        rng = random.Random(seed * 1_000_003 + number)
        with transaction.atomic():
            index.add_child(instance=_demo_page(number, rng, today))
        created += 1
        if progress is not None:
            progress(created, target - existing)
        index.refresh_from_db(fields=["numchild"])
    return DemoPagesResult(existing=existing, created=created, target=max(target, existing))
