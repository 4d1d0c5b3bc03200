"""search_check: reports drift between the database and the index, exits 1 until repaired."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from search.client import search_client
from search.drift import kind_drift
from search.names import alias_name

from .conftest import refresh

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


def run_check(*args) -> str:
    out = io.StringIO()
    call_command("search_check", *args, stdout=out)
    return out.getvalue()


def test_clean_index_prints_nothing_when_quiet(indexed):
    assert run_check("--quiet") == ""
    assert "news: missing 0, extra 0, stale 0" in run_check()


def test_drift_is_reported_then_repaired_by_reindex(indexed):
    gone_from_index = indexed["enterprise_hongshan"]
    search_client().delete(index=alias_name("enterprise"), id=gone_from_index.credit_code)
    changed = indexed["enterprise_other"]
    changed.name = "赤峰松山建材集团有限公司"
    changed.save()  # its sync never ran: the index copy is stale
    indexed["news_other"].delete()  # still in the index: extra
    refresh()

    with pytest.raises(CommandError, match="drifts"):
        run_check("--quiet")
    assert kind_drift("enterprise").missing == [gone_from_index.credit_code]
    assert kind_drift("enterprise").stale == [changed.credit_code]
    assert len(kind_drift("news").extra) == 1

    out = io.StringIO()
    call_command("search_reindex", stdout=out)
    assert "enterprise: 2 documents" in out.getvalue()
    assert run_check("--quiet") == ""


def test_missing_index_is_drift(search_engine, db, settings):
    # Still under the session prefix, so the session clean-up covers it.
    settings.SEARCH_INDEX_PREFIX = f"{settings.SEARCH_INDEX_PREFIX}-absent"
    assert not kind_drift("news").index_exists
    with pytest.raises(CommandError):
        run_check("--quiet")


@override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9")
def test_unreachable_engine_is_a_command_error(db):
    with pytest.raises(CommandError, match="unavailable"):
        run_check()
