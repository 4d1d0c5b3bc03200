"""The "idle_listing" search kind: public fields only, gone after its validity or withdrawal."""

import datetime

import pytest
from django.utils import timezone
from elasticsearch.helpers import scan

from registry_api.exchange.models import IdleListing
from search.client import search_client
from search.drift import kind_drift
from search.names import alias_name
from search.registry import registry, site_search_kinds
from search.services import search_reindex
from tests.search.conftest import refresh

from .conftest import OWNER

pytestmark = pytest.mark.django_db


def test_document_holds_the_public_fields_and_links_to_the_site_page(listings):
    listing = listings["licence"]
    doc = registry()["idle_listing"].present(listing).to_dict()
    assert doc["url"] == f"/trademarks/idle/{listing.pk}/"
    assert doc["classes"] == ["25"] and doc["listing_kind"] == "licence"
    assert doc["price"] == 8000.0 and doc["negotiable"] is False
    assert doc["public_until"] == listing.valid_until + datetime.timedelta(days=1)
    assert "红山云锦" in doc["title"] and "普通许可三年" in doc["body"]
    for value in OWNER.values():
        assert value not in str(doc)
    assert "idle_listing" in site_search_kinds()


@pytest.mark.engine
def test_only_public_listings_are_indexed_and_found(api, listings, search_engine):
    search_reindex()
    refresh()
    documents = [
        hit["_source"]
        for hit in scan(
            search_client(), index=alias_name("idle_listing"), query={"query": {"match_all": {}}}
        )
    ]
    public = {listings[k].pk for k in ("transfer", "licence", "either")}
    assert {int(d["url"].split("/")[-2]) for d in documents} == public
    for value in OWNER.values():
        assert value not in str(documents)
    body = api.get("/api/v1/search/", {"q": "云锦", "kind": "idle_listing"}).json()
    assert body["labels"]["idle_listing"] == "闲置商标"
    assert f"/trademarks/idle/{listings['licence'].pk}/" in {r["url"] for r in body["results"]}


@pytest.mark.engine
def test_a_listing_past_validity_is_hidden_at_once_and_dropped_by_the_check(
    api, listings, search_engine
):
    """The day passes with no save and no signal: the document's public_until hides it from
    the public query, and `search_check --repair` (the daily refresh) deletes it."""
    from django.core.management import call_command

    search_reindex()
    listing = listings["licence"]
    IdleListing.objects.filter(pk=listing.pk).update(
        valid_until=timezone.localdate() - datetime.timedelta(days=1)
    )
    listing.refresh_from_db()
    # The document as it stood, with the validity now passed (as it would be by tomorrow).
    doc = registry()["idle_listing"].present(listing)
    search_client().index(
        index=alias_name("idle_listing"), id=str(listing.pk), document=doc.to_dict()
    )
    refresh()
    body = api.get("/api/v1/search/", {"q": "云锦", "kind": "idle_listing"}).json()
    assert body["results"] == []
    assert str(listing.pk) in kind_drift("idle_listing").extra

    call_command("search_check", "--repair", "--quiet")
    refresh()
    assert kind_drift("idle_listing").clean
