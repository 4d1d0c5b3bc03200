"""Staff edit enterprises in the Wagtail admin, under the same rules as the API."""

import pytest
from django.contrib.auth.models import User

from registry_api.enterprises import credit_code
from registry_api.enterprises.models import Enterprise

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/enterprises/enterprise/add/"


@pytest.fixture
def staff_client(client, districts):
    client.force_login(User.objects.create_superuser("editor", password="not-used"))
    return client


def form_data(code):
    return {
        "credit_code": code,
        "name": "赤峰市红山区惠民超市有限公司",
        "entity_type": "limited_company",
        "legal_representative": "李春梅",
        "registered_capital": "30",
        "established_on": "2022-06-01",
        "address": "赤峰市红山区红庙子镇富民街8号",
        "district": "",
        "industry": "批发和零售业",
        "scale": "micro",
        "status": "active",
        "business_scope": "食品销售。",
    }


def test_admin_lists_enterprises_in_chinese(staff_client, enterprises):
    response = staff_client.get("/admin/snippets/enterprises/enterprise/")
    assert response.status_code == 200
    assert "企业名录".encode() in response.content or "企业".encode() in response.content
    assert enterprises[0].name.encode() in response.content


def test_admin_refuses_a_wrong_check_character(staff_client, districts):
    first17 = "91150402MA0N00000"
    expected = credit_code.check_character(first17)
    wrong = "0" if expected != "0" else "1"
    data = form_data(first17 + wrong) | {"district": str(districts[1].pk)}
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 200  # the form is shown again with its errors
    assert f"应为“{expected}”".encode() in response.content
    assert not Enterprise.objects.exists()


def test_admin_saves_a_valid_enterprise(staff_client, districts):
    first17 = "91150402MA0N00000"
    data = form_data(first17 + credit_code.check_character(first17)) | {
        "district": str(districts[1].pk)
    }
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 302, response.content[:2000]
    assert Enterprise.objects.get().district == districts[1]
