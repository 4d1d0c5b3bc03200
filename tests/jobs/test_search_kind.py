"""The "job_demand" search kind: listed demands only, public fields only, found by the search."""

import pytest
from elasticsearch.helpers import scan

from search.client import search_client
from search.names import alias_name
from search.registry import registry, site_search_kinds
from search.services import search_reindex
from tests.search.conftest import refresh

from .conftest import CONTACT, demand_listed, demand_submit

pytestmark = pytest.mark.django_db


def test_document_holds_public_fields_and_links_to_the_site_page(enterprise):
    demand = demand_listed(enterprise)
    doc = registry()["job_demand"].present(demand).to_dict()
    assert doc["url"] == f"/jobs/{demand.pk}/"
    assert doc["trade"] == "catering" and doc["district_code"] == enterprise.district.code
    assert doc["credit_code"] == enterprise.credit_code
    assert "中餐厨师" in doc["title"] and "4000–6000元/月" in doc["body"]
    for value in (*CONTACT.values(), demand.reference):
        assert value not in str(doc)
    assert "job_demand" in site_search_kinds()


@pytest.mark.engine
def test_only_listed_demands_are_indexed_and_found(api, enterprise, search_engine):
    listed = demand_listed(enterprise)
    demand_submit(enterprise, title="待审核的面点师")
    search_reindex()
    refresh()
    documents = [
        hit["_source"]
        for hit in scan(
            search_client(), index=alias_name("job_demand"), query={"query": {"match_all": {}}}
        )
    ]
    assert [d["url"] for d in documents] == [f"/jobs/{listed.pk}/"]
    body = api.get("/api/v1/search/", {"q": "厨师", "kind": "job_demand"}).json()
    assert body["labels"]["job_demand"] == "用工需求"
    assert [r["url"] for r in body["results"]] == [f"/jobs/{listed.pk}/"]
    assert api.get("/api/v1/search/", {"q": "面点师"}).json()["results"] == []
