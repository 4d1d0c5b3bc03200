"""Writes of 闲置商标交流: listings, an inquiry's submit → relay → close, and expiry."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.codes import dated_reference
from core.services import model_assign, model_full_save
from registry_api.services.validators import normalise_phone

from .models import IdleListing, Inquiry


def inquiry_reference_new(when=None) -> str:
    """XZ + submission date + 6 random characters, e.g. XZ20261127K7Q2MD."""
    return dated_reference("XZ", when)


def _listing_save(listing: IdleListing) -> IdleListing:
    """The owner's phone kept in one form, then the model's rules and the save."""
    listing.owner_contact_phone = normalise_phone(listing.owner_contact_phone)
    return model_full_save(listing)


@transaction.atomic
def listing_create(**fields) -> IdleListing:
    return _listing_save(IdleListing(**fields))


@transaction.atomic
def listing_update(*, listing: IdleListing, **fields) -> IdleListing:
    return _listing_save(model_assign(listing, fields))


@transaction.atomic
def listings_expire(*, today: datetime.date | None = None) -> int:
    """Mark published listings past their validity 已过期 (the public lists already hide them
    by date; this keeps the admin's status honest). Returns how many changed."""
    today = today or timezone.localdate()
    expired = IdleListing.objects.filter(status=IdleListing.Status.PUBLISHED, valid_until__lt=today)
    count = 0
    for listing in expired:  # one save each: the audit log and the index follow
        listing.status = IdleListing.Status.EXPIRED
        listing.save(update_fields=["status", "updated_at"])
        count += 1
    return count


@transaction.atomic
def inquiry_submit(
    *,
    listing: IdleListing,
    inquirer_name: str,
    contact_phone: str,
    message: str,
    contact_email: str = "",
    submitted_at=None,
    reference: str | None = None,
) -> Inquiry:
    """A new inquiry waiting for staff (待转达); only a listing the public can see takes one."""
    submitted_at = submitted_at or timezone.now()
    if not listing.is_public(timezone.localdate(submitted_at)):
        raise ValidationError({"listing": "该闲置商标已不在发布中，无法提交意向。"})
    inquiry = Inquiry(
        reference=reference or inquiry_reference_new(submitted_at),
        listing=listing,
        inquirer_name=inquirer_name.strip(),
        contact_phone=normalise_phone(contact_phone),
        contact_email=(contact_email or "").strip(),
        message=message.strip(),
        submitted_at=submitted_at,
        status=Inquiry.Status.PENDING,
    )
    return model_full_save(inquiry)


@transaction.atomic
def inquiry_handle(*, inquiry: Inquiry, status: str, staff_note: str = "") -> Inquiry:
    """Staff's edit in the admin queue: the note and the status, in one save; 已转达 is
    `inquiry_relay` (its time filled in, a closed inquiry refused)."""
    stored_status = Inquiry.objects.values_list("status", flat=True).get(pk=inquiry.pk)
    inquiry.staff_note = staff_note
    if status == Inquiry.Status.RELAYED and stored_status != Inquiry.Status.RELAYED:
        inquiry.status = stored_status
        return inquiry_relay(inquiry=inquiry)
    inquiry.status = status
    return model_full_save(inquiry)


@transaction.atomic
def inquiry_relay(*, inquiry: Inquiry, note: str = "", relayed_at=None) -> Inquiry:
    """Staff passed the inquiry (with the inquirer's contact) on to the owner."""
    if inquiry.status == Inquiry.Status.CLOSED:
        raise ValidationError({"status": "已关闭的意向咨询不能再转达。"})
    inquiry.status = Inquiry.Status.RELAYED
    inquiry.relayed_at = relayed_at or timezone.now()
    if note.strip():
        inquiry.staff_note = "\n".join(filter(None, [inquiry.staff_note, note.strip()]))
    return model_full_save(inquiry)
