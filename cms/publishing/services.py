"""The publishing pipeline: schedule and run static-site builds.

A build is requested after every change that the static site shows. Requests are coalesced:
a queued build that finds a newer build already started since it was requested does nothing,
because that build read the API after the change.
"""

from __future__ import annotations

import os
from datetime import datetime, time, timedelta
from functools import partial

from django.conf import settings
from django.utils import timezone

from core.on_commit import on_commit_collect

from .builder import build_run
from .models import SiteBuild


def site_build_request() -> None:
    """Ask the worker for a site build once the current transaction commits."""
    from .tasks import build_static_site

    def enqueue(_requests: list) -> None:
        build_static_site.enqueue(requested_at=timezone.now().isoformat())

    # One build per transaction, however many rows it changed (a batch import saves 10,000).
    on_commit_collect("site_build", None, enqueue)


def site_build_at_registration_close(target) -> None:
    """A built page shows a registration form while registration is open; when it closes
    (the deadline, or the start) no row changes, so no signal asks for a build. Ask for one
    due at that moment, once the transaction commits: it runs unless a build started after
    it (a target saved twice queues two, and the second finds itself superseded)."""
    if not getattr(target, "registration_open", False):
        return
    closes = target.registration_closes_at
    if closes is None or closes <= timezone.now():
        return
    from .tasks import build_static_site

    def enqueue(moments: list) -> None:
        for moment in moments:
            build_static_site.using(run_after=moment).enqueue(requested_at=moment.isoformat())

    on_commit_collect("site_build_at", closes, enqueue)


def site_build_is_superseded(requested_at: datetime) -> bool:
    return SiteBuild.objects.filter(
        started_at__gt=requested_at,
        status__in=[SiteBuild.Status.RUNNING, SiteBuild.Status.SUCCEEDED],
    ).exists()


# Wagtail's log entries are stamped inside the publishing transaction, before it commits:
# one that commits after the previous build read the API carries an earlier time. Looking back
# this far before that build's start covers such a transaction (as the site's change feeds do).
CMS_CHANGES_MARGIN = timedelta(minutes=5)


def cms_changed_types() -> list[str] | None:
    """What changed among the CMS pages since the last successful build started (less
    CMS_CHANGES_MARGIN), as `build.py --cms-changed` takes it: `app_label.ModelName:id…` per
    page type with a logged action (publish, unpublish, move, delete…), and `*` when the
    platform pages' child lists may have changed (a page under a platform page, moved or
    gone). None when that cannot be known (no such build, or a page whose type is unknown):
    then the build fetches every page type."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, PageLogEntry

    from cms.pages.models import PlatformPage

    last = (
        SiteBuild.objects.filter(status=SiteBuild.Status.SUCCEEDED)
        .order_by("-started_at")
        .values_list("started_at", flat=True)
        .first()
    )
    if last is None:
        return None
    entries = (
        PageLogEntry.objects.filter(timestamp__gte=last - CMS_CHANGES_MARGIN)
        .values_list("content_type_id", "page_id", "action")
        .distinct()
    )
    generic = ContentType.objects.get_for_model(Page).pk
    platform_type = ContentType.objects.get_for_model(PlatformPage).pk
    pages = {page.pk: page for page in Page.objects.filter(pk__in={e[1] for e in entries})}
    changed: dict[str, set[int]] = {}
    for content_type_id, page_id, action in entries:
        page = pages.get(page_id)
        if content_type_id == generic and page is not None:  # logged on a base Page
            content_type_id = page.content_type_id
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or model is Page:
            return None
        changed.setdefault(f"{model._meta.app_label}.{model.__name__}", set()).add(page_id)
        parent = page.get_parent() if page is not None else None
        if (
            page is None
            or action == "wagtail.move"
            or parent is None
            or (parent.content_type_id == platform_type)
        ):
            changed.setdefault("*", set())
    return sorted(
        ":".join([name, *(str(i) for i in sorted(ids))]) if name != "*" else name
        for name, ids in changed.items()
    )


def site_build_arguments(
    *, api_url: str, output_dir: str, cms_changed: list[str] | None = None
) -> list[str]:
    """`site/build.py`'s arguments for a build of the live site."""
    command = [
        "--api",
        api_url,
        "--output",
        output_dir,
        "--site-url",
        settings.PUBLIC_BASE_URL,
    ]
    if cms_changed is not None:
        command.append(f"--cms-changed={','.join(cms_changed)}")
    return command


def site_build_run(*, api_url: str | None = None, output_dir: str | None = None) -> SiteBuild:
    """Build the static site from the public API now; record the outcome.

    The site build never imports Django (docs/decisions/0002): it is a separate program that
    reads the HTTP API, run by the warm build process or in a child process (builder.py).
    """
    # Before this build's row exists: the changes since the previous successful build.
    cms_changed = cms_changed_types()
    build = SiteBuild.objects.create(
        started_at=timezone.now(), status=SiteBuild.Status.RUNNING, runner_pid=os.getpid()
    )
    arguments = site_build_arguments(
        api_url=api_url or settings.SITE_API_URL,
        output_dir=str(output_dir or settings.SITE_OUTPUT_DIR),
        cms_changed=cms_changed,
    )
    outcome = build_run(arguments)
    finish = partial(SiteBuild.objects.filter(pk=build.pk).update, finished_at=timezone.now())
    log = outcome.log[-20_000:]
    if outcome.returncode == 0:
        finish(status=SiteBuild.Status.SUCCEEDED, log=log, output=str(output_dir or ""))
    else:
        finish(status=SiteBuild.Status.FAILED, log=log)
    build.refresh_from_db()
    return build


# How often the worker looks for pages whose scheduled go-live or expiry time has come.
SCHEDULE_INTERVAL = timedelta(seconds=20)
SCHEDULER_TASK_PATH = "cms.publishing.tasks.publish_scheduled_pages"


def scheduled_publishing_enqueue(*, after: timedelta = timedelta(0)) -> None:
    """Queue the next run of the scheduled-publishing task."""
    from .tasks import publish_scheduled_pages

    publish_scheduled_pages.using(run_after=timezone.now() + after).enqueue()


DAILY_TASK_PATH = "cms.publishing.tasks.daily_refresh"
DAILY_AT = time(0, 5)  # local time: just after the day changes what is public


def daily_refresh_next_run(now: datetime) -> datetime:
    """The next DAILY_AT in the bureau's time zone strictly after `now`."""
    local = timezone.localtime(now)
    run = local.replace(hour=DAILY_AT.hour, minute=DAILY_AT.minute, second=0, microsecond=0)
    return run if run > local else run + timedelta(days=1)


def daily_refresh_enqueue(*, now: datetime | None = None) -> None:
    from .tasks import daily_refresh

    daily_refresh.using(run_after=daily_refresh_next_run(now or timezone.now())).enqueue()


def scheduled_publishing_start() -> None:
    """Start the self-renewing scheduled-publishing task, replacing any queued leftover.

    Called when the platform starts, so exactly one chain runs however often it restarts.
    """
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(
        task_path__in=[SCHEDULER_TASK_PATH, DAILY_TASK_PATH], status="READY"
    ).delete()
    scheduled_publishing_enqueue()
    daily_refresh_enqueue()
