"""A built page's registration form goes when registration closes: saving a registration
target queues a site build due at its deadline or start, which no later build supersedes
unless that build started after the close."""

import datetime

import pytest
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tasks_db.models import DBTaskResult

from cms.publishing.models import SiteBuild
from cms.publishing.services import site_build_is_superseded
from tests.learning.pages import publish_event
from tests.registrations.conftest import publish_open_event

pytestmark = pytest.mark.django_db

BUILD_TASK = "cms.publishing.tasks.build_static_site"


def builds_due_later() -> list[tuple[datetime.datetime, datetime.datetime]]:
    """(run_after, requested_at) of the queued builds due in the future."""
    return [
        (row.run_after, parse_datetime(row.args_kwargs["kwargs"]["requested_at"]))
        for row in DBTaskResult.objects.filter(
            task_path=BUILD_TASK,
            run_after__gt=timezone.now(),
            run_after__lt=timezone.now() + datetime.timedelta(days=30),  # not a parked task
        )
    ]


def test_publishing_an_open_event_queues_a_build_at_its_deadline(
    learning, django_capture_on_commit_callbacks
):
    deadline = (timezone.now() + datetime.timedelta(days=3)).replace(microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        event = publish_open_event(learning, registration_deadline=deadline)
    assert event.registration_closes_at == deadline
    assert builds_due_later() == [(deadline, deadline)]

    # A build before the close does not supersede it; one started after it does.
    SiteBuild.objects.create(started_at=timezone.now(), status=SiteBuild.Status.SUCCEEDED)
    assert not site_build_is_superseded(deadline)
    SiteBuild.objects.create(
        started_at=deadline + datetime.timedelta(seconds=1), status=SiteBuild.Status.SUCCEEDED
    )
    assert site_build_is_superseded(deadline)


def test_no_build_is_queued_for_a_page_without_registration_or_already_closed(
    learning, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        soon = timezone.now() + datetime.timedelta(days=2)
        publish_event(
            learning, slug="no-form", starts_at=soon, ends_at=soon + datetime.timedelta(hours=2)
        )
        publish_open_event(
            learning,
            slug="closed-already",
            registration_deadline=timezone.now() - datetime.timedelta(minutes=1),
        )
    assert builds_due_later() == []
