"""Fixtures of the search analytics suites: an empty count buffer for every test."""

import pytest

from search.analytics.recording import BUFFER


@pytest.fixture(autouse=True)
def empty_buffer():
    """Counts buffered by an earlier test (any suite that searched) never reach this one."""
    BUFFER.clear()
    yield
    BUFFER.clear()
