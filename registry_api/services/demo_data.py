"""Demo agencies and consultations: deterministic, idempotent, realistic Chinese Q&A.

Everything is invented. Agency `i` and consultation `i` depend only on the seed and `i`;
re-running creates nothing twice (agencies are keyed by kind and name, consultations by a
deterministic tracking code), so topping up from 50 to 200 gives the same 200 as creating 200.
Askers' names and contacts are synthetic and, like real ones, never leave through the API.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from registry_api.enterprises.models import District, Enterprise
from registry_api.enterprises.reference_data import load_districts

from .models import Agency, Consultation

DEFAULT_SEED = 20261127
FIRST_DAY = datetime.date(2024, 1, 2)
LAST_DAY = datetime.date(2026, 11, 20)

K = Agency.Kind
C = Consultation.Channel
ST = Consultation.Status

TRADE = "鑫恒宏瑞兴丰华博嘉锦泰德盛昊鼎顺康福祥诚昭蒙卓信安隆汇润"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰海波宇浩鹏"
STREETS = ["昭乌达路", "哈达街", "新华路", "钢铁街", "三道街", "站前路", "长青街", "英金路"]

AGENCY_KINDS = [
    (K.HR_AGENCY, 12),
    (K.LAW_FIRM, 9),
    (K.LEGAL_SERVICE, 5),
    (K.NOTARY, 2),
    (K.MEDIATION, 2),
]
AGENCY_SERVICES = {
    K.HR_AGENCY: [
        "职业介绍与招聘会",
        "人力资源外包",
        "劳务派遣",
        "社会保险代理",
        "人才测评与培训",
        "灵活用工服务",
    ],
    K.LAW_FIRM: [
        "企业常年法律顾问",
        "合同审查与起草",
        "劳动争议代理",
        "知识产权与商标维权",
        "股权架构与公司治理",
        "民商事诉讼代理",
    ],
    K.LEGAL_SERVICE: ["法律咨询", "代写法律文书", "参与调解", "小额民事代理"],
    K.NOTARY: ["合同公证", "证据保全公证", "股东会决议公证", "涉外公证"],
    K.MEDIATION: ["消费纠纷调解", "劳动争议调解", "合同纠纷调解"],
}
AGENCY_NAME = {
    K.HR_AGENCY: "赤峰{t}人力资源服务有限公司",
    K.LAW_FIRM: "内蒙古{t}律师事务所",
    K.LEGAL_SERVICE: "赤峰市红山区{t}法律服务所",
    K.NOTARY: "赤峰市红山区{t}公证处",
    K.MEDIATION: "红山区{t}商会人民调解委员会",
}
QUALIFICATION = {
    K.HR_AGENCY: "（蒙）人服证字〔{y}〕第0402{n:04d}号",
    K.LAW_FIRM: "3115040{n:04d}{y}",
    K.LEGAL_SERVICE: "基层法律服务所执业证 蒙0402{n:04d}",
    K.NOTARY: "公证机构执业证 150402{n:04d}",
    K.MEDIATION: "红司调字〔{y}〕{n}号",
}

# (channel, subject, question, answer): realistic Q&A of the bureau's consultation channels.
QA = [
    (
        C.REGISTRATION,
        "个体工商户转为有限公司怎么办理？",
        "我在红山区经营一家个体餐馆，想转为有限公司，原来的字号和许可证能保留吗？",
        "可以办理“个转企”。个体工商户可直接申请转型为企业，保留原字号和成立日期，"
        "通过内蒙古企业登记全程电子化平台提交申请，或到区政务服务中心市场准入窗口办理。"
        "食品经营许可证需在企业设立后申请变更。",
    ),
    (
        C.REGISTRATION,
        "住所（经营场所）登记需要哪些材料？",
        "新公司用租赁的商铺作为住所，需要提交房产证吗？",
        "红山区实行住所申报承诺制，申请人提交《住所（经营场所）申报承诺书》即可，"
        "无需提交房产证明，但应对住所的真实性、合法性负责。",
    ),
    (
        C.REGISTRATION,
        "公司注销需要多长时间？",
        "公司一直没有经营，也没有债权债务，能走简易注销吗？",
        "未发生债权债务或已将债权债务清偿完结的企业，可申请简易注销，"
        "通过国家企业信用信息公示系统公示20日，无异议的可办理注销登记。",
    ),
    (
        C.REGISTRATION,
        "经营范围如何填写？",
        "我开的是电商小店，营业执照经营范围应该怎么写？",
        "经营范围应参照《经营范围登记规范表述目录》选择规范条目，"
        "如“互联网销售（除销售需要许可的商品）”。涉及许可项目的，取得许可后方可经营。",
    ),
    (
        C.EQUITY_PLEDGE,
        "股权出质登记需要哪些材料？",
        "公司股东要把股权质押给银行贷款，出质登记要准备什么？",
        "需提交股权出质登记申请书、质权合同，出质股权所在公司为股份有限公司的还需股东名册。"
        "由出质人和质权人共同申请，材料齐全的当场办结，可通过全程电子化平台网上办理。",
    ),
    (
        C.EQUITY_PLEDGE,
        "股权出质后还能转让吗？",
        "股权已经办了出质登记，现在想转让给别人，可以吗？",
        "股权出质后，未经质权人同意不得转让。确需转让的，应先经质权人同意，"
        "或办理出质注销登记后再申请股东变更登记。",
    ),
    (
        C.EQUITY_PLEDGE,
        "股权出质登记能否撤销？",
        "主债务已经还清，出质登记怎么注销？",
        "主债权消灭或质权实现的，出质人或质权人可申请股权出质注销登记，"
        "提交申请书即可，也可在网上办理。",
    ),
    (
        C.CHATTEL_MORTGAGE,
        "动产抵押登记还在市场监管局办理吗？",
        "公司想用生产设备抵押贷款，到哪里办理动产抵押登记？",
        "自2021年1月1日起，生产设备、原材料、半成品、产品抵押登记已统一由"
        "中国人民银行征信中心动产融资统一登记公示系统办理，由当事人通过该系统自主办理，"
        "市场监管部门不再办理。此前在我局办理的登记可在系统中查询。",
    ),
    (
        C.CHATTEL_MORTGAGE,
        "以前办的动产抵押怎么注销？",
        "2019年在市场监管局办理的动产抵押，现在贷款还清了，怎么注销？",
        "2021年以前在市场监管部门办理的动产抵押登记信息已迁移至中国人民银行征信中心"
        "动产融资统一登记公示系统，请登录该系统办理注销或变更。",
    ),
    (
        C.DIRECTOR_MAILBOX,
        "建议延长政务大厅午间服务时间",
        "很多小微企业主白天忙，建议市场准入窗口中午提供延时服务。",
        "感谢您的建议。我局已在区政务服务中心市场准入窗口实行午间不间断服务，"
        "工作日12:00—14:00安排专人办理登记业务。",
    ),
    (
        C.DIRECTOR_MAILBOX,
        "食品经营许可办理时限",
        "办理食品经营许可证一般需要多久？能否先营业后补证？",
        "仅销售预包装食品的实行备案管理；其他食品经营许可材料齐全的，承诺在5个工作日内办结。"
        "未取得许可不得从事食品经营活动。",
    ),
    (
        C.ENTERPRISE_VOICE,
        "小微企业商标注册有补贴吗？",
        "我们是小微企业，申请注册商标有没有扶持政策？",
        "可通过红山区商标品牌指导站获得免费注册指导。符合条件的地理标志商标、"
        "驰名商标按区里品牌战略扶持办法给予奖励，具体以当年申报通知为准。",
    ),
    (
        C.ENTERPRISE_VOICE,
        "商标被抢注怎么办？",
        "我们店用了多年的字号被别人注册成了商标，该怎么维权？",
        "可在商标初审公告期内提出异议；已注册的，可自注册之日起五年内请求宣告无效，"
        "恶意注册的不受五年限制。建议咨询名录中的律师事务所。",
    ),
    (
        C.ENTERPRISE_VOICE,
        "年报填错了能修改吗？",
        "企业年报已经提交，发现从业人数填错了，怎么改？",
        "年度报告公示信息可在当年6月30日前自行更正；逾期修改的，更正前后的信息将同时公示。",
    ),
    (
        C.MESSAGE_BOARD,
        "网购商品质量问题如何投诉？",
        "在本地网店买的电饭煲用了一周就坏了，商家拒绝退换，怎么办？",
        "可通过全国12315平台或拨打12315热线投诉，我局将依法组织调解。"
        "经营者提供的商品不符合质量要求的，消费者可要求退货、更换或修理。",
    ),
    (
        C.MESSAGE_BOARD,
        "预付卡商家关门了怎么办？",
        "在健身房办了年卡，没用几次就关门了，能找谁？",
        "请保存好预付卡、合同和付款凭证，通过12315平台投诉或向公安机关报案。"
        "经营者以预收款方式提供服务的，应按约定提供，未按约定的应退还预付款。",
    ),
    (
        C.MESSAGE_BOARD,
        "餐馆没有公示食品经营许可证",
        "小区门口一家餐馆墙上没有挂食品经营许可证，正常吗？",
        "食品经营者应当在经营场所显著位置悬挂或摆放许可证正本。我局已安排属地市场监管所核查。",
    ),
    (
        C.LEGAL_SERVICE,
        "员工离职后带走客户资料怎么办？",
        "我们是一家小型商贸公司，销售员离职后用原来的客户名单另起炉灶，能否维权？",
        "客户名单经采取保密措施、具有商业价值的，可作为商业秘密受反不正当竞争法保护。"
        "建议先固定证据（劳动合同、保密协议、客户往来记录），再协商或向劳动争议仲裁委员会、"
        "人民法院主张权利。",
    ),
    (
        C.LEGAL_SERVICE,
        "租赁合同到期房东不退押金",
        "店铺租约到期搬走了，房东以墙面有污损为由扣下全部押金，合理吗？",
        "押金应在合同终止后按约定退还；出租人扣除须有合同依据，并以实际损失为限。"
        "可先书面催告，协商不成可申请人民调解或向人民法院起诉，诉讼时效为三年。",
    ),
]


@dataclass(frozen=True)
class DemoResult:
    agencies_created: int
    consultations_created: int


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))


def _day(rng: random.Random, first: datetime.date = FIRST_DAY) -> datetime.date:
    return first + datetime.timedelta(days=rng.randint(0, (LAST_DAY - first).days))


def build_agency(index: int, *, seed: int, districts: list, hr_enterprises: list) -> Agency:
    rng = random.Random(f"{seed}-agency-{index}")
    kinds = [kind for kind, count in AGENCY_KINDS for _ in range(count)]
    kind = kinds[index % len(kinds)]
    district = districts[index % len(districts)]
    trade = TRADE[index % len(TRADE)] + TRADE[(index // len(TRADE) + index * 3 + 5) % len(TRADE)]
    enterprise = None
    name = AGENCY_NAME[kind].format(t=trade, d=district.name)
    # HR agencies that are also in the directory carry its name and show its credit standing.
    hr_ordinal = (index // len(kinds)) * AGENCY_KINDS[0][1] + index % len(kinds)
    if kind == K.HR_AGENCY and hr_ordinal < len(hr_enterprises):
        enterprise = hr_enterprises[hr_ordinal]
        name = enterprise.name
        district = enterprise.district
    # Vetted since the platform's agency list began, never before the agency existed.
    since = datetime.date(2022, 3, 1)
    if enterprise is not None:
        since = min(max(since, enterprise.established_on), LAST_DAY)
    vetted = _day(rng, since)
    services = rng.sample(AGENCY_SERVICES[kind], k=min(3, len(AGENCY_SERVICES[kind])))
    return Agency(
        kind=kind,
        name=name,
        enterprise=enterprise,
        qualification=QUALIFICATION[kind].format(y=vetted.year, n=rng.randint(1, 9999)),
        services="\n".join(services),
        district=district,
        address=f"内蒙古自治区赤峰市红山区{district.name}{rng.choice(STREETS)}"
        f"{rng.randint(1, 200)}号",
        phone=f"0476-{rng.choice('2345678')}{rng.randint(0, 999999):06d}",
        vetted_on=vetted,
        active=True,
    )


def demo_tracking_code(index: int, day: datetime.date) -> str:
    return f"ZX{day:%Y%m%d}D{index:05d}"


def build_consultation(
    index: int, *, seed: int, staff=None, legal_agencies: list[Agency] = ()
) -> Consultation:
    rng = random.Random(f"{seed}-consultation-{index}")
    channel, subject, question, answer = QA[index % len(QA)]
    day = _day(rng)
    # A 法律服务咨询 goes to a legal firm that was already vetted on the day it was asked.
    firms = [a for a in legal_agencies if a.vetted_on <= day] if channel == C.LEGAL_SERVICE else []
    agency = firms[index % len(firms)] if firms else None
    submitted = timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(rng.randint(8, 21), rng.randint(0, 59)))
    )
    roll = rng.random()
    answered = roll < 0.9
    withheld = 0.85 <= roll < 0.9
    public = rng.random() < 0.95
    answered_at = submitted + datetime.timedelta(days=rng.randint(1, 5)) if answered else None
    status = ST.PENDING
    if answered:
        status = ST.PUBLISHED if public and not withheld else ST.WITHHELD
    name = _person(rng)
    return Consultation(
        tracking_code=demo_tracking_code(index, day),
        channel=channel,
        asker_name=name,
        asker_phone=f"1{rng.choice('3578')}{rng.randint(0, 999999999):09d}",
        asker_email=f"user{rng.randint(1000, 99999)}@example.com" if rng.random() < 0.4 else "",
        enterprise_name=f"赤峰{rng.choice(TRADE)}{rng.choice(TRADE)}商贸有限公司"
        if channel in (C.REGISTRATION, C.EQUITY_PLEDGE, C.ENTERPRISE_VOICE)
        else "",
        subject=subject,
        question=question,
        submitted_at=submitted,
        status=status,
        answer=answer if answered else "",
        answered_by=staff if answered else None,
        answered_at=answered_at,
        public=public,
        agency=agency,
    )


@transaction.atomic
def make_demo_services(
    *, agencies: int = 30, consultations: int = 200, seed: int = DEFAULT_SEED
) -> DemoResult:
    """Create the first `agencies` demo agencies and `consultations` demo consultations."""
    if agencies < 0 or consultations < 0:
        raise ValueError("counts must not be negative")
    if not District.objects.exists():
        load_districts()
    districts = list(District.objects.order_by("code"))
    hr_enterprises = list(
        Enterprise.objects.filter(name__contains="人力资源")
        .select_related("district")
        .order_by("credit_code")[:8]
    )
    taken = set(Agency.objects.values_list("kind", "name"))
    new_agencies = []
    for index in range(agencies):
        agency = build_agency(index, seed=seed, districts=districts, hr_enterprises=hr_enterprises)
        if (agency.kind, agency.name) not in taken:
            taken.add((agency.kind, agency.name))
            new_agencies.append(agency)
    Agency.objects.bulk_create(new_agencies)

    codes = set(Consultation.objects.values_list("tracking_code", flat=True))
    legal_agencies = list(Agency.objects.filter(kind__in=Agency.LEGAL_KINDS).order_by("name"))
    built = [
        build_consultation(index, seed=seed, legal_agencies=legal_agencies)
        for index in range(consultations)
    ]
    new_consultations = sorted(
        (c for c in built if c.tracking_code not in codes), key=lambda c: c.submitted_at
    )
    Consultation.objects.bulk_create(new_consultations)
    return DemoResult(len(new_agencies), len(new_consultations))
