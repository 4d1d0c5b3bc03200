"""Writes of the food-stall registry: issue, edit, renew and revoke a card; record inspections.

Every write runs the model's rules (`core.services`), so the admin, the demo data and any
later API write the same way. Dates are Beijing dates (`timezone.localdate()`, TIME_ZONE is
Asia/Shanghai): a card issued, renewed or revoked "today" means today in Hongshan.

A card's `updated_at` moves whenever something its public shape shows changes, inspections
included: the public verification lists the latest inspections, and the site and the API's
ETag follow `updated_at`.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from core.services import model_create, model_full_save, model_update
from registry_api.enterprises.models import District
from registry_api.network.models import Person, Station

from .models import Inspection, Renewal, StallCard, max_valid_to

NUMBER_PREFIX = "SP"
# Fields staff may change on an issued card; station, validity and status change only
# through issue, renew and revoke.
EDITABLE_FIELDS = (
    "stall_name",
    "vendor_name",
    "vendor_id_number",
    "vendor_mobile",
    "location",
    "location_kind",
    "category",
    "note",
)


def card_number(district: District, sequence: int) -> str:
    """`SP` + the last three digits of the 街镇's 区划代码 + `-` + five-digit sequence."""
    return f"{NUMBER_PREFIX}{district.code[-3:]}-{sequence:05d}"


def _next_sequence(district: District) -> int:
    latest = StallCard.objects.filter(district=district).aggregate(latest=Max("sequence"))
    return (latest["latest"] or 0) + 1


def issue_card(
    *,
    station: Station,
    stall_name: str,
    vendor_name: str,
    vendor_id_number: str,
    vendor_mobile: str,
    location: str,
    category: str,
    valid_from: datetime.date | None = None,
    valid_to: datetime.date | None = None,
    location_kind: str = StallCard.LocationKind.MARKET,
    issued_by=None,
    note: str = "",
    today: datetime.date | None = None,
) -> StallCard:
    """A new card with the next number of the station's 街镇.

    `valid_from` defaults to today and may not be later (a card is valid from the day it is
    handed out); `valid_to` defaults to the longest validity, three years less a day.
    """
    today = today or timezone.localdate()
    valid_from = valid_from or today
    if valid_from > today:
        raise ValidationError({"valid_from": "有效期起不能晚于今天（发卡当日起生效）。"})
    fields = {
        "station": station,
        "district": station.district,
        "stall_name": stall_name,
        "vendor_name": vendor_name,
        "vendor_id_number": vendor_id_number,
        "vendor_mobile": vendor_mobile,
        "location": location,
        "location_kind": location_kind,
        "category": category,
        "valid_from": valid_from,
        "valid_to": valid_to or max_valid_to(valid_from),
        "issued_by": issued_by,
        "note": note,
    }
    # Two clerks of one 街镇 issuing at once: the second takes the next free sequence.
    for _attempt in range(5):
        try:
            with transaction.atomic():
                sequence = _next_sequence(station.district)
                return model_create(
                    StallCard,
                    sequence=sequence,
                    number=card_number(station.district, sequence),
                    **fields,
                )
        except IntegrityError:
            continue
    raise ValidationError({"station": "备案卡编号分配冲突，请稍后重试。"})


def update_card(*, card: StallCard, **fields) -> StallCard:
    """Correct what the card says of the stall and vendor (not its number or validity)."""
    return model_update(card, **{k: v for k, v in fields.items() if k in EDITABLE_FIELDS})


