"""Fixtures of the jobs suite: districts, an enterprise of the directory, an HR agency."""

import datetime

import pytest
from rest_framework.test import APIClient

from registry_api.jobs import services
from registry_api.services import services as agency_services
from registry_api.services.models import Agency
from tests.factories import DistrictFactory, EnterpriseFactory

CONTACT = {"name": "王淑芬", "phone": "13847612345"}


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
    return EnterpriseFactory(
        district=district, name="赤峰红山鑫隆餐饮有限公司", industry="住宿和餐饮业"
    )


@pytest.fixture
def hr_agency(district):
    owner = EnterpriseFactory(district=district, name="赤峰鑫源人力资源服务有限公司")
    return agency_services.agency_create(
        kind=Agency.Kind.HR_AGENCY,
        name=owner.name,
        enterprise=owner,
        qualification="（蒙）人服证字〔2024〕第04020001号",
        services="职业介绍\n劳务派遣",
        district=district,
        address="内蒙古自治区赤峰市红山区西屯街道钢铁街1号",
        phone="0476-8888888",
        vetted_on=datetime.date(2024, 3, 1),
    )


def demand_submit(enterprise, **overrides):
    fields = {
        "enterprise": enterprise,
        "title": "中餐厨师",
        "trade": "catering",
        "headcount": 2,
        "contact_name": CONTACT["name"],
        "contact_phone": CONTACT["phone"],
        "pay_min": 4000,
        "pay_max": 6000,
        "requirements": "有两年以上中餐经验，能适应早晚班。",
        **overrides,
    }
    return services.job_demand_submit(**fields).demand


def demand_listed(enterprise, **overrides):
    demand = demand_submit(enterprise, **overrides)
    return services.job_demand_set_status(demand=demand, status="open")
