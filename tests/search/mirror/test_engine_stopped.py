"""Degraded mode with a real engine process stopped: a throwaway local noida-db of this test's
own is started, indexed, searched, then shut down, and the platform keeps answering from
the database (the API and the HTML results page, marked as degraded)."""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.test import override_settings

from search import client as engine
from search.services import search_reindex

pytestmark = [pytest.mark.engine, pytest.mark.django_db]

NOIDA = Path(sys.executable).parent / "noida-db"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture
def own_engine(tmp_path):
    """(URL, stop) of a local engine process started for this test."""
    port = _free_port()
    data = tmp_path / "noida"
    command = [str(NOIDA), "up", "--only", "elasticsearch", "--data-dir", str(data)]
    subprocess.run(
        [*command, "--elasticsearch-port", str(port)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while not _answers(url):
        assert time.monotonic() < deadline, "the test's own engine did not start"
        time.sleep(0.2)

    def stop() -> None:
        subprocess.run(
            [str(NOIDA), "down", "--data-dir", str(data)],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    try:
        yield url, stop
    finally:
        stop()
        engine._engine_down_until.pop(url, None)


def test_stopping_the_engine_leaves_search_answering_from_the_database(client, dataset, own_engine):
    url, stop = own_engine
    with override_settings(ELASTICSEARCH_URL=url):
        search_reindex()
        engine.search_client().indices.refresh(index="_all")
        live = client.get("/api/v1/search/", {"q": "红山"}).json()
        assert live["degraded"] is False
        assert "红山区开展食品安全专项检查" in [r["title"] for r in live["results"]]

        stop()
        assert not _answers(url)
        answer = client.get("/api/v1/search/", {"q": "红山 检查"})
        assert answer.status_code == 200
        body = answer.json()
        assert body["degraded"] is True
        assert body["results"][0]["title"] == "红山区开展食品安全专项检查"
        page = client.get("/search/", {"q": "红山 检查"})
        html = page.content.decode()
        assert page.status_code == 200
        assert "以下结果来自简单的文字匹配" in html and "红山区开展食品安全专项检查" in html
