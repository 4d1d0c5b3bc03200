"""Fixtures of the 闲置商标交流 suite: a few marks, listings in every state, a clean throttle."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.utils import timezone
from rest_framework.test import APIClient

from registry_api.exchange import services
from registry_api.exchange.models import IdleListing
from registry_api.trademarks.reference_data import load_nice_classes
from tests.trademarks.conftest import make_mark

OWNER = {"name": "皇甫静怡", "phone": "13604761234", "email": "huangfu.jingyi@example.com"}
INQUIRER = {"name": "赤峰远景食品有限公司", "phone": "15804769876", "email": "yj@example.com"}


@pytest.fixture(autouse=True)
def clear_throttle_history():
    """Throttle counts live in the cache; every test starts from none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff(client):
    user = User.objects.create_superuser("relayer", password="not-used")
    client.force_login(user)
    return user


@pytest.fixture
def api():
    return APIClient()


def make_listing(mark, **fields) -> IdleListing:
    today = timezone.localdate()
    values = {
        "trademark": mark,
        "kind": IdleListing.Kind.TRANSFER,
        "terms": "整体转让，权利人协助办理转让手续。",
        "price": Decimal("50000"),
        "negotiable": False,
        "listed_on": today - datetime.timedelta(days=10),
        "valid_until": today + datetime.timedelta(days=100),
        "status": IdleListing.Status.PUBLISHED,
        "owner_contact_name": OWNER["name"],
        "owner_contact_phone": OWNER["phone"],
        "owner_contact_email": OWNER["email"],
    }
    return services.listing_create(**{**values, **fields})


@pytest.fixture
def listings(db):
    load_nice_classes()
    food = make_mark("20000001", "草原牧歌", classes=(29, 30))
    clothes = make_mark("20000002", "红山云锦", classes=(25,))
    wine = make_mark("20000003", "松州老窖", classes=(33,))
    today = timezone.localdate()
    return {
        "transfer": make_listing(food),
        "licence": make_listing(
            clothes,
            kind=IdleListing.Kind.LICENCE,
            price=Decimal("8000"),
            terms="普通许可三年，限赤峰市范围。",
        ),
        "either": make_listing(wine, kind=IdleListing.Kind.EITHER, price=None, negotiable=True),
        "pending": make_listing(wine, status=IdleListing.Status.PENDING),
        "withdrawn": make_listing(food, status=IdleListing.Status.WITHDRAWN),
        "expired": make_listing(
            clothes,
            listed_on=today - datetime.timedelta(days=200),
            valid_until=today - datetime.timedelta(days=1),
        ),
    }
