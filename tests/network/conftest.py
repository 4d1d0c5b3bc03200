"""Fixtures of the network suite: the district, the complaint units, the network's places."""

import pytest
from django.db import transaction
from rest_framework.test import APIClient

from registry_api.complaints.reference_data import load_units
from registry_api.enterprises.reference_data import load_districts
from registry_api.network.reference_data import load_network


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture(scope="module")
def _network_loaded(django_db_setup, django_db_blocker):
    """The places, loaded once per module in a transaction rolled back at the module's end;
    each test runs in a savepoint inside it (like Django's TestCase.setUpTestData). Loading
    them costs about 2,400 queries, seconds a test on a busy PostgreSQL."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_districts()
        load_units()
        yield load_network()
        transaction.set_rollback(True)


@pytest.fixture
def network(_network_loaded, db):
    """The 13 街镇, the bureau, its 所 and stations, then communities, branches, 76 stations."""
    return _network_loaded
