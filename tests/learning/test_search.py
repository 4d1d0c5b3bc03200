"""Lectures and events in search (the real engine): a sentence of a transcript finds the
lecture and links to that moment of the video."""

import pytest

from search.selectors import search_public
from search.services import search_reindex
from tests.search.conftest import refresh

from .pages import publish_event, publish_lecture

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


@pytest.fixture
def indexed(search_engine, learning):
    lecture = publish_lecture(learning)
    event = publish_event(learning, title="2026年春季银企洽谈会", place="红山区政务服务中心")
    search_reindex()
    refresh()
    return lecture, event


def test_a_transcript_sentence_links_to_its_moment(indexed):
    lecture, _ = indexed
    page = search_public(query="经营场所搬迁", kind="lecture")
    assert page.total == 1
    result = page.results[0]
    assert result["kind"] == "lecture" and result["title"] == "食品经营许可办理要点"
    assert result["url"] == f"/lectures/{lecture.pk}/#t=754"
    assert "<em>" in result["snippet"]


def test_lectures_are_found_by_speaker_and_series(indexed):
    lecture, _ = indexed
    for query in ("王立新", "食品安全大讲堂"):
        # The link may carry the anchor of a segment where a word of the query also appears.
        paths = [result["url"].split("#")[0] for result in search_public(query=query).results]
        assert f"/lectures/{lecture.pk}/" in paths, query


def test_events_are_found_by_title_and_place(indexed):
    _, event = indexed
    page = search_public(query="银企洽谈会")
    assert page.counts["event"] == 1
    assert [r["url"] for r in page.results if r["kind"] == "event"] == [f"/events/{event.pk}/"]
    assert search_public(query="政务服务中心", kind="event").results[0]["date"] == "2026-04-16"


def test_an_unpublished_lecture_leaves_search(indexed):
    lecture, _ = indexed
    lecture.unpublish()
    search_reindex()
    refresh()
    assert search_public(query="经营场所搬迁").total == 0
