"""Reads of the partners app: find the key a request presents, and the imports it may see."""

import hmac

from django.db.models import QuerySet

from .models import CreditImport, PartnerKey
from .services import key_hash


def key_by_plain(plain_key: str) -> PartnerKey | None:
    """The key whose hash matches `plain_key` (revoked and expired ones included), or None.

    Looked up by the indexed prefix, then compared in constant time.
    """
    prefix = plain_key[: PartnerKey.PREFIX_LENGTH]
    if len(prefix) < PartnerKey.PREFIX_LENGTH:
        return None
    digest = key_hash(plain_key)
    for key in PartnerKey.objects.select_related("department").filter(prefix=prefix):
        if hmac.compare_digest(key.secret_hash, digest):
            return key
    return None


def credit_import_visible(request) -> QuerySet[CreditImport]:
    """The imports the caller may follow: a key sees its own, a user the ones they sent;
    staff see all."""
    key = getattr(request, "auth", None)  # not authentication.partner_key: it imports us
    if isinstance(key, PartnerKey):
        return CreditImport.objects.filter(key=key)
    user = request.user
    if user.is_authenticated and user.is_staff:
        return CreditImport.objects.all()
    if user.is_authenticated:
        return CreditImport.objects.filter(user=user)
    return CreditImport.objects.none()
