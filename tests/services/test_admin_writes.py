"""Agencies and answers edited in the admin go through the services: same rules, one save."""

import pytest
from django.contrib.auth.models import User

from registry_api.audit.models import AuditEntry
from registry_api.services.models import Agency, Consultation
from tests.admin_edits import admin_form_data, last_entry

from .conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("editor", password="not-used")


def test_an_agency_with_a_mobile_number_is_refused_and_not_stored(client, superuser, agencies):
    client.force_login(superuser)
    agency = agencies[0]
    url = f"/admin/snippets/services/agency/edit/{agency.pk}/"
    entries = AuditEntry.objects.count()
    response = client.post(url, admin_form_data(client, url, phone="13912345678"))
    assert response.status_code == 200
    assert "公开的联系电话不能使用手机号码" in response.content.decode()
    assert Agency.objects.get(pk=agency.pk).phone == agency.phone
    assert AuditEntry.objects.count() == entries


def test_an_answer_saved_in_the_admin_is_one_audited_save_with_its_author(client, superuser):
    client.force_login(superuser)
    consultation = submit()
    url = f"/admin/snippets/services/consultation/edit/{consultation.pk}/"
    entries = AuditEntry.objects.filter(model_name="consultation").count()
    response = client.post(url, admin_form_data(client, url, answer="可以，请携带营业执照。"))
    assert response.status_code == 302, response.content.decode()[:2000]
    consultation = Consultation.objects.get(pk=consultation.pk)
    assert consultation.answered_by == superuser and consultation.answered_at
    assert AuditEntry.objects.filter(model_name="consultation").count() == entries + 1
    entry = last_entry(consultation)
    assert {"answer", "answered_by", "answered_at"} <= set(entry.changed_fields)
