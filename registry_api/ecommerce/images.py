"""A shop's product picture (商品图片): checked, then stored as our own re-encoded copies.

The upload is never served as sent. It is decoded (core/images.py refuses what is too big,
not an image, or broken), turned upright by its EXIF orientation, flattened onto white and
written again as two JPEGs without any metadata: a camera's EXIF can hold where and when the
photo was taken and the phone that took it, which are personal data (docs/decisions/0016).
One copy is at most `DISPLAY_SIDE` pixels a side for the shop's page, the other at most
`THUMBNAIL_SIDE` for the lists, so a phone on a slow line loads a few kilobytes a shop. The
site shows our copies from /media/; a picture is never hot-linked from the shop's platform.
"""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

from core.images import ImageLimits, ImageRefused, open_image

LIMITS = ImageLimits(
    label="商品图片",
    max_bytes=5 * 1024 * 1024,
    max_side=8000,
    max_pixels=40_000_000,
    formats=("PNG", "JPEG", "MPO", "WEBP"),
)
DISPLAY_SIDE = 800
THUMBNAIL_SIDE = 240
QUALITY = 82
FOLDER = "ecommerce"
NOT_A_FILE = "请以文件形式上传商品图片（表单的 multipart/form-data 编码）。"
HELP_TEXT = "JPEG、PNG 或 WebP，不超过5MB；公开前工作人员会审看，图片中不要出现电话号码或人像"


class ShopImageError(ValueError):
    """An upload that is not a usable product picture; the message is the field's error."""


@dataclass(frozen=True)
class ShopPicture:
    """An upload that passed the check: its name and size (what a retry must repeat) and the
    decoded picture, so the submission does not decode it a second time."""

    name: str
    size: int
    image: Image.Image


def shop_image_check(file) -> Image.Image:
    """The decoded upload, or ShopImageError with the public's Chinese message."""
    try:
        return open_image(file, LIMITS)
    except ImageRefused as exc:
        raise ShopImageError(str(exc)) from exc


def shop_picture(file) -> ShopPicture:
    """The checked upload (ShopImageError as shop_image_check)."""
    return ShopPicture(name=file.name, size=file.size, image=shop_image_check(file))


def _jpeg(image: Image.Image, side: int) -> tuple[bytes, tuple[int, int]]:
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    # No exif= and no icc_profile=: Pillow writes none of the upload's metadata.
    copy.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    return out.getvalue(), copy.size


def _upright_rgb(image: Image.Image) -> Image.Image:
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        return flat
    return image.convert("RGB")


def shop_image_files(image: Image.Image) -> tuple[ContentFile, ContentFile]:
    """(page copy, list copy) of a checked picture, named at random (the name says nothing
    of the shop and cannot be guessed before the shop is published)."""
    upright = _upright_rgb(image)
    name = secrets.token_hex(16)
    display, _ = _jpeg(upright, DISPLAY_SIDE)
    thumbnail, _ = _jpeg(upright, THUMBNAIL_SIDE)
    return ContentFile(display, name=f"{name}.jpg"), ContentFile(thumbnail, name=f"{name}-s.jpg")


def shop_image_attach(shop, picture: Image.Image) -> None:
    """Set a shop's picture and its list copy to our copies of `picture` (files written now,
    the row saved by the caller)."""
    display, small = shop_image_files(picture)
    shop.image.save(display.name, display, save=False)
    shop.thumbnail.save(small.name, small, save=False)
