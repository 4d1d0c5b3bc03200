"""Fixtures of the 电子商务 suite: districts, enterprises of the directory, a clean throttle."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from registry_api.ecommerce import services
from registry_api.ecommerce.models import OnlineShop
from tests.factories import DistrictFactory, EnterpriseFactory

CONTACT = {"name": "王淑芬", "phone": "13847612345"}
PRODUCTS = [
    {"name": "红山小米", "price": "¥39.9起", "description": "当年新米，5斤装"},
    {"name": "荞麦挂面", "price": "¥25", "description": ""},
]


@pytest.fixture(autouse=True)
def clear_throttle_history():
    """Throttle counts and duplicate claims live in the cache; every test starts from none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def district(db):
    return DistrictFactory(code="150402001", name="西屯街道")


@pytest.fixture
def town(db):
    return DistrictFactory(code="150402100", name="红庙子镇", kind="town")


@pytest.fixture
def enterprise(district):
    return EnterpriseFactory(district=district, name="赤峰红山五谷农产品有限公司")


def shop_submit(enterprise, **overrides):
    fields = {
        "enterprise": enterprise,
        "name": "红山五谷旗舰店",
        "platform": "taobao",
        "url": "https://hongshanwugu.taobao.com/",
        "category": "farm",
        "introduction": "赤峰本地杂粮。",
        "products": PRODUCTS,
        "contact_name": CONTACT["name"],
        "contact_phone": CONTACT["phone"],
    }
    return services.online_shop_submit(**{**fields, **overrides}).shop


def shop_published(enterprise, **overrides) -> OnlineShop:
    shop = shop_submit(enterprise, **overrides)
    return services.online_shop_set_status(shop=shop, status=OnlineShop.Status.PUBLISHED)
