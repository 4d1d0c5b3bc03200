"""Stories in search (the real engine): found by their text and by the enterprise's name."""

import pytest

from search.selectors import search_public
from search.services import search_reindex
from tests.factories import DistrictFactory, EnterpriseFactory
from tests.search.conftest import refresh

from .pages import publish_story

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


def test_a_story_is_found_by_its_text_and_its_enterprise(search_engine, showcase):
    enterprise = EnterpriseFactory(district=DistrictFactory(), name="红山区佳盛饺子馆")
    story = publish_story(showcase, enterprise=enterprise)
    search_reindex()
    refresh()

    page = search_public(query="明厨亮灶")
    assert page.counts["story"] == 1
    assert page.results[0]["url"] == f"/stories/{story.pk}/"
    assert page.results[0]["date"] == "2026-05-20"
    stories = [r for r in search_public(query="佳盛饺子馆").results if r["kind"] == "story"]
    assert [r["url"] for r in stories] == [f"/stories/{story.pk}/"]
