"""Fixtures for the credit registry suites: reference data, records and a credit clerk."""

import datetime

import pytest
from django.contrib.auth.models import Permission, User
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from registry_api.credit import services
from registry_api.credit.models import Department
from registry_api.credit.reference_data import load_credit_reference
from tests.factories import DistrictFactory, EnterpriseFactory


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def staff_client(client, db):
    client.force_login(User.objects.create_superuser("editor", password="not-used"))
    return client


@pytest.fixture
def enterprises(db):
    west = DistrictFactory(code="150402001", name="西屯街道")
    return [EnterpriseFactory(district=west) for _ in range(6)]


@pytest.fixture
def reference(db):
    load_credit_reference()
    return {department.code: department for department in Department.objects.all()}


def make_record(enterprise, department, number, *, days_ago=30, **fields):
    values = {
        "category": "penalty",
        "severity": "moderate",
        "decision_date": timezone.localdate() - datetime.timedelta(days=days_ago),
        "facts": "经查，当事人销售过期食品。",
        "legal_basis": "《中华人民共和国食品安全法》第一百二十四条",
        "outcome": "罚款人民币5000元。",
    }
    values.update(fields)
    return services.record_create(
        enterprise=enterprise, department=department, decision_number=number, **values
    )


@pytest.fixture
def records(reference, enterprises):
    samr, court, tax = reference["samr"], reference["court"], reference["tax"]
    return [
        make_record(enterprises[0], samr, "红市监处罚〔2025〕1号"),
        make_record(enterprises[0], samr, "红市监处罚〔2025〕2号", severity="minor", days_ago=200),
        make_record(
            enterprises[1],
            court,
            "（2025）内0402执1号",
            category="dishonest_debtor",
            severity="none",
        ),
        make_record(
            enterprises[2], samr, "红市监异〔2025〕3号", category="abnormal", severity="none"
        ),
        make_record(
            enterprises[3],
            tax,
            "赤税稽〔2025〕4号",
            category="major_tax",
            severity="serious",
            days_ago=500,
        ),
    ]


def clerk(*codenames):
    user = User.objects.create_user(f"clerk{User.objects.count()}", password="not-used")
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="credit", codename__in=codenames)
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client
