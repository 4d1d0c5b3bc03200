"""Validation rules of the finance models (clean())."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from registry_api.finance import services
from registry_api.finance.models import CHATTEL_REFERRAL, ChattelMortgage, EquityPledge, LoanProduct

pytestmark = pytest.mark.django_db


def mortgage(enterprise, **fields):
    values = {
        "registration_number": "红市监抵202100001",
        "enterprise": enterprise,
        "mortgagee": "中国银行赤峰分行",
        "secured_amount": Decimal("10"),
        "collateral_description": "车辆",
        "registered_on": datetime.date(2020, 12, 31),
    }
    return ChattelMortgage(**{**values, **fields})


def test_mortgage_on_or_after_2021_is_refused_with_the_referral(companies):
    with pytest.raises(ValidationError) as error:
        mortgage(companies[0], registered_on=datetime.date(2021, 1, 1)).full_clean()
    assert error.value.message_dict["registered_on"] == [CHATTEL_REFERRAL]
    assert "中国人民银行征信中心动产融资统一登记公示系统" in CHATTEL_REFERRAL


def test_mortgage_before_2021_is_accepted(companies):
    mortgage(companies[0]).full_clean()


def test_cancellation_date_goes_with_cancelled_status(companies):
    with pytest.raises(ValidationError) as error:
        mortgage(companies[0], status="cancelled").full_clean()
    assert "注销日期" in error.value.message_dict["cancelled_on"][0]
    with pytest.raises(ValidationError):
        mortgage(companies[0], cancelled_on=datetime.date(2020, 12, 31)).full_clean()
    with pytest.raises(ValidationError) as error:
        mortgage(
            companies[0], status="cancelled", cancelled_on=datetime.date(2019, 1, 1)
        ).full_clean()
    assert error.value.message_dict["cancelled_on"] == ["注销日期不能早于登记日期。"]


def test_pledge_amount_must_be_positive(companies):
    pledge = EquityPledge(
        registration_number="1",
        pledgor_name="张三",
        pledgor_type="natural_person",
        enterprise=companies[0],
        pledgee="银行",
        amount=Decimal("0"),
        registered_on=datetime.date(2024, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        pledge.full_clean()
    assert error.value.message_dict["amount"] == ["出质股权数额必须大于0。"]


@pytest.mark.parametrize(
    ("field", "low", "high", "message"),
    [
        ("rate_min", Decimal("6"), Decimal("4"), "年利率的下限不能大于上限。"),
        ("amount_min", Decimal("200"), Decimal("100"), "贷款额度的下限不能大于上限。"),
        ("term_min_months", 48, 12, "贷款期限的下限不能大于上限。"),
    ],
)
def test_loan_product_ranges_need_min_not_above_max(field, low, high, message):
    values = {
        "bank": "银行",
        "name": "产品",
        "rate_min": Decimal("3"),
        "rate_max": Decimal("5"),
        "amount_min": Decimal("1"),
        "amount_max": Decimal("100"),
        "term_min_months": 1,
        "term_max_months": 36,
        "collateral": "credit",
        "contact_phone": "0476-1",
    }
    values[field] = low
    values[field.replace("min", "max")] = high
    with pytest.raises(ValidationError) as error:
        services.record_create(LoanProduct, **values)
    assert error.value.message_dict[field] == [message]


def test_loan_product_scales_are_checked():
    product = LoanProduct(
        bank="银行",
        name="产品",
        rate_min=1,
        rate_max=2,
        amount_min=1,
        amount_max=2,
        term_min_months=1,
        term_max_months=2,
        collateral="credit",
        contact_phone="1",
        target_scales=["huge"],
    )
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert "target_scales" in error.value.message_dict
