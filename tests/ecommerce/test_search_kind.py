"""The "online_shop" search kind: published shops only, public fields only, found by search."""

import pytest
from elasticsearch.helpers import scan

from search.client import search_client
from search.names import alias_name
from search.registry import registry, site_search_kinds
from search.services import search_reindex
from tests.search.conftest import refresh

from .conftest import CONTACT, shop_published, shop_submit

pytestmark = pytest.mark.django_db


def test_document_holds_public_fields_and_links_to_the_site_page(enterprise):
    shop = shop_published(enterprise)
    doc = registry()["online_shop"].present(shop).to_dict()
    assert doc["url"] == f"/ecommerce/{shop.pk}/"
    assert doc["category"] == "farm" and doc["district_code"] == enterprise.district.code
    assert doc["credit_code"] == enterprise.credit_code
    assert "红山五谷旗舰店" in doc["title"] and "红山小米" in doc["body"]
    for value in (*CONTACT.values(), shop.reference):
        assert value not in str(doc)
    assert "online_shop" in site_search_kinds()


@pytest.mark.engine
def test_only_published_shops_are_indexed_and_found(api, enterprise, search_engine):
    shown = shop_published(enterprise)
    shop_submit(enterprise, name="待审核的荞麦店", url="https://example.com/q")
    search_reindex()
    refresh()
    documents = [
        hit["_source"]
        for hit in scan(
            search_client(), index=alias_name("online_shop"), query={"query": {"match_all": {}}}
        )
    ]
    assert [d["url"] for d in documents] == [f"/ecommerce/{shown.pk}/"]
    body = api.get("/api/v1/search/", {"q": "小米", "kind": "online_shop"}).json()
    assert body["labels"]["online_shop"] == "电子商务网店"
    assert [r["url"] for r in body["results"]] == [f"/ecommerce/{shown.pk}/"]
    assert api.get("/api/v1/search/", {"q": "荞麦店"}).json()["results"] == []
