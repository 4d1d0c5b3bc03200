"""The model rules of a registrable event, shared by the admin and the content loader."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.learning.models import EventPage, EventRegistration
from core.registrations import services

from .conftest import PERSON, person

pytestmark = pytest.mark.django_db


def test_open_registration_needs_a_capacity(open_event):
    open_event.capacity = None
    with pytest.raises(ValidationError) as refused:
        open_event.full_clean()
    assert refused.value.message_dict["capacity"] == ["开放网上报名须填写名额。"]


def test_the_deadline_is_not_after_the_start(open_event):
    open_event.registration_deadline = open_event.starts_at + datetime.timedelta(minutes=1)
    with pytest.raises(ValidationError) as refused:
        open_event.full_clean()
    assert refused.value.message_dict["registration_deadline"] == ["报名截止时间不能晚于开始时间。"]


def test_a_zero_capacity_is_refused(open_event):
    open_event.capacity = 0
    with pytest.raises(ValidationError) as refused:
        open_event.full_clean()
    assert "capacity" in refused.value.message_dict


def test_the_registration_closes_at_the_earlier_of_deadline_and_start(open_event):
    assert open_event.registration_closes_at == open_event.starts_at
    deadline = timezone.now() + datetime.timedelta(days=2)
    open_event.registration_deadline = deadline
    assert open_event.registration_closes_at == deadline


def test_staff_mark_attended_and_an_attended_place_cannot_be_cancelled(open_event):
    registered = services.registration_create(
        model=EventRegistration, target=open_event, **PERSON
    ).registration
    other = services.registration_create(
        model=EventRegistration, target=open_event, **person(2)
    ).registration
    cancelled = services.registration_cancel(
        model=EventRegistration, code=other.code, phone=other.phone
    )
    assert cancelled.status == "cancelled"
    assert services.registrations_mark_attended([registered, cancelled]) == 1
    registered.refresh_from_db()
    assert registered.get_status_display() == "已签到"
    with pytest.raises(services.RegistrationRefused) as refused:
        services.registration_cancel(
            model=EventRegistration, code=registered.code, phone=PERSON["phone"]
        )
    assert str(refused.value.detail) == "已签到的报名不能取消。"
    assert services.registration_availability(EventRegistration, open_event)["taken"] == 1


def test_staff_cannot_restore_a_place_the_phone_holds_again(open_event):
    first = services.registration_create(
        model=EventRegistration, target=open_event, **PERSON
    ).registration
    services.registration_cancel(model=EventRegistration, code=first.code, phone=first.phone)
    services.registration_create(model=EventRegistration, target=open_event, **PERSON)
    with pytest.raises(ValidationError) as refused:
        services.registration_status_set(registration=first, status="registered")
    assert "该电话号码已有本场的有效报名。" in str(refused.value)


def test_past_events_take_demo_registrations_but_never_beyond_capacity(learning):
    from tests.learning.pages import publish_event

    event = publish_event(learning, slug="past", registration_open=True, capacity=1)
    when = event.starts_at - datetime.timedelta(days=1)
    services.registration_create(
        model=EventRegistration, target=event, submitted_at=when, check_open=False, **PERSON
    )
    with pytest.raises(services.RegistrationRefused):
        services.registration_create(
            model=EventRegistration, target=event, check_open=False, **person(3)
        )
    assert EventPage.objects.get(pk=event.pk).registrations.count() == 1
