"""Reads of the food-stall registry: a card's validity on a Beijing date, the public lists.

Validity (`Validity`) is computed, never stored, from the status and `valid_to` against
today's Beijing date (`timezone.localdate()`):

* revoked (已注销): the card was revoked, whatever its dates;
* expired (已过期): today is after `valid_to` (the `valid_to` day itself is still valid);
* expiring (即将到期): `valid_to` is today or within the next 30 days;
* valid (有效): otherwise.
"""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from .models import EXPIRING_DAYS, Inspection, StallCard, Validity

PUBLIC_INSPECTIONS = 5


def today() -> datetime.date:
    return timezone.localdate()


def card_validity(card: StallCard, on: datetime.date | None = None) -> Validity:
    return card.validity(on or today())


def validity_condition(validity: str, on: datetime.date | None = None) -> Q:
    """The rows whose validity on `on` is `validity` (the same rule as `card_validity`)."""
    on = on or today()
    active = Q(status=StallCard.Status.ACTIVE)
    soon = on + datetime.timedelta(days=EXPIRING_DAYS)
    conditions = {
        Validity.REVOKED: Q(status=StallCard.Status.REVOKED),
        Validity.EXPIRED: active & Q(valid_to__lt=on),
        Validity.EXPIRING: active & Q(valid_to__gte=on, valid_to__lte=soon),
        Validity.VALID: active & Q(valid_to__gt=soon),
    }
    return conditions[Validity(validity)]


def recent_inspections(card: StallCard) -> list[Inspection]:
    """The card's latest inspections, newest first (prefetched by `card_public_list`)."""
    prefetched = getattr(card, "public_inspections", None)
    if prefetched is not None:
        return prefetched[:PUBLIC_INSPECTIONS]
    return list(card.inspections.order_by("-inspected_on", "-id")[:PUBLIC_INSPECTIONS])


def card_public_list() -> QuerySet[StallCard]:
    """Every card (revoked ones too: scanning a revoked card must say so), without the
    vendor's private fields."""
    return (
        StallCard.objects.select_related("district", "station")
        .defer("vendor_id_number", "vendor_mobile", "revocation_reason", "note")
        .prefetch_related(
            Prefetch(
                "inspections",
                queryset=Inspection.objects.only("id", "card_id", "inspected_on", "result"),
                to_attr="public_inspections",
            )
        )
    )


def card_by_number(number: str) -> StallCard | None:
    return StallCard.objects.filter(number=(number or "").strip().upper()).first()
