"""How an import runs: checked with no write lock, written in bounded transactions, resumable,
large batches in the task worker behind a status URL that only their sender may read.

Real commits are needed (what a transaction holds, what a retry finds), so these tests use
`transactional_db`.
"""

import datetime
import sqlite3
from contextlib import contextmanager

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.db import OperationalError, connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from rest_framework.test import APIClient

from registry_api.credit.models import CreditRecord
from registry_api.partners.models import CreditImport, CreditImportBatch, ReviewItem
from tests.partners.conftest import bad_check_digit, key_client, record_row
from tests.partners.test_import import jsonl, post

pytestmark = pytest.mark.django_db(transaction=True)
TASK_PATH = "registry_api.partners.tasks.credit_import_process"
BUILD_PATH = "cms.publishing.tasks.build_static_site"
SYNC_PATH = "search.tasks.sync_documents"


@pytest.fixture(autouse=True)
def chunks_by_rows_only(settings):
    """Chunks end by row count here (a loaded test machine must not change them), with no
    pause between them; the time bound has its own test."""
    settings.PARTNER_IMPORT_WRITE_SECONDS = 600
    settings.PARTNER_IMPORT_WRITE_PAUSE = 0


def rows(enterprises, count: int, prefix: str = "r", flagged: tuple[int, ...] = ()) -> list[dict]:
    """`count` valid rows; the 1-based rows in `flagged` carry a failing check digit."""
    out = []
    for n in range(1, count + 1):
        row = record_row(enterprises[n % len(enterprises)], f"（2026）内0402执{prefix}{n}号")
        if n in flagged:
            row["enterprise"] = bad_check_digit(row["enterprise"])
        out.append(row)
    return out


def is_record_insert(sql: str) -> bool:
    return sql.lstrip().upper().startswith('INSERT INTO "CREDIT_CREDITRECORD"')


@contextmanager
def watching(wrapper):
    with connection.execute_wrapper(wrapper):
        yield


