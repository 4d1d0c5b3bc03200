"""Reads of 电子商务: the published shops with their enterprise and 街镇 (public columns only)."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import OnlineShop

# What the public shapes read: never contact_name, contact_phone, staff_note or the key.
PUBLIC_COLUMNS = (
    "id",
    "enterprise",
    "name",
    "platform",
    "url",
    "category",
    "introduction",
    "products",
    "image",
    "image_width",
    "image_height",
    "thumbnail",
    "thumbnail_width",
    "thumbnail_height",
    "status",
    "listed_on",
    "submitted_at",
    "updated_at",
)


def shop_public_list() -> QuerySet[OnlineShop]:
    """Shops staff published, with the enterprise's code, name and 街镇."""
    return (
        OnlineShop.objects.public()
        .only(
            *PUBLIC_COLUMNS,
            "enterprise__credit_code",
            "enterprise__name",
            "enterprise__updated_at",
            "enterprise__district__code",
            "enterprise__district__name",
        )
        .select_related("enterprise__district")
    )


def shop_by_reference(code: str) -> OnlineShop | None:
    """An application by its 查询码 (any status: the applicant sees a refusal too)."""
    return (
        OnlineShop.objects.select_related("enterprise")
        .filter(reference=(code or "").strip().upper())
        .first()
    )
