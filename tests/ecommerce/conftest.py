"""Fixtures of the 电子商务 suite: districts, enterprises of the directory, a clean throttle."""

import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
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


def photo(width=1600, height=1200, *, fmt="JPEG", gps=True) -> SimpleUploadedFile:
    """A camera-like product photo: EXIF with the phone's make, an orientation and, by
    default, where it was taken (the personal data the stored copies must not carry)."""
    picture = Image.new("RGB", (width, height), (180, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 6  # Orientation: the camera was turned, the picture must be rotated
    if gps:
        exif[0x8825] = {1: "N", 2: (42.0, 16.0, 30.0), 3: "E", 4: (118.0, 57.0, 10.0)}
    out = io.BytesIO()
    picture.save(out, fmt, exif=exif.tobytes())
    kind = {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp"}[fmt]
    return SimpleUploadedFile(f"IMG_0001.{kind}", out.getvalue(), content_type=f"image/{kind}")
