"""A registration looked up and cancelled without JavaScript: /forms/registrations/?code= shows
what it is for and its status (never who), /forms/registrations/cancel/ frees the place with
the code and the phone registered."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from cms.learning.models import EventRegistration
from core.registrations.services import registration_create

from .conftest import PERSON

pytestmark = pytest.mark.django_db

LOOKUP = "/forms/registrations/"
CANCEL = "/forms/registrations/cancel/"


@pytest.fixture
def browser():
    return Client(REMOTE_ADDR="203.0.113.9", HTTP_ACCEPT="text/html")


@pytest.fixture
def registered(open_event):
    return registration_create(model=EventRegistration, target=open_event, **PERSON).registration


def test_without_a_code_the_page_is_the_empty_form(browser):
    response = browser.get(LOOKUP)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="lookup-form"' in html and 'action="/forms/registrations/"' in html
    assert html.count("<h1") == 1 and "报名查询与取消" in html


def test_an_empty_code_is_the_fields_error(browser):
    response = browser.get(LOOKUP, {"code": " "})
    assert response.status_code == 400
    code_error = 'data-error-for="code" id="error-code" role="alert">请输入查询码。</p>'
    assert code_error in response.content.decode()


def test_a_code_shows_the_event_and_status_and_nobody(browser, registered, open_event):
    response = browser.get(LOOKUP, {"code": registered.code.lower()})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert open_event.title in html and '<dd class="lookup-status">已报名</dd>' in html
    assert 'action="/forms/registrations/cancel/"' in html
    assert f'name="code" value="{registered.code}"' in html
    assert PERSON["name"] not in html and PERSON["phone"] not in html


def test_an_unknown_code_says_so(browser, registered):
    response = browser.get(LOOKUP, {"code": "HD20990101AAAAAA"})
    assert response.status_code == 404
    html = response.content.decode()
    assert "没有找到这个确认码" in html and "报名信息" not in html


def test_cancel_with_the_phone_frees_the_place(browser, registered, open_event):
    response = browser.post(CANCEL, {"code": registered.code, "phone": "+86 139 0476 1234"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "已取消报名，名额已释放。" in html
    assert '<dd class="lookup-status">已取消</dd>' in html
    assert 'action="/forms/registrations/cancel/"' not in html  # nothing left to cancel
    registered.refresh_from_db()
    assert registered.status == EventRegistration.Status.CANCELLED
    open_event.refresh_from_db()
    assert open_event.registration["places_left"] == open_event.capacity


def test_a_wrong_phone_cancels_nothing_and_keeps_the_form(browser, registered):
    response = browser.post(CANCEL, {"code": registered.code, "phone": "13904769999"})
    assert response.status_code == 404
    html = response.content.decode()
    assert "确认码或联系电话不正确。" in html
    assert 'action="/forms/registrations/cancel/"' in html
    registered.refresh_from_db()
    assert registered.status == EventRegistration.Status.REGISTERED


def test_a_missing_phone_is_the_fields_error(browser, registered):
    response = browser.post(CANCEL, {"code": registered.code, "phone": ""})
    assert response.status_code == 400
    assert 'data-error-for="phone" id="error-phone" role="alert">' in response.content.decode()
    registered.refresh_from_db()
    assert registered.status == EventRegistration.Status.REGISTERED


def test_after_the_start_the_page_says_it_cannot_be_cancelled(browser, registered, open_event):
    open_event.starts_at = timezone.now() - datetime.timedelta(minutes=5)
    open_event.ends_at = timezone.now() + datetime.timedelta(hours=1)
    open_event.save(update_fields=["starts_at", "ends_at"])
    response = browser.post(CANCEL, {"code": registered.code, "phone": PERSON["phone"]})
    assert response.status_code == 409
    assert "已开始，不能在网上取消报名" in response.content.decode()
    registered.refresh_from_db()
    assert registered.status == EventRegistration.Status.REGISTERED


def test_get_of_cancel_goes_to_the_lookup(browser):
    response = browser.get(CANCEL)
    assert response.status_code == 302 and response["Location"] == LOOKUP


def test_the_lookups_are_throttled(browser, registered, settings):
    settings.COMPLAINT_TRACK_RATE = "2/hour"
    for _ in range(2):
        assert browser.get(LOOKUP, {"code": "HD20990101AAAAAA"}).status_code == 404
    response = browser.get(LOOKUP, {"code": registered.code})
    assert response.status_code == 429 and "请求过于频繁" in response.content.decode()


def test_the_receipt_links_the_lookup(browser, open_event):
    response = browser.post(f"/forms/events/{open_event.pk}/register/", PERSON)
    code = EventRegistration.objects.get().code
    assert f'href="/forms/registrations/?code={code}"' in response.content.decode()
