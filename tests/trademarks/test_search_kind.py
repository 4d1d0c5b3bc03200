"""The "trademark" search kind: what its documents hold and that the public search finds marks."""

import pytest
from elasticsearch.helpers import scan

from search.client import search_client
from search.names import alias_name
from search.registry import registry
from tests.trademarks.conftest import PERSON_OWNER

pytestmark = pytest.mark.django_db


def test_document_carries_readings_classes_and_the_owners_district(library):
    doc = registry()["trademark"].present(library["hongshan"]).to_dict()
    assert doc["pinyin"] == {"full": "hong shan", "initials": "h s"}
    assert doc["pinyin_near"] == "fon san"
    assert doc["name_chars"] == "红 山"
    assert doc["classes"] == ["29", "32"]
    assert doc["district_code"] == "150402001"
    assert doc["url"] == "/trademarks/10000001/"  # the mark's own page on the site


@pytest.mark.engine
def test_no_natural_person_owner_in_the_index(api, indexed):
    documents = [
        hit["_source"]
        for hit in scan(
            search_client(), index=alias_name("trademark"), query={"query": {"match_all": {}}}
        )
    ]
    assert len(documents) == len(indexed) - 2  # the two enterprises are not marks
    assert PERSON_OWNER not in str(documents)
    # Marks have site pages: the site-wide search finds them and links to them.
    body = api.get("/api/v1/search/", {"q": "红山", "kind": "trademark"}).json()
    assert body["labels"]["trademark"] == "商标" and body["counts"]["trademark"] >= 1
    assert "/trademarks/10000001/" in {result["url"] for result in body["results"]}
    assert PERSON_OWNER not in str(api.get("/api/v1/search/", {"q": "草原明珠"}).json())
