"""Background tasks of the publishing pipeline, run by the django-tasks database worker."""

from __future__ import annotations

import io
import logging

from django.core.management import CommandError, call_command
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tasks import task

from registry_api.exchange.services import listings_expire

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


def _half_monthly_report(output) -> None:
    """On the 1st and the 16th: draft the report of the half-month that just ended."""
    from cms.reports.drafting import report_due

    period = report_due(timezone.localdate())
    if period is None:
        return
    try:
        call_command("complaint_report", period=str(period), stdout=output)
    except Exception:  # the refresh must go on; the editor can run the command by hand
        logger.exception("daily refresh: complaint report for %s failed", period)


@task()
def daily_refresh() -> str:
    """Just after midnight: bring search and the site in line with the new day, then come back.

    The day alone changes what is public: credit records leave publicity on their end day,
    notices expire, events pass. No row changes, so no signal fires. The search API already
    hides records past their publicity end; here their documents are deleted
    (`search_check --repair`) and a site build re-renders the pages that show such dates.
    """
    output = io.StringIO()
    try:
        try:
            call_command("search_check", "--repair", "--quiet", stdout=output)
        except CommandError as exc:  # engine down or an index missing: the build still runs
            logger.error("daily refresh: search repair incomplete: %s", exc)
            output.write(f"search repair incomplete: {exc}\n")
        expired = listings_expire()  # the public lists hid them already; the admin catches up
        if expired:
            output.write(f"{expired} idle-mark listings expired\n")
        _half_monthly_report(output)
        services.site_build_request()
    finally:
        services.daily_refresh_enqueue()
    return output.getvalue().strip()[-500:] or "index in line; site build requested"
