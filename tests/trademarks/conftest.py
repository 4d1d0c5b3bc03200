"""Fixtures of the trademark suites: the Nice classes, a small library, its index, a client."""

import datetime

import pytest
from rest_framework.test import APIClient

from registry_api.trademarks import services
from registry_api.trademarks.models import OwnerType, Recognition, Status
from registry_api.trademarks.reference_data import load_nice_classes
from search.services import search_reindex
from tests.factories import DistrictFactory, EnterpriseFactory
from tests.search.conftest import refresh

PERSON_OWNER = "欧阳红霞"


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def nice_classes(db):
    load_nice_classes()


def make_mark(number: str, name: str, classes=(25,), **fields):
    values = {
        "registration_number": number,
        "name": name,
        "owner_name": "赤峰测试商贸有限公司",
        "applied_on": datetime.date(2015, 3, 1),
        "announced_on": datetime.date(2015, 11, 6),
        "registered_on": datetime.date(2016, 2, 7),
        "status": Status.REGISTERED,
    }
    values.update(fields)
    return services.trademark_create(classes={c: "服装；鞋" for c in classes}, **values)


@pytest.fixture
def library(nice_classes):
    xitun = DistrictFactory(code="150402001", name="西屯街道")
    hada = DistrictFactory(code="150402009", name="哈达街道")
    dairy = EnterpriseFactory(name="赤峰红山乳业有限公司", district=xitun)
    winery = EnterpriseFactory(name="赤峰宏山酒业有限公司", district=hada)
    return {
        "dairy": dairy,
        "winery": winery,
        "hongshan": make_mark("10000001", "红山", classes=(29, 32), owner=dairy),
        "homophone": make_mark("10000002", "宏山", classes=(33,), owner=winery),
        "near": make_mark("10000003", "洪三", classes=(29,)),
        "unrelated": make_mark(
            "10000004",
            "蓝天",
            classes=(29,),
            recognition=Recognition.WELL_KNOWN,
            recognition_year=2012,
            recognition_authority="国家工商行政管理总局商标局",
        ),
        "person": make_mark(
            "10000005",
            "草原明珠",
            classes=(43,),
            owner_type=OwnerType.NATURAL_PERSON,
            owner_name=PERSON_OWNER,
        ),
        "pending": make_mark(
            "20000006",
            "红山湖",
            classes=(29,),
            announced_on=None,
            registered_on=None,
            status=Status.APPLYING,
            applied_on=datetime.date(2025, 6, 1),
        ),
    }


@pytest.fixture
def indexed(search_engine, library):
    search_reindex(kinds=["trademark"])
    refresh()
    return library
