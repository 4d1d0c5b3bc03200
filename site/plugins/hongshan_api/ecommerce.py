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
from .parts import district_choices, district_of, write_facet_lists
from .vocabulary import vocabulary_fetch

SHOPS_PATH = "api/v1/online-shops/"
SUBMIT_URL = "/api/v1/online-shops/"
FORM_PAGE = "/forms/ecommerce/"
PRODUCT_SLOTS = 3  # the no-JS form's rows of featured products (the API takes up to 5)
# HONGSHAN_URLS keys of the pages every build writes (platform pages link only built pages).
URLS = ("ecommerce_index", "ecommerce_new")
PLATFORM_LINKS = {
    "showcase": (("ecommerce_index", "电子商务"), ("ecommerce_new", "网店入驻申请")),
}


def fetch(client: ApiClient) -> dict:
    lists = vocabulary_fetch(client)["lists"]
    return {
        "shops": list(client.registry_list(SHOPS_PATH, {})),
        "districts": list(client.registry_list("api/v1/districts/", {})),
        # Their labels in the registry's order (registry_api/ecommerce/models.py).
        "categories": lists["shop_categories"],
        "platforms": lists["shop_platforms"],
    }


def form_context(categories: dict[str, str], platforms: dict[str, str]) -> dict:
    """What the application form shows, for the build and Django's /forms/ecommerce/ alike."""
    return {
        "categories": [{"code": code, "label": label} for code, label in categories.items()],
        "platforms": [{"code": code, "label": label} for code, label in platforms.items()],
        "product_slots": list(range(PRODUCT_SLOTS)),
        "page_url": FORM_PAGE,
        "submit_url": SUBMIT_URL,
    }


def write(generator, writer, data: dict) -> None:
    shops = data["shops"]
    write_facet_lists(
        generator,
        writer,
        base="ecommerce/",
        template="ecommerce_list",
        items=shops,
        title="电子商务",
        dimensions={
            "category": (data["categories"], lambda shop: shop["category"]),
            "district": (district_choices(data["districts"]), district_of),
        },
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
        **form_context(data["categories"], data["platforms"]),
    )


def render_ecommerce_new(
    *,
    categories: dict[str, str],
    platforms: dict[str, str],
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
        **form_context(categories, platforms),
    )
