"""An enterprise edited in the admin goes through the API's service: same rule, same audit."""

import pytest
from django.contrib.auth.models import User

from registry_api.audit.models import AuditEntry
from registry_api.enterprises.models import Enterprise
from tests.admin_edits import admin_form_data, last_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("editor", password="not-used")


def edit_url(enterprise) -> str:
    return f"/admin/snippets/enterprises/enterprise/edit/{enterprise.pk}/"


def test_an_invalid_admin_edit_shows_the_error_and_stores_nothing(client, superuser, enterprises):
    client.force_login(superuser)
    enterprise = enterprises[0]
    entries = AuditEntry.objects.count()
    wrong = enterprise.credit_code[:17] + ("0" if enterprise.credit_code[17] != "0" else "1")
    url = edit_url(enterprise)
    response = client.post(url, admin_form_data(client, url, credit_code=wrong))
    assert response.status_code == 200
    assert response.context["form"].errors["credit_code"]
    enterprise.refresh_from_db()
    assert enterprise.credit_code != wrong
    assert AuditEntry.objects.count() == entries


def test_an_admin_edit_is_audited_as_the_api_write(client, api, superuser, enterprises):
    client.force_login(superuser)
    by_admin, by_api = enterprises[0], enterprises[1]
    url = edit_url(by_admin)
    response = client.post(url, admin_form_data(client, url, industry="住宿和餐饮业"))
    assert response.status_code == 302, response.content.decode()[:2000]
    api.force_authenticate(superuser)
    answer = api.patch(
        f"/api/v1/enterprises/{by_api.credit_code}/", {"industry": "住宿和餐饮业"}, format="json"
    )
    assert answer.status_code == 200, answer.content
    admin_entry, api_entry = last_entry(by_admin), last_entry(by_api)
    assert admin_entry.action == api_entry.action == AuditEntry.Action.UPDATE
    assert admin_entry.changed_fields == api_entry.changed_fields == ["industry"]
    assert admin_entry.actor_label == api_entry.actor_label == "editor"
    assert Enterprise.objects.get(pk=by_admin.pk).industry == "住宿和餐饮业"
