"""Fixtures of the network suite: the district, the complaint units, the network's places."""

import pytest
from rest_framework.test import APIClient

from registry_api.complaints.reference_data import load_units
from registry_api.enterprises.reference_data import load_districts
from registry_api.network.reference_data import load_network


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def network(db):
    """The 13 街镇, the bureau, its 所 and stations, then communities, branches, 76 stations."""
    load_districts()
    load_units()
    return load_network()
