"""Without a transaction around it, the search that finds the buffer due writes it."""

import pytest
from django.utils import timezone

from search.analytics import recording
from search.analytics.models import SearchQueryDay
from search.analytics.recording import BUFFER
from search.answer import public_answer

pytestmark = [pytest.mark.engine]


@pytest.fixture
def indexed_live(transactional_db, indexed):
    return indexed


def test_the_search_that_fills_the_buffer_writes_it(indexed_live, monkeypatch):
    monkeypatch.setattr(recording, "FLUSH_EVENTS", 3)
    public_answer("红山")
    public_answer("无此内容的检索词")
    assert not SearchQueryDay.objects.exists() and BUFFER.events == 2
    public_answer("红山")
    assert BUFFER.events == 0
    rows = SearchQueryDay.objects.filter(day=timezone.localdate())
    assert {r.query: (r.searches, r.zero_results) for r in rows} == {
        "红山": (2, 0),
        "无此内容的检索词": (1, 1),
    }


def test_a_search_after_flush_seconds_writes_the_buffer(indexed_live, monkeypatch):
    public_answer("红山")
    assert not SearchQueryDay.objects.exists()
    monkeypatch.setattr(BUFFER, "last_flush", BUFFER.last_flush - recording.FLUSH_SECONDS)
    public_answer("红山")
    assert SearchQueryDay.objects.get().searches == 2
