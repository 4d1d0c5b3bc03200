"""Staff answer, approve or withhold consultations in the Wagtail admin."""

import pytest
from django.contrib.auth.models import User

from registry_api.services.models import Consultation

from .conftest import submit

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/services/consultation/"


@pytest.fixture
def staff(client):
    user = User.objects.create_superuser("answerer", password="not-used")
    client.force_login(user)
    return user


def edit_data(consultation, **overrides):
    return {
        "channel": consultation.channel,
        "asker_name": consultation.asker_name,
        "asker_phone": consultation.asker_phone,
        "asker_email": consultation.asker_email,
        "enterprise_name": consultation.enterprise_name,
        "subject": consultation.subject,
        "question": consultation.question,
        "public": "on",
        "answer": "",
        "status": "pending",
        **overrides,
    }


def test_admin_lists_and_filters_consultations(client, staff):
    submit(subject="待答复的登记咨询")
    submit(subject="留言板的问题", channel="message_board")
    response = client.get(LIST_URL, {"channel": "message_board"})
    assert response.status_code == 200
    assert "留言板的问题".encode() in response.content
    assert "待答复的登记咨询".encode() not in response.content


def test_answer_and_publish_in_the_admin_records_the_answerer(client, staff):
    consultation = submit()
    url = f"{LIST_URL}edit/{consultation.pk}/"
    refused = client.post(url, edit_data(consultation, status="published"))
    assert refused.status_code == 200  # published without an answer: the form shows the error
    assert "尚未答复的咨询不能公开".encode() in refused.content

    response = client.post(url, edit_data(consultation, answer="可以保留。", status="published"))
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.PUBLISHED
    assert consultation.answered_by == staff and consultation.answered_at is not None
