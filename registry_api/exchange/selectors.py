"""Reads of 闲置商标交流: the public listings (published, within validity) and their marks."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from registry_api.trademarks.models import TrademarkClass

from .models import IdleListing

# What the public shapes read: never the owner_contact_* columns.
PUBLIC_COLUMNS = (
    "id",
    "trademark",
    "kind",
    "terms",
    "price",
    "negotiable",
    "listed_on",
    "valid_until",
    "status",
    "created_at",
    "updated_at",
)


def listing_public_list(today: datetime.date | None = None) -> QuerySet[IdleListing]:
    """Published listings not past their validity on `today`, with their marks' classes."""
    today = today or timezone.localdate()
    return (
        IdleListing.objects.public(today)
        .only(*PUBLIC_COLUMNS)
        .select_related("trademark")
        .prefetch_related(
            Prefetch(
                "trademark__class_entries",
                queryset=TrademarkClass.objects.select_related("nice_class"),
            )
        )
    )


def listing_classes(listing: IdleListing) -> list[int]:
    return [entry.nice_class_id for entry in listing.trademark.class_entries.all()]


def listing_price_display(listing: IdleListing) -> str:
    if listing.negotiable or listing.price is None:
        return "面议"
    price = listing.price
    if price >= 10000:
        text = f"{price / 10000:f}".rstrip("0").rstrip(".")
        return f"{text}万元"
    return f"{price:f}".rstrip("0").rstrip(".") + "元"


def listing_title(listing: IdleListing) -> str:
    mark = listing.trademark
    name = mark.name or "图形商标"
    return f"{name}（第{mark.registration_number}号）· {listing.get_kind_display()}"
