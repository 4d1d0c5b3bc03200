"""The demo online shops: categories that fit the enterprise, listed after it was established,
valid rows, created once, the published ones in the public list."""

import pytest

from registry_api.ecommerce.demo_data import OFFERS, make_demo_ecommerce
from registry_api.ecommerce.models import OnlineShop
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


def test_demo_shops_fit_their_enterprises_and_load_once(district, api):
    for industry in ("农、林、牧、渔业", "制造业", "住宿和餐饮业"):
        for _ in range(3):
            EnterpriseFactory(district=district, industry=industry)
    assert make_demo_ecommerce(shops=24) == 24
    assert make_demo_ecommerce(shops=24) == 0
    shops = list(OnlineShop.objects.select_related("enterprise"))
    for shop in shops:
        shop.full_clean()
        fitting = {category for category, *_ in OFFERS[shop.enterprise.industry]}
        assert shop.category in fitting
        if shop.listed_on:
            assert shop.listed_on >= shop.enterprise.established_on
    listed = api.get("/api/v1/online-shops/", {"page_size": 100}).json()["results"]
    assert len(listed) == sum(1 for s in shops if s.status == OnlineShop.Status.PUBLISHED)
    pictured = [s for s in shops if s.image]
    assert 0 < len(pictured) < len(shops), "some shops have a picture, some none"
    assert all(s.thumbnail and s.image_width == 640 for s in pictured)
