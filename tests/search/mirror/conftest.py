"""Fixtures of the mirror suites: the search dataset plus a trademark and a credit record,
rebuilt into fresh indices (which fills the mirror), and ways to break the engine for real."""

import pytest
from django.test import override_settings

from registry_api.credit.models import Department
from registry_api.credit.reference_data import load_credit_reference
from registry_api.trademarks.reference_data import load_nice_classes
from search import client as engine
from search.services import search_reindex
from tests.credit.conftest import make_record
from tests.search.conftest import refresh, silent_server
from tests.trademarks.conftest import make_mark

# Nothing listens here: the engine is "down" (connection refused).
CLOSED_ENGINE = "http://127.0.0.1:9"


@pytest.fixture
def mirrored(search_engine, dataset):
    """The search dataset, a mark named 红山荞麦 and a credit record of the 红山 enterprise,
    indexed and mirrored by `search_reindex`."""
    load_nice_classes()
    load_credit_reference()
    dataset["mark"] = make_mark("30009001", "红山荞麦", classes=(30,))
    dataset["record"] = make_record(
        dataset["enterprise_hongshan"],
        Department.objects.get(code="samr"),
        "红市监处罚〔2026〕31号",
        facts="销售过期荞麦面粉。",
    )
    search_reindex()
    refresh()
    return dataset


@pytest.fixture
def engine_down():
    """Public search requests meet a closed port, as when the engine process is stopped."""
    with override_settings(ELASTICSEARCH_URL=CLOSED_ENGINE):
        yield CLOSED_ENGINE
    engine._engine_down_until.pop(CLOSED_ENGINE, None)


@pytest.fixture
def engine_hanging():
    """Public search requests meet a server that accepts and never answers: an engine over
    its time budget (tests/search/conftest.py silent_server)."""
    with (
        silent_server() as (url, _held),
        override_settings(ELASTICSEARCH_URL=url, SEARCH_BUDGET_SECONDS=0.5),
    ):
        yield url
    engine._engine_down_until.pop(url, None)
