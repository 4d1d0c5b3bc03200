"""Keep a few child processes running: restart one that dies, with back-off, and give up
(stop everything, report failure) only when a child keeps dying.

Used by `manage.py run_platform` for the front server, gunicorn and the task worker.
"""

from __future__ import annotations

import logging
import subprocess
import time
from collections import deque
from dataclasses import dataclass, field

log = logging.getLogger("hongshan.supervisor")

FIRST_DELAY = 0.5  # seconds before the first restart; doubled after each quick death
MAX_DELAY = 30.0
STEADY_SECONDS = 60.0  # a child that ran this long starts its back-off afresh
GIVE_UP_AFTER = 8  # restarts within GIVE_UP_WINDOW seconds
GIVE_UP_WINDOW = 300.0


class GaveUp(Exception):
    """A child died GIVE_UP_AFTER times within GIVE_UP_WINDOW seconds."""


@dataclass
class Child:
    name: str
    argv: list[str]
    env: dict | None = None
    cwd: str | None = None
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    delay: float = FIRST_DELAY
    restart_at: float | None = None
    restarts: deque = field(default_factory=deque)

    def start(self, now: float) -> None:
        self.process = subprocess.Popen(self.argv, env=self.env, cwd=self.cwd)
        self.started_at = now
        self.restart_at = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None


class Supervisor:
    def __init__(self, children: list[Child], *, clock=time.monotonic):
        self.children = children
        self.clock = clock

    def start(self) -> None:
        for child in self.children:
            child.start(self.clock())

    def check(self) -> None:
        """One round: notice deaths, schedule and perform restarts. Raises GaveUp."""
        now = self.clock()
        for child in self.children:
            if child.running:
                continue
            if child.restart_at is None:
                self._schedule(child, now)
            elif now >= child.restart_at:
                log.warning("重启子进程 %s", child.name)
                child.start(now)

    def _schedule(self, child: Child, now: float) -> None:
        code = child.process.returncode if child.process is not None else None
        if now - child.started_at >= STEADY_SECONDS:
            child.delay = FIRST_DELAY
        while child.restarts and now - child.restarts[0] > GIVE_UP_WINDOW:
            child.restarts.popleft()
        child.restarts.append(now)
        if len(child.restarts) > GIVE_UP_AFTER:
            deaths = len(child.restarts)
            raise GaveUp(f"{child.name} 在 {GIVE_UP_WINDOW:.0f} 秒内退出了 {deaths} 次，放弃重启")
        log.warning("子进程 %s 已退出（代码 %s），%.1f 秒后重启", child.name, code, child.delay)
        child.restart_at = now + child.delay
        child.delay = min(child.delay * 2, MAX_DELAY)

    def stop(self, timeout: float = 15) -> None:
        """Stop every child: SIGTERM, then SIGKILL for one that does not exit in time."""
        for child in self.children:
            if child.running:
                child.process.terminate()
        deadline = self.clock() + timeout
        for child in self.children:
            if child.process is None:
                continue
            try:
                child.process.wait(timeout=max(0.1, deadline - self.clock()))
            except subprocess.TimeoutExpired:
                child.process.kill()
                child.process.wait()
