"""Search kind "online_shop": the shops staff published in the 电子商务 showcase, found by the
shop's name, its featured products, its category and platform, and the enterprise's name.

Only what registry_api/ecommerce/selectors.shop_public_list returns is indexed, and only
public fields; never the contact person, the phone, the staff note or the 查询码.
"""

import dataclasses

from django.utils import timezone
from elasticsearch.dsl import Keyword

from search.documents import SearchDocument, index_options
from search.fields import DistrictFields, EnterpriseFields, district_fields, enterprise_fields
from search.kind import Follow, row_kind
from search.presenters import join_text, row_document

from .models import OnlineShop
from .selectors import shop_public_list


class OnlineShopDocument(SearchDocument, DistrictFields, EnterpriseFields):
    """A published shop; the document id is the shop id."""

    category = Keyword()  # Category
    platform = Keyword()  # Platform

    Index = index_options("online_shop")


def online_shop_document(shop: OnlineShop) -> OnlineShopDocument:
    enterprise = shop.enterprise
    products = "、".join(product["name"] for product in shop.product_list)
    facts = f"{shop.get_category_display()} · {shop.get_platform_display()}"
    return row_document(
        OnlineShopDocument,
        "online_shop",
        shop,
        title=f"{shop.name}（{enterprise.name}）",
        body=join_text(facts, f"推荐商品：{products}" if products else "", shop.introduction),
        all_text=join_text(
            shop.name,
            shop.get_category_display(),
            shop.get_platform_display(),
            enterprise.name,
            enterprise.district.name,
            products,
            shop.introduction,
        ),
        date=shop.listed_on or timezone.localdate(shop.submitted_at),
        category=shop.category,
        platform=shop.platform,
        **district_fields(enterprise.district),
        **enterprise_fields(enterprise),
    )


ONLINE_SHOP = dataclasses.replace(
    row_kind(
        "online_shop",
        "电子商务网店",
        OnlineShopDocument,
        rows=shop_public_list,
        present=online_shop_document,
        related=("enterprise__district",),
        follows=(
            Follow(
                "enterprises.Enterprise",
                lambda enterprise: enterprise.online_shops.values_list("pk", flat=True),
            ),
        ),
    ),
    # A shop waiting for staff changes nothing the public sees.
    shows_save=lambda shop, created: shop.status != OnlineShop.Status.PENDING,
)
