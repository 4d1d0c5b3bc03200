"""Fixtures of the 融资服务 suite: enterprises, one record of each kind and API clients."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission, User
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from registry_api.enterprises.models import Enterprise
from registry_api.finance.models import (
    ChattelMortgage,
    EquityPledge,
    FinancingNeed,
    LoanProduct,
)
from tests.factories import DistrictFactory, EnterpriseFactory


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def clerk_api(db):
    """A client with an API token of a clerk allowed to edit the finance registry."""
    user = User.objects.create_user("finance-clerk", password="not-used")
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="finance"))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def companies(db):
    district = DistrictFactory(code="150402001", name="西屯街道")
    return [
        EnterpriseFactory(district=district, scale=Enterprise.Scale.MICRO),
        EnterpriseFactory(
            district=district,
            scale=Enterprise.Scale.MEDIUM,
            industry="制造业",
            name="赤峰乳业有限公司",
        ),
    ]


def make_product(**fields) -> LoanProduct:
    values = {
        "bank": "内蒙古银行赤峰分行",
        "name": "小微快贷",
        "rate_min": Decimal("3.45"),
        "rate_max": Decimal("5.45"),
        "amount_min": Decimal("1"),
        "amount_max": Decimal("100"),
        "term_min_months": 3,
        "term_max_months": 36,
        "target_scales": ["micro", "small"],
        "target_industries": [],
        "collateral": "credit",
        "contact_phone": "0476-8228107",
        "active": True,
    }
    return LoanProduct.objects.create(**{**values, **fields})


@pytest.fixture
def finance(companies):
    micro, medium = companies
    pledge_person = EquityPledge.objects.create(
        registration_number="1504022024000001",
        pledgor_name="张三明",
        pledgor_type=EquityPledge.PledgorType.NATURAL_PERSON,
        enterprise=micro,
        pledgee="中国建设银行赤峰分行",
        amount=Decimal("50"),
        registered_on=datetime.date(2024, 3, 1),
    )
    pledge_company = EquityPledge.objects.create(
        registration_number="1504022019000002",
        pledgor_name="赤峰鑫源商贸有限公司",
        pledgor_type=EquityPledge.PledgorType.ENTERPRISE,
        enterprise=medium,
        pledgee="赤峰农村商业银行",
        amount=Decimal("200"),
        registered_on=datetime.date(2019, 6, 1),
        status="cancelled",
        cancelled_on=datetime.date(2021, 6, 1),
    )
    mortgage = ChattelMortgage.objects.create(
        registration_number="红市监抵201800001",
        enterprise=micro,
        mortgagee="中国工商银行赤峰分行",
        secured_amount=Decimal("80"),
        collateral_description="生产设备一批",
        registered_on=datetime.date(2018, 5, 2),
    )
    credit = make_product()
    mortgage_product = make_product(
        bank="中国工商银行赤峰分行",
        name="厂房抵押贷",
        collateral="mortgage",
        amount_max=Decimal("1000"),
        rate_min=Decimal("3.20"),
        target_scales=[],
    )
    inactive = make_product(bank="赤峰农村商业银行", name="已停售产品", active=False)
    need = FinancingNeed.objects.create(
        enterprise=micro,
        amount=Decimal("50"),
        term_months=12,
        purpose="采购原材料",
        collateral_offered="credit",
        published_on=datetime.date(2026, 10, 1),
    )
    return {
        "pledge_person": pledge_person,
        "pledge_company": pledge_company,
        "mortgage": mortgage,
        "credit": credit,
        "mortgage_product": mortgage_product,
        "inactive": inactive,
        "need": need,
        "micro": micro,
        "medium": medium,
    }
