"""The mirror follows every write to the index: syncs, bulk syncs, deletes and rebuilds, for
the kinds of the site-wide search only; a mirror that cannot be written never fails the
index write beside it."""

import datetime

import pytest
from django.db import connection
from wagtail.models import Page

from search import indexing
from search.client import search_client
from search.indexing import sync_document, sync_documents_now
from search.mirror.models import MirrorDocument
from search.names import alias_name
from search.registry import site_search_kinds
from search.services import search_reindex
from tests.factories import EnterpriseFactory
from tests.search.conftest import refresh

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


def mirrored_ids(kind: str) -> set[str]:
    return set(MirrorDocument.objects.filter(kind=kind).values_list("doc_id", flat=True))


def test_the_rebuild_fills_the_mirror_with_each_documents_shared_fields(mirrored):
    news = mirrored["news_hongshan"]
    row = MirrorDocument.objects.get(kind="news", doc_id=str(news.pk))
    assert row.title == "红山区开展食品安全专项检查"
    assert "13个街镇" in row.text and "全区食品经营单位" in row.text
    assert row.url == f"/news/{news.pk}/"
    assert row.date == datetime.date(2026, 3, 2)
    assert row.pinyin_full.startswith("hong shan qu") and row.pinyin_initials.startswith("h s q")
    enterprise = mirrored["enterprise_hongshan"]
    assert mirrored_ids("enterprise") == {
        enterprise.credit_code,
        mirrored["enterprise_other"].credit_code,
    }
    mark = MirrorDocument.objects.get(kind="trademark")
    assert (mark.title, mark.url) == ("红山荞麦", "/trademarks/30009001/")
    record = MirrorDocument.objects.get(kind="credit_record")
    assert record.public_until == mirrored["record"].publicity_end
    # Personal data stays out, as in the index: the legal representative is nowhere.
    assert not MirrorDocument.objects.filter(text__contains="张三明").exists()
    assert set(MirrorDocument.objects.values_list("kind", flat=True)) <= set(site_search_kinds())


def test_a_sync_writes_and_a_deletion_removes_the_row(mirrored):
    enterprise = EnterpriseFactory(name="赤峰红山新茶有限公司")
    assert sync_document("enterprise", enterprise.credit_code) == "indexed"
    assert MirrorDocument.objects.get(doc_id=enterprise.credit_code).title == "赤峰红山新茶有限公司"
    enterprise.name = "赤峰红山老茶有限公司"
    enterprise.save()
    sync_document("enterprise", enterprise.credit_code)
    assert MirrorDocument.objects.get(doc_id=enterprise.credit_code).title == "赤峰红山老茶有限公司"
    code = enterprise.credit_code
    enterprise.delete()
    assert sync_document("enterprise", code) == "deleted"
    assert code not in mirrored_ids("enterprise")


def test_a_bulk_sync_writes_and_removes_in_one_go(mirrored):
    kept, gone = mirrored["enterprise_hongshan"], mirrored["enterprise_other"]
    kept.name = "赤峰红山商贸集团有限公司"
    kept.save()
    gone_code = gone.credit_code
    gone.delete()
    assert sync_documents_now("enterprise", [kept.credit_code, gone_code]) == {
        "indexed": 1,
        "deleted": 1,
    }
    assert mirrored_ids("enterprise") == {kept.credit_code}
    assert MirrorDocument.objects.get(doc_id=kept.credit_code).title == "赤峰红山商贸集团有限公司"


def test_an_unpublished_page_leaves_the_mirror(mirrored):
    news = mirrored["news_other"]
    Page.objects.get(pk=news.pk).specific.unpublish()
    sync_document("news", str(news.pk))
    assert str(news.pk) not in mirrored_ids("news")
    assert str(mirrored["news_hongshan"].pk) in mirrored_ids("news")


def test_the_rebuild_drops_rows_the_database_no_longer_holds(mirrored, monkeypatch):
    # Left behind while the mirror was not followed (say, written before a restore).
    MirrorDocument.objects.create(kind="enterprise", doc_id="STALE", title="旧", url="/")
    # Small chunks: the mirror is written while the rows are still being read.
    monkeypatch.setattr(indexing, "MIRROR_CHUNK_SIZE", 1)
    search_reindex(kinds=["enterprise"])
    assert mirrored_ids("enterprise") == {
        mirrored["enterprise_hongshan"].credit_code,
        mirrored["enterprise_other"].credit_code,
    }


def test_kinds_outside_the_site_wide_search_are_not_mirrored(search_engine, db, settings):
    from registry_api.complaints.models import IntakePlace
    from registry_api.complaints.reference_data import load_units
    from registry_api.enterprises.reference_data import load_districts

    settings.SEARCH_KINDS = [*settings.SEARCH_KINDS, "tests.search.throwaway_kind.INTAKE_PLACE"]
    load_districts()
    load_units()  # the 13 stations with their intake places
    assert "intake_place" not in site_search_kinds()
    report = search_reindex(kinds=["intake_place"])[0]
    assert report.indexed == IntakePlace.objects.count() > 0
    assert not MirrorDocument.objects.filter(kind="intake_place").exists()


def test_a_mirror_that_cannot_be_written_never_fails_the_index_write(mirrored):
    enterprise = EnterpriseFactory(name="赤峰红山鲜果有限公司")
    with connection.cursor() as cursor:  # undone with the test's transaction
        cursor.execute(f"DROP TABLE {MirrorDocument._meta.db_table}")
    assert sync_document("enterprise", enterprise.credit_code) == "indexed"
    refresh()
    found = search_client().get(index=alias_name("enterprise"), id=enterprise.credit_code)
    assert found["_source"]["title"] == "赤峰红山鲜果有限公司"
