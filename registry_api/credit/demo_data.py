"""Synthetic, realistic credit records for demo enterprises (deterministic, idempotent top-up)."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.db import transaction

from registry_api.enterprises.demo_data import DEFAULT_SEED
from registry_api.enterprises.models import Enterprise

from .models import CreditRecord, Department, PublicityRule, add_months
from .reference_data import load_credit_reference

LAST_DAY = datetime.date(2026, 10, 31)  # decision dates run back ~3 years from here
SPAN_DAYS = 3 * 365

# (department code, category, severities, number template, weight)
KINDS = [
    ("samr", "penalty", ["none", "minor", "moderate", "serious"], "红市监处罚〔{y}〕{n}号", 30),
    ("samr", "abnormal", ["none"], "红市监异列〔{y}〕{n}号", 18),
    ("samr", "serious", ["serious"], "红市监严列〔{y}〕{n}号", 4),
    ("samr", "licence", ["none"], "红市监许〔{y}〕{n}号", 14),
    ("samr", "spot_check", ["none"], "红市监抽〔{y}〕{n}号", 10),
    ("samr", "commendation", ["none"], "红市监表〔{y}〕{n}号", 4),
    ("court", "dishonest_debtor", ["none"], "（{y}）内0402执{n}号", 8),
    ("court", "equity_freeze", ["none"], "（{y}）内0402执保{n}号", 5),
    ("tax", "major_tax", ["serious"], "赤红税稽罚〔{y}〕{n}号", 3),
    ("police", "penalty", ["minor", "moderate"], "红公（治）行罚决字〔{y}〕{n}号", 4),
]

FACTS = {
    "penalty": [
        (
            "经查，当事人销售超过保质期的食品，货值金额1260元。",
            "《中华人民共和国食品安全法》第一百二十四条",
            "没收违法所得，罚款人民币5000元。",
        ),
        (
            "经查，当事人在网店页面发布“最低价”“第一品牌”等绝对化用语广告。",
            "《中华人民共和国广告法》第五十七条",
            "责令停止发布广告，罚款人民币20000元。",
        ),
        (
            "经查，当事人使用未经检定的电子计价秤。",
            "《中华人民共和国计量法实施细则》第四十三条",
            "责令改正，罚款人民币1000元。",
        ),
        ("经查，当事人未按规定明码标价。", "《中华人民共和国价格法》第四十二条", "警告。"),
        (
            "经查，当事人未取得消防安全检查合格即营业。",
            "《中华人民共和国消防法》第五十八条",
            "责令停止使用，罚款人民币30000元。",
        ),
    ],
    "abnormal": [
        (
            "未依照《企业信息公示暂行条例》第八条规定的期限公示年度报告。",
            "《市场主体登记管理条例实施细则》",
            "列入经营异常名录。",
        ),
        (
            "通过登记的住所或者经营场所无法联系。",
            "《企业信息公示暂行条例》第十七条",
            "列入经营异常名录。",
        ),
    ],
    "serious": [
        (
            "被列入经营异常名录届满3年仍未履行相关义务。",
            "《市场监督管理严重违法失信名单管理办法》第十三条",
            "列入严重违法失信名单。",
        ),
    ],
    "licence": [
        (
            "食品经营许可（预包装食品销售、散装食品销售）。",
            "《中华人民共和国食品安全法》第三十五条",
            "准予许可，有效期五年。",
        ),
        (
            "营业执照变更登记（经营范围）。",
            "《中华人民共和国市场主体登记管理条例》",
            "准予变更登记。",
        ),
    ],
    "spot_check": [
        (
            "“双随机、一公开”抽查：年报信息、登记事项。",
            "《市场监督管理行政执法监督办法》",
            "未发现问题。",
        ),
        (
            "“双随机、一公开”抽查：产品质量。",
            "《中华人民共和国产品质量法》",
            "发现问题已责令改正。",
        ),
    ],
    "commendation": [
        ("被评为红山区“守合同重信用”企业。", "区政府表彰决定", "通报表彰。"),
    ],
    "dishonest_debtor": [
        (
            "有履行能力而拒不履行生效法律文书确定的给付货款义务。",
            "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条",
            "纳入失信被执行人名单。",
        ),
    ],
    "equity_freeze": [
        (
            "协助冻结被执行人持有的该公司股权，冻结期限三年。",
            "《中华人民共和国民事诉讼法》",
            "股权冻结。",
        ),
    ],
    "major_tax": [
        (
            "虚开增值税普通发票，涉及税款52万元。",
            "《重大税收违法失信主体信息公布管理办法》第六条",
            "确定为重大税收违法失信主体并向社会公布。",
        ),
    ],
}


# Default scale of the demo platform (issue 4): records over every department and tier.
DEFAULT_RECORDS = 8_000


@dataclass
class CreditDemoResult:
    created: int
    existing: int


def build_record(rng: random.Random, index: int, enterprise, departments, rules) -> CreditRecord:
    weights = [kind[-1] for kind in KINDS]
    department, category, severities, template, _ = rng.choices(KINDS, weights=weights)[0]
    severity = rng.choice(severities)
    # Within the last three years, and never before the enterprise was established.
    span = min(SPAN_DAYS, (LAST_DAY - enterprise.established_on).days + 1)
    decided = LAST_DAY - datetime.timedelta(days=rng.randrange(max(span, 1)))
    facts, basis, outcome = rng.choice(FACTS[category])
    record = CreditRecord(
        enterprise=enterprise,
        department=departments[department],
        category=category,
        severity=severity,
        decision_number=template.format(y=decided.year, n=1000 + index),
        decision_date=decided,
        publicity_start=decided,
        facts=facts,
        legal_basis=basis,
        outcome=outcome,
    )
    rule = rules.get((category, severity))
    months = rule.publicity_months if rule else 0
    record.publicity_end = add_months(decided, months)
    if rule and months and rule.repair_after_months is not None:
        record.repair_eligible_on = add_months(decided, rule.repair_after_months)
    return record


@transaction.atomic
def make_demo_credit_records(target: int, seed: int = DEFAULT_SEED) -> CreditDemoResult:
    """Create records until at least `target` exist; record `i` depends only on seed and i."""
    load_credit_reference()
    existing = CreditRecord.objects.count()
    if existing >= target:  # counted first: a re-run of `make run` loads nothing
        return CreditDemoResult(created=0, existing=existing)
    # Records spread over the whole directory (20,000 enterprises at the default scale).
    enterprises = list(Enterprise.objects.order_by("credit_code"))
    if not enterprises:
        return CreditDemoResult(created=0, existing=existing)
    departments = {department.code: department for department in Department.objects.all()}
    rules = {(rule.category, rule.severity): rule for rule in PublicityRule.objects.all()}
    taken = set(CreditRecord.objects.values_list("department_id", "decision_number"))
    new = []
    index = 0
    while existing + len(new) < target and index < target * 3:
        rng = random.Random(seed * 100_003 + index)
        enterprise = enterprises[rng.randrange(len(enterprises))]
        record = build_record(rng, index, enterprise, departments, rules)
        key = (record.department.pk, record.decision_number)
        index += 1
        if key in taken:
            continue
        taken.add(key)
        new.append(record)
    CreditRecord.objects.bulk_create(new, batch_size=500)
    return CreditDemoResult(created=len(new), existing=existing)
