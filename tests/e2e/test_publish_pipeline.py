"""End to end: an editor publishes a news page; the API, the index and the built site follow.

Everything is real: the database queue, the task worker (run in batch mode), the search
engine, the Pelican build reading the live HTTP API.
"""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from tests.factories import DistrictFactory, EnterpriseFactory, publish_news

pytestmark = [pytest.mark.engine, pytest.mark.build]

TITLE = "红山区开展冬季食品安全专项检查"


@pytest.fixture
def site_tree(transactional_db, news_index):
    enterprise = EnterpriseFactory(district=DistrictFactory())
    return news_index, enterprise


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay")
    failed = DBTaskResult.objects.filter(status="FAILED")
    assert not failed.exists(), [r.traceback for r in failed]


def site_file(output: Path, url_path: str) -> Path:
    return output / "current" / url_path.strip("/") / "index.html"


def search_titles(client, query):
    body = client.get("/api/v1/search/", {"q": query}).json()
    return [hit["title"] for hit in body["results"]]


def test_publish_then_unpublish_flows_through_every_layer(
    site_tree, live_server, search_engine, tmp_path, client
):
    news_index, enterprise = site_tree
    with override_settings(SITE_API_URL=live_server.url, SITE_OUTPUT_DIR=tmp_path):
        call_command("search_reindex", verbosity=0)

        page = publish_news(news_index, title=TITLE, summary="对全区学校食堂和农村集市开展检查。")
        run_worker()

        api_titles = [
            p["title"]
            for p in client.get("/api/cms/v2/pages/?type=pages.PolicyNewsPage").json()["items"]
        ]
        assert TITLE in api_titles
        assert TITLE in search_titles(client, "食品安全")
        detail = site_file(tmp_path, f"/news/{page.id}/")
        assert detail.exists()
        assert TITLE in detail.read_text(encoding="utf-8")
        assert site_file(tmp_path, f"/enterprises/{enterprise.credit_code}/").exists()

        page.unpublish()
        run_worker()

        assert TITLE not in search_titles(client, "食品安全")
        assert not site_file(tmp_path, f"/news/{page.id}/").exists()
        assert TITLE not in (tmp_path / "current" / "news" / "index.html").read_text(
            encoding="utf-8"
        )
