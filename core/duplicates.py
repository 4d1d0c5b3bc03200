"""Duplicate submissions: the same content from the same person twice within a window is refused.

A person who presses "submit" twice, or a script that posts one body forty times, must not
put forty identical items in a staff queue. A submission's fingerprint is its kind, its
normalised content (NFKC, whitespace collapsed, case folded) and who sent it (the phone in
the body where there is one, else the client address); the first submission of a
fingerprint holds it for DUPLICATE_SUBMISSION_MINUTES in the shared cache (every worker sees
it), and any other submission of it meanwhile is refused before anything is stored. A
submission that fails after its claim releases it (`submission_release`), so a corrected
retry is not refused. Copies under one Idempotency-Key share the claim: they are one
submission, which the intake answers as a retry. DUPLICATE_SUBMISSION_MINUTES=0 turns the
check off.
"""

import hashlib
import json
import re
import unicodedata
import uuid

from django.conf import settings
from django.core.cache import cache
from rest_framework import exceptions

from core.counters import window_claim

_WHITESPACE = re.compile(r"\s+")
CACHE_PREFIX = "duplicate_submission"


def duplicate_message(what: str) -> str:
    minutes = settings.DUPLICATE_SUBMISSION_MINUTES
    return (
        f"您已提交过相同的{what}，请勿重复提交：{minutes}分钟内相同内容只受理一次。"
        "如需补充或更正，请修改内容后再提交，或凭受理编号查询办理进度。"
    )


def _normalised(value) -> str:
    if hasattr(value, "pk"):
        return f"#{value.pk}"
    text = unicodedata.normalize("NFKC", str(value))
    return _WHITESPACE.sub(" ", text).strip().casefold()


def submission_fingerprint(*, kind: str, content: dict, sender: str) -> str:
    """The cache key of one submission's content from one sender (never the content)."""
    body = {name: _normalised(value) for name, value in sorted(content.items())}
    raw = json.dumps([kind, sender, body], ensure_ascii=False)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{raw}".encode()).hexdigest()[:40]
    return f"{CACHE_PREFIX}:{kind}:{digest}"


def submission_claim(
    *, kind: str, content: dict, sender: str, what: str, idempotency_key: str = ""
) -> str:
    """Hold this submission's fingerprint, or refuse it (400, a message under "_") when the
    same sender sent the same content within the window. Returns the key to release.

    Copies of one submission under one Idempotency-Key racing on several workers hold the
    claim together: they are one submission, which the store keeps once."""
    key = submission_fingerprint(kind=kind, content=content, sender=sender)
    timeout = settings.DUPLICATE_SUBMISSION_MINUTES * 60
    if timeout <= 0:  # switched off (0 minutes): nothing is held
        return ""
    holder = f"key:{idempotency_key}" if idempotency_key else f"once:{uuid.uuid4().hex}"
    if window_claim(cache, key, holder=holder, timeout=timeout) != holder:
        raise exceptions.ValidationError({"_": [duplicate_message(what)]})
    return key


def submission_release(key: str) -> None:
    """The claimed submission was not stored after all: its content may be sent again."""
    if key:
        cache.delete(key)
