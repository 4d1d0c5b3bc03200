"""Facts demo marks must agree with: the Nice classes that fit an owner's business, and the
authority that recognized a mark in a given year.

The demo generator (demo_data.py) draws classes and authorities from here, and
tests/content/test_demo_data_rules.py checks every generated mark against the same tables, so
a photo studio's mark is never filed in class 29 and a 2013 驰名商标 is never credited to an
authority that did not exist yet. Classes follow the Nice classification's own headings
(DOMAIN.md): goods a business makes or sells, services it renders.
"""

from __future__ import annotations

import re

from .models import Recognition

GOODS = tuple(range(1, 35))
# Classes by GB/T 4754-2017 门类, as the enterprise directory labels industries.
CLASSES_BY_INDUSTRY: dict[str, tuple[int, ...]] = {
    "批发和零售业": (*GOODS, 35),
    "住宿和餐饮业": (29, 30, 35, 43),
    "居民服务、修理和其他服务业": (3, 37, 40, 41, 44, 45),
    "制造业": (*GOODS, 40),
    "建筑业": (19, 37, 42, 44),
    "租赁和商务服务业": (16, 35, 36, 37, 40, 41, 42),
    "交通运输、仓储和邮政业": (35, 39),
    "信息传输、软件和信息技术服务业": (9, 35, 38, 42),
    "房地产业": (35, 36, 37),
    "科学研究和技术服务业": (1, 35, 40, 42, 44),
    "文化、体育和娱乐业": (16, 28, 35, 39, 41, 43),
    "教育": (16, 41),
    "卫生和社会工作": (5, 10, 44, 45),
    "农、林、牧、渔业": (29, 30, 31, 35, 44),
}
# Trade and product words in enterprise names whose business is narrower than the industry's
# (the words of registry_api.enterprises.demo_data); the longest word found in a name decides.
CLASSES_BY_WORD: dict[str, tuple[int, ...]] = {
    # retail
    "便利店": (29, 30, 32, 33, 35),
    "超市": (3, 21, 29, 30, 32, 33, 35),
    "五金商店": (6, 8, 35),
    "水果店": (31, 35),
    "副食商店": (29, 30, 32, 35),
    "服装店": (25, 35),
    "烟酒商行": (33, 34, 35),
    "粮油店": (29, 30, 35),
    "手机店": (9, 35),
    "日杂店": (21, 35),
    "建材商店": (19, 35),
    "医药": (5, 10, 35),
    "汽车销售": (12, 35, 37),
    "农资": (1, 5, 31, 35),
    # catering and lodging
    "烧烤店": (29, 43),
    "面馆": (30, 43),
    "饺子馆": (30, 43),
    "火锅店": (29, 30, 43),
    "小吃部": (30, 43),
    "早点铺": (30, 43),
    "对夹店": (30, 43),
    "羊汤馆": (29, 43),
    "旅店": (43,),
    "餐饮管理": (35, 43),
    "酒店管理": (35, 43),
    "饮食服务": (43,),
    # services
    "理发店": (44,),
    "美容院": (3, 44),
    "洗衣店": (37,),
    "汽车修理部": (37,),
    "家电维修部": (37,),
    "开锁服务部": (37, 45),
    "洗车行": (37,),
    "照相馆": (40, 41),
    "家政服务": (37, 45),
    "汽车服务": (35, 37),
    "物业服务": (36, 37),
    "生活服务": (37, 44, 45),
    # manufacturing and construction
    "食品": (29, 30, 32),
    "服装": (25,),
    "门窗": (6, 19),
    "机械制造": (7, 37),
    "建材": (19,),
    "印刷": (16, 40),
    "乳业": (29, 32),
    "豆腐坊": (29,),
    "馒头坊": (30,),
    "门窗加工部": (6, 19),
    "木器加工部": (20,),
    "印刷部": (16, 40),
    "园林绿化工程": (31, 37, 44),
    "装饰工程": (19, 37, 42),
    "装饰部": (19, 37),
    "水暖安装部": (11, 37),
    # business, transport, culture, farming
    "广告": (35,),
    "会展服务": (35, 41),
    "人力资源服务": (35,),
    "设备租赁": (35, 37),
    "广告部": (16, 35, 40),
    "图文设计部": (16, 35, 40, 42),
    "复印部": (16, 40),
    "快递服务站": (39,),
    "台球厅": (28, 41),
    "棋牌室": (41,),
    "健身馆": (28, 41),
    "体育发展": (28, 41),
    "文化旅游": (39, 41, 43),
    "养老服务": (43, 44, 45),
    "健康管理": (5, 44),
    "蔬菜种植": (29, 31),
    "肉牛养殖": (29, 31),
    "肉羊养殖": (29, 31),
    "生猪养殖": (29, 31),
    "蛋鸡养殖": (29, 31),
    "杂粮种植": (30, 31),
    "小米种植": (30, 31),
    "食用菌种植": (29, 31),
    "果树种植": (31, 32),
    "中药材种植": (5, 31),
    "设施农业": (31, 44),
    "农机服务": (37, 44),
    # outside owners of the demo library: "…商贸有限公司" trade the goods they brand
    "商贸": (*GOODS, 35),
}
_WORDS = re.compile("|".join(sorted(map(re.escape, CLASSES_BY_WORD), key=len, reverse=True)))


def fitting_classes(name: str, industry: str = "") -> tuple[int, ...]:
    """The classes an owner called `name` in `industry` may file in: its trade word's, else
    its industry's; every class when neither says (a natural person, an unknown business)."""
    words = _WORDS.findall(name)
    if words:
        return CLASSES_BY_WORD[max(words, key=len)]
    return CLASSES_BY_INDUSTRY.get(industry, tuple(range(1, 46)))


# Who recognized marks, by year: 驰名商标 by the trademark office of the State Administration
# for Industry and Commerce until the 2018 reform, by CNIPA since; the local honours by the
# industry-and-commerce bureaus until they became market-regulation bureaus (2018–2019).
# (recognition, first year, last year or None, authority)
RECOGNITION_AUTHORITIES = (
    (Recognition.WELL_KNOWN, 1996, 2017, "国家工商行政管理总局商标局"),
    (Recognition.WELL_KNOWN, 2018, None, "国家知识产权局"),
    (Recognition.FAMOUS, 1996, 2018, "内蒙古自治区工商行政管理局"),
    (Recognition.FAMOUS, 2019, None, "内蒙古自治区市场监督管理局"),
    (Recognition.KNOWN, 1996, 2018, "赤峰市工商行政管理局"),
    (Recognition.KNOWN, 2019, None, "赤峰市市场监督管理局"),
)


def recognition_authority(recognition: str, year: int) -> str:
    """The authority that recognized a mark as `recognition` in `year`."""
    for kind, first, last, authority in RECOGNITION_AUTHORITIES:
        if kind == recognition and first <= year and (last is None or year <= last):
            return authority
    raise ValueError(f"no authority recognized {recognition} marks in {year}")
