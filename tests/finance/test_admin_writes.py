"""Finance records edited in the admin go through the API's services: same rules, same audit."""

import pytest
from django.contrib.auth.models import User

from registry_api.audit.models import AuditEntry
from registry_api.finance.models import LoanProduct
from tests.admin_edits import admin_form_data, last_entry

from .conftest import make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("editor", password="not-used")


def edit_url(product) -> str:
    return f"/admin/snippets/finance/loanproduct/edit/{product.pk}/"


def test_an_invalid_admin_edit_shows_the_error_and_stores_nothing(client, superuser, companies):
    client.force_login(superuser)
    product = make_product()
    entries = AuditEntry.objects.count()
    url = edit_url(product)
    response = client.post(url, admin_form_data(client, url, name=""))
    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert LoanProduct.objects.get(pk=product.pk).name == product.name
    assert AuditEntry.objects.count() == entries


def test_an_admin_edit_is_audited_as_the_api_write(client, clerk_api, superuser, companies):
    client.force_login(superuser)
    by_admin, by_api = make_product(), make_product(name="兴农贷")
    url = edit_url(by_admin)
    response = client.post(url, admin_form_data(client, url, term_max_months="24"))
    assert response.status_code == 302, response.content.decode()[:2000]
    answer = clerk_api.patch(
        f"/api/v1/loan-products/{by_api.pk}/", {"term_max_months": 24}, format="json"
    )
    assert answer.status_code == 200, answer.content
    admin_entry, api_entry = last_entry(by_admin), last_entry(by_api)
    assert admin_entry.action == api_entry.action == AuditEntry.Action.UPDATE
    assert admin_entry.changed_fields == api_entry.changed_fields == ["term_max_months"]
