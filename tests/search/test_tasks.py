"""The sync task: indexes through the engine, and re-enqueues itself while the engine is down."""

import datetime
import time

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from search.selectors import search_public
from search.services import search_sync_later
from search.tasks import MAX_ATTEMPTS, retry_delay, sync_documents
from tests.factories import EnterpriseFactory

DOWN = "http://127.0.0.1:9"  # nothing listens on the discard port


def queued_syncs() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path="search.tasks.sync_documents"))


def test_retry_delay_grows_and_is_capped():
    assert retry_delay(1) == datetime.timedelta(seconds=30)
    assert retry_delay(2) == datetime.timedelta(seconds=60)
    assert retry_delay(20) == datetime.timedelta(minutes=30)


@pytest.mark.django_db
@override_settings(ELASTICSEARCH_URL=DOWN)
def test_engine_down_reenqueues_with_a_delay_and_the_next_attempt():
    enterprise = EnterpriseFactory()
    before = timezone.now()

    assert sync_documents.call("enterprise", [enterprise.credit_code]) == "retry_scheduled"

    [retry] = queued_syncs()
    assert retry.args_kwargs == {"args": ["enterprise", [enterprise.credit_code], 2], "kwargs": {}}
    assert retry.run_after >= before + datetime.timedelta(seconds=30)


@pytest.mark.django_db
@override_settings(ELASTICSEARCH_URL=DOWN)
def test_retries_stop_after_the_last_attempt():
    assert sync_documents.call("enterprise", ["91150402MA0000000X"], MAX_ATTEMPTS) == "gave_up"
    assert queued_syncs() == []


@pytest.mark.django_db
def test_a_write_enqueues_a_sync_on_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        search_sync_later("enterprise", "91150402MA0000000X")
    [queued] = queued_syncs()
    assert queued.args_kwargs["args"] == ["enterprise", ["91150402MA0000000X"]]


@pytest.mark.django_db
def test_a_transaction_enqueues_one_sync_per_kind(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for n in range(3):
            search_sync_later("enterprise", f"code-{n}")
            search_sync_later("enterprise", f"code-{n}")  # asked twice: synced once
        search_sync_later("news", "7")
    queued = sorted(task.args_kwargs["args"] for task in queued_syncs())
    assert queued == [["enterprise", ["code-0", "code-1", "code-2"]], ["news", ["7"]]]


@pytest.mark.django_db
def test_a_rolled_back_transaction_enqueues_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            search_sync_later("enterprise", "lost")
            raise RuntimeError
        search_sync_later("enterprise", "kept")
    [queued] = queued_syncs()
    assert queued.args_kwargs["args"] == ["enterprise", ["kept"]]


@pytest.mark.engine
@pytest.mark.django_db
def test_task_indexes_when_the_engine_is_up(indexed):
    enterprise = EnterpriseFactory(name="赤峰红山新开商店")
    assert sync_documents.call("enterprise", [enterprise.credit_code]) == "synced"
    assert "赤峰红山新开商店" in {r["title"] for r in search_public(query="新开").results}


@pytest.fixture
def silent_engine():
    """An engine that accepts connections and never answers (it hangs); counts connections."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    server.settimeout(0.1)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", accepted
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


@pytest.mark.django_db
def test_after_one_timeout_the_next_syncs_do_not_wait_on_a_hanging_engine(silent_engine):
    from elasticsearch import Elasticsearch

    from search import client, tasks

    url, connections = silent_engine
    enterprise = EnterpriseFactory()
    client._clients[(url, False)] = Elasticsearch(url, request_timeout=0.5, max_retries=0)
    try:
        with override_settings(ELASTICSEARCH_URL=url):
            for _ in range(6):
                result = sync_documents.call("enterprise", [enterprise.credit_code])
                assert result == "retry_scheduled"
    finally:
        tasks._engine_down_until.pop(url, None)
        client._clients.pop((url, False))
    # One sync waited on the engine; the five after it were rescheduled without asking it.
    assert len(connections) == 1
    assert len(queued_syncs()) == 6


@pytest.mark.engine
@pytest.mark.django_db
def test_the_first_sync_after_an_outage_makes_the_delayed_retries_due(indexed):
    from django.conf import settings

    from search import tasks

    waiting = EnterpriseFactory(name="赤峰红山补录商店")
    with override_settings(ELASTICSEARCH_URL=DOWN):
        assert sync_documents.call("enterprise", [waiting.credit_code]) == "retry_scheduled"
    [retry] = queued_syncs()
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=20)
    unrelated = DBTaskResult.objects.create(
        task_path="cms.publishing.tasks.build_static_site",
        args_kwargs={"args": [], "kwargs": {}},
        priority=0,
        queue_name="default",
        backend_name="default",
        run_after=retry.run_after,
    )

    # As if this engine had been the one found down, more than ENGINE_DOWN_SECONDS ago.
    tasks._engine_down_until[settings.ELASTICSEARCH_URL] = time.monotonic() - 1
    fresh = EnterpriseFactory()
    assert sync_documents.call("enterprise", [fresh.credit_code]) == "synced"

    retry.refresh_from_db()
    unrelated.refresh_from_db()
    assert retry.run_after <= timezone.now()  # the back-off is over: the engine answers
    assert unrelated.run_after > timezone.now()  # other tasks keep their schedule
    assert settings.ELASTICSEARCH_URL not in tasks._engine_down_until
