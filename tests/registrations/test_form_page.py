"""Registering without JavaScript: the event page's form posts to /forms/events/<id>/register/,
which answers in the site's look with the 报名确认码, or the form again with the errors."""

import pytest
from django.test import Client

from cms.learning.models import EventRegistration

from .conftest import PERSON, person

pytestmark = pytest.mark.django_db

VISITOR = {"REMOTE_ADDR": "203.0.113.7", "HTTP_ACCEPT": "text/html"}


@pytest.fixture
def browser():
    return Client(**VISITOR)


def form_url(event) -> str:
    return f"/forms/events/{event.pk}/register/"


def test_the_built_event_page_has_places_and_a_form_posting_to_the_page(client, open_event):
    import sys

    from django.conf import settings

    sys.path.append(str(settings.SITE_DIR / "plugins"))
    from hongshan_api.preview import render_item

    item = client.get(f"/api/cms/v2/pages/{open_event.pk}/").json()
    html = render_item("event", item)
    assert f'action="/forms/events/{open_event.pk}/register/"' in html
    assert 'class="places-left">3</strong>' in html
    assert 'name="name"' in html and 'name="phone"' in html and 'name="website"' in html


def test_a_registration_without_javascript_shows_the_code(browser, open_event):
    response = browser.post(form_url(open_event), PERSON)
    assert response.status_code == 201
    assert response["Content-Type"].startswith("text/html")
    assert response["Cache-Control"] == "no-store"
    registration = EventRegistration.objects.get()
    html = response.content.decode()
    assert f'<strong class="consult-receipt__code">{registration.code}</strong>' in html
    assert "报名成功" in html and open_event.title in html
    assert "王秀兰" not in html and "13904761234" not in html


def test_refused_fields_come_back_with_the_values(browser, open_event):
    response = browser.post(
        form_url(open_event), {**PERSON, "name": "", "phone": "123", "organisation": "<b>馆</b>"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-error-for="name" id="error-name" role="alert">请填写姓名。</p>' in html
    assert 'data-error-for="phone" id="error-phone" role="alert">' in html
    assert 'value="&lt;b&gt;馆&lt;/b&gt;"' in html
    assert not EventRegistration.objects.exists()


def test_a_full_event_says_so_on_the_page(browser, open_event):
    for number in range(3):
        assert browser.post(form_url(open_event), person(number)).status_code == 201
    response = browser.post(form_url(open_event), person(8))
    assert response.status_code == 409
    html = response.content.decode()
    assert "名额已满。" in html and 'class="places-left">0</strong>' in html


def test_the_page_is_throttled_as_the_api(browser, open_event, settings):
    settings.REGISTRATION_SUBMIT_RATE = "1/hour"
    assert browser.post(form_url(open_event), PERSON).status_code == 201
    again = browser.post(form_url(open_event), person(2))
    assert again.status_code == 429 and "请求过于频繁" in again.content.decode()


def test_get_goes_to_the_built_event_page(browser, open_event):
    response = browser.get(form_url(open_event))
    assert response.status_code == 302
    assert response["Location"] == f"/events/{open_event.pk}/#register"
