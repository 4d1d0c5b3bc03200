"""Editors keep synonyms and best bets in the Wagtail admin (搜索调优); bad input is a field
error there and stores nothing."""

import pytest

from search.models import BestBet, Synonym

pytestmark = pytest.mark.django_db

SYNONYMS = "/admin/snippets/search/synonym/"
BEST_BETS = "/admin/snippets/search/bestbet/"


def test_the_tuning_listings_open_for_an_administrator(admin_client):
    Synonym.objects.create(terms="租房、住房租赁")
    listing = admin_client.get(SYNONYMS)
    assert listing.status_code == 200 and "租房" in listing.content.decode()
    assert admin_client.get(BEST_BETS).status_code == 200


def test_a_synonym_group_is_added_through_the_admin(admin_client):
    refused = admin_client.post(f"{SYNONYMS}add/", {"terms": "租房", "note": "", "active": "on"})
    assert refused.status_code == 200
    assert "至少填写两个不同的词" in refused.content.decode()
    assert not Synonym.objects.exists()
    created = admin_client.post(
        f"{SYNONYMS}add/", {"terms": "租房，住房租赁", "note": "租赁合同", "active": "on"}
    )
    assert created.status_code == 302
    assert Synonym.objects.get().term_list() == ["租房", "住房租赁"]


def test_a_best_bet_with_an_unsafe_link_is_refused(admin_client):
    data = {
        "query": "年报",
        "title": "年度报告",
        "url": "javascript:alert(1)",
        "description": "",
        "position": "0",
        "expires_on": "2099-12-31",
    }
    refused = admin_client.post(f"{BEST_BETS}add/", data)
    assert refused.status_code == 200 and "站内路径" in refused.content.decode()
    assert not BestBet.objects.exists()
    assert admin_client.post(f"{BEST_BETS}add/", {**data, "url": "/guides/1/"}).status_code == 302
    assert BestBet.objects.get().query == "年报"
