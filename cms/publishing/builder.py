"""Running a site build: in the warm build process when it answers, else in a child process.

The warm process (`site/build.py --serve SITE_BUILDER_SOCKET`, a child of run_platform) has
Pelican loaded and remembers what the previous build read and wrote of its state: at the
district scale that is most of a small build's time (docs/operations.md, "Publish to live").
It runs one build at a time; a second request waits its turn, as a second child process
would wait for the build lock. When it is not there (not started, restarting after a deploy,
killed mid-build), the build runs in a child process as before: same program, same output.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

# A build longer than this is given up (a full district build takes about a minute).
BUILD_TIMEOUT = 30 * 60
CONNECT_TIMEOUT = 2


@dataclass(frozen=True)
class Outcome:
    returncode: int
    log: str


def build_script() -> Path:
    return settings.SITE_DIR / "build.py"


def build_in_warm_process(argv: list[str], socket_path: Path) -> Outcome | None:
    """The build's outcome, or None when no warm process took it (absent, restarting, or
    gone before it answered): the caller builds in a child process then."""
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        connection.settimeout(CONNECT_TIMEOUT)
        connection.connect(str(socket_path))
    except OSError:
        connection.close()
        return None
    with connection, connection.makefile("rwb") as stream:
        try:
            connection.settimeout(BUILD_TIMEOUT)
            stream.write(json.dumps({"argv": argv}).encode() + b"\n")
            stream.flush()
            answer = json.loads(stream.readline() or b"{}")
        except TimeoutError:
            return Outcome(1, f"the warm build process did not finish within {BUILD_TIMEOUT} s")
        except (OSError, ValueError):
            return None
    if "returncode" not in answer:  # {"restart": true}, or the process died mid-build
        return None
    return Outcome(answer["returncode"], answer.get("log", ""))


def build_in_child_process(argv: list[str]) -> Outcome:
    try:
        completed = subprocess.run(
            [sys.executable, str(build_script()), *argv],
            capture_output=True,
            text=True,
            check=False,
            timeout=BUILD_TIMEOUT,
        )
    except subprocess.TimeoutExpired as exc:
        output = exc.stdout or ""  # str or bytes, depending on where the timeout struck
        if isinstance(output, bytes):
            output = output.decode(errors="replace")
        return Outcome(1, f"{output}\nthe build did not finish within {BUILD_TIMEOUT} s")
    return Outcome(completed.returncode, completed.stdout + completed.stderr)


def build_run(argv: list[str]) -> Outcome:
    """Run `site/build.py argv…`, warm if possible."""
    warm = build_in_warm_process(argv, settings.SITE_BUILDER_SOCKET)
    if warm is not None:
        return warm
    cold = build_in_child_process(argv)
    note = "no warm build process answered: built in a child process\n"
    return Outcome(cold.returncode, note + cold.log)


def warm_process_command(socket_path: Path) -> list[str]:
    """The warm build process, as run_platform starts it."""
    return [sys.executable, str(build_script()), "--serve", str(socket_path)]
