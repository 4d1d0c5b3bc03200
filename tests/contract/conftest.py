"""Fixtures for the contract suites: a small registry served by the live test server, and
the three kinds of caller a third party can be (anonymous, a partner key, a staff token)."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from rest_framework.authtoken.models import Token

from registry_api.complaints.reference_data import load_units
from registry_api.credit.models import Department
from registry_api.credit.reference_data import load_credit_reference
from registry_api.enterprises.models import District
from registry_api.enterprises.reference_data import load_districts
from registry_api.network.reference_data import load_network
from registry_api.partners import services as partner_services
from search.services import search_reindex
from tests.credit.conftest import make_record
from tests.factories import EnterpriseFactory


@pytest.fixture
def registry(transactional_db, search_engine):
    """Four enterprises of one 街道 and three credit records: enough for every list to have
    rows, a detail to be found and the credit profile to have a standing. The reference data
    the schema's enums list is loaded (districts, departments, communities, stations), and
    the trademark index built, so the similarity check runs in the real engine."""
    cache.clear()  # throttle histories live in the cache, which outlives the database flush
    load_credit_reference()
    load_districts()  # every code the schema's district enum lists is a valid filter value
    load_units()
    load_network()  # the communities and stations the schema's enums list
    search_reindex(kinds=["trademark"])
    west = District.objects.get(code="150402001")
    enterprises = [EnterpriseFactory(district=west) for _ in range(4)]
    samr = Department.objects.get(code="samr")
    court = Department.objects.get(code="court")
    make_record(enterprises[0], samr, "红市监处罚〔2026〕1号")
    make_record(enterprises[0], samr, "红市监异列〔2026〕2号", category="abnormal", severity="none")
    make_record(
        enterprises[1], court, "（2026）内0402执3号", category="dishonest_debtor", severity="none"
    )
    yield enterprises
    cache.clear()


@pytest.fixture
def partner_key(registry) -> str:
    """A court key allowed to report credit records and to subscribe: `Api-Key <plain key>`."""
    _key, plain = partner_services.key_issue(
        department=Department.objects.get(code="court"),
        name="法院 契约测试",
        scopes=["credit_records:write", "subscriptions"],
        rate=100_000,
    )
    return f"Api-Key {plain}"


@pytest.fixture
def staff_token(registry) -> str:
    """A superuser's DRF token: every staff operation is open to it."""
    user = User.objects.create_superuser("contract-clerk", password="not-used")
    return f"Token {Token.objects.create(user=user).key}"
