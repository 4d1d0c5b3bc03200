"""Fixtures of the complaints suite: the district's reference data, units, a clean cache."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from registry_api.complaints.reference_data import load_units
from registry_api.enterprises.reference_data import load_districts
from registry_api.workdays.reference_data import load_holidays

COMPLAINANT = {"complainant_name": "王秀兰", "complainant_phone": "13847651234"}


@pytest.fixture(autouse=True)
def clear_throttle_history():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def reference(db):
    """The 13 街镇, the holiday calendar, the bureau, its 所 and the 13 stations."""
    load_districts()
    load_holidays()
    load_units()


@pytest.fixture
def complaint_form(reference):
    """A valid complaint as the site's form posts it."""
    return {
        "kind": "complaint",
        "category": "prepaid_cards",
        "respondent_name": "赤峰市红山区某某健身会所",
        "respondent_address": "红山区东城街道昭乌达路1号",
        "facts": "2026年9月办理年卡2888元，10月起会所停业，无法退费。",
        "request": "退还剩余卡费。",
        "district": "150402004",
        "community": "富龙社区",
        **COMPLAINANT,
    }
