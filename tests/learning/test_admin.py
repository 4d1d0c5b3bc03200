"""The Wagtail admin: lectures only under 学习教育, transcript times as 分:秒, and segments out of
order refused on the segment itself."""

import re

import pytest
from django.contrib.auth.models import User
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.learning.models import LecturePage

from .pages import publish_event, publish_lecture

pytestmark = pytest.mark.django_db

JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


@pytest.fixture
def admin_client(client, wagtail_root):
    client.force_login(User.objects.create_superuser("editor-in-chief", password="not-used"))
    return client


def test_the_lecture_editor_shows_times_as_minutes_and_seconds(admin_client, learning):
    lecture = publish_lecture(learning)
    response = admin_client.get(f"/admin/pages/{lecture.pk}/edit/")
    assert response.status_code == 200
    # The StreamField's state is JSON in an attribute, with \uXXXX escapes.
    html = JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), response.content.decode())
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


def test_the_admin_refuses_segments_out_of_order_on_the_segment(admin_client, learning):
    data = nested_form_data(
        {
            "title": "商标注册实务",
            "slug": "trademark",
            "speaker": "赵志刚",
            "recorded_on": "2026-05-13",
            "duration_seconds": "3480",
            "stream_url": "https://video.example.org/trademark.mp4",
            "body": streamfield([]),
            "materials": streamfield([]),
            "transcript": streamfield(
                [
                    ("segment", {"start": "00:00", "end": "", "text": "大家好。"}),
                    ("segment", {"start": "12:34", "end": "", "text": "申请在先。"}),
                    ("segment", {"start": "4:30", "end": "", "text": "倒退的一段。"}),
                ]
            ),
        }
    )
    response = admin_client.post(f"/admin/pages/add/learning/lecturepage/{learning.pk}/", data)
    assert response.status_code == 200  # the form again, not a redirect
    html = JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), response.content.decode())
    assert "第3段：开始时间 04:30 必须晚于上一段的 12:34，请按时间先后排列各段。" in html
    assert not LecturePage.objects.exists()
