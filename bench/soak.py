#!/usr/bin/env python3
"""Soak a running platform with a mixed public load for a bounded time, with publishes, a
partner import and optional faults, then check that nothing was lost and the platform is up.

    VAR_DIR=… SITE_OUTPUT_DIR=… SEARCH_INDEX_PREFIX=… ELASTICSEARCH_URL=… SITE_API_URL=… \\
    .venv/bin/python bench/soak.py --base http://127.0.0.1:8200 [--minutes 10] [--clients 16]
        [--fault engine|worker] [--engine-data-dir /tmp/h4/noida]

Run it with the environment of the instance under test (its own VAR_DIR, index prefix and
engine; loopback only) and with its throttles lifted (COMPLAINT_SUBMIT_RATE,
COMPLAINT_PHONE_RATE, REGISTRY_ANON_READ_RATE set high when the instance was started), or
complaints and reads answer 429. The bench talks to the database of that VAR_DIR in-process.

`--clients` closed-loop clients each pick, per request: a static page 60 % (from the built
site's sitemap), a registry read 25 % (enterprise list and detail, trademark list and detail,
credit records), a site-wide search 10 % (the queries of bench/search_latency.py), a complaint
5 % (with an Idempotency-Key; one in ten sent again with the same key). A publisher publishes
a news page every 30 s in-process (as bench/publish_to_live.py) and times until it is on the
site; half-way a 5,000-row partner import is posted (202, then its status URL polled).

Faults, a third of the way in:
- `--fault engine`: the instance's own engine is stopped for 60 s (`noida-db down/up` on
  `--engine-data-dir`; refused for the shared engine at 127.0.0.1:9200). A loaded server
  finishes its searches before it exits, so the bench waits for the server's process, not
  for `down` or the port: SIGTERM after 45 s, SIGKILL 10 s later. The 60 s count from the
  process's exit; then `up` (at the stopped server's niceness, not the bench's) until the
  engine answers `GET /`, at most 90 s; every step is printed. Checks: writes
  (complaints, publishes) still succeed, search answers 503 quickly (p99 of the 503s), static
  pages are unaffected, and after the engine returns `manage.py search_check` reports no
  drift without anyone acting (polled for `--drift-wait` seconds).
- `--fault worker`: once a site build is running, the instance's task worker is killed with
  SIGKILL; the supervisor restarts it. Checks: static pages served throughout, and a build
  started after the kill completes.

Baseline, measured in the same run before the load: the same mix from one client, so the
ratio says what 16 clients cost each request.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import requests
from common import ROOT, demo_scale, django_setup, percentile
from complaint_intake import form as complaint_form
from import_rate import jsonl, rows_for
from search_latency import QUERIES

CLASSES = [("static", 60), ("registry", 25), ("search", 10), ("complaint", 5)]
PUBLISH_EVERY_SECONDS = 30
IMPORT_ROWS = 5000
FAULT_SECONDS = 60
SHARED_ENGINE = "127.0.0.1:9200"
NOIDA = Path(sys.executable).parent / "noida-db"


@dataclass
class ClassStats:
    latencies_ms: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    connection_errors: int = 0
    # (monotonic time, status or None for a connection error, ms) for the fault windows
    timeline: list[tuple[float, int | None, float]] = field(default_factory=list)
    # Search answers by the answer cache's word in Server-Timing: hit, miss, stale
    cache_states: dict[str, int] = field(default_factory=lambda: defaultdict(int))


class Load:
    """The mixed public load: targets discovered from the site and the API."""

    def __init__(self, base: str, seed: int):
        self.base = base
        self.random = random.Random(seed)
        self.stats: dict[str, ClassStats] = defaultdict(ClassStats)
        self.lock = threading.Lock()
        self.complaints: list[tuple[str, list[tuple[int | None, str | None]]]] = []
        self.static_urls = self._sitemap_urls()
        enterprises = requests.get(f"{base}/api/v1/enterprises/", timeout=30).json()["results"]
        self.codes = [e["credit_code"] for e in enterprises]
        marks = requests.get(f"{base}/api/v1/trademarks/", timeout=30).json()["results"]
        self.mark_ids = [m["id"] for m in marks]
        self.counter = 0

    def _sitemap_urls(self) -> list[str]:
        """Every page the sitemap lists, following a sitemap index to its sitemaps."""
        pages, sitemaps = [], [f"{self.base}/sitemap.xml"]
        while sitemaps:
            xml = requests.get(sitemaps.pop(), timeout=30).text
            found = [
                self.base + urllib.parse.urlsplit(loc).path
                for loc in re.findall(r"<loc>(.*?)</loc>", xml)
            ]
            (sitemaps if "<sitemapindex" in xml else pages).extend(found)
        return pages

    def registry_url(self, rng: random.Random) -> str:
        choice = rng.randrange(5)
        if choice == 0:
            return f"{self.base}/api/v1/enterprises/"
        if choice == 1:
            return f"{self.base}/api/v1/enterprises/{rng.choice(self.codes)}/"
        if choice == 2:
            return f"{self.base}/api/v1/trademarks/"
        if choice == 3:
            return f"{self.base}/api/v1/trademarks/{rng.choice(self.mark_ids)}/"
        return f"{self.base}/api/v1/credit-records/"

    def record(self, kind: str, status: int | None, ms: float) -> None:
        with self.lock:
            stats = self.stats[kind]
            if status is None:
                stats.connection_errors += 1
            else:
                stats.statuses[status] += 1
                stats.latencies_ms.append(ms)
            stats.timeline.append((time.monotonic(), status, ms))

    def timed(self, kind: str, session: requests.Session, method: str, url: str, **kwargs):
        started = time.perf_counter()
        try:
            response = session.request(method, url, timeout=60, **kwargs)
            response.content  # noqa: B018 - read the whole body inside the timing
        except requests.RequestException:
            self.record(kind, None, (time.perf_counter() - started) * 1000)
            return None
        self.record(kind, response.status_code, (time.perf_counter() - started) * 1000)
        state = re.search(r"cache;desc=(\w+)", response.headers.get("Server-Timing", ""))
        if state and response.status_code == 200:
            with self.lock:
                self.stats[kind].cache_states[state.group(1)] += 1
        return response

    def one_request(self, session: requests.Session, rng: random.Random) -> None:
        kind = rng.choices([k for k, _ in CLASSES], weights=[w for _, w in CLASSES])[0]
        if kind == "static":
            self.timed(kind, session, "GET", rng.choice(self.static_urls))
        elif kind == "registry":
            self.timed(kind, session, "GET", self.registry_url(rng))
        elif kind == "search":
            query = rng.choice(QUERIES)[1]
            self.timed(kind, session, "GET", f"{self.base}/api/v1/search/", params={"q": query})
        else:
            self.complain(session, rng)

    def complain(self, session: requests.Session, rng: random.Random) -> None:
        with self.lock:
            self.counter += 1
            number = self.counter
        key = f"soak-{uuid.uuid4().hex}"
        body = complaint_form(number)
        body["complainant_phone"] = f"137{rng.randrange(10**8):08d}"
        answers = []
        for _ in range(2 if rng.random() < 0.1 else 1):
            response = self.timed(
                "complaint",
                session,
                "POST",
                f"{self.base}/api/v1/complaints/",
                json=body,
                headers={"Idempotency-Key": key},
            )
            if response is None:
                answers.append((None, None))
            else:
                code = response.json().get("tracking_code") if response.ok else None
                answers.append((response.status_code, code))
        with self.lock:
            self.complaints.append((key, answers))

    def client(self, seed: int, deadline: float) -> None:
        rng, session = random.Random(seed), requests.Session()
        while time.monotonic() < deadline:
            self.one_request(session, rng)


class Publisher(threading.Thread):
    """Publishes a news page every PUBLISH_EVERY_SECONDS and times until it is on the site."""

    def __init__(self, base: str, deadline: float):
        super().__init__(daemon=True)
        self.base, self.deadline = base, deadline
        self.live_seconds: list[float] = []
        self.failures: list[str] = []
        self.page_ids: list[int] = []

    def run(self) -> None:
        from django.db import close_old_connections

        from cms.pages.models import NewsIndexPage, PolicyNewsPage

        while time.monotonic() + PUBLISH_EVERY_SECONDS < self.deadline:
            cycle = time.monotonic()
            marker = uuid.uuid4().hex[:8]
            try:
                page = PolicyNewsPage(
                    title=f"压力测试发布{marker}", slug=f"soak-{marker}", summary="压测，自动删除。"
                )
                NewsIndexPage.objects.live().first().add_child(instance=page)
                page.save_revision().publish()
                self.page_ids.append(page.id)
            except Exception as error:  # noqa: BLE001 - a failed write is a result here
                self.failures.append(f"publish: {type(error).__name__}: {error}")
                close_old_connections()
                time.sleep(max(0, PUBLISH_EVERY_SECONDS - (time.monotonic() - cycle)))
                continue
            published = time.monotonic()
            url = f"{self.base}/news/{page.id}/"
            while time.monotonic() - published < 120:
                try:
                    if requests.get(url, timeout=10).status_code == 200:
                        self.live_seconds.append(time.monotonic() - published)
                        break
                except requests.RequestException:
                    pass
                time.sleep(0.25)
            else:
                self.failures.append(f"page {page.id} not on the site within 120 s")
            time.sleep(max(0, PUBLISH_EVERY_SECONDS - (time.monotonic() - cycle)))

    def clean_up(self) -> None:
        from cms.pages.models import PolicyNewsPage

        PolicyNewsPage.objects.filter(id__in=self.page_ids).delete()


def partner_import(base: str, outcome: dict) -> None:
    """POST IMPORT_ROWS new court rows; follow the 202 to the finished report."""
    from registry_api.credit.models import Department
    from registry_api.credit.reference_data import load_credit_reference
    from registry_api.enterprises.models import Enterprise
    from registry_api.partners import services

    load_credit_reference()
    _, key = services.key_issue(
        department=Department.objects.get(code="court"),
        name="soak",
        scopes=["credit_records:write"],
        rate=10_000,
    )
    codes = list(Enterprise.objects.values_list("credit_code", flat=True))
    prefix = f"S{uuid.uuid4().hex[:4].upper()}"
    body = jsonl(rows_for(codes, IMPORT_ROWS, prefix, "压测导入：失信被执行人。"))
    headers = {"Authorization": f"Api-Key {key}"}
    started = time.monotonic()
    try:
        response = requests.post(
            f"{base}/api/v1/credit-records/import/",
            data=body,
            headers={**headers, "Content-Type": "application/x-ndjson"},
            timeout=600,
        )
        outcome["answer"] = response.status_code
        if response.status_code == 202:
            while time.monotonic() - started < 600:
                time.sleep(1)
                status = requests.get(response.headers["Location"], headers=headers, timeout=60)
                state = status.json()
                if state.get("finished_at") or state.get("status") == "interrupted":
                    outcome["status"] = state.get("status")
                    outcome["report"] = state.get("report")
                    break
        else:
            outcome["report"] = response.json().get("report")
    except requests.RequestException as error:
        outcome["answer"] = type(error).__name__
    outcome["seconds"] = time.monotonic() - started


def instance_worker_pids(var_dir: str) -> list[int]:
    """The task worker processes (`run_worker`, or a bare `db_worker`) whose VAR_DIR is
    `var_dir`: this instance's, nobody else's."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            environ = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        worker = b"run_worker" in argv or b"db_worker" in argv
        if worker and f"VAR_DIR={var_dir}".encode() in environ:
            pids.append(int(entry.name))
    return pids


