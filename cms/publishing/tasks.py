"""Background tasks of the publishing pipeline, run by the django-tasks database worker."""

from __future__ import annotations

import logging

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
