"""Synthetic but realistic market entities for the small-and-micro enterprise directory.

Everything here is invented: names, people and addresses are drawn from word lists, and credit
codes are random valid codes of Hongshan District (150402). Generation is deterministic: the
enterprise at position `i` depends only on the seed and `i`, so topping up from 200 to 300 gives
the same 300 enterprises as creating 300 at once (apart from rare name or code collisions with
rows that were not made here).

Rows are written with bulk_create, so the post_save signals that queue search syncs do not fire;
the run command reindexes afterwards.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from . import credit_code
from .models import District, Enterprise
from .reference_data import load_districts

DEFAULT_SEED = 20261127
# Default scale of the demo directory (issue 4); tests pass small numbers.
DEFAULT_ENTERPRISES = 20_000
BATCH_SIZE = 500
# Established dates run from the first year below to this fixed day (no dependence on today).
FIRST_YEAR = 1995
LAST_DAY = datetime.date(2026, 10, 31)
COOPERATIVE_LAW_IN_FORCE = datetime.date(2007, 7, 1)  # 农民专业合作社法

T = Enterprise.EntityType
S = Enterprise.Scale
ST = Enterprise.Status


def weighted(rng: random.Random, table: Sequence[tuple[object, float]]):
    values, weights = zip(*table, strict=True)
    return rng.choices(values, weights=weights)[0]


# --- word lists ------------------------------------------------------------------------------

# Trade-name (字号) characters: first and second of a two-character 字号.
TRADE_FIRST = (
    "鑫恒宏金瑞兴丰华永博嘉锦泰聚德广盛昊天鼎顺利康福"
    "祥众诚红昭蒙塞玉英亿佳美新宇卓远信安旺隆富荣星晨益汇合润"
)
TRADE_SECOND = (
    "源达远辉丰农泽盛发鑫通益宇诚信和隆昌泰恒邦润森鹏旺峰程航佳晟弘阳海川林耀升顺安祥茂兴业"
)

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟秦邱江尹薛闫段雷侯史陶贺顾毛郝龚邵钱武"
    "孔包敖宝"
)
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚文华玉春海燕红志国建东亮宇波鹏辉斌宏峰林颖琳雪梅"
    "丹凤晶慧欣佳浩然俊博晨阳鑫淑金永利成福学立德树宝山英秀桂兰荣凯旭雅婷蕾鸿振彬"
)
MONGOLIAN_NAMES = (
    "巴特尔",
    "乌力吉",
    "其木格",
    "萨仁高娃",
    "额尔敦",
    "苏和",
    "那日苏",
    "图雅",
    "宝音",
    "阿拉坦",
    "斯琴",
    "孟和",
    "朝鲁",
    "敖日格乐",
    "哈斯",
    "乌云",
    "特木尔",
    "吉日嘎拉",
)

# Streets (urban 街道) and villages (镇) used in synthetic addresses, by district code.
STREETS = {
    "150402001": ["西屯路", "钢铁街", "清河路", "云杉路", "西拉沐沦路"],
    "150402002": ["三中街", "头道街", "二道街", "福寿街", "步行街"],
    "150402003": ["永巨路", "哈达街", "巨日合街", "天义路"],
    "150402004": ["东城路", "富龙路", "东方红大街", "昭乌达路"],
    "150402005": ["南新街", "新华路", "红山路", "五段街"],
    "150402006": ["站前街", "站前路", "东站路", "昭乌达路"],
    "150402007": ["铁南街", "铁南二道街", "红山路", "团结路"],
    "150402008": ["长青街", "英金路", "巴林路", "昭乌达路"],
    "150402009": ["哈达街", "昭乌达路", "天义路", "三道街"],
    "150402010": ["西城路", "钢铁西街", "永安路", "清河路"],
    "150402011": ["桥北大街", "英金河北路", "锡伯河北路", "八家路"],
}
VILLAGES = {
    "150402100": ["红庙子村", "红旗村", "前进村", "水泉村", "洞子村", "二道井村"],
    "150402102": ["文钟村", "四道沟村", "大营子村", "一棵树村", "上官地村", "西窑村"],
}
COMPOUNDS = ["锦绣花园", "和美家园", "华府小区", "康居小区", "阳光新城", "富龙小区", "金地名苑"]
DISTRICT_WEIGHT = {
    "150402002": 12,
    "150402006": 11,
    "150402008": 11,
    "150402009": 10,
    "150402004": 9,
    "150402003": 8,
    "150402005": 8,
    "150402001": 7,
    "150402007": 6,
    "150402010": 6,
    "150402011": 5,
    "150402100": 3,
    "150402102": 3,
}

LICENSED_NOTE = (
    "（依法须经批准的项目，经相关部门批准后方可开展经营活动，"
    "具体经营项目以相关部门批准文件或许可证件为准）"
)
GENERAL_NOTE = "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"


@dataclass(frozen=True)
class Industry:
    """A GB/T 4754-2017 门类 with the words and business scope typical of it."""

    label: str
    company_weight: float
    shop_weight: float
    company_words: tuple[str, ...]  # 行业 part of company names
    shop_words: tuple[str, ...]  # suffix of 个体工商户 names
    general: tuple[str, ...]  # 一般项目
    licensed: tuple[str, ...] = ()  # 许可项目


INDUSTRIES = (
    Industry(
        "批发和零售业",
        28,
        40,
        ("商贸", "贸易", "商业", "医药", "汽车销售", "农资"),
        (
            "便利店",
            "超市",
            "五金商店",
            "水果店",
            "副食商店",
            "服装店",
            "烟酒商行",
            "粮油店",
            "手机店",
            "日杂店",
            "建材商店",
        ),
        (
            "日用百货销售",
            "五金产品零售",
            "建筑材料销售",
            "服装服饰零售",
            "家用电器销售",
            "农副产品销售",
            "化妆品零售",
            "文具用品零售",
            "通讯设备销售",
        ),
        ("食品销售", "烟草制品零售", "酒类经营", "药品零售"),
    ),
    Industry(
        "住宿和餐饮业",
        6,
        26,
        ("餐饮管理", "酒店管理", "饮食服务"),
        ("烧烤店", "面馆", "饺子馆", "火锅店", "小吃部", "早点铺", "对夹店", "羊汤馆", "旅店"),
        ("餐饮管理", "外卖递送服务", "酒店管理", "会议及展览服务"),
        ("餐饮服务", "住宿服务", "食品销售"),
    ),
    Industry(
        "居民服务、修理和其他服务业",
        5,
        16,
        ("家政服务", "汽车服务", "物业服务", "生活服务"),
        (
            "理发店",
            "美容院",
            "洗衣店",
            "汽车修理部",
            "家电维修部",
            "开锁服务部",
            "洗车行",
            "照相馆",
        ),
        (
            "家政服务",
            "洗染服务",
            "机动车修理和维护",
            "日用电器修理",
            "美发饰美服务",
            "摄影扩印服务",
            "养生保健服务（非医疗）",
        ),
        ("生活美容服务",),
    ),
    Industry(
        "制造业",
        8,
        4,
        ("食品", "服装", "门窗", "机械制造", "建材", "印刷", "乳业"),
        ("豆腐坊", "馒头坊", "门窗加工部", "木器加工部", "印刷部"),
        (
            "门窗制造加工",
            "金属结构制造",
            "服装制造",
            "通用设备制造（不含特种设备制造）",
            "包装材料及制品销售",
            "建筑用石加工",
        ),
        ("食品生产", "印刷品装订服务", "乳制品生产"),
    ),
    Industry(
        "建筑业",
        8,
        2,
        ("建筑工程", "装饰工程", "市政工程", "安装工程", "园林绿化工程"),
        ("装饰部", "水暖安装部"),
        ("住宅室内装饰装修", "园林绿化工程施工", "土石方工程施工", "建筑工程机械与设备租赁"),
        ("建设工程施工", "施工专业作业"),
    ),
    Industry(
        "租赁和商务服务业",
        12,
        4,
        ("商务信息咨询", "企业管理咨询", "广告", "会展服务", "人力资源服务", "设备租赁"),
        ("广告部", "图文设计部", "复印部"),
        (
            "广告设计、代理",
            "广告制作",
            "企业管理咨询",
            "会议及展览服务",
            "信息咨询服务（不含许可类信息咨询服务）",
            "建筑工程机械与设备租赁",
            "市场营销策划",
        ),
        ("职业中介活动", "劳务派遣服务"),
    ),
    Industry(
        "交通运输、仓储和邮政业",
        5,
        3,
        ("物流", "运输", "货运", "仓储服务"),
        ("货运部", "快递服务站"),
        (
            "普通货物仓储服务（不含危险化学品等需许可审批的项目）",
            "国内货物运输代理",
            "装卸搬运",
            "城市配送运输服务（不含危险货物）",
        ),
        ("道路货物运输（不含危险货物）", "快递服务"),
    ),
    Industry(
        "信息传输、软件和信息技术服务业",
        6,
        1,
        ("信息技术", "网络科技", "软件开发", "电子科技"),
        ("网络工作室",),
        (
            "软件开发",
            "信息系统集成服务",
            "网络技术服务",
            "信息技术咨询服务",
            "计算机系统服务",
            "数据处理服务",
        ),
        ("第一类增值电信业务",),
    ),
    Industry(
        "房地产业",
        4,
        1,
        ("房地产开发", "物业管理", "房地产经纪"),
        ("房屋中介",),
        ("物业管理", "房地产经纪", "住房租赁", "非居住房地产租赁"),
        ("房地产开发经营",),
    ),
    Industry(
        "科学研究和技术服务业",
        4,
        0,
        ("检测技术", "工程设计", "环保科技", "农业科技"),
        (),
        (
            "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广",
            "工程管理服务",
            "环保咨询服务",
            "农业科学研究和试验发展",
        ),
        ("检验检测服务", "建设工程设计"),
    ),
    Industry(
        "文化、体育和娱乐业",
        4,
        3,
        ("文化传媒", "体育发展", "文化旅游"),
        ("台球厅", "棋牌室", "健身馆"),
        ("组织文化艺术交流活动", "文艺创作", "体育竞赛组织", "健身休闲活动", "票务代理服务"),
        ("营业性演出", "广播电视节目制作经营"),
    ),
    Industry(
        "教育",
        3,
        0,
        ("教育咨询", "文化培训"),
        (),
        (
            "教育咨询服务（不含涉许可审批的教育培训活动）",
            "业务培训（不含教育培训、职业技能培训等需取得许可的培训）",
            "体育运动培训（不含学科类培训）",
        ),
    ),
    Industry(
        "卫生和社会工作",
        2,
        0,
        ("养老服务", "健康管理"),
        (),
        ("养老服务", "健康咨询服务（不含诊疗服务）", "护理机构服务（不含医疗服务）"),
        ("医疗服务",),
    ),
    Industry(
        "农、林、牧、渔业",
        4,
        0,
        ("农牧业", "农业开发", "种养殖"),
        (),
        (
            "谷物种植",
            "蔬菜种植",
            "牲畜饲养",
            "农产品的生产、销售、加工、运输、贮藏及其他相关服务",
            "农业机械服务",
        ),
        ("种畜禽生产", "林木种子生产经营"),
    ),
)
# Business scope of the name words whose trade is narrower than their industry's: (一般, 许可).
WORD_SCOPES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # retail
    "便利店": (
        ("日用百货销售", "日用品销售", "文具用品零售"),
        ("食品销售", "烟草制品零售", "酒类经营"),
    ),
    "超市": (
        ("日用百货销售", "农副产品销售", "日用家电零售", "厨具卫具及日用杂品零售"),
        ("食品销售", "烟草制品零售", "酒类经营"),
    ),
    "五金商店": (("五金产品零售", "电线、电缆经营", "建筑材料销售", "劳动保护用品销售"), ()),
    "水果店": (("新鲜水果零售", "新鲜蔬菜零售", "食用农产品零售"), ("食品销售",)),
    "副食商店": (("食用农产品零售", "日用百货销售"), ("食品销售", "酒类经营")),
    "服装店": (("服装服饰零售", "鞋帽零售", "针纺织品销售"), ()),
    "烟酒商行": (("日用百货销售",), ("烟草制品零售", "酒类经营", "食品销售")),
    "粮油店": (("食用农产品零售", "谷物销售"), ("食品销售",)),
    "手机店": (("通讯设备销售", "移动终端设备销售", "电子产品销售", "通讯设备修理"), ()),
    "日杂店": (("日用杂品销售", "厨具卫具及日用杂品零售", "塑料制品销售"), ()),
    "建材商店": (("建筑材料销售", "建筑装饰材料销售", "卫生洁具销售", "五金产品零售"), ()),
    "医药": (
        ("第一类医疗器械销售", "第二类医疗器械销售", "保健食品（预包装）销售"),
        ("药品零售", "药品批发"),
    ),
    "汽车销售": (("汽车新车销售", "二手车经销", "汽车零配件零售", "汽车装饰用品销售"), ()),
    "农资": (
        ("化肥销售", "农用薄膜销售", "农业机械销售", "肥料销售"),
        ("农药零售", "农作物种子经营"),
    ),
    # catering and lodging
    "烧烤店": ((), ("餐饮服务", "食品销售")),
    "面馆": ((), ("餐饮服务", "小餐饮")),
    "饺子馆": ((), ("餐饮服务", "小餐饮")),
    "火锅店": ((), ("餐饮服务",)),
    "小吃部": ((), ("小餐饮", "食品小摊贩经营")),
    "早点铺": ((), ("小餐饮",)),
    "对夹店": ((), ("小餐饮", "食品销售")),
    "羊汤馆": ((), ("餐饮服务", "小餐饮")),
    "旅店": (("停车场服务",), ("住宿服务",)),
    # services
    "理发店": (("理发服务",), ()),
    "美容院": (("美甲服务", "养生保健服务（非医疗）"), ("生活美容服务",)),
    "洗衣店": (("洗染服务", "洗烫服务"), ()),
    "汽车修理部": (("机动车修理和维护", "汽车零配件零售", "轮胎销售"), ()),
    "家电维修部": (("日用电器修理", "家用电器销售", "家用电器安装服务"), ()),
    "开锁服务部": (("开锁服务", "五金产品零售"), ()),
    "洗车行": (("洗车服务", "汽车装饰用品销售"), ()),
    "照相馆": (("摄影扩印服务", "图文设计制作"), ()),
    # manufacturing and construction
    "豆腐坊": ((), ("食品小作坊经营",)),
    "馒头坊": ((), ("食品小作坊经营",)),
    "门窗加工部": (("门窗制造加工", "金属门窗工程施工"), ()),
    "门窗": (("门窗制造加工", "门窗销售", "金属门窗工程施工"), ()),
    "木器加工部": (("木制容器制造", "家具制造", "家具零配件销售"), ()),
    "印刷部": (("打字复印", "图文设计制作"), ("包装装潢印刷品印刷",)),
    "印刷": (("图文设计制作", "包装材料及制品销售"), ("包装装潢印刷品印刷", "出版物印刷")),
    "食品": (("食品销售（仅销售预包装食品）", "农副产品销售"), ("食品生产", "食品销售")),
    "乳业": (("牲畜饲养", "食品销售（仅销售预包装食品）"), ("乳制品生产",)),
    "服装": (("服装制造", "服装服饰批发", "针纺织品销售"), ()),
    "装饰部": (("住宅室内装饰装修", "建筑装饰材料销售"), ()),
    "水暖安装部": (("水暖管道零件及其他建筑用金属制品制造", "家用电器安装服务"), ()),
    # company words of broad industries
    "汽车服务": (("机动车修理和维护", "洗车服务", "汽车零配件零售", "汽车装饰用品销售"), ()),
    "家政服务": (("家政服务", "养老服务", "病人陪护服务", "专业保洁、清洗、消毒服务"), ()),
    "物业服务": (("物业管理", "专业保洁、清洗、消毒服务", "停车场服务"), ()),
    "餐饮管理": (("餐饮管理", "外卖递送服务", "食品销售（仅销售预包装食品）"), ("餐饮服务",)),
    "酒店管理": (("酒店管理", "会议及展览服务", "停车场服务"), ("住宿服务", "餐饮服务")),
    "园林绿化工程": (("园林绿化工程施工", "花卉种植", "城市绿化管理"), ()),
    "装饰工程": (("住宅室内装饰装修", "建筑装饰材料销售"), ("建设工程施工",)),
    # business, transport, culture
    "广告部": (("广告设计、代理", "广告制作", "图文设计制作"), ()),
    "图文设计部": (("图文设计制作", "打字复印", "广告制作"), ()),
    "复印部": (("打字复印", "办公服务", "文具用品零售"), ()),
    "货运部": (("国内货物运输代理", "装卸搬运"), ("道路货物运输（不含危险货物）",)),
    "快递服务站": (("快递服务站经营（不含快递业务）",), ()),
    "网络工作室": (("网络技术服务", "软件开发", "计算机系统服务"), ()),
    "房屋中介": (("房地产经纪", "住房租赁"), ()),
    "台球厅": (("台球活动", "体育用品及器材零售"), ()),
    "棋牌室": (("棋牌室服务",), ()),
    "健身馆": (("健身休闲活动", "体育用品及器材零售"), ()),
}
AGRICULTURE = INDUSTRIES[-1]
COOP_PRODUCTS = (
    "蔬菜种植",
    "肉牛养殖",
    "杂粮种植",
    "设施农业",
    "肉羊养殖",
    "农机服务",
    "食用菌种植",
    "果树种植",
    "小米种植",
    "生猪养殖",
    "蛋鸡养殖",
    "中药材种植",
)
COOP_SCOPE = (
    "组织收购、销售成员种植养殖的产品",
    "引进新技术、新品种，开展技术培训、技术交流和信息咨询服务",
    "为成员提供农业生产资料的购买服务",
    "农业机械服务",
)


# --- one enterprise --------------------------------------------------------------------------


def person_name(rng: random.Random) -> str:
    if rng.random() < 0.05:
        return rng.choice(MONGOLIAN_NAMES)
    given_length = 1 if rng.random() < 0.35 else 2
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN_CHARS) for _ in range(given_length))


def trade_name(rng: random.Random, attempt: int) -> str:
    name = rng.choice(TRADE_FIRST) + rng.choice(TRADE_SECOND)
    if attempt >= 20:  # two-character 字号 exhausted for this pattern: use three characters
        name += rng.choice(TRADE_SECOND)
    return name


def enterprise_name(
    rng: random.Random,
    entity_type: str,
    word: str,
    district: District,
    representative: str,
    attempt: int,
) -> str:
    """A name of the usual shape for the entity type; `word` is its trade or product word."""
    trade = trade_name(rng, attempt)
    if entity_type == T.INDIVIDUAL_BUSINESS:
        shop = word
        style = rng.random()
        han_surname = representative not in MONGOLIAN_NAMES and attempt < 10
        if style < 0.2 and han_surname:
            return f"红山区老{representative[0]}{shop}"
        if style < 0.35 and han_surname:
            return f"红山区{representative[0]}记{shop}"
        return f"红山区{trade}{shop}"
    if entity_type == T.COOPERATIVE:
        place = f"赤峰{district.name}" if district.kind == District.Kind.TOWN else "赤峰市红山区"
        return f"{place}{trade}{word}专业合作社"
    prefix = weighted(rng, [("赤峰市红山区", 50), ("赤峰", 35), ("赤峰市", 15)])
    if entity_type == T.JOINT_STOCK:
        return f"赤峰{trade}{word}股份有限公司"
    if entity_type == T.SOLE_PROPRIETORSHIP:
        return f"赤峰市红山区{trade}{word}{rng.choice(['中心', '经营部', '商行'])}"
    if entity_type == T.PARTNERSHIP:
        kind = weighted(rng, [("普通合伙", 60), ("有限合伙", 40)])
        return f"赤峰{trade}{word}中心（{kind}）"
    form = weighted(rng, [("有限公司", 90), ("有限责任公司", 10)])
    return f"{prefix}{trade}{word}{form}"


def address(rng: random.Random, district: District) -> str:
    base = f"内蒙古自治区赤峰市红山区{district.name}"
    if district.code in VILLAGES:
        return f"{base}{rng.choice(VILLAGES[district.code])}{rng.randint(1, 8)}组"
    street = rng.choice(STREETS.get(district.code, ["昭乌达路"]))
    number = rng.randint(1, 260)
    style = rng.random()
    if style < 0.4:
        return f"{base}{street}{number}号"
    if style < 0.7:
        return f"{base}{street}{number}号{rng.choice(COMPOUNDS)}{rng.randint(1, 30)}号楼底商"
    return f"{base}{street}{number}号{rng.randint(1, 12)}层{rng.randint(1, 20):02d}室"


def established_on(rng: random.Random, entity_type: str) -> datetime.date:
    # Registrations grew after the 2014 business-registration reform; cooperatives exist only
    # since the cooperative law came into force.
    first = datetime.date(FIRST_YEAR, 1, 1)
    if entity_type == T.COOPERATIVE:
        first = COOPERATIVE_LAW_IN_FORCE
    years = range(first.year, LAST_DAY.year + 1)
    year = weighted(rng, [(y, 1 if y < 2005 else 2 if y < 2014 else 5) for y in years])
    start = max(datetime.date(year, 1, 1), first)
    end = min(datetime.date(year, 12, 31), LAST_DAY)
    return start + datetime.timedelta(days=rng.randint(0, (end - start).days))


def registered_capital(rng: random.Random, entity_type: str, scale: str) -> Decimal:
    if entity_type == T.INDIVIDUAL_BUSINESS:
        values = ["0.5", "1", "2", "3", "5", "10", "20", "30", "50"]
    elif entity_type == T.COOPERATIVE:
        values = ["10", "30", "50", "100", "200", "300", "500"]
    elif entity_type == T.JOINT_STOCK:
        values = ["500", "1000", "2000", "3000", "5000", "10000"]
    elif scale == S.MEDIUM:
        values = ["1000", "2000", "3000", "5000", "8000"]
    elif scale == S.SMALL:
        values = ["100", "200", "300", "500", "800", "1000"]
    else:
        values = ["1", "3", "5", "10", "10", "20", "30", "50", "50", "100", "100", "200"]
    return Decimal(rng.choice(values)).quantize(Decimal("0.01"))


def business_scope(
    rng: random.Random, industry: Industry, word: str, entity_type: str, since: datetime.date
) -> str:
    if entity_type == T.COOPERATIVE:
        items = rng.sample(COOP_SCOPE, k=rng.randint(2, len(COOP_SCOPE)))
        return "、".join(items) + "。"
    general_pool, licensed_pool = WORD_SCOPES.get(word, (industry.general, industry.licensed))
    size = len(general_pool)
    general = rng.sample(general_pool, k=rng.randint(min(2, size), min(5, size)))
    licensed = []
    if licensed_pool and (not general or rng.random() < 0.6):
        licensed = rng.sample(licensed_pool, k=rng.randint(1, min(2, len(licensed_pool))))
    if since.year < 2021:  # before 经营范围规范化登记
        return "、".join(licensed + general) + "。"
    scope = f"一般项目：{'；'.join(general)}。{GENERAL_NOTE}" if general else ""
    if licensed:
        scope = f"许可项目：{'；'.join(licensed)}。{LICENSED_NOTE}" + scope
    return scope


def build_enterprise(
    index: int,
    *,
    seed: int,
    districts: Sequence[District],
    taken_codes: set[str],
    taken_names: set[str],
) -> Enterprise:
    """The demo enterprise at position `index`; adds its code and name to the taken sets."""
    rng = random.Random(f"{seed}-{index}")
    # The first enterprises cover every 街镇 once; the rest follow business density.
    if index < len(districts):
        district = districts[index]
    else:
        district = weighted(rng, [(d, DISTRICT_WEIGHT.get(d.code, 5)) for d in districts])
    town = district.kind == District.Kind.TOWN
    entity_type = weighted(
        rng,
        [
            (T.INDIVIDUAL_BUSINESS, 52),
            (T.LIMITED_COMPANY, 36),
            (T.SOLE_PROPRIETORSHIP, 3),
            (T.PARTNERSHIP, 2),
            (T.JOINT_STOCK, 1),
            (T.COOPERATIVE, 30 if town else 0),
        ],
    )
    if entity_type == T.COOPERATIVE:
        industry = AGRICULTURE
    elif entity_type == T.INDIVIDUAL_BUSINESS:
        industry = weighted(rng, [(i, i.shop_weight) for i in INDUSTRIES if i.shop_words])
    else:
        industry = weighted(rng, [(i, i.company_weight) for i in INDUSTRIES])

    if entity_type == T.INDIVIDUAL_BUSINESS:
        scale = S.MICRO
    elif entity_type == T.JOINT_STOCK:
        scale = weighted(rng, [(S.SMALL, 50), (S.MEDIUM, 50)])
    elif entity_type == T.LIMITED_COMPANY:
        scale = weighted(rng, [(S.MICRO, 70), (S.SMALL, 25), (S.MEDIUM, 5)])
    else:
        scale = weighted(rng, [(S.MICRO, 85), (S.SMALL, 15)])

    if entity_type == T.INDIVIDUAL_BUSINESS:
        word = rng.choice(industry.shop_words)
    elif entity_type == T.COOPERATIVE:
        word = rng.choice(COOP_PRODUCTS)
    else:
        word = rng.choice(industry.company_words)
    representative = person_name(rng)
    for attempt in range(100):
        name = enterprise_name(rng, entity_type, word, district, representative, attempt)
        if name not in taken_names:
            break
    else:  # pragma: no cover - 100 misses would need millions of rows
        name = f"{name}（{index}）"
    taken_names.add(name)

    category = Enterprise.CODE_CATEGORY.get(entity_type, credit_code.ENTITY_CATEGORY_ENTERPRISE)
    division = credit_code.HONGSHAN_DIVISION
    code = credit_code.generate(rng=rng, category=category, division=division)
    while code in taken_codes:
        code = credit_code.generate(rng=rng, category=category, division=division)
    taken_codes.add(code)

    since = established_on(rng, entity_type)
    return Enterprise(
        credit_code=code,
        name=name,
        entity_type=entity_type,
        legal_representative=representative,
        registered_capital=registered_capital(rng, entity_type, scale),
        established_on=since,
        address=address(rng, district),
        district=district,
        industry=industry.label,
        scale=scale,
        status=weighted(
            rng, [(ST.ACTIVE, 86), (ST.CANCELLED, 8), (ST.REVOKED, 5), (ST.MOVED_OUT, 1)]
        ),
        business_scope=business_scope(rng, industry, word, entity_type, since),
    )


# --- the service -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoResult:
    target: int
    existing: int
    created: int


def missing_count(target: int) -> int:
    """How many enterprises make_demo_enterprises(target) would create."""
    return max(target - Enterprise.objects.count(), 0)


def make_demo_enterprises(
    target: int,
    *,
    seed: int = DEFAULT_SEED,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> DemoResult:
    """Top the directory up to `target` enterprises; does nothing if it already has as many.

    `progress(written, total)` is called after each batch with the rows written so far and the
    number being created.
    """
    if target < 0:
        raise ValueError("target must not be negative")
    existing = Enterprise.objects.count()
    missing = target - existing
    if missing <= 0:
        return DemoResult(target=target, existing=existing, created=0)

    with transaction.atomic():
        if not District.objects.exists():
            load_districts()
        districts = list(District.objects.order_by("code"))
        taken_codes = set(Enterprise.objects.values_list("credit_code", flat=True))
        taken_names = set(Enterprise.objects.values_list("name", flat=True))
        batch: list[Enterprise] = []
        written = 0
        for index in range(existing, target):
            batch.append(
                build_enterprise(
                    index,
                    seed=seed,
                    districts=districts,
                    taken_codes=taken_codes,
                    taken_names=taken_names,
                )
            )
            if len(batch) >= batch_size or index == target - 1:
                Enterprise.objects.bulk_create(batch)
                written += len(batch)
                if progress is not None:
                    progress(written, missing)
                batch = []
    return DemoResult(target=target, existing=existing, created=missing)
