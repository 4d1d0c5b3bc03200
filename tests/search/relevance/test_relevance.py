"""The relevance set against a platform of the default scale, on this run's database engine.

The set (queries.yaml) expects the rows of the default-scale demo. A test database holds
none of them, so this module sets up a platform of its own, as `make run` does: a fresh
`setup_platform --scale default` in a subprocess, into a database of its own (a temporary
SQLite file, or a PostgreSQL database created beside the test one when DATABASE_URL names
PostgreSQL) and indices of its own on the local engine, then serves its API with
`runserver` and asks every query over HTTP, as bench/search_relevance.py does.

The answer cache is off and the engine budget generous: this measures ranking, not speed
(bench/ measures speed).
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import uuid
from collections import defaultdict
from pathlib import Path

import pytest
import requests

from search.client import search_client

from .relevance_set import Outcome, first_relevant_rank, load_relevance_set, scores

ROOT = Path(__file__).resolve().parents[3]
HITS_AT_3_FLOOR = 0.90
ZERO_RESULT_CEILING = 0.02
SETUP_TIMEOUT = 900


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _postgres_admin(url: str):
    import psycopg

    parts = urllib.parse.urlsplit(url)
    return psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=urllib.parse.unquote(parts.username or "postgres"),
        password=urllib.parse.unquote(parts.password or "") or None,
        dbname="postgres",
        autocommit=True,
    )


@pytest.fixture(scope="module")
def platform(search_engine, tmp_path_factory):
    """The API base URL of a default-scale platform set up for this module."""
    var = tmp_path_factory.mktemp("relevance-platform")
    tag = uuid.uuid4().hex[:8]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "VAR_DIR": str(var),
        "SITE_OUTPUT_DIR": str(var / "site"),
        "SEARCH_INDEX_PREFIX": f"relevance{tag}",
        "SEARCH_RESULT_SECONDS": "0",
        "SEARCH_BUDGET_SECONDS": "30",
    }
    database_url = os.environ.get("DATABASE_URL", "")
    database = None
    # `make test` names databases it migrated once (bin/test-databases): the set-up then
    # starts from a copy instead of applying every migration again.
    if database_url.startswith("postgres"):
        database = f"hongshan_relevance_{tag}"
        template = os.environ.get("TEST_TEMPLATE_POSTGRES")
        with _postgres_admin(database_url) as admin:
            admin.execute(
                f'CREATE DATABASE "{database}"' + (f' TEMPLATE "{template}"' if template else "")
            )
        parts = urllib.parse.urlsplit(database_url)
        env["DATABASE_URL"] = urllib.parse.urlunsplit(parts._replace(path=f"/{database}"))
    else:
        env.pop("DATABASE_URL", None)
        template = os.environ.get("TEST_TEMPLATE_SQLITE")
        if template:
            with sqlite3.connect(template) as source, sqlite3.connect(var / "db.sqlite3") as copy:
                source.backup(copy)
            source.close()
            copy.close()
    manage = [sys.executable, str(ROOT / "manage.py")]
    server = None
    try:
        subprocess.run(
            [*manage, "setup_platform", "--scale", "default"],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            timeout=SETUP_TIMEOUT,
        )
        port = _free_port()
        server = subprocess.Popen(
            [*manage, "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{port}"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"{base}/api/v1/", timeout=2)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the relevance platform's server did not start") from None
                time.sleep(0.3)
        yield base
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        client = search_client()
        mine = client.indices.get(index=f"relevance{tag}-*", allow_no_indices=True).body
        for name in mine:  # the engine refuses to delete by wildcard
            client.options(ignore_status=404).indices.delete(index=name)
        if database is not None:
            with _postgres_admin(database_url) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def test_the_relevance_set_finds_what_people_mean(platform):
    """hits@3 ≥ 90 % and zero-result ≤ 2 % over the whole set (docs/search-relevance.md)."""
    session = requests.Session()
    outcomes = []
    for query in load_relevance_set():
        response = session.get(f"{platform}/api/v1/search/", params={"q": query.q}, timeout=60)
        assert response.status_code == 200, (query.q, response.status_code, response.text[:200])
        answer = response.json()
        assert answer["degraded"] is False, query.q
        rank = first_relevant_rank(answer["results"], query.expect)
        outcomes.append(Outcome(query, rank, answer["total"]))

    overall = scores(outcomes)
    by_category = defaultdict(list)
    for outcome in outcomes:
        by_category[outcome.query.category].append(outcome)
    report = []
    for category, group in sorted(by_category.items()):
        figures = scores(group)
        report.append(f"{category}: hits@3 {figures.hits_at_3:.1%}")
    misses = [
        f"{o.query.q} (rank {o.rank}, {o.total} results)"
        for o in outcomes
        if o.rank is None or o.rank > 3
    ]
    print(
        f"relevance: {overall.queries} queries, hits@1 {overall.hits_at_1:.1%}, "
        f"hits@3 {overall.hits_at_3:.1%}, MRR {overall.mrr:.3f}, "
        f"zero-result {overall.zero_result_rate:.1%}; " + "; ".join(report)
    )
    assert overall.hits_at_3 >= HITS_AT_3_FLOOR, misses
    assert overall.zero_result_rate <= ZERO_RESULT_CEILING, misses
