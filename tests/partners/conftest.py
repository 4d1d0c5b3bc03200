"""Fixtures for the partner suites: reference data, enterprises, keys and key clients."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from rest_framework.test import APIClient

from registry_api.credit.models import CreditRecord, Department
from registry_api.credit.reference_data import load_credit_reference
from registry_api.enterprises import credit_code
from registry_api.partners import services
from registry_api.partners.models import ReviewItem
from tests.factories import DistrictFactory, EnterpriseFactory

WRITE = "credit_records:write"


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    """Throttle histories live in the cache, which outlives each test's database rollback."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def departments(db) -> dict[str, Department]:
    load_credit_reference()
    return {department.code: department for department in Department.objects.all()}


@pytest.fixture
def enterprises(db):
    west = DistrictFactory(code="150402001", name="西屯街道")
    return [EnterpriseFactory(district=west) for _ in range(4)]


@pytest.fixture
def issue(departments):
    """issue("court", scopes=[...], **fields) -> (PartnerKey, plain key)."""

    def make(code: str = "court", scopes=(WRITE,), **fields):
        return services.key_issue(
            department=departments[code], name=f"{code} 测试接口", scopes=list(scopes), **fields
        )

    return make


def key_client(plain_key: str, header: str = "authorization") -> APIClient:
    client = APIClient()
    if header == "authorization":
        client.credentials(HTTP_AUTHORIZATION=f"Api-Key {plain_key}")
    else:
        client.credentials(HTTP_X_API_KEY=plain_key)
    return client


@pytest.fixture
def court_client(issue):
    key, plain = issue("court")
    client = key_client(plain)
    client.key = key
    return client


def bad_check_digit(code: str) -> str:
    """`code` with a wrong 18th character (still from the code alphabet)."""
    wrong = next(c for c in credit_code.ALPHABET if c != code[17])
    return code[:17] + wrong


def record_row(enterprise, number: str, **fields) -> dict:
    row = {
        "enterprise": enterprise.credit_code,
        "category": "dishonest_debtor",
        "severity": "none",
        "decision_number": number,
        "decision_date": (timezone.localdate() - datetime.timedelta(days=10)).isoformat(),
        "facts": "被执行人未履行生效法律文书确定的义务。",
        "legal_basis": "《最高人民法院关于公布失信被执行人名单信息的若干规定》",
        "outcome": "纳入失信被执行人名单。",
    }
    row.update(fields)
    return row


def snapshot() -> list[tuple]:
    """Every credit record and review item as plain values, to assert "nothing changed"."""
    records = list(
        CreditRecord.objects.order_by("pk").values_list(
            "pk",
            "enterprise_id",
            "department_id",
            "category",
            "severity",
            "decision_number",
            "decision_date",
            "facts",
            "status",
            "publicity_end",
            "updated_at",
        )
    )
    return [*records, *ReviewItem.objects.order_by("pk").values_list("pk", "status")]


def a_moment_ago(**delta) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(**delta)
