"""Writes of a registration kind: register (never beyond capacity), cancel, mark attended.

Every function takes the kind's concrete model (`core.registrations.models.Registration`
subclass). Registering counts the places taken and inserts inside one short transaction that
first locks the target's row (`SELECT … FOR UPDATE OF` on PostgreSQL; on SQLite the
transaction itself is the lock: it begins IMMEDIATE, cms/settings/base.py), so two requests
for the last place are serialised and the second one sees the place taken. The lock is
held for one count and one insert, never across a request's other work.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone

from core.codes import dated_reference
from core.errors import Conflict

from .models import Closed, Registration, RegistrationTarget, attendee_phone

DUPLICATE_PHONE = "该电话号码已报名本场，请勿重复报名；可凭确认码查询或取消报名。"
IDEMPOTENCY_CONFLICT = "该幂等键已用于另一份报名，请为新的报名生成新的幂等键。"
ATTENDED_NO_CANCEL = "已签到的报名不能取消。"
STARTED_NO_CANCEL = "已开始，不能在网上取消报名；如有变化请联系主办单位。"


class RegistrationRefused(Conflict):
    """409: the form is valid but the target takes no place now (full, closed, started), or
    the registration can no longer be cancelled; the message says which."""

    default_code = "registration_refused"


@dataclass(frozen=True)
class Registered:
    registration: Registration
    created: bool  # False: a retry under the same Idempotency-Key, answered the same


def registration_taken(model: type[Registration], target: Model) -> int:
    """Places held (registered or attended) of `target`."""
    return model.objects.filter(**{model.TARGET_FIELD: target, "status__in": model.HOLDING}).count()


def registration_availability(
    model: type[Registration], target: RegistrationTarget, taken: int | None = None
) -> dict:
    """What anyone may know of a target's registration: counts and state, nobody's details.
    `taken`: the places held when the caller has counted them already (a list's annotation)."""
    if taken is None:
        taken = registration_taken(model, target)
    closed = target.registration_closed(taken)
    capacity = target.capacity if target.registration_open else None
    return {
        "registration_open": not closed,
        "closed_reason": closed,
        "closed_message": Closed(closed).label if closed else "",
        "capacity": capacity,
        "taken": taken if capacity else None,
        "places_left": max(capacity - taken, 0) if capacity else None,
        "registration_closes_at": target.registration_closes_at if capacity else None,
    }


def registration_create(
    *,
    model: type[Registration],
    target: RegistrationTarget,
    name: str,
    phone: str,
    organisation: str = "",
    idempotency_key: str = "",
    submitted_at=None,
    check_open: bool = True,
) -> Registered:
    """A place for this person; `RegistrationRefused` when full or closed, a ValidationError
    for the phone already registered or a field's rule. `check_open=False` (demo data of
    past events) skips the deadline and started rules, never the capacity."""
    if idempotency_key:
        stored = model.objects.filter(idempotency_key=idempotency_key).first()
        if stored is not None:
            return _retry(stored, target, phone)
    try:
        with transaction.atomic():
            registration = _store(
                model,
                target,
                name=name,
                phone=phone,
                organisation=organisation,
                idempotency_key=idempotency_key or None,
                submitted_at=submitted_at or timezone.now(),
                check_open=check_open,
            )
    except IntegrityError:
        # A copy under the same key, or the same phone, raced past the checks and won.
        stored = model.objects.filter(idempotency_key=idempotency_key).first()
        if idempotency_key and stored is not None:
            return _retry(stored, target, phone)
        if _holding(model, target, attendee_phone(phone)).exists():
            raise ValidationError({"phone": DUPLICATE_PHONE}) from None
        raise
    model.registration_changed(target)
    return Registered(registration, True)


def _holding(model, target, phone: str):
    return model.objects.filter(
        **{model.TARGET_FIELD: target, "phone": phone, "status__in": model.HOLDING}
    )


def _retry(stored: Registration, target: RegistrationTarget, phone: str) -> Registered:
    same_target = getattr(stored, f"{stored.TARGET_FIELD}_id") == target.pk
    if not same_target or stored.phone != attendee_phone(phone):
        raise Conflict(IDEMPOTENCY_CONFLICT)
    return Registered(stored, False)


def _store(model, target, *, check_open: bool, **fields) -> Registration:
    locked = type(target).objects.select_for_update(of=("self",)).get(pk=target.pk)
    taken = registration_taken(model, locked)
    closed = locked.registration_closed(taken, fields["submitted_at"])
    if not check_open and closed in (Closed.STARTED, Closed.DEADLINE):
        closed = Closed.FULL if taken >= locked.capacity else ""
    if closed:
        raise RegistrationRefused(Closed(closed).label)
    registration = model(
        **{model.TARGET_FIELD: locked},
        code=_new_code(model, fields["submitted_at"]),
        status=model.Status.REGISTERED,
        **fields,
    )
    registration.clean_fields()
    registration.clean()
    if _holding(model, locked, registration.phone).exists():
        raise ValidationError({"phone": DUPLICATE_PHONE})
    registration.save()
    return registration


def _new_code(model: type[Registration], when) -> str:
    code = dated_reference(model.CODE_PREFIX, when)
    while model.objects.filter(code=code).exists():
        code = dated_reference(model.CODE_PREFIX, when)
    return code


def registration_by_code(model: type[Registration], code: str) -> Registration | None:
    code = (code or "").strip().upper()
    if not code:
        return None
    return model.objects.select_related(model.TARGET_FIELD).filter(code=code).first()


@transaction.atomic
def registration_cancel(*, model: type[Registration], code: str, phone: str, now=None):
    """The person cancels with the code and the phone they registered with; None when the
    two do not match a registration (the caller answers "not found", saying no more).
    Cancelling twice answers the cancelled registration."""
    found = registration_by_code(model, code)
    if found is None or found.phone != attendee_phone(phone):
        return None
    registration = model.objects.select_for_update().get(pk=found.pk)
    if registration.status == model.Status.CANCELLED:
        return registration
    if registration.status == model.Status.ATTENDED:
        raise RegistrationRefused(ATTENDED_NO_CANCEL)
    starts = found.target.registration_starts_at
    if starts and (now or timezone.now()) >= starts:
        raise RegistrationRefused(STARTED_NO_CANCEL)
    registration.status = model.Status.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    model.registration_changed(found.target)
    return registration


@transaction.atomic
def registration_status_set(*, registration: Registration, status: str) -> Registration:
    """Staff's change (签到, 取消, back to 已报名); the model's rules and constraint apply."""
    registration.status = status
    registration.full_clean()
    registration.save()
    type(registration).registration_changed(registration.target)
    return registration


def registrations_mark_attended(registrations) -> int:
    """Staff's 标记签到 of several registrations: those registered become attended."""
    count = 0
    for registration in registrations:
        if registration.status == registration.Status.REGISTERED:
            registration_status_set(registration=registration, status=registration.Status.ATTENDED)
            count += 1
    return count
