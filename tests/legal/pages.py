"""Builders of legal pages for tests: a law and a contract template, published as the admin does."""

from __future__ import annotations

import datetime

from cms.legal.models import ContractEdition, ContractFillField, ContractTemplatePage, LawPage

LAW_CHAPTERS = [
    (
        "第一章 总则",
        [
            ("第一条", "为了保护消费者的合法权益，维护社会经济秩序，制定本法。"),
            ("第二条", "消费者为生活消费需要购买商品，其权益受本法保护。"),
        ],
    ),
    (
        "第七章 法律责任",
        [
            (
                "第五十五条",
                "经营者提供商品或者服务有欺诈行为的，应当按照消费者的要求增加赔偿其受到的损失。\n"
                "增加赔偿的金额不足五百元的，为五百元。",
            ),
        ],
    ),
]

FIELDS = [
    ("甲方名称", "出租人（甲方）名称", "text", True, "营业执照上的全称"),
    ("乙方名称", "承租人（乙方）名称", "text", True, ""),
    ("月租金", "月租金（元）", "amount", True, ""),
    ("起租日期", "起租日期", "date", True, ""),
    ("租期", "租赁期限（月）", "integer", True, ""),
    ("签订地点", "签订地点", "text", False, ""),
]

CURRENT_CLAUSES = [
    (1, "房屋基本情况", "甲方将红山区测试路1号的商铺出租给乙方。"),
    (2, "租金", "月租金为人民币{{月租金}}元（大写：{{月租金|大写}}），按季支付。"),
    (3, "租赁期限", "租赁期限为{{租期}}个月，自{{起租日期}}起计算。"),
    (4, "维修责任", "出租人应当履行房屋的维修义务，承租人可以要求出租人在合理期限内维修。"),
]
EARLIER_CLAUSES = [
    (1, "房屋基本情况", "甲方将红山区测试路1号的商铺出租给乙方。"),
    (2, "租金", "月租金为人民币{{月租金}}元，按月支付。"),
    (3, "押金", "乙方应当支付一个月租金作为押金。"),
]


def law_chapters(chapters=LAW_CHAPTERS) -> list:
    return [
        ("chapter", {"title": title, "articles": [{"number": n, "text": t} for n, t in articles]})
        for title, articles in chapters
    ]


def publish_law(parent, **fields) -> LawPage:
    values = {
        "title": "中华人民共和国消费者权益保护法",
        "slug": "consumer-law",
        "issuing_body": "全国人民代表大会常务委员会",
        "document_number": "中华人民共和国主席令第七号",
        "promulgation_date": datetime.date(2013, 10, 25),
        "effective_date": datetime.date(2014, 3, 15),
        "level": LawPage.Level.LAW,
        "validity": LawPage.Validity.IN_FORCE,
        "excerpt": True,
        "summary": "节选。",
        "chapters": law_chapters(),
        **fields,
    }
    page = LawPage(**values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def clauses(rows) -> list:
    return [("clause", {"number": n, "heading": h, "text": t}) for n, h, t in rows]


def edition(slug, label, day, rows, **fields) -> ContractEdition:
    return ContractEdition(
        slug=slug,
        label=label,
        published_on=day,
        preamble=fields.pop(
            "preamble", "出租人（甲方）：{{甲方名称}}\n承租人（乙方）：{{乙方名称}}"
        ),
        closing=fields.pop("closing", "签订地点：{{签订地点}}"),
        clauses=clauses(rows),
        **fields,
    )


def fill_fields(rows=FIELDS) -> list[ContractFillField]:
    return [
        ContractFillField(name=n, label=lb, field_type=t, required=r, help_text=h)
        for n, lb, t, r, h in rows
    ]


def publish_contract(parent, *, editions=None, fields=None, **values) -> ContractTemplatePage:
    page = ContractTemplatePage(
        **{
            "title": "商铺租赁合同（示范文本）",
            "slug": "shop-lease",
            "category": ContractTemplatePage.Category.LEASE,
            "issuing_body": "红山区市场监督管理局",
            "summary": "适用于商铺租赁。",
            "scenarios": "个体工商户租赁门面\n小微企业租赁铺位",
            **values,
        }
    )
    page.fill_fields = fill_fields() if fields is None else fields
    page.editions = (
        [
            edition("2026", "2026版", datetime.date(2026, 3, 1), CURRENT_CLAUSES),
            edition("2021", "2021版", datetime.date(2021, 3, 1), EARLIER_CLAUSES),
        ]
        if editions is None
        else editions
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
