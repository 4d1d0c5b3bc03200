"""The signature of a delivery: HMAC-SHA256 of "<timestamp>.<body>" with the subscription's
secret, sent as `X-Hongshan-Signature: sha256=<hex>` (docs/subscriptions.md shows a receiver
checking it)."""

import hashlib
import hmac

SIGNATURE_PREFIX = "sha256="


def signature(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return SIGNATURE_PREFIX + digest.hexdigest()
