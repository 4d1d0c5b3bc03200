"""A search answers whatever happens to its statistics: the table locked by another writer or
missing altogether. The counts wait in the buffer and are written once the table is back."""

import logging
import threading

import pytest
from django.db import connection, transaction

from search.analytics import recording
from search.analytics.models import SearchClickDay, SearchQueryDay
from search.analytics.recording import BUFFER, analytics_flush

pytestmark = [pytest.mark.engine]

TABLE = SearchQueryDay._meta.db_table
URL = "/api/v1/search/"


@pytest.fixture
def indexed_live(transactional_db, indexed, monkeypatch):
    """The indexed dataset outside any test transaction, every search due for a flush."""
    monkeypatch.setattr(recording, "FLUSH_EVENTS", 1)
    return indexed


class WriterHoldingTheLock(threading.Thread):
    """Another connection (another worker, the task worker's long import) in the middle of
    a write transaction on the analytics table, until told to commit."""

    def __init__(self):
        super().__init__(daemon=True)
        self.locked = threading.Event()
        self.release = threading.Event()

    def run(self):
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    cursor.execute(f"LOCK TABLE {TABLE} IN EXCLUSIVE MODE")
                # SQLite: BEGIN IMMEDIATE (settings) took the database's write lock already;
                # the write makes it so whatever the transaction mode.
                cursor.execute(f"UPDATE {TABLE} SET searches = searches WHERE id < 0")
                self.locked.set()
                self.release.wait(timeout=60)
        finally:
            connection.close()


def warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == recording.__name__]


def test_a_search_answers_while_another_writer_holds_the_lock(client, indexed_live, caplog):
    writer = WriterHoldingTheLock()
    writer.start()
    try:
        assert writer.locked.wait(timeout=30)
        with caplog.at_level(logging.WARNING, logger=recording.__name__):
            response = client.get(URL, {"q": "红山"})
        assert response.status_code == 200 and response.json()["total"] == 2
        assert "search analytics: counts not written, kept for later" in warnings(caplog)
        assert [query for _day, query in BUFFER.searches] == ["红山"]
    finally:
        writer.release.set()
        writer.join(timeout=30)
    assert analytics_flush() is True
    assert SearchQueryDay.objects.get(query="红山").searches == 1


def test_a_search_answers_when_the_table_is_missing(client, indexed_live, caplog):
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {TABLE} RENAME TO {TABLE}_away")
    try:
        with caplog.at_level(logging.WARNING, logger=recording.__name__):
            response = client.get(URL, {"q": "红山"})
            clicked = client.post(f"{URL}clicks/", {"q": "红山", "rank": "1"})
        assert response.status_code == 200 and response.json()["total"] == 2
        assert clicked.status_code == 204
        assert "search analytics: counts not written, kept for later" in warnings(caplog)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {TABLE}_away RENAME TO {TABLE}")
    assert analytics_flush() is True
    assert SearchQueryDay.objects.get(query="红山").searches == 1
    assert SearchClickDay.objects.get(query="红山", rank=1).clicks == 1
