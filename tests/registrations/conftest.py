"""Fixtures of the registration suite: an event open for registration, a person's form."""

import datetime

import pytest
from django.utils import timezone

from tests.learning.pages import publish_event

PERSON = {"name": "王秀兰", "phone": "13904761234", "organisation": "红山区秀兰饺子馆"}


@pytest.fixture
def learning(platform_page):
    return platform_page("learning")


def publish_open_event(parent, *, days: int = 10, capacity: int = 3, **fields):
    """An event `days` ahead with `capacity` places, open for online registration."""
    starts = timezone.now() + datetime.timedelta(days=days)
    return publish_event(
        parent,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        registration_open=True,
        capacity=capacity,
        **fields,
    )


@pytest.fixture
def open_event(learning):
    """A 银企洽谈会 ten days ahead with 3 places, open for online registration."""
    return publish_open_event(learning)


def person(number: int) -> dict:
    """A different person each time (distinct phones)."""
    return {**PERSON, "name": f"报名人{number}", "phone": f"1390476{number:04d}"}
