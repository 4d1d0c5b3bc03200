"""The Idempotency-Key header a retried write carries, so that the retry answers the same."""

import re

from rest_framework import exceptions

IDEMPOTENCY_KEY = re.compile(r"[A-Za-z0-9_-]{8,64}")


def idempotency_key(request) -> str:
    """The request's key, "" without one; a malformed key is a field error (400)."""
    key = request.headers.get("Idempotency-Key", "").strip()
    if key and not IDEMPOTENCY_KEY.fullmatch(key):
        raise exceptions.ValidationError(
            {"idempotency_key": ["幂等键须为8至64位字母、数字、下划线或连字符。"]}
        )
    return key


def idempotency_parameter(
    description: str = "每份提交生成一个（8–64位字母数字），重试时原样携带：返回同一查询码",
):
    """The header in a write's schema, with the pattern `idempotency_key` enforces, so a
    client generated from the schema never sends a key that is refused."""
    from drf_spectacular.utils import OpenApiParameter  # the schema's concern, not the request's

    return OpenApiParameter(
        "Idempotency-Key",
        {"type": "string", "pattern": f"^{IDEMPOTENCY_KEY.pattern}$"},
        OpenApiParameter.HEADER,
        description=description,
    )
