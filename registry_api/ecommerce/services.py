"""Writes of 电子商务: a shop's submit (idempotent) → publish, reject or take down by staff."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.codes import dated_reference
from core.errors import Conflict
from core.services import model_assign, model_full_save
from registry_api.enterprises.models import Enterprise
from registry_api.services.validators import normalise_phone

from .images import ShopImageError, ShopPicture, shop_image_attach, shop_picture
from .models import OnlineShop, products_text

IDEMPOTENCY_CONFLICT = (
    "该幂等键（Idempotency-Key）已用于另一份内容不同的提交，请为新的提交生成新的键。"
)


@dataclass(frozen=True)
class ShopSubmission:
    shop: OnlineShop
    created: bool  # False: a retry under the same Idempotency-Key, answered with the first


def shop_reference_new(when=None) -> str:
    """WD + submission date + 6 random characters, e.g. WD20261204K7Q2MD (网店)."""
    return dated_reference("WD", when)


def _digest(fields: dict) -> str:
    body = {name: str(getattr(value, "pk", value)) for name, value in sorted(fields.items())}
    return hashlib.sha256(json.dumps(body, ensure_ascii=False).encode()).hexdigest()


def online_shop_submit(
    *,
    enterprise: Enterprise,
    name: str,
    platform: str,
    url: str,
    category: str,
    contact_name: str,
    contact_phone: str,
    introduction: str = "",
    products: list[dict[str, str]] | None = None,
    image=None,
    submitted_at=None,
    reference: str | None = None,
    idempotency_key: str = "",
) -> ShopSubmission:
    """A new shop waiting for staff (待审核); nothing of it is public yet. `image` is an
    uploaded product picture (a file, or the ShopPicture the submit serializer checked),
    stored as our own copies (images.py)."""
    fields = {
        "enterprise": enterprise,
        "name": name.strip(),
        "platform": platform,
        "url": url.strip(),
        "category": category,
        "introduction": (introduction or "").strip(),
        "products": products_text(products or []),
        "contact_name": contact_name.strip(),
        "contact_phone": normalise_phone(contact_phone),
    }
    picture = _picture_checked(image) if image is not None else None
    # A retry must repeat the picture too: its name and size stand for it.
    digest = _digest({**fields, "image": f"{picture.name}:{picture.size}" if picture else ""})
    if idempotency_key:
        stored = OnlineShop.objects.filter(idempotency_key=idempotency_key).first()
        if stored is not None:
            return _retry(stored, digest)
    submitted_at = submitted_at or timezone.now()
    shop = OnlineShop(
        **fields,
        reference=reference or shop_reference_new(submitted_at),
        submitted_at=submitted_at,
        status=OnlineShop.Status.PENDING,
        idempotency_key=idempotency_key or None,
        payload_digest=digest,
    )
    if picture is not None:
        # Written before the transaction: the write lock is never held for it.
        shop_image_attach(shop, picture.image)
    try:
        with transaction.atomic():
            # The key's uniqueness is the database's (a race of two copies), not full_clean's.
            shop.full_clean(validate_unique=False)
            shop.save()
    except Exception as exc:
        _files_delete(_image_names(shop))  # copies of a shop that was not stored
        raced = idempotency_key and isinstance(exc, IntegrityError)
        stored = (
            OnlineShop.objects.filter(idempotency_key=idempotency_key).first() if raced else None
        )
        if stored is None:
            raise
        return _retry(stored, digest)
    return ShopSubmission(shop, True)


def _retry(stored: OnlineShop, digest: str) -> ShopSubmission:
    if stored.payload_digest != digest:
        raise Conflict(IDEMPOTENCY_CONFLICT)
    return ShopSubmission(stored, False)


def _picture_checked(image) -> ShopPicture:
    if isinstance(image, ShopPicture):
        return image
    try:
        return shop_picture(image)
    except ShopImageError as exc:
        raise ValidationError({"image": str(exc)}) from exc


def _image_names(shop: OnlineShop) -> set[str]:
    return {field.name for field in (shop.image, shop.thumbnail) if field and field.name}


def _files_delete(names) -> None:
    for name in names:
        default_storage.delete(name)


def _images_stored(shop: OnlineShop) -> set[str]:
    if not shop.pk:
        return set()
    stored = OnlineShop.objects.filter(pk=shop.pk).values_list("image", "thumbnail").first()
    return {name for name in stored or () if name}


def _image_prepare(shop: OnlineShop) -> None:
    """A picture staff chose in the admin becomes our copies; a cleared picture takes its
    list copy with it."""
    if shop.image_is_new_upload():
        shop_image_attach(shop, _picture_checked(shop.image.file).image)
    elif not shop.image:
        shop.thumbnail = None
        shop.image_width = shop.image_height = None


def _shop_save(shop: OnlineShop) -> OnlineShop:
    """The phone kept in one form, the first publication's day noted, a new picture made
    into our copies (outside the transaction), the rules, the save."""
    shop.contact_phone = normalise_phone(shop.contact_phone)
    if shop.status == OnlineShop.Status.PUBLISHED and shop.listed_on is None:
        shop.listed_on = timezone.localdate()
    before = _images_stored(shop)
    _image_prepare(shop)
    try:
        with transaction.atomic():
            model_full_save(shop)
    except Exception:
        _files_delete(_image_names(shop) - before)  # copies made for a save that failed
        raise
    transaction.on_commit(lambda: _files_delete(before - _image_names(shop)))
    return shop


def online_shop_create(**fields) -> OnlineShop:
    """A shop staff key in themselves (e.g. from a window visit)."""
    fields.setdefault("submitted_at", timezone.now())
    fields.setdefault("reference", shop_reference_new(fields["submitted_at"]))
    return _shop_save(OnlineShop(**fields))


def online_shop_review(*, shop: OnlineShop, **fields) -> OnlineShop:
    """Staff's edit in the admin, in one save: the public text tidied, the status (已公开
    publishes; the model refuses a text holding a phone or ID number), the note."""
    return _shop_save(model_assign(shop, fields))


def online_shop_set_status(*, shop: OnlineShop, status: str, note: str = "") -> OnlineShop:
    """已公开 (publish), 未通过 (reject) or 已下架 (take down), with the reason noted."""
    shop.status = status
    if note.strip():
        shop.staff_note = "\n".join(filter(None, [shop.staff_note, note.strip()]))
    return _shop_save(shop)
