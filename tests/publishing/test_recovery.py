"""A worker killed mid-task leaves RUNNING rows; the next worker takes them up again."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from cms.publishing.models import SiteBuild
from cms.publishing.recovery import interrupted_work_resume
from cms.publishing.services import site_build_is_superseded
from cms.publishing.tasks import build_static_site

pytestmark = pytest.mark.django_db


def killed_mid_build() -> tuple[DBTaskResult, SiteBuild, datetime.datetime]:
    """The state a SIGKILL during a build leaves: the task and the build both RUNNING, and a
    publish whose build request was made just before that build started."""
    requested = timezone.now()
    build_static_site.enqueue(requested_at=requested.isoformat())
    task = DBTaskResult.objects.get()
    DBTaskResult.objects.filter(pk=task.pk).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now(), worker_ids=["dead"]
    )
    build = SiteBuild.objects.create(
        started_at=requested + datetime.timedelta(seconds=1), status=SiteBuild.Status.RUNNING
    )
    return task, build, requested


def test_running_tasks_are_queued_again_and_the_build_closed_as_failed():
    task, build, requested = killed_mid_build()
    # The dead build would swallow every request made before it started.
    assert site_build_is_superseded(requested)

    recovered = interrupted_work_resume()

    assert (recovered.tasks, recovered.builds) == (1, 1)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.READY and task.started_at is None
    build.refresh_from_db()
    assert build.status == SiteBuild.Status.FAILED and "中断" in build.log
    assert not site_build_is_superseded(requested)


# The worker closes database connections between tasks: that needs a real transaction.
@pytest.mark.django_db(transaction=True)
def test_the_requeued_build_runs_on_the_next_worker():
    task, _build, _requested = killed_mid_build()
    interrupted_work_resume()
    # The test settings point builds at a closed port, so the build itself fails fast; what
    # matters is that the next worker runs the task instead of skipping it as superseded.
    call_command("db_worker", "--batch", "--no-startup-delay", "--verbosity", "0")
    task.refresh_from_db()
    assert task.status in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED)
    assert task.return_value != "superseded"
    assert SiteBuild.objects.count() == 2  # the interrupted one and the new attempt


def test_nothing_running_nothing_changed():
    build_static_site.enqueue()
    assert interrupted_work_resume().tasks == 0
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY


def test_a_build_a_live_process_is_running_is_left_running():
    """run_platform's first build runs in run_platform while its worker starts: the worker's
    recovery must not close it as failed (only the builds of dead processes)."""
    import subprocess
    import sys

    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        now = timezone.now()
        running = SiteBuild.objects.create(
            started_at=now, status=SiteBuild.Status.RUNNING, runner_pid=live.pid
        )
        orphaned = SiteBuild.objects.create(
            started_at=now, status=SiteBuild.Status.RUNNING, runner_pid=dead.pid
        )
        stale = SiteBuild.objects.create(  # older than any build may run: a reused pid
            started_at=now - datetime.timedelta(hours=1),
            status=SiteBuild.Status.RUNNING,
            runner_pid=live.pid,
        )

        assert interrupted_work_resume().builds == 2
    finally:
        live.kill()
        live.wait()
    statuses = {
        name: SiteBuild.objects.get(pk=build.pk).status
        for name, build in (("running", running), ("orphaned", orphaned), ("stale", stale))
    }
    assert statuses == {
        "running": SiteBuild.Status.RUNNING,
        "orphaned": SiteBuild.Status.FAILED,
        "stale": SiteBuild.Status.FAILED,
    }
