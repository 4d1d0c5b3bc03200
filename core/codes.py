"""Codes the public is given for what it submitted: typed on a phone, read aloud over one.

random_code(10)                    → "K7Q2MD8XW3" (a complaint's tracking code)
dated_reference("ZX")              → "ZX20261127K7Q2MD" (a consultation's reference)
"""

from __future__ import annotations

import datetime
import secrets

from django.utils import timezone

# No 0/O and no 1/I: nothing that reads as another character.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def random_code(length: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def dated_reference(prefix: str, when: datetime.datetime | None = None, *, length: int = 6) -> str:
    """`prefix` + the local (Beijing) date of `when`, default now, + `length` random characters."""
    day = timezone.localdate(when) if when else timezone.localdate()
    return f"{prefix}{day:%Y%m%d}{random_code(length)}"
