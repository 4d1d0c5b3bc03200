"""Complaint intake behind a real gunicorn with three sync workers: the submission limit and
the Idempotency-Key hold across workers (counters in the shared file cache, keys in the
database), as they must with more than one process."""

import os
import re
import socket
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from django.db import connection

from registry_api.complaints.models import Complaint

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
LIMIT = 5
WORKERS = 3
# Gunicorn's access log, one line per request: the worker's pid and the status.
ACCESS_LINE = re.compile(r"^worker=<(\d+)> status=(\d{3}) path=(\S+)$", re.MULTILINE)


def database_url() -> str:
    """The test database as DATABASE_URL, for processes outside this one."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def gunicorn(reference, tmp_path):
    """gunicorn on a free port with 3 sync workers; yields (base URL, access-log path)."""
    port, log = free_port(), tmp_path / "access.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url(),
        "CACHE_DIR": str(tmp_path / "cache"),
        "COMPLAINT_SUBMIT_RATE": f"{LIMIT}/hour",
        "COMPLAINT_PHONE_RATE": "1000/day",
    }
    errors = open(tmp_path / "gunicorn.err", "w")  # noqa: SIM115 - closed after the server
    server = subprocess.Popen(
        [
            str(GUNICORN),
            "cms.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            f"--workers={WORKERS}",
            "--worker-class=sync",
            "--preload",  # the project imported once, then forked: ~4 s to serve instead of ~7
            "--timeout=60",
            "--no-control-socket",  # its default path is one per machine, not per server
            f"--access-logfile={log}",
            "--access-logformat=worker=%(p)s status=%(s)s path=%(U)s",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=errors,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{base}/api/v1/complaints/places/", timeout=5).ok:
                    break
            except requests.RequestException:
                pass  # not listening yet, or a worker still importing the project
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail("gunicorn did not start:\n" + (tmp_path / "gunicorn.err").read_text())
            time.sleep(0.3)
        yield base, log
    finally:
        server.terminate()
        server.wait(timeout=30)
        errors.close()


def post_all(base: str, bodies: list[tuple[dict, dict]]) -> list[requests.Response]:
    """All at once: one thread per request, released together."""
    with ThreadPoolExecutor(max_workers=len(bodies)) as pool:
        return list(
            pool.map(
                lambda item: requests.post(
                    f"{base}/api/v1/complaints/", json=item[0], headers=item[1], timeout=60
                ),
                bodies,
            )
        )


def workers_that_answered(log: Path, path: str, *, since: int = 0) -> set[str]:
    """The pids of the workers that answered `path`, in the log from byte `since` on."""
    time.sleep(0.5)  # gunicorn writes the access line after the response
    text = log.read_bytes()[since:].decode()
    return {pid for pid, _status, seen in ACCESS_LINE.findall(text) if seen == path}


@pytest.mark.django_db(transaction=True)
def test_the_submission_limit_is_counted_across_three_workers(gunicorn, complaint_form):
    base, log = gunicorn
    # The front proxy's X-Forwarded-For (NUM_PROXIES=1): one client address for every request.
    client = {"X-Forwarded-For": "203.0.113.77"}
    bodies = [
        ({**complaint_form, "complainant_phone": f"1384765{n:04d}"}, client)
        for n in range(4 * LIMIT)
    ]
    responses = post_all(base, bodies)

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [201] * LIMIT + [429] * (3 * LIMIT), [r.text for r in responses]
    refused = next(r for r in responses if r.status_code == 429)
    assert refused.json()["error"]["code"] == "throttled" and int(refused.headers["Retry-After"])
    assert Complaint.objects.count() == LIMIT
    assert len(workers_that_answered(log, "/api/v1/complaints/")) > 1


@pytest.mark.django_db(transaction=True)
def test_one_idempotency_key_on_several_workers_stores_one_complaint(gunicorn, complaint_form):
    base, log = gunicorn
    # On a loaded machine one worker may take all five retries of a key; then the check says
    # nothing about several workers, so it is tried again with a new key (a few times at most).
    for attempt in range(1, 6):
        key = f"form-{uuid.uuid4()}"
        since = log.stat().st_size
        # Retries from different addresses, so that the address limit stops none of them; each
        # attempt another complaint (the same content under a new key is a duplicate).
        form = {**complaint_form, "facts": f"{complaint_form['facts']}（第{attempt}次）"}
        bodies = [
            (form, {"Idempotency-Key": key, "X-Forwarded-For": f"198.51.{attempt}.{n}"})
            for n in range(1, LIMIT + 1)
        ]
        responses = post_all(base, bodies)

        assert sorted(r.status_code for r in responses) == [200] * (LIMIT - 1) + [201], [
            r.text for r in responses
        ]
        assert len({r.json()["tracking_code"] for r in responses}) == 1
        assert Complaint.objects.filter(idempotency_key=key).count() == 1
        assert Complaint.objects.count() == attempt
        if len(workers_that_answered(log, "/api/v1/complaints/", since=since)) > 1:
            break
    else:
        pytest.fail("five times, one worker answered every retry of a key")