def kill_worker_mid_build(var_dir: str, fault: dict) -> None:
    from django.db import close_old_connections

    from cms.publishing.models import SiteBuild

    waited = time.monotonic()
    while time.monotonic() - waited < 120:
        running = SiteBuild.objects.filter(status=SiteBuild.Status.RUNNING).order_by("-started_at")
        build = running.first()
        close_old_connections()
        if build is not None and time.time() - build.started_at.timestamp() < 30:
            break
        time.sleep(0.2)
    else:
        fault["problem"] = "no build started within 120 s"
        return
    pids = instance_worker_pids(var_dir)
    fault.update(start=time.monotonic(), end=time.monotonic() + FAULT_SECONDS, pids=pids)
    fault["killed_build_id"] = build.id
    fault["killed_at"] = datetime.datetime.now(datetime.UTC)
    for pid in pids:
        os.kill(pid, signal.SIGKILL)


# What `noida-db` 0.2.3 does, as read from its behaviour (tests on a scratch engine, 2026-12-02):
# `down` asks the server (on the control port in noida.control.json) to stop; the server first
# finishes the searches it has taken, then saves (elasticsearch.tmp renamed over
# elasticsearch.json), removes noida.control.json and exits. `down` waits 30 s for that, then
# says "error: noida-db (pid N) is still running" and exits 1 with the server still serving.
# `up` asks that server for its status: if it answers, `up` says "already running (pid N)",
# exits 0 and starts nothing; if it does not answer within 2 s, `up` starts a second server,
# which cannot take the control file or the ports, and kills it after about 60 s (exit 1).
# A server busy with searches does not answer `GET /` within 2 s either, so neither the exit
# code nor a short HTTP probe says whether the engine stopped: the server's process does.
ENGINE_STOP_SECONDS = 45  # from `down` until the server must have exited, else SIGTERM
ENGINE_KILL_SECONDS = 10  # from SIGTERM until SIGKILL
ENGINE_BACK_SECONDS = 90  # from the end of the outage until the engine must answer `GET /`
ENGINE_UP_EVERY_SECONDS = 15  # at most one `noida-db up` this often
ENGINE_PROBE_SECONDS = 15  # how long one `GET /` may take (a loaded engine answers slowly)


