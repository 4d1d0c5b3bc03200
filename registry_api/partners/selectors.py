"""Reads of the partners app: find the key a request presents."""

import hmac

from .models import PartnerKey
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
