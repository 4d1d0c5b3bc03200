"""Fixtures for the subscriptions suite: a real HTTP receiver on loopback, partner keys and
their clients, enterprises and records, and the task worker run in batch mode."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from registry_api.credit import services as credit_services
from registry_api.credit.models import Department
from registry_api.credit.reference_data import load_credit_reference
from registry_api.finance.models import ChattelMortgage, EquityPledge
from registry_api.partners import services as key_services
from registry_api.partners.models import Scope
from registry_api.subscriptions import services
from tests.factories import DistrictFactory, EnterpriseFactory
from tests.partners.conftest import (  # noqa: F401 - an autouse fixture shared with them
    fresh_throttle_counts,
    key_client,
)


@dataclass
class Received:
    headers: dict
    body: bytes

    @property
    def event(self) -> dict:
        return json.loads(self.body)

    def signed_with(self, secret: str) -> bool:
        """The receiver's check, written here from the documented rule, not from our code."""
        timestamp = self.headers["X-Hongshan-Timestamp"]
        expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + self.body, hashlib.sha256)
        return hmac.compare_digest(
            f"sha256={expected.hexdigest()}", self.headers["X-Hongshan-Signature"]
        )


@dataclass
class Receiver:
    """What a bank runs: it records each POST and answers the next queued status (200 when
    none is queued)."""

    url: str = ""
    received: list[Received] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)

    def events(self) -> list[dict]:
        return [item.event for item in self.received]


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        receiver: Receiver = self.server.receiver
        body = self.rfile.read(int(self.headers["Content-Length"]))
        receiver.received.append(Received(dict(self.headers), body))
        status = receiver.statuses.pop(0) if receiver.statuses else 200
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        self.wfile.write("已收到".encode() if status < 300 else "内部错误".encode())

    def log_message(self, format, *args):  # noqa: A002 - the standard library's name
        return


@pytest.fixture
def receiver():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.receiver = Receiver(url=f"http://127.0.0.1:{server.server_port}/hooks/hongshan")
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    yield server.receiver
    server.shutdown()
    server.server_close()


@pytest.fixture
def departments(db) -> dict[str, Department]:
    load_credit_reference()
    return {department.code: department for department in Department.objects.all()}


@pytest.fixture
def companies(db):
    west = DistrictFactory(code="150402001", name="西屯街道")
    return [EnterpriseFactory(district=west) for _ in range(3)]


def partner_client(department, name: str, scopes=("read", Scope.SUBSCRIPTIONS)):
    """A client calling with a new key of `department` (`client.key`), by default one that
    reads and may subscribe, as a bank's key is issued."""
    key, plain = key_services.key_issue(department=department, name=name, scopes=list(scopes))
    client = key_client(plain)
    client.key = key
    return client


@pytest.fixture
def bank(departments):
    return partner_client(departments["court"], "内蒙古银行授信监测")


@pytest.fixture
def other_bank(departments):
    return partner_client(departments["tax"], "另一家机构")


@pytest.fixture
def subscribe(bank, receiver):
    """subscribe(topics, codes) -> (Subscription, secret), owned by the bank's key."""

    def make(topics=("enterprises", "credit_records"), codes=(), **fields):
        commit_pending()  # the fixtures' rows existed before the bank subscribed
        return services.subscription_create(
            key=bank.key,
            target_url=receiver.url,
            topics=list(topics),
            credit_codes=list(codes),
            **fields,
        )

    return make


def commit_pending() -> None:
    """Run what the test's transaction has asked to run on commit, as a commit would.

    Not pytest-django's capture of the block's callbacks: `core.on_commit` registers one
    callback per transaction and name, so a change in the block may join a callback that an
    earlier save (a fixture's) registered before it.
    """
    connection = transaction.get_connection()
    while connection.run_on_commit:
        pending = list(connection.run_on_commit)
        connection.run_on_commit.clear()
        for _savepoints, callback, _robust in pending:
            callback()


@pytest.fixture
def committed():
    """`with committed():` the block's changes (and any before) as if committed at its end."""

    @contextmanager
    def block():
        yield
        commit_pending()

    return block


TASKS = "registry_api.subscriptions.tasks."


def run_worker() -> None:
    """The task worker, in batch mode: every delivery due now, then it stops. The site builds
    and search syncs the fixtures queued are dropped first: they are not under test here and
    would take seconds (the build reads a closed port in tests)."""
    DBTaskResult.objects.exclude(task_path__startswith=TASKS).delete()
    call_command("db_worker", "--batch", "--no-startup-delay", "--verbosity", "0")


def send_due() -> list[str]:
    """The deliveries' tasks due now, run one by one in order as the worker takes them, but
    inside the test's transaction (the worker command needs a transactional test, since it
    closes connections: see run_worker). Returns what each task returned."""
    returned = []
    while True:
        due = (
            DBTaskResult.objects.ready()
            .filter(task_path__startswith=TASKS)
            .order_by("run_after", "enqueued_at")
            .first()
        )
        if due is None:
            return returned
        DBTaskResult.objects.filter(pk=due.pk).update(status=TaskResultStatus.SUCCESSFUL)
        task = import_string(due.task_path)
        returned.append(task.call(*due.args_kwargs["args"], **due.args_kwargs["kwargs"]))


def credit_record(enterprise, department, number: str = "（2026）蒙0402执100号", **fields):
    values = {
        "enterprise": enterprise,
        "department": department,
        "category": "dishonest_debtor",
        "severity": "none",
        "decision_number": number,
        "decision_date": timezone.localdate() - datetime.timedelta(days=10),
        "facts": "被执行人未履行生效法律文书确定的义务。",
        "legal_basis": "《最高人民法院关于公布失信被执行人名单信息的若干规定》",
        "outcome": "纳入失信被执行人名单。",
    }
    return credit_services.record_create(**{**values, **fields})


def equity_pledge(enterprise, **fields) -> EquityPledge:
    values = {
        "registration_number": "1504022026000001",
        "pledgor_name": "赤峰鑫源商贸有限公司",
        "pledgor_type": EquityPledge.PledgorType.ENTERPRISE,
        "enterprise": enterprise,
        "pledgee": "内蒙古银行赤峰分行",
        "amount": Decimal("50"),
        "registered_on": datetime.date(2026, 3, 1),
    }
    return EquityPledge.objects.create(**{**values, **fields})


def chattel_mortgage(enterprise, **fields) -> ChattelMortgage:
    values = {
        "registration_number": "红市监抵202600001",
        "enterprise": enterprise,
        "mortgagee": "中国工商银行赤峰分行",
        "secured_amount": Decimal("80"),
        "collateral_description": "生产设备一批",
        "registered_on": datetime.date(2026, 5, 2),
    }
    return ChattelMortgage.objects.create(**{**values, **fields})
