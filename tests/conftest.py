"""Fixtures shared by every suite: the real search engine and small model factories."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def search_engine():
    """The real engine (configured cluster or local noida-db), started if it is not running.

    Yields an Elasticsearch client; every index this test session created is deleted after.
    """
    subprocess.run([sys.executable, str(ROOT / "bin" / "search-engine"), "up"], check=True)
    from elasticsearch import Elasticsearch

    client = Elasticsearch(settings.ELASTICSEARCH_URL)
    yield client
    prefix = settings.SEARCH_INDEX_PREFIX
    for name in client.indices.get(index=f"{prefix}-*", ignore_unavailable=True):
        client.indices.delete(index=name, ignore_unavailable=True)