def writer_waits_for_lock() -> bool:
    """Whether another SQLite connection would have to wait to write right now."""
    other = sqlite3.connect(connection.settings_dict["NAME"], timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as error:
        assert "locked" in str(error)
        return True
    finally:
        other.close()


def stores_the_check(sql: str) -> bool:
    """The UPDATE that stores the checked batch's plan: the check has ended."""
    return sql.lstrip().startswith('UPDATE "partners_creditimportbatch"') and '"plan"' in sql


@pytest.mark.parametrize("dry_run", [True, False])
def test_the_check_runs_outside_any_transaction(court_client, enterprises, dry_run):
    """While rows are checked (each one's publicity-rule lookup), no transaction is open on
    this connection and, on SQLite, another connection can take the write lock at once. The
    old import checked rows inside its one transaction: both assertions failed."""
    checks = []  # (in a transaction, another writer would wait) per rule lookup of the check
    checked = []

    def probe(execute, sql, params, many, context):
        if stores_the_check(sql):
            checked.append(sql)
        elif '"credit_publicityrule"' in sql and not checked:
            waits = connection.vendor == "sqlite" and writer_waits_for_lock()
            checks.append((connection.in_atomic_block, waits))
        return execute(sql, params, many, context)

    query = "?dry_run=1" if dry_run else ""
    with watching(probe):
        response = post(court_client, jsonl(*rows(enterprises, 6)), query=query)
    assert response.status_code == 200, response.content
    assert response.json()["report"]["counts"]["created"] == 6
    assert len(checks) >= 6  # every row was checked by the model's rule lookup …
    assert checks == [(False, False)] * len(checks)  # … with no transaction and no lock held
    assert CreditRecord.objects.count() == (0 if dry_run else 6)


def record_inserts_per_commit():
    """A wrapper counting credit-record INSERTs per committed transaction, and the counts."""
    commits: list[int] = []
    pending = {"rows": 0, "registered": False}

    def committed():
        commits.append(pending["rows"])
        pending.update(rows=0, registered=False)

    def count(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if is_record_insert(sql):
            assert connection.in_atomic_block  # every write inside a bounded transaction
            pending["rows"] += 1
            if not pending["registered"]:
                pending["registered"] = True
                transaction.on_commit(committed)
        return result

    return count, commits


def test_rows_are_written_in_bounded_transactions(court_client, enterprises, settings):
    settings.PARTNER_IMPORT_WRITE_ROWS = 4
    batch = rows(enterprises, 11, flagged=(11,))  # 10 records and a row held for review
    count, commits = record_inserts_per_commit()
    earlier = list(DBTaskResult.objects.values_list("pk", flat=True))  # the fixtures' saves
    with watching(count):
        response = post(court_client, jsonl(*batch))
    assert response.status_code == 200, response.content
    assert commits == [4, 4, 2]  # the 11-row plan in chunks of 4; the last holds the flag
    queued = DBTaskResult.objects.exclude(pk__in=earlier).values_list("task_path", flat=True)
    assert list(queued).count(BUILD_PATH) == 1  # one site build for the import, not per chunk
    assert list(queued).count(SYNC_PATH) == 3  # search follows each chunk
    assert CreditRecord.objects.count() == 10 and ReviewItem.objects.count() == 1
    done = CreditImport.objects.get()
    assert done.status == CreditImport.Status.DONE
    assert (done.rows_total, done.rows_to_write, done.rows_written) == (11, 11, 11)
    assert done.finished_at is not None
    assert not CreditImportBatch.objects.exists()  # the rows are let go


def test_a_write_transaction_ends_once_its_time_is_up(court_client, enterprises, settings):
    settings.PARTNER_IMPORT_WRITE_SECONDS = 0  # every row is past the deadline …
    count, commits = record_inserts_per_commit()
    with watching(count):
        response = post(court_client, jsonl(*rows(enterprises, 5)))
    assert response.status_code == 200
    assert commits == [1, 1, 1, 1, 1]  # … yet each transaction writes one, so it ends
    assert CreditImport.objects.get().rows_written == 5


def fail_on_record_insert(number: int):
    """A wrapper refusing the `number`th credit-record INSERT the way SQLite does when
    another writer holds the lock too long."""
    seen = {"inserts": 0}

    def refuse(execute, sql, params, many, context):
        if is_record_insert(sql):
            seen["inserts"] += 1
            if seen["inserts"] == number:
                raise OperationalError("database is locked")
        return execute(sql, params, many, context)

    return refuse


def interrupted_import(client, body: bytes, fail_at: int):
    client.raise_request_exception = False
    with watching(fail_on_record_insert(fail_at)):
        response = post(client, body)
    client.raise_request_exception = True
    assert response.status_code == 500
    return CreditImport.objects.get()


def test_a_retry_completes_an_interrupted_import_without_duplicates(
    court_client, enterprises, settings
):
    settings.PARTNER_IMPORT_WRITE_ROWS = 3
    body = jsonl(*rows(enterprises, 8, flagged=(2, 7)))  # plan: 6 records, 2 held rows
    cut = interrupted_import(court_client, body, fail_at=4)  # in the second chunk
    assert cut.status == CreditImport.Status.INTERRUPTED and "database is locked" in cut.problem
    assert cut.rows_written == 3  # the first chunk (rows 1–3) committed, the second not
    assert CreditRecord.objects.count() == 2 and ReviewItem.objects.count() == 1
    status = court_client.get(f"/api/v1/credit-records/imports/{cut.pk}/").json()
    assert status["status"] == "interrupted"
    progress = status["progress"]
    assert (progress["rows"], progress["validated"], progress["to_write"]) == (8, 8, 8)
    assert progress["written"] == 3

    response = post(court_client, body)  # the same batch again
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["import"]["id"] == cut.pk  # resumed, not started again
    assert data["report"]["counts"] == {
        "created": 6,
        "updated": 0,
        "unchanged": 0,
        "rejected": 0,
        "flagged": 2,
    }
    numbers = list(CreditRecord.objects.values_list("decision_number", flat=True))
    assert len(numbers) == len(set(numbers)) == 6
    held = sorted(ReviewItem.objects.values_list("row_number", flat=True))
    assert held == [2, 7]
    assert {e["row"]: e["review_item"] for e in data["report"]["flagged"]} == dict(
        ReviewItem.objects.values_list("row_number", "pk")
    )
    # Finished now: the same body is a new import, and every row is unchanged; the two held
    # rows, still pending review, file no second review item.
    again = post(court_client, body).json()
    assert again["import"]["id"] != cut.pk and again["report"]["counts"]["unchanged"] == 6
    assert CreditRecord.objects.count() == 6 and ReviewItem.objects.count() == 2


def test_a_running_import_is_left_to_its_runner_until_it_goes_silent(
    court_client, enterprises, settings
):
    settings.PARTNER_IMPORT_WRITE_ROWS = 2
    body = jsonl(*rows(enterprises, 5))
    cut = interrupted_import(court_client, body, fail_at=3)
    # As if another process were writing it right now.
    CreditImport.objects.filter(pk=cut.pk).update(status="writing", updated_at=timezone.now())
    busy = post(court_client, body)
    assert busy.status_code == 202 and busy.json()["import"]["status"] == "writing"
    assert CreditRecord.objects.count() == 2
    silent = timezone.now() - datetime.timedelta(minutes=2)
    CreditImport.objects.filter(pk=cut.pk).update(updated_at=silent)
    taken_over = post(court_client, body)
    assert taken_over.status_code == 200 and taken_over.json()["import"]["id"] == cut.pk
    assert CreditRecord.objects.count() == 5


def test_idempotency_key_returns_the_import_and_refuses_another_body(court_client, enterprises):
    body = jsonl(*rows(enterprises, 2))
    headers = {"HTTP_IDEMPOTENCY_KEY": "court-batch-20261201"}
    first = court_client.generic(
        "POST",
        "/api/v1/credit-records/import/",
        body,
        content_type="application/x-ndjson",
        **headers,
    )
    again = court_client.generic(
        "POST",
        "/api/v1/credit-records/import/",
        body,
        content_type="application/x-ndjson",
        **headers,
    )
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()  # the stored report: created 2, not unchanged 2
    other = court_client.generic(
        "POST",
        "/api/v1/credit-records/import/",
        jsonl(*rows(enterprises, 3, prefix="x")),
        content_type="application/x-ndjson",
        **headers,
    )
    assert other.status_code == 409
    assert CreditRecord.objects.count() == 2


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--verbosity", "0")


@pytest.mark.engine
def test_a_large_batch_answers_202_and_runs_in_the_worker(
    court_client, enterprises, settings, search_engine
):
    settings.PARTNER_IMPORT_BACKGROUND_ROWS = 5
    settings.PARTNER_IMPORT_WRITE_ROWS = 4
    response = post(court_client, jsonl(*rows(enterprises, 12, flagged=(12,))))
    assert response.status_code == 202, response.content
    location = response["Location"]
    started = response.json()["import"]
    assert location.endswith(f"/api/v1/credit-records/imports/{started['id']}/")
    assert started["url"] == location and started["background"] is True
    queued = court_client.get(location).json()
    assert queued["status"] == "queued" and queued["report"] is None
    assert queued["progress"] == {
        "rows": 12,
        "validated": 0,
        "to_write": 0,
        "written": 0,
        "longest_write_ms": 0,
    }
    assert not CreditRecord.objects.exists()  # nothing happens in the request

    run_worker()

    done = court_client.get(location).json()
    assert done["status"] == "done" and done["finished_at"]
    progress = done["progress"]
    assert (progress["validated"], progress["to_write"], progress["written"]) == (12, 12, 12)
    assert progress["longest_write_ms"] > 0  # three chunks of 4, each timed to its commit
    assert done["report"]["applied"] and done["report"]["counts"]["created"] == 11
    assert done["report"]["flagged"][0]["review_item"] == ReviewItem.objects.get().pk
    assert CreditRecord.objects.count() == 11
    task = DBTaskResult.objects.get(task_path=TASK_PATH)
    assert task.status == "SUCCESSFUL" and task.args_kwargs["args"] == [started["id"]]


def test_a_large_dry_run_reports_through_the_status_url(court_client, enterprises, settings):
    settings.PARTNER_IMPORT_BACKGROUND_ROWS = 3
    batch = [*rows(enterprises, 4), record_row(enterprises[0], "bad", decision_date="soon")]
    response = post(court_client, jsonl(*batch), query="?dry_run=1")
    assert response.status_code == 202
    run_worker()
    done = court_client.get(response["Location"]).json()
    assert done["status"] == "done" and done["dry_run"]
    report = done["report"]
    assert not report["applied"] and report["counts"]["created"] == 4
    assert [(e["row"], e["field"]) for e in report["errors"]] == [(5, "decision_date")]
    assert done["progress"]["to_write"] == 0 and not CreditRecord.objects.exists()


def test_a_rejected_large_batch_writes_nothing(court_client, enterprises, settings):
    settings.PARTNER_IMPORT_BACKGROUND_ROWS = 3
    batch = [*rows(enterprises, 4), record_row(enterprises[0], "bad", category="nope")]
    response = post(court_client, jsonl(*batch))
    run_worker()
    done = court_client.get(response["Location"]).json()
    assert done["status"] == "rejected" and not done["report"]["applied"]
    assert not CreditRecord.objects.exists()


def test_the_status_url_is_visible_to_its_sender_and_staff_only(
    court_client, issue, enterprises, departments
):
    response = post(court_client, jsonl(*rows(enterprises, 1)))
    url = response.json()["import"]["url"]
    assert court_client.get(url).status_code == 200

    _, other_court = issue("court")
    _, tax = issue("tax")
    assert key_client(other_court).get(url).status_code == 404  # same department, other key
    assert key_client(tax).get(url).status_code == 404
    assert APIClient().get(url).status_code == 401

    clerk = User.objects.create_user("clerk", password="not-used")
    clerk.user_permissions.add(*Permission.objects.filter(codename__endswith="_creditrecord"))
    clerk_client = APIClient()
    clerk_client.force_authenticate(clerk)
    assert clerk_client.get(url).status_code == 404  # permissions to import are not staff
    own = post(clerk_client, jsonl(record_row(enterprises[0], "k1", department="court")))
    assert clerk_client.get(own.json()["import"]["url"]).status_code == 200
    assert court_client.get(own.json()["import"]["url"]).status_code == 404

    staff = User.objects.create_user("staff", password="not-used", is_staff=True)
    staff_client = APIClient()
    staff_client.force_authenticate(staff)
    body = staff_client.get(url).json()
    assert body["status"] == "done" and body["report"]["counts"]["created"] == 1
