"""Fixtures for the registry API suites."""

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
def enterprises(districts):
    return [EnterpriseFactory(district=districts[i % 2]) for i in range(7)]


@pytest.fixture
def clerk_api(db):
    """A client authenticated with an API token of a clerk allowed to edit enterprises."""
    user = User.objects.create_user("clerk", password="not-used")
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="enterprises", codename__contains="enterprise"
        )
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client
