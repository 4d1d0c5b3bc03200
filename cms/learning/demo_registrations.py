"""Demo registrations: some places taken on each live event that is open for online
registration and has not started, so the site shows places left and staff an attendee
list. The names and phones are made up (phones 1390476xxxx, one per place) and, like every
registration's, never public. Idempotent: an event is topped up to its share, never past."""

from __future__ import annotations

import random

from django.utils import timezone

from core.registrations.services import registration_create

from .models import EventPage, EventRegistration

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = ("秀兰", "建国", "海燕", "志强", "丽娟", "国庆", "春梅", "文博", "雅琴", "永生")
ORGANISATIONS = ("", "", "红山区秀兰饺子馆", "赤峰市红山区丰泽农民专业合作社", "红山区永生五金商行")
SHARE = 0.3  # of each event's places


def make_demo_event_registrations(*, seed: int = 0) -> int:
    """Registrations made now; events already holding their share get none."""
    rng = random.Random(seed)
    created = 0
    events = EventPage.objects.live().filter(
        registration_open=True, capacity__isnull=False, starts_at__gt=timezone.now()
    )
    for event in events.order_by("starts_at"):
        have = EventRegistration.objects.filter(event=event).count()
        for number in range(have, int(event.capacity * SHARE)):
            registration_create(
                model=EventRegistration,
                target=event,
                name=rng.choice(SURNAMES) + rng.choice(GIVEN),
                phone=f"1390476{number:04d}",
                organisation=rng.choice(ORGANISATIONS),
            )
            created += 1
    return created
