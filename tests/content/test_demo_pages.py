"""`make_demo_data --pages N`: synthetic policy news at volume, idempotent top-up."""

import pytest
from django.core.management import call_command

from cms.pages.demo_pages import demo_page_count
from cms.pages.models import PolicyNewsPage

pytestmark = pytest.mark.django_db


def test_pages_are_live_varied_and_served_by_the_api(news_index, client):
    call_command("make_demo_data", pages=30, verbosity=0)
    pages = PolicyNewsPage.objects.live()
    assert pages.count() == 30
    assert pages.values("category").distinct().count() >= 3
    body = client.get("/api/cms/v2/pages/?type=pages.PolicyNewsPage&fields=body").json()
    assert body["meta"]["total_count"] == 30
    assert body["items"][0]["body"][0]["type"] == "paragraph"


def test_rerun_adds_nothing_and_a_larger_n_tops_up(news_index):
    call_command("make_demo_data", pages=12, verbosity=0)
    titles = set(PolicyNewsPage.objects.values_list("title", flat=True))
    call_command("make_demo_data", pages=12, verbosity=0)
    assert demo_page_count() == 12
    call_command("make_demo_data", pages=15, verbosity=0)
    assert demo_page_count() == 15
    assert titles <= set(PolicyNewsPage.objects.values_list("title", flat=True))
