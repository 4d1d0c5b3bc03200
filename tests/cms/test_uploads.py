"""Upload limits of the media library: size, pixel count and type, with clear errors."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, wagtail_root):
    client.force_login(User.objects.create_superuser("uploader", password="not-used"))
    return client


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (180, 30, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(client, name: str, content: bytes, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def form_errors(response) -> str:
    return " ".join(str(e) for e in response.context["form"].errors.get("file", []))


def test_a_normal_image_is_accepted_and_renders_webp(admin_client):
    response = upload_image(admin_client, "招聘会.png", png(640, 480))
    assert response.status_code == 302
    image = get_image_model().objects.get()
    rendition = image.get_rendition("max-1200x1200|format-webp")
    assert rendition.url.endswith(".webp")


def test_decompression_bomb_is_refused_before_decoding(admin_client):
    # 7,000 × 7,000 = 49 million pixels: a few hundred kilobytes on disk, 147 MB decoded.
    response = upload_image(admin_client, "bomb.png", png(7000, 7000))
    assert response.status_code == 200
    assert "像素" in form_errors(response)
    assert not get_image_model().objects.exists()


def test_oversized_image_file_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    response = upload_image(admin_client, "large.png", png(300, 300) + b"\0" * 2048)
    assert response.status_code == 200
    assert "文件" in form_errors(response) or "大小" in form_errors(response)
    assert not get_image_model().objects.exists()


def test_image_of_an_unlisted_type_is_refused(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'
    response = upload_image(admin_client, "logo.svg", svg, content_type="image/svg+xml")
    assert response.status_code == 200
    assert "svg" in form_errors(response).lower() or "格式" in form_errors(response)
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize("name", ["通知全文.pdf", "申请表.docx", "课件.pptx", "统计表.xlsx"])
def test_office_documents_are_accepted(admin_client, name):
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, b"%PDF-1.4 content")},
    )
    assert response.status_code == 302
    assert get_document_model().objects.filter(title=name).exists()


@pytest.mark.parametrize("name", ["setup.exe", "page.html", "archive.zip"])
def test_other_document_types_are_refused(admin_client, name):
    response = admin_client.post(
        "/admin/documents/add/", {"title": name, "file": SimpleUploadedFile(name, b"MZ")}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_document_model().objects.exists()


def test_oversized_document_is_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "大文件", "file": SimpleUploadedFile("big.pdf", b"%PDF" + b"0" * 4096)},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_document_model().objects.exists()
