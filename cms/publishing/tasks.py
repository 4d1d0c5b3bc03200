"""Background tasks of the publishing pipeline, run by the django-tasks database worker."""

from __future__ import annotations

import io
import logging

from django.core.management import call_command
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tasks import task

from core.signals import day_started

from . import services

logger = logging.getLogger(__name__)

# Between search syncs (10, search/tasks.py) and Wagtail's own housekeeping tasks (0: reference
# and admin-search index updates, which a bulk change queues by the thousand): a publish must
# not wait behind them.
PIPELINE_PRIORITY = 5


@task(priority=PIPELINE_PRIORITY)
def build_static_site(requested_at: str | None = None) -> str:
    requested = parse_datetime(requested_at) if requested_at else None
    if requested is not None and services.site_build_is_superseded(requested):
        return "superseded"
    build = services.site_build_run()
    if build.status != build.Status.SUCCEEDED:
        logger.error("Static site build %s failed:\n%s", build.pk, build.log[-4000:])
        raise RuntimeError(f"static site build {build.pk} failed")
    return f"built in {build.seconds:.1f}s"


@task(priority=PIPELINE_PRIORITY)
def publish_scheduled_pages() -> str:
    """Carry out scheduled go-live and expiry (Wagtail's `publish_scheduled`), then come back.

    The worker is the scheduler: this task re-enqueues itself every SCHEDULE_INTERVAL, so
    scheduled publishing needs no cron. Publishing here sends the usual signals, so search and
    the static site follow as for a manual publish.
    """
    output = io.StringIO()
    try:
        call_command("publish_scheduled", stdout=output)
    finally:
        services.scheduled_publishing_enqueue(after=services.SCHEDULE_INTERVAL)
    return output.getvalue().strip()[-500:]


@task()
def daily_refresh() -> str:
    """Just after midnight: tell the apps the day started (`core.signals.day_started`), then
    come back tomorrow.

    The day alone changes what is public: credit records leave publicity on their end day,
    listings expire, events pass, a half-month's report falls due. No row changes, so no model
    signal fires; each app connects its own receiver (search repairs its index, publishing
    asks for a site build). One receiver failing does not stop the others; its error is logged
    and reported here.
    """
    lines = []
    try:
        day = timezone.localdate()
        for receiver, answer in day_started.send_robust(sender=None, day=day):
            name = getattr(receiver, "__qualname__", repr(receiver))
            if isinstance(answer, Exception):
                logger.error("daily refresh: %s failed", name, exc_info=answer)
                lines.append(f"{name} failed: {answer}")
            elif answer:
                lines.append(str(answer))
    finally:
        services.daily_refresh_enqueue()
    return "\n".join(lines)[-500:]
