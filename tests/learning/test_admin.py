"""The Wagtail admin offers lectures under 学习教育 only and shows transcript times as 分:秒."""

import pytest
from django.contrib.auth.models import User

from .pages import publish_event, publish_lecture

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, wagtail_root):
    client.force_login(User.objects.create_superuser("editor-in-chief", password="not-used"))
    return client


def test_the_lecture_editor_shows_times_as_minutes_and_seconds(admin_client, learning):
    lecture = publish_lecture(learning)
    response = admin_client.get(f"/admin/pages/{lecture.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "12:34" in html and "讲稿片段" in html and "课件与讲义" in html


def test_the_add_forms_open_where_the_types_belong(admin_client, platform_page):
    learning, finance = platform_page("learning"), platform_page("finance")
    assert (
        admin_client.get(f"/admin/pages/add/learning/lecturepage/{learning.pk}/").status_code == 200
    )
    assert admin_client.get(f"/admin/pages/add/learning/eventpage/{finance.pk}/").status_code == 200
    refused = admin_client.get(f"/admin/pages/add/learning/lecturepage/{finance.pk}/")
    assert refused.status_code in (302, 403)


def test_the_event_editor_opens(admin_client, learning):
    event = publish_event(learning)
    assert admin_client.get(f"/admin/pages/{event.pk}/edit/").status_code == 200
