"""The capacity holds when many people ask for the last places at once: each request in its
own thread and database connection, as gunicorn's workers are."""

import threading
from collections import Counter

import pytest
from django.db import connection

from cms.learning.models import EventPage, EventRegistration
from core.registrations import services
from core.registrations.services import RegistrationRefused

from .conftest import person, publish_open_event

PEOPLE = 12


@pytest.fixture
def small_event(transactional_db, learning):
    return publish_open_event(learning, slug="small", days=5, capacity=5)


def test_twelve_people_at_once_get_five_places(small_event):
    start = threading.Barrier(PEOPLE)
    outcomes: list[str] = []
    lock = threading.Lock()

    def register(number: int) -> None:
        start.wait()
        try:
            event = EventPage.objects.get(pk=small_event.pk)
            services.registration_create(model=EventRegistration, target=event, **person(number))
            outcome = "registered"
        except RegistrationRefused as refused:
            outcome = str(refused.detail)
        finally:
            connection.close()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=register, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert Counter(outcomes) == {"registered": 5, "名额已满。": PEOPLE - 5}
    assert EventRegistration.objects.filter(event=small_event).count() == 5


def test_one_phone_at_once_gets_one_place(small_event):
    from django.core.exceptions import ValidationError

    start = threading.Barrier(4)
    outcomes: list[str] = []

    def register() -> None:
        start.wait()
        try:
            event = EventPage.objects.get(pk=small_event.pk)
            services.registration_create(model=EventRegistration, target=event, **person(1))
            outcomes.append("registered")
        except ValidationError as error:
            outcomes.append(error.message_dict["phone"][0])
        finally:
            connection.close()

    threads = [threading.Thread(target=register) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert outcomes.count("registered") == 1 and len(outcomes) == 4
    assert EventRegistration.objects.count() == 1
