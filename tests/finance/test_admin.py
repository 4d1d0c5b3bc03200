"""Staff see the finance registry in the Wagtail admin; the model rules apply there too."""

import pytest
from django.contrib.auth.models import User

from registry_api.finance.models import CHATTEL_REFERRAL, ChattelMortgage

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, finance):
    client.force_login(User.objects.create_superuser("editor", password="not-used"))
    return client


@pytest.mark.parametrize(
    "model", ["equitypledge", "chattelmortgage", "loanproduct", "financingneed"]
)
def test_admin_lists_and_edit_forms_render(staff_client, model):
    assert staff_client.get(f"/admin/snippets/finance/{model}/").status_code == 200
    assert staff_client.get(f"/admin/snippets/finance/{model}/add/").status_code == 200


def test_admin_refuses_a_mortgage_after_2021_with_the_referral(staff_client, finance):
    response = staff_client.post(
        "/admin/snippets/finance/chattelmortgage/add/",
        {
            "registration_number": "红市监抵202200001",
            "enterprise": finance["micro"].pk,
            "mortgagee": "中国银行赤峰分行",
            "secured_amount": "10",
            "collateral_description": "车辆",
            "registered_on": "2022-01-05",
            "status": "valid",
            "cancelled_on": "",
        },
    )
    assert response.status_code == 200
    assert CHATTEL_REFERRAL in response.content.decode()
    assert ChattelMortgage.objects.count() == 1