@transaction.atomic
def renew_card(
    *,
    card: StallCard,
    valid_to: datetime.date | None = None,
    renewed_on: datetime.date | None = None,
    renewed_by=None,
    note: str = "",
) -> StallCard:
    """Extend a card's validity under the same number, and record the renewal.

    The renewed card is valid from the renewal day (`renewed_on`, default today) to
    `valid_to` (default: the longest, three years less a day); it must end later than
    before. A revoked card cannot be renewed: the vendor applies for a new card.
    """
    card = StallCard.objects.select_for_update().get(pk=card.pk)
    if card.status == StallCard.Status.REVOKED:
        raise ValidationError({"valid_to": "该备案卡已注销，不能延续；请重新办理备案卡。"})
    renewed_on = renewed_on or timezone.localdate()
    if renewed_on < card.valid_from:
        raise ValidationError({"renewed_on": "延续日期不能早于原有效期起。"})
    valid_to = valid_to or max_valid_to(renewed_on)
    if valid_to <= card.valid_to:
        raise ValidationError(
            {"valid_to": f"延续后的有效期至必须晚于原有效期至（{card.valid_to}）。"}
        )
    previous_from, previous_to = card.valid_from, card.valid_to
    model_update(card, valid_from=renewed_on, valid_to=valid_to)
    model_create(
        Renewal,
        card=card,
        renewed_on=renewed_on,
        previous_valid_from=previous_from,
        previous_valid_to=previous_to,
        valid_from=renewed_on,
        valid_to=valid_to,
        renewed_by=renewed_by,
        note=note,
    )
    return card


@transaction.atomic
def revoke_card(
    *, card: StallCard, reason: str, revoked_on: datetime.date | None = None
) -> StallCard:
    """End a card before its time (the stall closed, serious violations); a reason is required."""
    card = StallCard.objects.select_for_update().get(pk=card.pk)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"revocation_reason": "请填写注销原因。"})
    if card.status == StallCard.Status.REVOKED:
        raise ValidationError({"revocation_reason": f"该备案卡已于{card.revoked_on}注销。"})
    revoked_on = revoked_on or timezone.localdate()
    if revoked_on < card.valid_from:
        raise ValidationError({"revoked_on": "注销日期不能早于有效期起。"})
    return model_update(
        card,
        status=StallCard.Status.REVOKED,
        revoked_on=revoked_on,
        revocation_reason=reason,
    )


def _touch(*cards: StallCard | None) -> None:
    """The cards' public shape shows their inspections: move their `updated_at`."""
    ids = {card.pk for card in cards if card is not None}
    if ids:
        StallCard.objects.filter(pk__in=ids).update(updated_at=timezone.now())


def _inspection_rules(inspection: Inspection, today: datetime.date) -> None:
    if inspection.inspected_on and inspection.inspected_on > today:
        raise ValidationError({"inspected_on": "检查日期不能晚于今天。"})
    if inspection.card_id and inspection.station_id is None:
        inspection.station = inspection.card.station


@transaction.atomic
def record_inspection(
    *,
    inspected_on: datetime.date,
    result: str,
    card: StallCard | None = None,
    station: Station | None = None,
    inspector: Person | None = None,
    note: str = "",
) -> Inspection:
    """An inspection of a stall (`card`; its station by default) or of a station's area."""
    inspection = Inspection(
        card=card,
        station=station or (card.station if card is not None else None),
        inspector=inspector,
        inspected_on=inspected_on,
        result=result,
        note=note,
    )
    _inspection_rules(inspection, timezone.localdate())
    model_full_save(inspection)
    _touch(card)
    return inspection


@transaction.atomic
def update_inspection(*, inspection: Inspection, **fields) -> Inspection:
    """Correct an inspection; the cards it was and is about both show the change."""
    before = inspection.card_id
    for name, value in fields.items():
        setattr(inspection, name, value)
    _inspection_rules(inspection, timezone.localdate())
    model_full_save(inspection)
    _touch(inspection.card, StallCard(pk=before) if before else None)
    return inspection


@transaction.atomic
def delete_inspection(*, inspection: Inspection) -> None:
    card = inspection.card
    inspection.delete()
    _touch(card)


def inspections_deleted(inspections: list[Inspection]) -> None:
    """After the admin deleted inspections (one or in bulk): their cards changed."""
    _touch(*(StallCard(pk=i.card_id) for i in inspections if i.card_id))
