"""Writes of the partners app: issue and revoke API keys, note their use, flag rows for review.

(The life of a batch import, which writes through these and the credit services, is in
`imports.py`.)

Keys are 32 random bytes (``secrets.token_urlsafe(32)``, 43 characters). Only their SHA-256
is stored. A slow password hash (PBKDF2, bcrypt) protects low-entropy human passwords against
guessing; a 256-bit random token cannot be guessed, so stretching would only make every API
request slower. The hash is not keyed with SECRET_KEY on purpose: rotating the site's secret
must not silently invalidate every partner department's key.
"""

import datetime
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.services import model_full_save
from registry_api.credit.models import Department

from .models import CreditImport, PartnerKey, ReviewItem, Scope

TOUCH_EVERY = datetime.timedelta(minutes=1)


def key_hash(plain_key: str) -> str:
    return hashlib.sha256(plain_key.encode()).hexdigest()


def _clean_scopes(scopes) -> list[str]:
    scopes = list(dict.fromkeys(scopes))
    unknown = [scope for scope in scopes if scope not in Scope.values]
    if unknown:
        known, listed = "、".join(Scope.values), "、".join(unknown)
        raise ValidationError({"scopes": f"未知的权限范围：{listed}（可选：{known}）。"})
    if not scopes:
        raise ValidationError({"scopes": "请至少选择一项权限范围。"})
    return scopes


def key_issue(
    *,
    department: Department,
    name: str,
    scopes,
    rate: int = 120,
    expires_at: datetime.datetime | None = None,
    bank: str = "",
) -> tuple[PartnerKey, str]:
    """A new key for `department` (for a bank's key, `bank` names the bank as its loan
    products do); returns (key, plain key). The plain key is never stored, so this is the
    only moment it can be shown."""
    for _attempt in range(5):
        plain_key = secrets.token_urlsafe(32)
        key = PartnerKey(
            department=department,
            name=name,
            bank=bank,
            prefix=plain_key[: PartnerKey.PREFIX_LENGTH],
            secret_hash=key_hash(plain_key),
            scopes=_clean_scopes(scopes),
            rate=rate,
            expires_at=expires_at,
        )
        key.full_clean()
        try:
            with transaction.atomic():
                key.save()
        except IntegrityError:  # a prefix collision (48 random bits): draw again
            continue
        return key, plain_key
    raise RuntimeError("could not draw a unique key prefix")


def key_revoke(*, key: PartnerKey, when: datetime.datetime | None = None) -> PartnerKey:
    """Revoke `key` at once (idempotent: a revoked key keeps its first revocation time)."""
    if key.revoked_at is None:
        key.revoked_at = when or timezone.now()
        key.save(update_fields=["revoked_at"])
    return key


def key_touch(key: PartnerKey, now: datetime.datetime | None = None) -> None:
    """Record the key's use, at most once a minute, so a busy key does not write every request."""
    now = now or timezone.now()
    if key.last_used_at is None or now - key.last_used_at >= TOUCH_EVERY:
        PartnerKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now


def review_item_flag(
    *,
    department: Department,
    key: PartnerKey | None,
    row_number: int,
    raw_row: dict,
    reason: str,
    credit_import: CreditImport | None = None,
) -> ReviewItem:
    """Hold an imported row for a clerk instead of writing or dropping it; the same row sent
    again while its item is pending (a re-sent batch, a retried POST) is that item."""
    pending = ReviewItem.objects.filter(
        department=department,
        status=ReviewItem.Status.PENDING,
        decision_number=str(raw_row.get("decision_number") or "")[:100],
        credit_code=str(raw_row.get("enterprise") or "")[:64],
    ).order_by("id")
    for held in pending:
        if held.raw_row == raw_row:
            return held
    item = ReviewItem(
        credit_import=credit_import,
        department=department,
        key=key,
        row_number=row_number,
        decision_number=str(raw_row.get("decision_number") or "")[:100],
        credit_code=str(raw_row.get("enterprise") or "")[:64],
        raw_row=raw_row,
        reason=reason,
    )
    return model_full_save(item)
