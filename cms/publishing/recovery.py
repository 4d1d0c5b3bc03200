"""Work a killed task worker left half done, taken up again when the next worker starts.

The django-tasks database backend marks a task RUNNING when a worker takes it and never
learns that the worker died: the row stays RUNNING and the task is never finished. There is
one worker per installation (`run_platform` supervises it), so whatever task is RUNNING
when a worker starts was interrupted. Every task of ours is idempotent (search syncs read the
database, site builds rebuild, imports resume from their record), so it is simply made READY
again. A site build recorded as running is recorded as failed, or it would count as a newer
build and supersede the build requests made before it; unless the process running it is
alive (run_platform's first build, made while its worker starts) and the build younger than
the builder's time limit (a process id the system gave again does not keep a build open).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .builder import BUILD_TIMEOUT
from .models import SiteBuild

log = logging.getLogger(__name__)

INTERRUPTED = "\n任务执行进程中断，本次构建未完成；已重新排队。"


@dataclass
class Recovered:
    tasks: int
    builds: int


def runner_alive(build: SiteBuild, now) -> bool:
    """Whether another live process may still be running `build`."""
    pid = build.runner_pid
    if not pid or pid == os.getpid() or now - build.started_at > timedelta(seconds=BUILD_TIMEOUT):
        return False
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, as another user's
        pass
    return True


def interrupted_work_resume() -> Recovered:
    """Put the RUNNING tasks back in the queue and close the RUNNING site builds as failed."""
    now = timezone.now()
    with transaction.atomic():
        running = SiteBuild.objects.filter(status=SiteBuild.Status.RUNNING)
        builds = [build for build in running if not runner_alive(build, now)]
        for build in builds:
            build.status = SiteBuild.Status.FAILED
            build.finished_at = now
            build.log += INTERRUPTED
            build.save(update_fields=["status", "finished_at", "log"])
        tasks = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, started_at=None, worker_ids=[]
        )
    if tasks or builds:
        log.warning("恢复中断的工作：%d 个任务重新排队，%d 次站点构建记为失败", tasks, len(builds))
    return Recovered(tasks=tasks, builds=len(builds))
