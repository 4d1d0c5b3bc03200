"""Staff's 活动报名 in the Wagtail admin: the attendee list per event (Chinese), its CSV with
names and phones (staff only), 标记签到 and the status changed through the service."""

import csv
import io

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from cms.learning.models import EventRegistration
from core.registrations import services

from .conftest import PERSON, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, wagtail_root):
    client.force_login(User.objects.create_superuser("events-clerk", password="not-used"))
    return client


@pytest.fixture
def registrations(open_event):
    return [
        services.registration_create(
            model=EventRegistration, target=open_event, **fields
        ).registration
        for fields in (PERSON, person(2))
    ]


def test_the_attendee_list_of_an_event(staff, open_event, registrations):
    url = reverse("wagtailsnippets_learning_eventregistration:list")
    html = staff.get(url, {"event": open_event.pk}).content.decode()
    assert "活动报名" in html and "王秀兰" in html and "报名人2" in html
    assert registrations[0].code in html and "已报名" in html
    response = staff.get(url, {"event": open_event.pk, "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {row["姓名"] for row in rows} == {"王秀兰", "报名人2"}
    assert {row["联系电话"] for row in rows} == {"13904761234", "13904760002"}
    assert rows[0]["活动"] == open_event.title and rows[0]["状态"] == "已报名"


def test_the_list_is_for_staff_only(client, registrations):
    url = reverse("wagtailsnippets_learning_eventregistration:list")
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_mark_attended_in_bulk(staff, registrations):
    url = reverse("wagtail_bulk_action", args=["learning", "eventregistration", "mark_attended"])
    ids = {"id": [r.pk for r in registrations]}
    confirm = staff.get(url, ids)
    assert confirm.status_code == 200 and "标记签到" in confirm.content.decode()
    response = staff.post(f"{url}?id={registrations[0].pk}&id={registrations[1].pk}")
    assert response.status_code == 302
    assert set(EventRegistration.objects.values_list("status", flat=True)) == {"attended"}


def test_the_status_form_changes_the_status_only(staff, registrations):
    registration = registrations[0]
    url = reverse("wagtailsnippets_learning_eventregistration:edit", args=[registration.pk])
    assert "报名信息（个人信息不公开）" in staff.get(url).content.decode()
    response = staff.post(url, {"status": "attended", "name": "改名"})
    assert response.status_code == 302, response.content.decode()[:2000]
    registration.refresh_from_db()
    assert registration.status == "attended" and registration.name == "王秀兰"
