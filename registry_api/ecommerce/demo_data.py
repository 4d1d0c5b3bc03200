"""Demo online shops: a few dozen shops of directory enterprises whose category fits their
industry, on the usual platforms, most published by staff, each listed after the enterprise
was established, about two in three with a product picture (drawn here: the first product's
name on its category's colour). Idempotent: a shop is keyed by its 查询码 (WD + day + D +
index).
"""

from __future__ import annotations

import datetime
import random
from pathlib import Path

from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from registry_api.enterprises.models import Enterprise

from .images import shop_image_attach
from .models import OnlineShop, products_text

DEFAULT_SHOPS = 36
DEFAULT_SEED = 16
# Industry (the directory's 国民经济行业 door) → (category, shop suffix, platforms, products).
OFFERS = {
    "农、林、牧、渔业": [
        (
            "farm",
            "农场直供店",
            ("taobao", "pinduoduo", "douyin"),
            [("红山小米", "¥39.9起", "当年新米，5斤装"), ("荞麦面粉", "¥25", "石磨慢碾")],
        ),
    ],
    "批发和零售业": [
        (
            "food",
            "特产专营店",
            ("jd", "taobao", "wechat"),
            [("牛肉干", "¥58起", "手撕风干，250克"), ("沙棘汁", "¥49.9/箱", "12瓶装")],
        ),
        (
            "household",
            "日用百货店",
            ("pinduoduo", "wechat"),
            [("羊毛毡拖鞋", "¥29.9", "冬季保暖"), ("不锈钢保温壶", "¥69", "2升")],
        ),
    ],
    "制造业": [
        (
            "crafts",
            "手作工坊",
            ("douyin", "kuaishou", "own_site"),
            [("蒙古族刺绣挂件", "¥88起", "手工刺绣"), ("桦树皮笔筒", "¥45", "")],
        ),
        (
            "clothing",
            "服饰旗舰店",
            ("taobao", "jd"),
            [("羊绒围巾", "¥199起", "赤峰本地羊绒"), ("加厚棉服", "¥269", "")],
        ),
    ],
    "住宿和餐饮业": [
        (
            "takeaway",
            "外卖店",
            ("meituan",),
            [("手工水饺", "¥22起", "猪肉酸菜馅"), ("对夹", "¥12", "赤峰特色小吃")],
        ),
    ],
    "居民服务、修理和其他服务业": [
        (
            "services",
            "上门服务",
            ("meituan", "wechat"),
            [("家电清洗", "¥99起", "空调、油烟机"), ("上门开锁", "¥60起", "持证上门")],
        ),
    ],
    "信息传输、软件和信息技术服务业": [
        (
            "electronics",
            "数码配件店",
            ("jd", "taobao"),
            [("充电宝", "¥79", "1万毫安"), ("蓝牙耳机", "¥129起", "")],
        ),
    ],
}
PLATFORM_URLS = {
    "taobao": "https://shop{n}.taobao.com/",
    "jd": "https://mall.jd.com/index-{n}.html",
    "pinduoduo": "https://mobile.yangkeduo.com/mall_page.html?mall_id={n}",
    "douyin": "https://v.douyin.com/shop{n}/",
    "kuaishou": "https://www.kuaishou.com/profile/shop{n}",
    "wechat": "https://mp.weixin.qq.com/s/shop{n}",
    "meituan": "https://www.meituan.com/shop/{n}/",
    "own_site": "https://www.hongshan-shop{n}.cn/",
}
# A CJK font (`make browser` installs it); without one the pictures carry no text.
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
# Dark enough for white text (at least 7:1).
CATEGORY_COLOURS = {
    "farm": "#1e5631",
    "food": "#7a1f2b",
    "household": "#124e5c",
    "crafts": "#5b2c83",
    "clothing": "#3a3f8f",
    "takeaway": "#8a4b00",
    "services": "#5a3d2b",
    "electronics": "#1b4f8a",
}
PICTURE_SHARE = 0.65
SURNAMES = "王李张刘陈杨赵黄周吴"
GIVEN = "淑芬秀英桂兰建华国强玉梅"


