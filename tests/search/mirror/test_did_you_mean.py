""" "Did you mean": a stretch of a mirror title close to a query that finds nothing, typos of
the same sound costing half; offered by the search API when the engine finds nothing."""

import pytest

from search.mirror.did_you_mean import closest_stretch, did_you_mean
from search.mirror.models import MirrorDocument

pytestmark = [pytest.mark.django_db]


def titled(*titles: str) -> None:
    MirrorDocument.objects.bulk_create(
        MirrorDocument(kind="guide", doc_id=str(i), title=title, url=f"/guides/{i}/")
        for i, title in enumerate(titles)
    )


def test_a_homophone_typo_is_corrected():
    titled("食品经营许可办理要点", "食品经营许可和备案", "变更登记", "注销登记")
    assert did_you_mean("食品经营许克") == "食品经营许可"
    assert did_you_mean("注消登记") == "注销登记"  # not 变更登记: a same-sound change is cheaper


def test_a_question_is_cut_to_the_words_a_title_holds():
    titled("食品经营许可办理要点")
    assert did_you_mean("怎么办食品经营许可") == "食品经营许可"


def test_a_changed_character_of_a_short_word():
    titled("红山区开展食品安全专项检查")
    assert did_you_mean("红川区") == "红山区"


def test_nothing_close_or_already_there_offers_nothing():
    titled("食品经营许可办理要点")
    assert did_you_mean("股权出质") is None
    assert did_you_mean("食品经营许可") is None  # the query itself: nothing better to offer
    assert did_you_mean("") is None and did_you_mean("？！") is None


def test_ended_public_periods_are_not_offered():
    titled("食品经营许可办理要点")
    MirrorDocument.objects.update(public_until="2000-01-01")
    assert did_you_mean("食品经营许克") is None


def test_closest_stretch_is_an_approximate_substring():
    distance, start, end = closest_stretch("许克", "食品经营许可办理")
    assert (distance, "食品经营许可办理"[start:end]) == (0.5, "许可")


@pytest.mark.engine
def test_the_search_api_offers_it_when_the_engine_finds_nothing(client, mirrored):
    body = client.get("/api/v1/search/", {"q": "红川区"}).json()
    assert body["degraded"] is False and body["total"] == 0
    assert body["did_you_mean"] == "红山区"
    found = client.get("/api/v1/search/", {"q": "红山区"}).json()
    assert found["total"] > 0 and found["did_you_mean"] is None
