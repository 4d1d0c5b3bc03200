"""The "trademark" search kind: what its documents hold and that the public search finds marks."""

import pytest
from elasticsearch.helpers import scan

from search.client import search_client
from search.kinds import REGISTRY
from search.names import alias_name
from tests.trademarks.conftest import PERSON_OWNER

pytestmark = pytest.mark.django_db


def test_document_carries_readings_classes_and_the_owners_district(library):
    doc = REGISTRY["trademark"].present(library["hongshan"]).to_dict()
    assert doc["pinyin"] == {"full": "hong shan", "initials": "h s"}
    assert doc["pinyin_near"] == "fon san"
    assert doc["name_chars"] == "红 山"
    assert doc["classes"] == ["29", "32"]
    assert doc["district_code"] == "150402001"
    assert doc["url"] == f"/enterprises/{library['dairy'].credit_code}/"


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
    # Marks have no site pages yet: the site-wide search leaves them out.
    body = api.get("/api/v1/search/", {"q": "hs"}).json()
    assert "trademark" not in body["counts"] and "trademark" not in body["labels"]
