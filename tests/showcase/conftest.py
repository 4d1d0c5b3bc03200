"""Fixtures of the showcase suite: the 风采展示 platform page."""

import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def fresh_caches():
    """Wagtail caches image renditions by image id; ids repeat across tests once rolled back."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def showcase(platform_page):
    return platform_page("showcase")