def demo_reference(index: int, day: datetime.date) -> str:
    return f"WD{day:%Y%m%d}D{index:05d}"


def demo_picture(product: str, shop: str, category: str) -> Image.Image:
    """A 640×480 card standing in for a product photo: the product's name large, the
    shop's name small, on the category's colour."""
    picture = Image.new("RGB", (640, 480), CATEGORY_COLOURS.get(category, "#2f4f2f"))
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle((40, 40, 600, 440), radius=36, outline="white", width=6)
    if FONT.exists():
        big, small = ImageFont.truetype(str(FONT), 64), ImageFont.truetype(str(FONT), 28)
        draw.text((320, 220), product, font=big, fill="white", anchor="mm")
        draw.text((320, 340), shop, font=small, fill="white", anchor="mm")
    return picture


def _enterprises_by_industry() -> dict[str, list[Enterprise]]:
    found = {}
    for industry in OFFERS:
        rows = list(
            Enterprise.objects.filter(industry=industry, status=Enterprise.Status.ACTIVE)
            .select_related("district")
            .order_by("credit_code")[:40]
        )
        if rows:
            found[industry] = rows
    return found


def make_demo_ecommerce(*, shops: int = DEFAULT_SHOPS, seed: int = DEFAULT_SEED) -> int:
    """Create up to `shops` demo online shops (fewer if the directory has no fitting
    enterprise); returns how many were created. Each is its own short transaction: the
    pictures are drawn and written outside any."""
    rng = random.Random(f"{seed}-ecommerce")
    by_industry = _enterprises_by_industry()
    if not by_industry:
        return 0
    taken = set(OnlineShop.objects.values_list("reference", flat=True))
    today = timezone.localdate()
    industries = sorted(by_industry)
    created = 0
    for index in range(shops):
        industry = industries[index % len(industries)]
        enterprise = rng.choice(by_industry[industry])
        # Listed after the enterprise was established, within the last 120 days.
        first = max(enterprise.established_on, today - datetime.timedelta(days=120))
        day = first + datetime.timedelta(days=rng.randint(0, max((today - first).days, 0)))
        category, suffix, platforms, products = rng.choice(OFFERS[industry])
        platform = rng.choice(platforms)
        status = OnlineShop.Status.PENDING if rng.random() < 0.1 else OnlineShop.Status.PUBLISHED
        submitted = timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(rng.randint(8, 17), rng.randint(0, 59)))
        )
        contact_name = rng.choice(SURNAMES) + rng.choice(GIVEN[::2]) + rng.choice(GIVEN[1::2])
        contact_phone = f"1{rng.choice('3578')}{rng.randint(0, 999999999):09d}"
        pictured = rng.random() < PICTURE_SHARE
        # Every draw is made before the skip: a second run draws the same shops.
        reference = demo_reference(index, day)
        if reference in taken:
            continue
        short = enterprise.name.replace("赤峰市", "").replace("赤峰", "")[:8]
        shop = OnlineShop(
            reference=reference,
            enterprise=enterprise,
            name=f"{short}{suffix}",
            platform=platform,
            url=PLATFORM_URLS[platform].format(n=100000 + index),
            category=category,
            introduction=f"{enterprise.district.name}本地企业经营，平台下单、平台支付。",
            products=products_text(
                [{"name": n, "price": p, "description": d} for n, p, d in products]
            ),
            contact_name=contact_name,
            contact_phone=contact_phone,
            status=status,
            listed_on=None if status == OnlineShop.Status.PENDING else day,
            submitted_at=submitted,
        )
        if pictured:
            shop_image_attach(shop, demo_picture(products[0][0], shop.name, category))
        shop.save()
        created += 1
    return created
