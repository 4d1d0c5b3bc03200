"""The receiver printed in docs/api.md, run as it is printed, against real deliveries: it
accepts what we sign with its secret and refuses what is signed with another."""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from registry_api.subscriptions import services
from registry_api.subscriptions.models import Delivery
from tests.subscriptions.conftest import commit_pending, credit_record, send_due

API_DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
MARKER = "<!-- webhook-receiver -->"
MAX_LINES = 20


def documented_receiver() -> str:
    text = API_DOC.read_text(encoding="utf-8")
    match = re.search(re.escape(MARKER) + r"\s*```python\n(.*?)```", text, re.S)
    assert match, f"docs/api.md has no python block after {MARKER}"
    return match.group(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def docs_receiver(tmp_path):
    """start(secret) -> URL of the documented receiver, running in its own process."""
    started = []

    def start(secret: str) -> str:
        script = tmp_path / "receiver.py"
        script.write_text(documented_receiver(), encoding="utf-8")
        port = free_port()
        env = {**os.environ, "HONGSHAN_WEBHOOK_SECRET": secret, "PORT": str(port)}
        process = subprocess.Popen(  # noqa: S603 - our own documented script
            [sys.executable, str(script)], env=env, stdout=subprocess.PIPE, text=True
        )
        started.append(process)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return f"http://127.0.0.1:{port}/hooks/hongshan"
            except OSError:
                time.sleep(0.05)
        raise AssertionError("the documented receiver did not start")

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=5)
        process.stdout.close()


def test_the_documented_receiver_is_short(docs_receiver):
    code = [line for line in documented_receiver().splitlines() if line.strip()]
    assert len(code) <= MAX_LINES  # lines of code: the blank ones are the formatter's


def test_the_documented_receiver_checks_our_signature(bank, companies, departments, docs_receiver):
    commit_pending()
    subscription, secret = services.subscription_create(
        key=bank.key,
        target_url="http://127.0.0.1:9/",
        topics=["credit_records"],
        credit_codes=[companies[0].credit_code],
    )
    subscription.target_url = docs_receiver(secret)
    subscription.save()
    services.subscription_ping(subscription=subscription)
    credit_record(companies[0], departments["court"])
    commit_pending()
    assert send_due() == ["delivered", "delivered"]

    impostor, _ = services.subscription_create(
        key=bank.key, target_url=docs_receiver("not the secret"), topics=["credit_records"]
    )
    impostor.secret = secret  # signed with the first subscription's secret: the wrong one here
    impostor.save()
    services.subscription_ping(subscription=impostor)
    assert send_due() == ["failed"]
    refused = Delivery.objects.get(subscription=impostor)
    assert refused.last_status_code == 401
