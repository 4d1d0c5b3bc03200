"""Staff keep the library in the Wagtail admin; the model rules (logo checks too) apply there."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from registry_api.trademarks import logos
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


def _add_with_logo(client, number: str, logo: SimpleUploadedFile):
    return client.post(
        "/admin/snippets/trademarks/trademark/add/",
        {
            "registration_number": number,
            "name": "塞外",
            "logo": logo,
            "mark_type": "combined",
            "classes": [25],
            "owner_name": "赤峰测试商贸有限公司",
            "owner_type": "enterprise",
            "applied_on": "2024-01-05",
            "status": "applying",
        },
    )


def test_admin_logo_upload_is_fingerprinted_with_a_thumbnail(staff_client):
    image = Image.new("RGB", (300, 200), "white")
    ImageDraw.Draw(image).ellipse((60, 20, 240, 180), fill=(0, 92, 158))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    response = _add_with_logo(
        staff_client, "20240105", SimpleUploadedFile("塞外.png", buffer.getvalue())
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    mark = Trademark.objects.get(registration_number="20240105")
    assert len(mark.logo_hash) == logos.HASH_DIGITS
    assert default_storage.exists(logos.thumbnail_name(mark.logo.name))


def test_admin_refuses_a_decompression_bomb_logo(staff_client):
    # 6,000 × 6,000 one-bit pixels: small enough for Django's image field, too many for ours.
    buffer = io.BytesIO()
    Image.new("1", (6000, 6000)).save(buffer, "PNG")
    response = _add_with_logo(
        staff_client, "20240106", SimpleUploadedFile("b.png", buffer.getvalue())
    )
    assert response.status_code == 200
    assert logos.TOO_MANY_PIXELS in response.content.decode()
    assert not Trademark.objects.filter(registration_number="20240106").exists()
