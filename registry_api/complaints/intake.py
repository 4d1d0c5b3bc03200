"""Intake of complaints and reports: one transaction stores the submission, its photos and
its first step before the answer leaves, so an answered submission is never lost.

- Idempotency: a client sends an `Idempotency-Key` with each submission and the same key with
  every retry of it; a retry returns the stored submission's tracking code. The same key with
  different content is refused (409), as a client bug must not silently merge two complaints.
  The retry answers what the first answer said, the anonymous reporter's tracking PIN
  included (the complaint keeps it: tracking compares it), so a reporter whose first answer
  was lost still learns it. Only a caller holding both the key and the content gets it.
- Repeat complaints: a submission from the same phone about the same respondent within
  DUPLICATE_DAYS of an earlier one is stored and flagged (`duplicate_of`), never dropped —
  handlers decide (DOMAIN.md: repeat and for-profit complainants are a known load).
- Routing: the QR code's place decides the station (a village's or community's station
  included); without a place, or when the place's station is closed, the 街镇-level station
  (`district_station`).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import secrets
import uuid
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.codes import random_code
from core.errors import Conflict
from core.images import ImageLimits, open_image
from registry_api.enterprises.models import Enterprise
from registry_api.workdays.calendar import WorkCalendar

from .deadlines import first_due
from .models import Complaint, ComplaintPhoto, ComplaintStep, IntakePlace, Unit

DUPLICATE_DAYS = 7
TRACKING_LENGTH = 10
PHOTO_LIMITS = ImageLimits(
    label="照片",
    max_bytes=5 * 1024 * 1024,
    max_side=8000,
    max_pixels=40_000_000,
    formats=("JPEG", "PNG", "WEBP"),
)
MAX_PHOTOS = 6
IDEMPOTENCY_CONFLICT = (
    "该幂等键（Idempotency-Key）已用于另一份内容不同的提交，请为新的提交生成新的键。"
)


@dataclass(frozen=True)
class Submission:
    complaint: Complaint
    created: bool  # False: a retry answered with the stored submission
    pin: str = ""  # for a report without a phone: shown once, verifies tracking


def payload_digest(data: dict, photos: list) -> str:
    """What a retry must repeat: the fields and the photos' sizes and names."""
    body = {key: str(value) for key, value in sorted(data.items())}
    body["photos"] = [(getattr(p, "name", ""), getattr(p, "size", 0)) for p in photos]
    return hashlib.sha256(json.dumps(body, ensure_ascii=False).encode()).hexdigest()


def new_tracking_code() -> str:
    return random_code(TRACKING_LENGTH)  # read over the phone: core.codes leaves out 0/O, 1/I


def district_station_code(district) -> str:
    """The 街镇-level station's code (content/reference/complaint_units.csv names them so)."""
    return f"station-{district.code}"


def district_station(district) -> Unit | None:
    """The station a 街镇's complaints go to without a QR place. A 街镇 has several stations
    (its office's and its villages' and communities'): the one coded station-<区划代码>; if
    that one is missing or closed, the active station of the 街镇 with the smallest code, so
    the answer never depends on the database's row order."""
    stations = Unit.objects.filter(tier=Unit.Tier.STATION, district=district, active=True)
    return (
        stations.filter(code=district_station_code(district)).first()
        or stations.order_by("code").first()
    )


def station_for(district, place: IntakePlace | None) -> Unit | None:
    if place is not None and place.station.active:
        return place.station
    return district_station(place.district if place is not None else district)


def match_respondent(name: str) -> Enterprise | None:
    """The directory's enterprise of exactly that name (names are unique per registration)."""
    return Enterprise.objects.filter(name=name.strip()).order_by("id").first()


def earlier_duplicate(phone: str, respondent, respondent_name: str, now) -> Complaint | None:
    if not phone:
        return None
    earlier = Complaint.objects.filter(
        complainant_phone=phone, submitted_at__gte=now - datetime.timedelta(days=DUPLICATE_DAYS)
    )
    if respondent is not None:
        earlier = earlier.filter(respondent=respondent)
    else:
        earlier = earlier.filter(respondent_name=respondent_name.strip())
    return earlier.order_by("submitted_at").first()


def submit(
    data: dict,
    *,
    photos: list | None = None,
    idempotency_key: str = "",
    client_ip: str | None = None,
    calendar: WorkCalendar | None = None,
) -> Submission:
    """Store a validated submission (`data`: the serializer's validated fields, district and
    place as objects). Photos are checked here too, before anything is written."""
    photos = photos or []
    checked = [open_image(photo, PHOTO_LIMITS) for photo in photos]
    digest = payload_digest({k: getattr(v, "pk", v) for k, v in data.items()}, photos)
    if idempotency_key:
        stored = Complaint.objects.filter(idempotency_key=idempotency_key).first()
        if stored is not None:
            return _retry(stored, digest)
    calendar = calendar or WorkCalendar.load()
    try:
        with transaction.atomic():
            complaint = _store(
                data, photos, checked, idempotency_key or None, digest, client_ip, calendar
            )
    except IntegrityError:
        # Two copies of one submission raced past the lookup: the first one's commit won.
        stored = Complaint.objects.filter(idempotency_key=idempotency_key).first()
        if not idempotency_key or stored is None:
            raise
        return _retry(stored, digest)
    return Submission(complaint, True, complaint.tracking_pin)


def _retry(stored: Complaint, digest: str) -> Submission:
    if stored.payload_digest != digest:
        raise Conflict(IDEMPOTENCY_CONFLICT)
    return Submission(stored, False, stored.tracking_pin)


def _store(data, photos, checked, key, digest, client_ip, calendar) -> Complaint:
    now = timezone.now()
    respondent = match_respondent(data["respondent_name"])
    phone = data.get("complainant_phone", "")
    complaint = Complaint(
        **data,
        tracking_code=new_tracking_code(),
        tracking_pin="" if phone else f"{secrets.randbelow(10_000):04d}",
        respondent=respondent,
        unit=station_for(data["district"], data.get("place")),
        submitted_at=now,
        due_on=first_due(data["kind"], timezone.localdate(now), calendar),
        duplicate_of=earlier_duplicate(phone, respondent, data["respondent_name"], now),
        idempotency_key=key,
        payload_digest=digest,
        client_ip=client_ip,
    )
    while Complaint.objects.filter(tracking_code=complaint.tracking_code).exists():
        complaint.tracking_code = new_tracking_code()
    complaint.save()
    for upload, image in zip(photos, checked, strict=True):
        extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[image.format]
        photo = ComplaintPhoto(
            complaint=complaint,
            stored_name=f"{uuid.uuid4().hex}.{extension}",
            width=image.width,
            height=image.height,
        )
        upload.seek(0)
        photo.image.save(photo.stored_name, ContentFile(upload.read()), save=False)
        photo.save()
    ComplaintStep.objects.create(
        complaint=complaint, action=ComplaintStep.Action.SUBMITTED, at=now, unit=complaint.unit
    )
    return complaint
