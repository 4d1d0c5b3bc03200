"""Demo job demands: a few dozen posts by directory enterprises whose trade fits their industry,
submitted over the last weeks in order, most listed by staff, some answered by HR agencies.

Dates are relative to today (a demand is listed for 60 days), so the demo always shows live
demands. Idempotent: a demand is keyed by its 查询码 (YG + day + D + index).
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.utils import timezone

from registry_api.enterprises.models import Enterprise
from registry_api.services.models import Agency

from .models import VALID_DAYS_DEFAULT, AgencyReply, JobDemand

DEFAULT_DEMANDS = 40
DEFAULT_SEED = 16
# Industry (the directory's 国民经济行业 door) → (trade, post, pay range 元/月, requirements).
POSTS = {
    "住宿和餐饮业": [
        ("catering", "中餐厨师", (4500, 7000), "两年以上中餐热菜经验，持健康证。"),
        ("catering", "服务员", (2800, 3500), "吃苦耐劳，能适应早晚班，包工作餐。"),
        ("catering", "面点师", (3800, 5500), "会蒸饺、烧麦、包子等北方面点。"),
    ],
    "批发和零售业": [
        ("retail", "营业员", (2600, 3400), "高中及以上学历，熟悉收银系统者优先。"),
        ("retail", "收银员", (2500, 3200), "做事细心，能上晚班。"),
        ("logistics", "仓库管理员", (3200, 4200), "会使用电脑记账，能搬运货物。"),
    ],
    "制造业": [
        ("manufacturing", "普工", (3500, 4800), "身体健康，能适应两班倒，提供宿舍。"),
        ("skilled", "电焊工", (5000, 7500), "持特种作业操作证（焊接与热切割）。"),
        ("manufacturing", "质检员", (3600, 4500), "中专及以上学历，有质检经验者优先。"),
    ],
    "建筑业": [
        ("construction", "瓦工", (6000, 9000), "三年以上砌筑、贴砖经验。"),
        ("skilled", "电工", (5000, 7000), "持低压电工作业证。"),
    ],
    "交通运输、仓储和邮政业": [
        ("logistics", "货车司机", (5500, 8000), "持B2及以上驾照，三年以上驾龄。"),
        ("logistics", "快递分拣员", (3200, 4200), "能适应夜班，计件另有奖励。"),
    ],
    "居民服务、修理和其他服务业": [
        ("beauty", "美发师", (3500, 8000), "有两年以上剪烫染经验，底薪加提成。"),
        ("housekeeping", "保洁员", (2300, 2800), "五十五周岁以下，做事认真。"),
        ("skilled", "家电维修工", (4000, 6000), "会维修空调、洗衣机等家用电器。"),
    ],
    "卫生和社会工作": [
        ("care", "护士", (3800, 5000), "持护士执业证书，能适应倒班。"),
        ("care", "护理员", (3200, 4000), "有养老护理经验者优先，提供培训。"),
    ],
    "教育": [
        ("education", "课程顾问", (3000, 6000), "大专及以上学历，善于沟通。"),
    ],
    "信息传输、软件和信息技术服务业": [
        ("it", "软件开发工程师", (6000, 10000), "熟悉Python或Java，本科及以上学历。"),
    ],
    "租赁和商务服务业": [
        ("office", "会计", (3500, 5000), "持初级会计职称，熟悉小企业财务。"),
        ("sales", "销售代表", (3000, 8000), "底薪加提成，有驾照者优先。"),
    ],
    "农、林、牧、渔业": [
        ("agriculture", "温室种植工", (3000, 4000), "有设施蔬菜种植经验，包住。"),
        ("agriculture", "养殖饲养员", (3500, 4500), "能吃苦，懂肉牛饲养者优先。"),
    ],
}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = "淑芬秀英桂兰建华国强玉梅海燕志刚丽娟春燕德明"
REPLIES = (
    "本机构人才库中有符合条件的求职者{n}名，已与企业约定面试时间，企业免收服务费。",
    "可推荐有相关经验的人员{n}名，可提供岗前培训；如需劳务派遣可另行洽谈。",
    "已在本机构招聘会发布该岗位，现有{n}名求职者报名，将分批推荐到企业面试。",
)


def demo_reference(index: int, day: datetime.date) -> str:
    return f"YG{day:%Y%m%d}D{index:05d}"


def _enterprises_by_industry() -> dict[str, list[Enterprise]]:
    found = {}
    for industry in POSTS:
        rows = list(
            Enterprise.objects.filter(industry=industry, status=Enterprise.Status.ACTIVE)
            .select_related("district")
            .order_by("credit_code")[:40]
        )
        if rows:
            found[industry] = rows
    return found


@transaction.atomic
def make_demo_jobs(*, demands: int = DEFAULT_DEMANDS, seed: int = DEFAULT_SEED) -> int:
    """Create up to `demands` demo job demands (fewer if the directory has no fitting
    enterprise) with the HR agencies' replies; returns how many demands were created."""
    rng = random.Random(f"{seed}-jobs")
    by_industry = _enterprises_by_industry()
    if not by_industry:
        return 0
    agencies = list(Agency.objects.filter(kind=Agency.Kind.HR_AGENCY, active=True).order_by("id"))
    taken = set(JobDemand.objects.values_list("reference", flat=True))
    today = timezone.localdate()
    industries = sorted(by_industry)
    created = 0
    # Oldest first: the demands are submitted in the order of their index.
    for index in range(demands):
        day = today - datetime.timedelta(days=(demands - index) * 50 // demands)
        reference = demo_reference(index, day)
        if reference in taken:
            continue
        industry = industries[index % len(industries)]
        enterprise = rng.choice(by_industry[industry])
        trade, title, (low, high), requirements = rng.choice(POSTS[industry])
        submitted = timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(rng.randint(8, 17), rng.randint(0, 59)))
        )
        roll = rng.random()
        status = JobDemand.Status.OPEN
        if roll < 0.1:
            status = JobDemand.Status.PENDING
        elif roll < 0.2:
            status = JobDemand.Status.FILLED
        listed_on = min(day + datetime.timedelta(days=rng.randint(0, 2)), today)
        demand = JobDemand.objects.create(
            reference=reference,
            enterprise=enterprise,
            title=title,
            trade=trade,
            district=enterprise.district,
            headcount=rng.choice((1, 1, 2, 2, 3, 5, 10)),
            pay_min=low if rng.random() < 0.9 else None,
            pay_max=high if rng.random() < 0.8 else None,
            requirements=requirements,
            contact_name=rng.choice(SURNAMES) + rng.choice(GIVEN[::2]) + rng.choice(GIVEN[1::2]),
            contact_phone=f"1{rng.choice('3578')}{rng.randint(0, 999999999):09d}",
            status=status,
            valid_until=day + datetime.timedelta(days=VALID_DAYS_DEFAULT),
            published_on=None if status == JobDemand.Status.PENDING else listed_on,
            submitted_at=submitted,
        )
        created += 1
        if status != JobDemand.Status.PENDING and agencies and rng.random() < 0.5:
            replied = min(listed_on + datetime.timedelta(days=rng.randint(1, 5)), today)
            AgencyReply.objects.create(
                demand=demand,
                agency=agencies[index % len(agencies)],
                text=rng.choice(REPLIES).format(n=rng.randint(1, 4)),
                replied_on=replied,
                visible=rng.random() < 0.9,
            )
    return created
