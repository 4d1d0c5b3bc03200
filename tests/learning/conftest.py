"""Fixtures of the learning suite: the 学习教育 platform page."""

import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def fresh_caches():
    """Wagtail caches image renditions by image id; ids repeat across tests once rolled back."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def learning(platform_page):
    return platform_page("learning")
