"""The front server: the static site from disk, application paths passed to gunicorn.

A real front server and a real gunicorn (with a small echo application) on a Unix socket.
"""

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(predicate, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


@pytest.fixture
def site(tmp_path):
    build = tmp_path / "output" / "builds" / "one"
    (build / "news" / "7").mkdir(parents=True)
    (build / "index.html").write_text("<h1>首页</h1>", encoding="utf-8")
    (build / "news" / "7" / "index.html").write_text("<h1>资讯</h1>", encoding="utf-8")
    (build / "404.html").write_text("<h1>页面不存在</h1>", encoding="utf-8")
    (build / "style.css").write_text("body{}")
    (tmp_path / "output" / "current").symlink_to(build)
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "app.js").write_text("1;")
    (tmp_path / "secret.txt").write_text("not public")
    return tmp_path


@pytest.fixture
def upstream(tmp_path):
    sock = tmp_path / "app.sock"

    def start():
        process = subprocess.Popen(
            [str(GUNICORN), "echo_app:application", "--bind", f"unix:{sock}", "-w", "1"],
            cwd=Path(__file__).parent,
            stderr=subprocess.DEVNULL,
        )
        wait_for(sock.exists)
        return process

    state = {"process": start(), "socket": sock, "start": start}
    yield state
    state["process"].terminate()
    state["process"].wait(timeout=10)


@pytest.fixture
def front(site, upstream):
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "front.server",
            "--bind",
            f"127.0.0.1:{port}",
            "--upstream",
            str(upstream["socket"]),
            "--site",
            str(site / "output"),
            "--static",
            str(site / "static"),
        ],
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"

    def up():
        try:
            return requests.get(base + "/", timeout=1).ok
        except requests.ConnectionError:
            return False

    wait_for(up)
    yield base
    process.terminate()
    assert process.wait(timeout=10) == 0


def test_pages_come_from_the_current_build(front, site):
    home = requests.get(front + "/")
    assert home.status_code == 200 and "首页" in home.text
    assert home.headers["Cache-Control"] == "no-cache"
    assert "资讯" in requests.get(front + "/news/7/").text
    assert "资讯" in requests.get(front + "/news/7").text
    assert requests.get(front + "/style.css").text == "body{}"
    assert requests.get(front + "/static/app.js").text == "1;"


def test_a_swapped_build_is_served_at_once(front, site):
    second = site / "output" / "builds" / "two"
    second.mkdir()
    (second / "index.html").write_text("<h1>新版</h1>", encoding="utf-8")
    link = site / "output" / "current"
    tmp = site / "output" / "current.tmp"
    tmp.symlink_to(second)
    tmp.replace(link)
    assert "新版" in requests.get(front + "/").text


@pytest.mark.parametrize("path", ["/nope/", "/../secret.txt", "/%2e%2e/secret.txt", "/a%00b"])
def test_missing_and_escaping_paths_get_the_sites_404(front, path):
    response = requests.get(front + path)
    assert response.status_code == 404
    assert "not public" not in response.text


def test_application_paths_are_passed_on_with_their_headers(front):
    response = requests.post(
        front + "/api/v1/things/?a=1", data=b"x" * 100_000, headers={"Host": "example.org"}
    )
    assert response.status_code == 201
    seen = response.json()
    assert seen["method"] == "POST" and seen["path"] == "/api/v1/things/"
    assert seen["query"] == "a=1" and seen["host"] == "example.org"
    assert seen["body_bytes"] == 100_000
    # Loopback callers stay unmarked; a proxy's header is extended with the peer.
    assert seen["forwarded_for"] is None
    assert response.raw.headers.getlist("Set-Cookie") == ["a=1", "b=2"]
    # The search results page is the application's too (it answers without JavaScript).
    assert requests.get(front + "/search/?q=食品").json()["path"] == "/search/"
    relayed = requests.get(front + "/admin/", headers={"X-Forwarded-For": "203.0.113.9"}).json()
    assert relayed["forwarded_for"] == "203.0.113.9, 127.0.0.1"


def test_the_site_stays_up_while_the_application_is_down(front, upstream):
    upstream["process"].terminate()
    upstream["process"].wait(timeout=10)
    upstream["socket"].unlink(missing_ok=True)
    api = requests.get(front + "/api/v1/enterprises/")
    assert api.status_code == 503
    assert api.headers["Retry-After"]
    assert api.json()["error"]["code"] == "server_unavailable"
    admin = requests.get(front + "/admin/")
    assert admin.status_code == 503 and "请稍后再试" in admin.text
    assert requests.get(front + "/").status_code == 200
    upstream["process"] = upstream["start"]()
    assert requests.get(front + "/api/v1/enterprises/").status_code == 201


def test_writes_to_the_static_site_are_refused(front):
    response = requests.post(front + "/news/7/", data=b"x")
    assert response.status_code == 405
