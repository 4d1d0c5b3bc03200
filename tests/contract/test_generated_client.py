"""A Python client generated from /api/v1/schema/ with openapi-python-client installs with pip
and syncs the enterprise directory and the credit records, page by page, from the live server."""

import importlib
import json
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from registry_api.credit.models import CreditRecord
from registry_api.enterprises.models import Enterprise

PACKAGE = "hongshan_registry_api_client"  # from info.title "Hongshan Registry API"


def cursor_of(next_link) -> str | None:
    """The `cursor` of a `next` link, or None on the last page."""
    if not isinstance(next_link, str):
        return None
    return parse_qs(urlsplit(next_link).query)["cursor"][0]


def synced(list_operation, client, **filters) -> list:
    """Every row of a list, following the cursor of each page as an integrator would."""
    rows, cursor = [], None
    for _page in range(100):
        extra = {"cursor": cursor} if cursor else {}
        page = list_operation.sync(client=client, page_size=2, **filters, **extra)
        assert page is not None and hasattr(page, "results"), page
        rows.extend(page.results)
        if (cursor := cursor_of(page.next_)) is None:
            return rows
    raise AssertionError("the cursor never ended")


@pytest.fixture
def generated_client(live_server, registry, tmp_path, monkeypatch):
    """The package generated from the served schema, pip-installed into a scratch folder."""
    schema = requests.get(f"{live_server.url}/api/v1/schema/?format=json", timeout=30)
    assert schema.status_code == 200
    (tmp_path / "schema.json").write_text(schema.text, encoding="utf-8")
    generator = [sys.executable, "-m", "openapi_python_client", "generate"]
    subprocess.run(
        [*generator, "--path", "schema.json", "--meta", "setup", "--output-path", "client"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    install = [sys.executable, "-m", "pip", "install", "--no-deps"]
    result = subprocess.run(
        [*install, "--target", str(tmp_path / "target"), str(tmp_path / "client")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    monkeypatch.syspath_prepend(str(tmp_path / "target"))
    yield importlib.import_module(PACKAGE)
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(f"{PACKAGE}.")]:
        del sys.modules[name]


def test_the_generated_client_syncs_enterprises_and_credit_records(generated_client, live_server):
    enterprises = importlib.import_module(f"{PACKAGE}.api.enterprises.enterprises_list")
    records = importlib.import_module(f"{PACKAGE}.api.credit_records.credit_records_list")
    profile = importlib.import_module(f"{PACKAGE}.api.enterprises.enterprises_credit_retrieve")
    with generated_client.Client(
        base_url=live_server.url, raise_on_unexpected_status=True
    ) as client:
        sync_and_check(client, enterprises, records, profile)


def sync_and_check(client, enterprises, records, profile):
    rows = synced(enterprises, client)
    assert sorted(row.credit_code for row in rows) == sorted(
        Enterprise.objects.values_list("credit_code", flat=True)
    )
    credit = synced(records, client)
    assert sorted(row.decision_number for row in credit) == sorted(
        CreditRecord.objects.values_list("decision_number", flat=True)
    )
    # The profile is a typed model, not a free-form dict: its timeline entries are too.
    standing = profile.sync(client=client, credit_code=credit[0].enterprise.credit_code)
    assert standing.standing.level in ("关注", "失信")
    assert {entry.type_.value for entry in standing.timeline} == {"credit_record"}
    # An error answers the Error model, not "unexpected status".
    missing = profile.sync_detailed(client=client, credit_code="X" * 18)
    assert missing.status_code == 404
    assert missing.parsed.error.code == "not_found", json.loads(missing.content)
