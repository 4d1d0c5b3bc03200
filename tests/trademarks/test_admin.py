"""Staff keep the library in the Wagtail admin; the model rules apply there too."""

import pytest
from django.contrib.auth.models import User

from registry_api.trademarks.models import Trademark

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, library):
    client.force_login(User.objects.create_superuser("editor", password="not-used"))
    return client


@pytest.mark.parametrize("model", ["trademark", "trademarkclass", "trademarkevent", "niceclass"])
def test_admin_lists_and_edit_forms_render(staff_client, model):
    assert staff_client.get(f"/admin/snippets/trademarks/{model}/").status_code == 200
    assert staff_client.get(f"/admin/snippets/trademarks/{model}/add/").status_code == 200


def test_admin_refuses_a_bad_registration_number(staff_client):
    response = staff_client.post(
        "/admin/snippets/trademarks/trademark/add/",
        {
            "registration_number": "TM-1",
            "name": "塞外",
            "mark_type": "word",
            "owner_name": "赤峰测试商贸有限公司",
            "owner_type": "enterprise",
            "applied_on": "2024-01-05",
            "status": "applying",
        },
    )
    assert response.status_code == 200
    assert "注册号/申请号须为6至9位数字。" in response.content.decode()
    assert not Trademark.objects.filter(name="塞外").exists()
