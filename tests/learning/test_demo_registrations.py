"""Events open for online registration in the seed (`capacity:` in content/events) and the demo
registrations that take some of their places."""

import datetime
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from cms.learning import content
from cms.learning.demo_registrations import SHARE, make_demo_event_registrations
from cms.learning.models import EventPage, EventRegistration

from .pages import publish_event

pytestmark = pytest.mark.django_db

CONTENT = Path(settings.BASE_DIR) / "content"


def test_a_capacity_in_the_file_opens_online_registration(home_page, platform_page, tmp_path):
    for code in ("learning", "finance", "brand", "rights", "human-resources"):
        platform_page(code)
    for folder in ("lectures", "events"):
        shutil.copytree(CONTENT / folder, tmp_path / folder)
    content.load(tmp_path, home_page)
    winter = EventPage.objects.get(slug="bank-enterprise-matchmaking-2026-winter")
    assert winter.registration_open and winter.capacity == 80
    spring = EventPage.objects.get(slug="bank-enterprise-matchmaking-2026-spring")
    assert not spring.registration_open and spring.capacity is None


def open_event(parent, days: int, capacity: int = 20):
    starts = timezone.now() + datetime.timedelta(days=days)
    return publish_event(
        parent,
        slug=f"event-in-{days}-days",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        registration_open=True,
        capacity=capacity,
    )


def test_demo_registrations_take_a_share_of_coming_events_once(platform_page):
    learning = platform_page("learning")
    coming = open_event(learning, days=10)
    started = open_event(learning, days=-1)
    created = make_demo_event_registrations(seed=3)
    assert created == int(coming.capacity * SHARE) > 0
    assert not EventRegistration.objects.filter(event=started).exists()
    assert make_demo_event_registrations(seed=3) == 0  # topped up already
    rows = EventRegistration.objects.filter(event=coming)
    assert len({row.phone for row in rows}) == rows.count()
    assert all(row.submitted_at <= timezone.now() < coming.starts_at for row in rows)
    assert coming.registration["places_left"] == coming.capacity - created
