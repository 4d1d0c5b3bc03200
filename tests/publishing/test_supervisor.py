"""run_platform's supervisor restarts a dead child with back-off and gives up on a crash loop.

Real child processes; only the clock is the test's, so the back-off is checked exactly.
"""

import sys
import time

import pytest

from cms.publishing import supervisor as sup
from cms.publishing.supervisor import Child, GaveUp, Supervisor

DIES = [sys.executable, "-c", "import sys; sys.exit(3)"]
LIVES = [sys.executable, "-c", "import time; time.sleep(60)"]


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def wait_dead(child: Child) -> None:
    child.process.wait(timeout=10)


def test_a_dead_child_is_restarted_after_a_doubling_delay():
    clock = Clock()
    child = Child("dies", DIES)
    supervisor = Supervisor([child], clock=clock)
    supervisor.start()
    delays = []
    for _ in range(4):
        wait_dead(child)
        first = child.process
        supervisor.check()  # notices the death, schedules the restart
        delays.append(child.restart_at - clock.now)
        supervisor.check()  # too early: nothing happens
        assert child.process is first
        clock.now = child.restart_at
        supervisor.check()  # restarted
        assert child.process is not first
    assert delays == [sup.FIRST_DELAY * 2**n for n in range(4)]
    supervisor.stop()


def test_a_child_that_ran_steadily_starts_its_back_off_afresh():
    clock = Clock()
    child = Child("dies", DIES)
    supervisor = Supervisor([child], clock=clock)
    supervisor.start()
    for _ in range(3):
        wait_dead(child)
        supervisor.check()
        clock.now = child.restart_at
        supervisor.check()
    wait_dead(child)
    clock.now += sup.STEADY_SECONDS
    supervisor.check()
    assert child.restart_at - clock.now == sup.FIRST_DELAY
    supervisor.stop()


def test_a_crash_loop_gives_up():
    clock = Clock()
    child = Child("dies", DIES)
    supervisor = Supervisor([child], clock=clock)
    supervisor.start()
    with pytest.raises(GaveUp, match="dies"):
        for _ in range(sup.GIVE_UP_AFTER + 1):
            wait_dead(child)
            supervisor.check()
            clock.now = child.restart_at
            supervisor.check()
    supervisor.stop()


def test_a_killed_child_is_restarted_and_the_others_keep_running():
    clock = Clock()
    victim, bystander = Child("victim", LIVES), Child("bystander", LIVES)
    supervisor = Supervisor([victim, bystander], clock=clock)
    supervisor.start()
    try:
        bystander_pid = bystander.process.pid
        victim.process.kill()
        wait_dead(victim)
        supervisor.check()
        clock.now = victim.restart_at
        supervisor.check()
        assert victim.running
        assert bystander.running and bystander.process.pid == bystander_pid
    finally:
        supervisor.stop()
    assert not victim.running and not bystander.running


def test_stop_kills_a_child_that_ignores_sigterm():
    stubborn = Child(
        "stubborn",
        [
            sys.executable,
            "-c",
            "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
            "print('ready', flush=True); time.sleep(60)",
        ],
    )
    supervisor = Supervisor([stubborn])
    supervisor.start()
    time.sleep(0.5)  # let it install its handler
    started = time.monotonic()
    supervisor.stop(timeout=1)
    assert not stubborn.running
    assert time.monotonic() - started < 10
