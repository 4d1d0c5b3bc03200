"""A shop's product picture: uploaded with the application (API or the no-JS form), refused
with a Chinese field error when unusable, stored as our own metadata-free JPEG copies, shown
only once staff publish the shop, replaced or removed by staff."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from registry_api.ecommerce import services
from registry_api.ecommerce.images import DISPLAY_SIDE, NOT_A_FILE, THUMBNAIL_SIDE
from registry_api.ecommerce.models import OnlineShop
from tests.complaints.test_intake import bomb_png

from .conftest import CONTACT, photo, shop_submit
from .test_api import URL, body
from .test_form_page import VISITOR, form

pytestmark = pytest.mark.django_db


def multipart(firm, **files) -> dict:
    fields = body(firm, products=[])
    fields.pop("products")
    return {**fields, **files}


def stored_files() -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / "ecommerce"
    return sorted(folder.iterdir()) if folder.exists() else []


def opened(field) -> Image.Image:
    with field.open("rb") as stream:
        picture = Image.open(io.BytesIO(stream.read()))
        picture.load()
    return picture


def test_an_uploaded_photo_is_stored_as_upright_copies_without_metadata(api, enterprise):
    upload = photo(1600, 1200)
    sent = upload.read()
    upload.seek(0)

    response = api.post(URL, multipart(enterprise, image=upload), format="multipart")

    assert response.status_code == 201, response.json()
    shop = OnlineShop.objects.get()
    page, small = opened(shop.image), opened(shop.thumbnail)
    assert page.format == small.format == "JPEG"
    # Orientation 6 turns the 1600×1200 landscape upright: 600×800 at most 800 a side.
    assert page.size == (DISPLAY_SIDE * 3 // 4, DISPLAY_SIDE)
    assert max(small.size) == THUMBNAIL_SIDE
    assert (shop.image_width, shop.image_height) == page.size
    assert (shop.thumbnail_width, shop.thumbnail_height) == small.size
    for copy in (page, small):
        assert not copy.getexif(), "the copies carry no EXIF (no place, no phone)"
        assert "icc_profile" not in copy.info
    for path in stored_files():
        assert path.read_bytes() != sent
        assert "IMG_0001" not in path.name


def test_a_submitted_picture_is_decoded_once(api, enterprise, monkeypatch):
    from core import images as core_images

    decoded = []
    real = core_images.open_image

    def counting(file, limits):
        decoded.append(limits.label)
        return real(file, limits)

    monkeypatch.setattr("registry_api.ecommerce.images.open_image", counting)
    response = api.post(URL, multipart(enterprise, image=photo()), format="multipart")

    assert response.status_code == 201, response.json()
    assert decoded == ["商品图片"], "the service stores the picture the serializer checked"


def test_the_picture_is_public_only_once_the_shop_is_published(api, enterprise):
    shop = shop_submit(enterprise, image=photo())
    assert api.get(URL).json()["results"] == []

    services.online_shop_set_status(shop=shop, status=OnlineShop.Status.PUBLISHED)
    row = api.get(URL).json()["results"][0]

    assert row["image"] == {
        "url": shop.image.url,
        "width": shop.image_width,
        "height": shop.image_height,
        "thumbnail_url": shop.thumbnail.url,
        "thumbnail_width": shop.thumbnail_width,
        "thumbnail_height": shop.thumbnail_height,
    }
    assert row["image"]["url"].startswith("/media/ecommerce/")
    media = Client().get(row["image"]["thumbnail_url"])
    assert media.status_code == 200
    assert b"".join(media.streaming_content)[:2] == b"\xff\xd8"  # a JPEG
    assert api.get(f"{URL}{shop.pk}/").json()["image"] == row["image"]


def test_a_shop_without_a_picture_says_null(api, enterprise):
    shop = shop_submit(enterprise)
    services.online_shop_set_status(shop=shop, status=OnlineShop.Status.PUBLISHED)
    assert api.get(f"{URL}{shop.pk}/").json()["image"] is None


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("a.jpg", b"not a picture", "image/jpeg"), "请上传 PNG、JPEG 或 WebP"),
        (SimpleUploadedFile("bomb.png", bomb_png(), "image/png"), "商品图片尺寸过大"),
        (SimpleUploadedFile("a.gif", b"GIF89a" + b"\0" * 40, "image/gif"), "格式的商品图片"),
        (SimpleUploadedFile("big.jpg", b"\xff" * (5 * 1024 * 1024 + 1)), "不能超过5MB"),
    ],
    ids=["not-an-image", "decompression-bomb", "gif", "too-large"],
)
def test_an_unusable_upload_is_a_chinese_field_error_and_nothing_is_stored(
    api, enterprise, upload, message
):
    response = api.post(URL, multipart(enterprise, image=upload), format="multipart")

    assert response.status_code == 400
    assert message in " ".join(response.json()["error"]["fields"]["image"])
    assert not OnlineShop.objects.exists()
    assert stored_files() == []


def test_a_json_body_cannot_pass_a_link_as_the_picture(api, enterprise):
    response = api.post(URL, body(enterprise, image="https://img.example.com/x.jpg"), format="json")

    assert response.status_code == 400
    assert response.json()["error"]["fields"]["image"] == [NOT_A_FILE]
    assert not OnlineShop.objects.exists()


def test_a_retry_with_the_same_picture_answers_the_first_receipt(api, enterprise):
    headers = {"HTTP_IDEMPOTENCY_KEY": "shop-photo-1"}
    first = api.post(URL, multipart(enterprise, image=photo()), format="multipart", **headers)
    again = api.post(URL, multipart(enterprise, image=photo()), format="multipart", **headers)

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["tracking_code"] == first.json()["tracking_code"]
    assert OnlineShop.objects.count() == 1
    assert len(stored_files()) == 2, "the retry left no copies behind"


def test_the_form_without_javascript_posts_the_picture(enterprise):
    browser = Client(**VISITOR)

    refused = browser.post(
        "/forms/ecommerce/", {**form(enterprise), "image": SimpleUploadedFile("x.png", b"x")}
    )
    text = refused.content.decode()
    assert refused.status_code == 400
    assert 'data-error-for="image" id="error-image" role="alert">' in text
    assert "请上传 PNG、JPEG 或 WebP 格式的商品图片" in text
    assert 'enctype="multipart/form-data"' in text
    assert not OnlineShop.objects.exists()

    accepted = browser.post("/forms/ecommerce/", {**form(enterprise), "image": photo()})
    assert accepted.status_code == 201, accepted.content.decode()[:2000]
    assert OnlineShop.objects.get().thumbnail


def test_staff_replace_and_remove_the_picture(enterprise, django_capture_on_commit_callbacks):
    shop = shop_submit(enterprise, image=photo())
    first = set(stored_files())

    shop.image = photo(300, 200, fmt="PNG", gps=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.online_shop_review(shop=shop)
    replaced = set(stored_files())
    assert len(replaced) == 2 and not replaced & first, "the old copies are deleted"
    assert opened(shop.image).format == "JPEG" and shop.image_width == 200

    shop.image = None
    with django_capture_on_commit_callbacks(execute=True):
        services.online_shop_review(shop=shop)
    shop.refresh_from_db()
    assert not shop.image and not shop.thumbnail and shop.image_width is None
    assert stored_files() == []


def test_staff_cannot_store_a_broken_picture(enterprise):
    shop = shop_submit(enterprise)
    shop.image = SimpleUploadedFile("x.jpg", b"\xff\xd8\xff broken", "image/jpeg")

    with pytest.raises(Exception, match="商品图片") as refused:
        services.online_shop_review(shop=shop)

    assert "image" in refused.value.message_dict
    assert stored_files() == []
    assert CONTACT["phone"] == OnlineShop.objects.get().contact_phone
