"""Registry part 风采展示 · 电子商务: small businesses' online shops, with links out.

Pages: /ecommerce/ (every published shop, paginated), /ecommerce/category/<category>/ and
/ecommerce/district/<code>/ (the same by category and by 街镇), /ecommerce/<id>/ (one shop:
its featured products, the link out to the platform, the enterprise's directory page) and
/ecommerce/new/ (网店入驻申请; without JavaScript it posts to Django's /forms/ecommerce/,
cms/forms_pages/ecommerce.py, which renders the same template again with the 查询码 or the
errors). Nothing is sold or paid on our site; the API's shops carry no contact person or phone.
"""

from __future__ import annotations

from .client import ApiClient
from .forms_pages import _render

SHOPS_PATH = "api/v1/online-shops/"
SUBMIT_URL = "/api/v1/online-shops/"
FORM_PAGE = "/forms/ecommerce/"
PRODUCT_SLOTS = 3  # the no-JS form's rows of featured products (the API takes up to 5)
# The registry's vocabularies (registry_api/ecommerce/models.py), in their order.
CATEGORIES = {
    "farm": "农副土特产",
    "food": "食品饮料",
    "clothing": "服装鞋帽",
    "household": "家居日用",
    "crafts": "工艺品与文创",
    "electronics": "数码家电",
    "takeaway": "餐饮外卖",
    "services": "生活服务",
}
PLATFORMS = {
    "taobao": "淘宝",
    "jd": "京东",
    "pinduoduo": "拼多多",
    "douyin": "抖音",
    "kuaishou": "快手",
    "wechat": "微信小程序",
    "meituan": "美团",
    "own_site": "自营网站",
    "other": "其他平台",
}
# HONGSHAN_URLS keys of the pages every build writes (platform pages link only built pages).
URLS = ("ecommerce_index", "ecommerce_new")
PLATFORM_LINKS = {
    "showcase": (("ecommerce_index", "电子商务"), ("ecommerce_new", "网店入驻申请")),
}


def fetch(client: ApiClient) -> dict:
    return {
        "shops": list(client.registry_list(SHOPS_PATH, {})),
        "districts": list(client.registry_list("api/v1/districts/", {})),
    }


def _counted(shops: list[dict], value_of) -> dict[str, int]:
    counts: dict[str, int] = {}
    for shop in shops:
        counts[value_of(shop)] = counts.get(value_of(shop), 0) + 1
    return counts


def category_nav(shops: list[dict]) -> list[dict]:
    """Every category with a published shop, in the vocabulary's order, with its count."""
    counts = _counted(shops, lambda shop: shop["category"])
    return [
        {"code": code, "label": label, "url": f"/ecommerce/category/{code}/", "count": counts[code]}
        for code, label in CATEGORIES.items()
        if code in counts
    ]


def district_nav(shops: list[dict], districts: list[dict]) -> list[dict]:
    """Every 街镇 with a published shop, in the directory's order, with its count."""
    counts = _counted(shops, lambda shop: (shop.get("district") or {}).get("code"))
    return [
        {
            "code": d["code"],
            "label": d["name"],
            "url": f"/ecommerce/district/{d['code']}/",
            "count": counts[d["code"]],
        }
        for d in districts
        if d["code"] in counts
    ]


def form_context() -> dict:
    """What the application form shows, for the build and Django's /forms/ecommerce/ alike."""
    return {
        "categories": [{"code": code, "label": label} for code, label in CATEGORIES.items()],
        "platforms": [{"code": code, "label": label} for code, label in PLATFORMS.items()],
        "product_slots": list(range(PRODUCT_SLOTS)),
        "page_url": FORM_PAGE,
        "submit_url": SUBMIT_URL,
    }


def write(generator, writer, data: dict) -> None:
    shops = data["shops"]
    navs = {
        "category_facets": category_nav(shops),
        "district_facets": district_nav(shops, data["districts"]),
    }
    generator._write_paginated(
        "ecommerce/index.html",
        "ecommerce/",
        "ecommerce_list",
        shops,
        writer,
        page_title="电子商务",
        facet=None,
        **navs,
    )
    lists = [
        (navs["category_facets"], "category", lambda shop: shop["category"]),
        (
            navs["district_facets"],
            "district",
            lambda shop: (shop.get("district") or {}).get("code"),
        ),
    ]
    for facets, kind, value_of in lists:
        for facet in facets:
            path = f"ecommerce/{kind}/{facet['code']}/"
            generator._write_paginated(
                f"{path}index.html",
                path,
                "ecommerce_list",
                [shop for shop in shops if value_of(shop) == facet["code"]],
                writer,
                page_title=f"电子商务 · {facet['label']}",
                facet={**facet, "kind": kind},
                **navs,
            )
    for shop in shops:
        generator._write(
            f"ecommerce/{shop['id']}/index.html",
            "ecommerce_detail",
            writer,
            page_title=f"{shop['name']} - {shop['enterprise']['name']}",
            item=shop,
        )
    generator._write(
        "ecommerce/new/index.html",
        "ecommerce_new",
        writer,
        page_title="网店入驻申请",
        **form_context(),
    )


def render_ecommerce_new(
    *,
    values: dict | None = None,
    errors: dict[str, str] | None = None,
    status: dict | None = None,
    receipt: dict | None = None,
) -> str:
    """The application form refilled after a refused post, or the receipt with its 查询码
    (Django's /forms/ecommerce/ page, in the build's look)."""
    return _render(
        "ecommerce_new",
        page_title="网店入驻申请 - 提交成功" if receipt else "网店入驻申请",
        values=values,
        errors=errors or {},
        status=status,
        receipt=receipt,
        **form_context(),
    )
