"""Fixtures of the stalls suite: a station or two, an API client."""

import pytest
from rest_framework.test import APIClient

from .factories import community_station, street_station


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def station(db):
    return street_station("150402004")


@pytest.fixture
def other_station(db):
    return community_station("150402001", 1)
