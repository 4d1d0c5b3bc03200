"""Fixtures of the search suites: a Wagtail tree, a small mixed dataset, a freshly built index."""

import contextlib
import datetime
import socket
import threading

import pytest
from django.conf import settings
from wagtail.rich_text import RichText

from search.client import search_client
from search.services import search_reindex
from tests.factories import DistrictFactory, EnterpriseFactory, publish_news


def paragraph(html: str) -> list:
    return [("paragraph", RichText(html))]


@pytest.fixture
def dataset(news_index):
    """Two news pages and two enterprises; 红山 appears in one of each."""
    district = DistrictFactory(code="150402001", name="西屯街道")
    return {
        "news_hongshan": publish_news(
            news_index,
            title="红山区开展食品安全专项检查",
            slug="food-check",
            publication_date=datetime.date(2026, 3, 2),
            summary="全区食品经营单位检查情况。",
            body=paragraph("<p>本次检查覆盖<b>红山区</b>13个街镇 & 集贸市场。</p><p>第二段。</p>"),
            category="work_news",
        ),
        "news_other": publish_news(
            news_index,
            title="市场监管局召开年度工作会议",
            slug="meeting",
            publication_date=datetime.date(2026, 1, 15),
            body=paragraph("<p>会议总结了全年工作。</p>"),
            issuing_authority="赤峰市市场监督管理局",
        ),
        "enterprise_hongshan": EnterpriseFactory(
            name="赤峰红山商贸有限公司", district=district, legal_representative="张三明"
        ),
        "enterprise_other": EnterpriseFactory(
            name="赤峰松山建材有限公司",
            district=district,
            business_scope="建材销售。",
            address="内蒙古自治区赤峰市松山区测试路2号",
        ),
    }


def refresh() -> None:
    """Make every write of this test session visible to search (and only this session's)."""
    search_client().indices.refresh(index=f"{settings.SEARCH_INDEX_PREFIX}-*")


@pytest.fixture
def indexed(search_engine, dataset):
    """The dataset, rebuilt into fresh indices (which also drops documents of earlier tests)."""
    search_reindex()
    refresh()
    return dataset


@contextlib.contextmanager
def silent_server():
    """(URL, accepted connections) of a server that accepts connections and never answers:
    an engine that hangs. Closed on leaving."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}", held
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        server.close()