def engine_server(data_dir: str) -> int | None:
    """The pid of the live `noida-db start` process serving `data_dir`, found in /proc by its
    arguments (noida.control.json outlives a server that is still finishing, and names
    nothing while one starts)."""
    wanted = os.path.realpath(data_dir)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = [a.decode() for a in (entry / "cmdline").read_bytes().split(b"\0")]
            if not (argv[0].endswith("noida-db") and argv[1] == "start" and "--data-dir" in argv):
                continue
            given = argv[argv.index("--data-dir") + 1]
            folder = os.path.realpath(os.path.join(os.readlink(entry / "cwd"), given))
            if folder == wanted and process_state(int(entry.name)) not in (None, "Z"):
                return int(entry.name)
        except (OSError, IndexError, UnicodeDecodeError):
            continue
    return None


def process_state(pid: int) -> str | None:
    """The state letter of `pid` (R, S, D, T, Z…), None once it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def process_nice(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16])
    except (OSError, IndexError, ValueError):
        return None


def engine_command(command: str, data_dir: str, port: int, nice: int | None = None):
    """Run `noida-db down|up` for the instance's engine: (exit code or None if it timed out,
    its output without the loader's GLIBC warning, seconds). `nice`: the niceness `up` and
    the server it starts get (else they inherit the bench's, e.g. `nice -n 10 soak.py`)."""
    argv = [str(NOIDA), command, "--data-dir", data_dir]
    if command == "up":
        argv += ["--only", "elasticsearch", "--elasticsearch-port", str(port)]
    if nice is not None and nice != os.getpriority(os.PRIO_PROCESS, 0):
        argv = ["nice", "-n", str(nice - os.getpriority(os.PRIO_PROCESS, 0)), *argv]
    started = time.monotonic()
    try:
        done = subprocess.run(
            argv, capture_output=True, text=True, timeout=90, stdin=subprocess.DEVNULL
        )
        code, output = done.returncode, done.stdout + done.stderr
    except subprocess.TimeoutExpired as expired:
        code, output = None, f"{expired.stdout or ''}{expired.stderr or ''} (timed out)"
    if isinstance(output, bytes):
        output = output.decode(errors="replace")
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    said = " / ".join(line for line in lines if "GLIBC_" not in line)
    return code, said[:300], time.monotonic() - started


def engine_refuses(port: int) -> bool:
    """Nothing listens on the engine's port (a busy engine still accepts connections)."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except ConnectionRefusedError:
        return True
    except OSError:
        return False
    return False


def engine_answers(engine_url: str) -> bool:
    try:
        return requests.get(engine_url, timeout=ENGINE_PROBE_SECONDS).status_code == 200
    except requests.RequestException:
        return False


def engine_outage(engine_url: str, data_dir: str, fault: dict) -> None:
    """Stop the instance's engine for FAULT_SECONDS, then start it again; `fault` gets the
    window's monotonic start (the server gone) and end, `steps` (what was done and seen, for
    the report), `back_after`, and `problem` if the engine did not go or come back."""
    try:
        stop_engine(urllib.parse.urlsplit(engine_url).port, os.path.abspath(data_dir), fault)
        if "problem" not in fault:
            time.sleep(max(0.0, FAULT_SECONDS - (time.monotonic() - fault["start"])))
            fault["end"] = time.monotonic()
            start_engine(engine_url, os.path.abspath(data_dir), fault)
    except Exception as error:  # noqa: BLE001 - reported, not lost with the timer's thread
        fault["problem"] = f"{type(error).__name__}: {error}"


def fault_step(fault: dict, text: str) -> None:
    """Note what the engine fault did or saw, timed from `noida-db down`."""
    fault["steps"].append(f"+{time.monotonic() - fault['asked']:5.1f} s  {text}")


def stop_engine(port: int, data_dir: str, fault: dict) -> None:
    """`noida-db down`, then wait for the server's process to exit (SIGTERM, then SIGKILL,
    if it has not after ENGINE_STOP_SECONDS); `fault["start"]` is when it had."""
    fault.update(asked=time.monotonic(), steps=[])

    def step(text: str) -> None:
        fault_step(fault, text)

    pid = engine_server(data_dir)
    if pid is None:
        fault["problem"] = f"no noida-db server is running for {data_dir}"
        return
    fault["nice"] = process_nice(pid)
    code, said, took = engine_command("down", data_dir, port)
    step(f"`noida-db down` (server pid {pid}): exit {code} after {took:.1f} s: {said}")

    def gone(seconds: float) -> bool:
        until = time.monotonic() + seconds
        while time.monotonic() < until:
            if process_state(pid) in (None, "Z"):
                return True
            time.sleep(0.2)
        return process_state(pid) in (None, "Z")

    if not gone(max(0.0, ENGINE_STOP_SECONDS - (time.monotonic() - fault["asked"]))):
        step(f"server pid {pid} still running (state {process_state(pid)}): SIGTERM")
        os.kill(pid, signal.SIGTERM)
        if not gone(ENGINE_KILL_SECONDS):
            step(
                f"server pid {pid} still running (state {process_state(pid)}): SIGKILL "
                "(its writes of the last ~5 s may be lost)"
            )
            os.kill(pid, signal.SIGKILL)
            if not gone(5):
                fault["problem"] = f"server pid {pid} survived SIGKILL (state {process_state(pid)})"
                return
    fault["start"] = time.monotonic()
    # The leader of a killed server shows as gone before its other threads let the port go.
    while not (refused := engine_refuses(port)) and time.monotonic() - fault["start"] < 5:
        time.sleep(0.2)
    step(
        f"server pid {pid} gone at +{fault['start'] - fault['asked']:.1f} s; port {port} "
        + ("refuses connections" if refused else "STILL accepts connections")
    )
    if not refused:
        fault["problem"] = f"port {port} still accepts connections with server pid {pid} gone"


def start_engine(engine_url: str, data_dir: str, fault: dict) -> None:
    """`noida-db up` (again every ENGINE_UP_EVERY_SECONDS while no server runs) until the
    engine answers `GET /`, for at most ENGINE_BACK_SECONDS; `fault["back_after"]` then."""
    port = urllib.parse.urlsplit(engine_url).port

    def step(text: str) -> None:
        fault_step(fault, text)

    control = Path(data_dir) / "noida.control.json"
    if engine_server(data_dir) is None and control.exists():
        # Left by a server that was killed: `up` would ask whatever now listens on its port.
        control.unlink()
        step("removed the stale noida.control.json of the killed server")
    deadline, said, last_up = fault["end"] + ENGINE_BACK_SECONDS, "", -ENGINE_UP_EVERY_SECONDS
    while time.monotonic() < deadline:
        pid = engine_server(data_dir)
        if pid is None and time.monotonic() - last_up >= ENGINE_UP_EVERY_SECONDS:
            last_up = time.monotonic()
            code, said, took = engine_command("up", data_dir, port, nice=fault.get("nice"))
            pid = engine_server(data_dir)
            step(
                f"`noida-db up` (nice {fault.get('nice')}): exit {code} after {took:.1f} s; "
                f"server pid {pid}: {said[:160]}"
            )
        if pid is not None and engine_answers(engine_url):
            fault["back_after"] = time.monotonic() - fault["end"]
            step(f"server pid {pid} (nice {process_nice(pid)}) answers GET / on port {port}")
            return
        time.sleep(0.5)
    pid = engine_server(data_dir)
    fault["problem"] = (
        f"the engine did not answer GET / within {ENGINE_PROBE_SECONDS} s in the "
        f"{ENGINE_BACK_SECONDS} s after the outage: "
        + (f"server pid {pid} alive (state {process_state(pid)})" if pid else "no server")
        + f"; last `up`: {said[:200]}"
    )
    step(fault["problem"])


def summary(name: str, stats: ClassStats, seconds: float, base_p50: float | None) -> str:
    total = sum(stats.statuses.values()) + stats.connection_errors
    ok = sum(n for status, n in stats.statuses.items() if status < 400)
    p50 = percentile(stats.latencies_ms, 0.5)
    fours = {s: n for s, n in stats.statuses.items() if 400 <= s < 500}
    fives = {s: n for s, n in stats.statuses.items() if s >= 500}
    ratio = f" ({p50 / base_p50:.1f}× the 1-client baseline p50)" if base_p50 else ""
    return (
        f"  {name:9} {total:6} requests, {total / seconds:6.1f}/s; p50 {p50:6.0f} ms{ratio}, "
        f"p99 {percentile(stats.latencies_ms, 0.99):6.0f} ms; ok {ok}; 4xx {fours or 0}; "
        f"5xx {fives or 0}; connection errors {stats.connection_errors}"
        + (
            "; answered 200 from the answer cache: "
            + ", ".join(f"{state} {n}" for state, n in sorted(stats.cache_states.items()))
            if stats.cache_states
            else ""
        )
    )


def window(stats: ClassStats, start: float, end: float):
    return [(status, ms) for when, status, ms in stats.timeline if start <= when <= end]


def check_complaints(load: Load) -> bool:
    from registry_api.complaints.models import Complaint

    created = {}
    inconsistent = 0
    for key, answers in load.complaints:
        codes = {code for status, code in answers if status in (200, 201)}
        if len(codes) > 1:
            inconsistent += 1
        if any(status == 201 for status, _ in answers):
            created[key] = codes
    stored = defaultdict(list)
    keys = list(created)
    for start in range(0, len(keys), 500):
        for key, code in Complaint.objects.filter(
            idempotency_key__in=keys[start : start + 500]
        ).values_list("idempotency_key", "tracking_code"):
            stored[key].append(code)
    missing = [k for k in keys if not stored.get(k)]
    twice = [k for k in keys if len(stored.get(k, [])) > 1]
    wrong = [k for k in keys if stored.get(k) and stored[k][0] not in created[k]]
    resent = sum(1 for _, answers in load.complaints if len(answers) == 2)
    print(
        f"Complaints: {len(load.complaints)} submissions ({resent} re-sent with their key), "
        f"{len(created)} answered 201; in the database: missing {len(missing)}, stored twice "
        f"{len(twice)}, other tracking code {len(wrong)}; retries answered with another code "
        f"{inconsistent}"
    )
    return not (missing or twice or wrong or inconsistent)


def drift_free(env: dict) -> tuple[bool, str]:
    result = subprocess.run(
        [sys.executable, "manage.py", "search_check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    return result.returncode == 0, (result.stdout + result.stderr).strip()


def platform_up(base: str) -> dict[str, int | str]:
    answers = {}
    for path in ("/", "/api/v1/enterprises/", "/api/v1/search/?q=%E7%BA%A2%E5%B1%B1"):
        try:
            answers[path] = requests.get(base + path, timeout=30).status_code
        except requests.RequestException as error:
            answers[path] = type(error).__name__
    return answers


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--var", help="the instance's VAR_DIR (default: $VAR_DIR)")
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--fault", choices=["engine", "worker"])
    parser.add_argument("--engine-data-dir", help="noida-db data dir of the instance's engine")
    parser.add_argument("--drift-wait", type=float, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    base = args.base.rstrip("/")
    host = urllib.parse.urlsplit(base).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("loopback only")

    django_setup(args.var)
    from django.conf import settings

    var_dir = str(settings.VAR_DIR)
    if args.fault == "engine":
        engine = urllib.parse.urlsplit(settings.ELASTICSEARCH_URL).netloc
        if engine == SHARED_ENGINE or not args.engine_data_dir:
            sys.exit(
                "--fault engine needs the instance's own engine (not the shared one at "
                f"{SHARED_ENGINE}) and its --engine-data-dir"
            )
    print(f"Scale: {demo_scale(var_dir)}")
    print(
        f"  instance {base}, VAR_DIR {var_dir}, engine {settings.ELASTICSEARCH_URL} "
        f"({settings.SEARCH_INDEX_PREFIX}-*); throttles as the instance was started: complaints "
        f"{os.environ.get('COMPLAINT_SUBMIT_RATE', 'default')} per address, "
        f"{os.environ.get('COMPLAINT_PHONE_RATE', 'default')} per phone, reads "
        f"{os.environ.get('REGISTRY_ANON_READ_RATE', 'default')}"
    )

    baseline = Load(base, args.seed)
    print(
        f"  {len(baseline.static_urls)} static URLs from the sitemap, {len(baseline.codes)} "
        f"enterprises and {len(baseline.mark_ids)} marks for detail reads"
    )
    baseline.client(args.seed, time.monotonic() + 20)
    base_p50 = {k: percentile(s.latencies_ms, 0.5) for k, s in baseline.stats.items()}
    print(
        "Baseline, 1 client for 20 s: "
        + ", ".join(f"{k} p50 {v:.0f} ms" for k, v in sorted(base_p50.items()))
    )

    load = Load(base, args.seed + 1)
    load.static_urls = baseline.static_urls
    seconds = args.minutes * 60
    started = time.monotonic()
    deadline = started + seconds
    publisher = Publisher(base, deadline)
    imported: dict = {}
    fault: dict = {}
    helpers = [publisher]
    importer = threading.Timer(seconds / 2, partner_import, args=(base, imported))
    helpers.append(importer)
    if args.fault == "worker":
        helpers.append(threading.Timer(seconds / 3, kill_worker_mid_build, args=(var_dir, fault)))
    elif args.fault == "engine":
        helpers.append(
            threading.Timer(
                seconds / 3,
                engine_outage,
                args=(settings.ELASTICSEARCH_URL, args.engine_data_dir, fault),
            )
        )
    clients = [
        threading.Thread(target=load.client, args=(args.seed * 1000 + i, deadline))
        for i in range(args.clients)
    ]
    for thread in helpers + clients:
        thread.start()
    for thread in clients:
        thread.join()
    elapsed = time.monotonic() - started
    print(
        f"Load: {args.clients} clients for {elapsed:.0f} s"
        + (f", fault {args.fault}" if args.fault else "")
    )
    total = sum(len(s.timeline) for s in load.stats.values())
    print(f"  throughput {total / elapsed:.1f} requests/s over all classes")
    for kind, _ in CLASSES:
        print(summary(kind, load.stats[kind], elapsed, base_p50.get(kind)))
    # Printed before waiting for the import and the publisher, so a stuck import (it waits in
    # the worker's one queue) cannot hide the load figures.
    sys.stdout.flush()
    publisher.join(timeout=150)
    importer.join()
    for helper in helpers[2:]:
        helper.join()
    print(
        f"Publishes: {len(publisher.live_seconds)} on the site, live in median "
        f"{percentile(publisher.live_seconds, 0.5):.1f} s, max "
        f"{max(publisher.live_seconds, default=float('nan')):.1f} s; failures "
        f"{publisher.failures or 0}"
    )
    print(
        f"Import of {IMPORT_ROWS} rows half-way: answered {imported.get('answer')}, status "
        f"{imported.get('status')}, {imported.get('seconds', float('nan')):.1f} s to the report; "
        f"report {imported.get('report')}"
    )

    healthy = check_complaints(load)
    if args.fault == "worker":
        healthy &= report_worker_fault(load, fault)
    elif args.fault == "engine":
        healthy &= report_engine_fault(load, fault, publisher)
    # The import's and the publishes' search syncs may still be queued when the load ends:
    # poll until the index agrees with the database, as monitoring would, without repairing.
    waited = time.monotonic()
    ok, text = drift_free(dict(os.environ))
    while not ok and time.monotonic() - waited < args.drift_wait:
        time.sleep(15)
        ok, text = drift_free(dict(os.environ))
    drift = [line for line in text.splitlines() if re.search(r"[1-9]", line)]
    print(
        f"search_check: {'no drift' if ok else 'DRIFT remains: ' + '; '.join(drift[-6:])} "
        f"{time.monotonic() - waited:.0f} s after the load ended (polled, nobody repaired)"
    )
    up = platform_up(base)
    print(f"Platform at the end: {up}")
    healthy &= ok and all(status == 200 for status in up.values())
    publisher.clean_up()
    return 0 if healthy else 1


def report_worker_fault(load: Load, fault: dict) -> bool:
    from cms.publishing.models import SiteBuild

    if "problem" in fault:
        print(f"Worker fault: not done ({fault['problem']})")
        return False
    static = window(load.stats["static"], fault["start"], fault["end"])
    bad = [s for s, _ in static if s != 200]
    killed = SiteBuild.objects.get(id=fault["killed_build_id"])
    after = SiteBuild.objects.filter(started_at__gt=fault["killed_at"]).order_by("started_at")
    succeeded = after.filter(status=SiteBuild.Status.SUCCEEDED).first()
    print(
        f"Worker fault: SIGKILL to worker pid(s) {fault['pids']} during build "
        f"{fault['killed_build_id']}; static pages in the next {FAULT_SECONDS} s: {len(static)} "
        f"requests, {len(bad)} not 200 ({sorted(set(bad)) if bad else 'none'}); the killed "
        f"build's row now: {killed.status}; builds started after the kill: {after.count()}, "
        + (
            f"first succeeded {succeeded.seconds:.1f} s long, "
            f"{(succeeded.started_at - fault['killed_at']).total_seconds():.1f} s after the kill"
            if succeeded
            else "NONE succeeded"
        )
    )
    return not bad and succeeded is not None


def report_engine_fault(load: Load, fault: dict, publisher: Publisher) -> bool:
    if "start" not in fault or "end" not in fault:
        print(f"Engine fault: NOT carried out: {fault.get('problem', 'the outage never ended')}")
        for line in fault.get("steps", []):
            print(f"    {line}")
        return False
    start, end = fault["start"], fault["end"]
    searches = window(load.stats["search"], start, end)
    unavailable = [ms for status, ms in searches if status == 503]
    other = [s for s, _ in searches if s != 503]
    answered = [ms for s, ms in searches if s != 503]
    static = window(load.stats["static"], start, end)
    static_bad = [s for s, _ in static if s != 200]
    writes = window(load.stats["complaint"], start, end)
    writes_bad = [s for s, _ in writes if s not in (200, 201)]
    back = (
        f"answering GET / again {fault['back_after']:.1f} s after the outage"
        if "back_after" in fault
        else f"NOT BACK: {fault.get('problem')}"
    )
    print(
        f"Engine fault: server gone {start - fault['asked']:.1f} s after `noida-db down`, "
        f"down for {end - start:.0f} s, {back}; what the bench did:"
    )
    for line in fault.get("steps", []):
        print(f"    {line}")
    print(
        f"  search in the outage: {len(searches)} requests, {len(unavailable)} answered 503 "
        f"(p50 {percentile(unavailable, 0.5):.0f} ms, p99 {percentile(unavailable, 0.99):.0f} "
        f"ms), others {sorted(set(other)) if other else 'none'}"
        + (
            f" (p50 {percentile(answered, 0.5):.0f} ms, p99 {percentile(answered, 0.99):.0f} ms)"
            if answered
            else ""
        )
    )
    print(
        f"  static in the outage: {len(static)} requests, {len(static_bad)} not 200; "
        f"complaints in the outage: {len(writes)} answers, {len(writes_bad)} not 200/201"
    )
    return "back_after" in fault and not static_bad and not writes_bad and not publisher.failures


if __name__ == "__main__":
    sys.exit(main())
