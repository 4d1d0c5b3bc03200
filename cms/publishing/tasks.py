"""Background tasks of the publishing pipeline, run by the django-tasks database worker."""

from __future__ import annotations

import io
import logging

from django.core.management import call_command
from django.utils.dateparse import parse_datetime
from django_tasks import task

from . import services

logger = logging.getLogger(__name__)


@task()
def build_static_site(requested_at: str | None = None) -> str:
    requested = parse_datetime(requested_at) if requested_at else None
    if requested is not None and services.site_build_is_superseded(requested):
        return "superseded"
    build = services.site_build_run()
    if build.status != build.Status.SUCCEEDED:
        logger.error("Static site build %s failed:\n%s", build.pk, build.log[-4000:])
        raise RuntimeError(f"static site build {build.pk} failed")
    return f"built in {build.seconds:.1f}s"


@task()
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
