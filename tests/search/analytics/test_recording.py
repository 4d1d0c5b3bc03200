"""Searches are counted per day and query: page 1 of all kinds only, zero results counted,
personal numbers scrubbed, credit codes kept; counts add up across flushes."""

import pytest
from django.db import transaction
from django.utils import timezone

from search.analytics import recording
from search.analytics.models import SearchQueryDay
from search.analytics.recording import BUFFER, analytics_flush
from search.answer import public_answer

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


def counts() -> dict:
    analytics_flush()
    return {
        row.query: (row.searches, row.zero_results)
        for row in SearchQueryDay.objects.filter(day=timezone.localdate())
    }


def test_page_one_of_all_kinds_counts_paging_and_tabs_do_not(client, indexed):
    client.get("/api/v1/search/", {"q": "红山"})
    client.get("/api/v1/search/", {"q": "红山", "page": 2})
    client.get("/api/v1/search/", {"q": "红山", "kind": "news"})
    public_answer("红山")
    assert counts() == {"红山": (2, 0)}


def test_a_search_that_finds_nothing_is_counted_as_zero_result(indexed):
    public_answer("无此内容的检索词")
    public_answer("无此内容的检索词")
    public_answer("食品安全")
    found = counts()
    assert found["无此内容的检索词"] == (2, 2)
    assert found["食品安全"][0] == 1 and found["食品安全"][1] == 0


def test_the_counted_query_is_the_normalized_one(indexed):
    public_answer("  红山\u3000")
    public_answer("红山")
    assert counts() == {"红山": (2, 0)}


def test_personal_numbers_never_reach_the_table(indexed):
    public_answer("张三 13812345678")
    public_answer("150402199001011237 投诉")
    public_answer("李四 0476-8888888")
    assert set(counts()) == {"张三 〔手机号〕", "〔身份证号〕 投诉", "李四 〔号码〕"}
    stored = " ".join(SearchQueryDay.objects.values_list("query", flat=True))
    assert "13812345678" not in stored and "1504021990" not in stored


def test_a_credit_code_is_counted_as_typed(indexed):
    code = indexed["enterprise_hongshan"].credit_code
    answer = public_answer(code)
    assert answer["total"] >= 1
    assert counts() == {code: (1, 0)}


def test_flushes_add_to_the_stored_counts(indexed):
    public_answer("红山")
    analytics_flush()
    public_answer("红山")
    public_answer("无此内容的检索词")
    assert counts() == {"红山": (2, 0), "无此内容的检索词": (1, 1)}


def test_a_search_inside_a_transaction_leaves_the_flush_to_a_later_one(indexed, monkeypatch):
    monkeypatch.setattr(recording, "FLUSH_EVENTS", 1)
    with transaction.atomic():
        public_answer("红山")
    assert not SearchQueryDay.objects.exists()
    assert BUFFER.events == 1
    assert counts() == {"红山": (1, 0)}
