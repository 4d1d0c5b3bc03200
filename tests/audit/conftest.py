"""Fixtures of the audit-log suites: districts, enterprises, clerks and admin users."""

import pytest
from django.contrib.auth.models import Permission, User
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import DistrictFactory, EnterpriseFactory


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def districts(db):
    return [
        DistrictFactory(code="150402001", name="西屯街道"),
        DistrictFactory(code="150402100", name="红庙子镇", kind="town"),
    ]


@pytest.fixture
def enterprise(districts):
    return EnterpriseFactory(district=districts[0], legal_representative="王秀英")


@pytest.fixture
def clerk(db):
    """A registry clerk (张三, login zhangsan) allowed to edit enterprises and credit records."""
    user = User.objects.create_user("zhangsan", password="not-used", first_name="张三")
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["enterprises", "credit"])
    )
    return user


@pytest.fixture
def clerk_api(clerk):
    """The clerk's API client, authenticated with a DRF token."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=clerk).key}")
    return client


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("auditor", password="not-used")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def editor(db):
    """A Wagtail editor who may use the admin but holds no audit permission."""
    user = User.objects.create_user("editor", password="not-used")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user
