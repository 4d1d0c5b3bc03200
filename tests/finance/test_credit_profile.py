"""The credit profile joins records, equity pledges and historical mortgages in one timeline."""

import datetime

import pytest

from registry_api.credit.reference_data import load_credit_reference
from registry_api.finance.models import CHATTEL_REFERRAL
from tests.credit.conftest import make_record

pytestmark = pytest.mark.django_db

COMMON = {"type", "date", "title", "summary", "status", "status_display"}


def test_profile_joins_records_pledges_and_mortgages(api, finance):
    from registry_api.credit.models import Department

    load_credit_reference()
    micro = finance["micro"]
    record = make_record(
        micro,
        Department.objects.get(code="samr"),
        "红市监异〔2026〕1号",
        category="abnormal",
        severity="none",
        days_ago=3,
    )
    body = api.get(f"/api/v1/enterprises/{micro.credit_code}/credit/").json()

    timeline = body["timeline"]
    assert [entry["type"] for entry in timeline] == [
        "credit_record",  # 3 days ago
        "equity_pledge",  # 2024-03-01
        "chattel_mortgage",  # 2018-05-02
    ]
    assert [entry["date"] for entry in timeline] == sorted(
        (entry["date"] for entry in timeline), reverse=True
    )
    for entry in timeline:
        assert COMMON <= set(entry), entry["type"]
    assert body["counts"] == {
        "credit_record": 1,
        "equity_pledge": 1,
        "chattel_mortgage": 1,
        "trademark_pledge": 0,
    }
    assert body["standing"] == {"level": "关注", "active_records": 1}

    listed, pledge, mortgage = timeline
    assert listed["id"] == record.pk and listed["category_display"] == "经营异常名录"
    assert listed["date"] == str(record.decision_date)

    # Masked exactly as the finance API masks it.
    in_finance_api = api.get(f"/api/v1/equity-pledges/{finance['pledge_person'].pk}/").json()
    assert pledge["pledgor_name"] == in_finance_api["pledgor_name"] == "张*明"
    assert pledge["registration_number"] == "1504022024000001"
    assert pledge["date"] == "2024-03-01" and pledge["status"] == "valid"
    assert "张*明" in pledge["summary"] and "50万元" in pledge["summary"]

    assert mortgage["historical"] is True and mortgage["historical_label"] == "历史记录"
    assert mortgage["referral"] == CHATTEL_REFERRAL
    assert "历史记录" in mortgage["title"] and mortgage["date"] == "2018-05-02"

    text = api.get(f"/api/v1/enterprises/{micro.credit_code}/credit/").content.decode()
    assert "张三明" not in text


def test_enterprise_with_only_a_cancelled_company_pledge(api, finance):
    medium = finance["medium"]
    body = api.get(f"/api/v1/enterprises/{medium.credit_code}/credit/").json()
    assert body["standing"] == {"level": "良好", "active_records": 0}
    [pledge] = body["timeline"]
    # An enterprise pledgor is public, unmasked.
    assert pledge["pledgor_name"] == "赤峰鑫源商贸有限公司"
    assert (pledge["status"], pledge["status_display"]) == ("cancelled", "已注销")
    assert pledge["cancelled_on"] == str(datetime.date(2021, 6, 1))
