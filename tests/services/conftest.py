"""Fixtures of the services suite: a clean throttle cache, agencies and consultations."""

import datetime

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from registry_api.services import services
from registry_api.services.models import Agency
from tests.factories import DistrictFactory, EnterpriseFactory

ASKER = {
    "name": "李秀英",
    "phone": "13912345678",
    "email": "lixiuying@example.com",
}


@pytest.fixture(autouse=True)
def clear_throttle_history():
    """Throttle counts live in the cache; every test starts from none."""
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
def agencies(district):
    town = DistrictFactory(code="150402100", name="红庙子镇", kind="town")
    enterprise = EnterpriseFactory(district=district, name="赤峰鑫源人力资源服务有限公司")
    return [
        services.agency_create(
            kind=Agency.Kind.HR_AGENCY,
            name=enterprise.name,
            enterprise=enterprise,
            qualification="（蒙）人服证字〔2024〕第04020001号",
            services="职业介绍\n劳务派遣",
            district=district,
            address="内蒙古自治区赤峰市红山区西屯街道钢铁街1号",
            phone="0476-8888888",
            vetted_on=datetime.date(2024, 3, 1),
        ),
        law_firm_create(town),
    ]


def law_firm_create(district) -> Agency:
    """内蒙古昭德律师事务所, a law firm of `district` (the 法律服务 consultations' kind)."""
    return services.agency_create(
        kind=Agency.Kind.LAW_FIRM,
        name="内蒙古昭德律师事务所",
        qualification="31150400012024",
        services="企业常年法律顾问\n合同审查",
        district=district,
        address="内蒙古自治区赤峰市红山区红庙子镇红旗村1组",
        phone="12348",
        vetted_on=datetime.date(2025, 6, 1),
    )


def submit(**overrides):
    fields = {
        "channel": "registration",
        "asker_name": ASKER["name"],
        "asker_phone": ASKER["phone"],
        "asker_email": ASKER["email"],
        "subject": "个体工商户转企业",
        "question": "个体工商户转为有限公司，字号能保留吗？",
        **overrides,
    }
    return services.consultation_submit(**fields)
