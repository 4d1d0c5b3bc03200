"""QR codes of the intake places: scanning one opens the complaint form with the place filled in
(`/complaints/new/?place=<code>`), so the submission goes to that place's station."""

from __future__ import annotations

import io
from urllib.parse import urlencode

import segno
from django.conf import settings

from .models import IntakePlace

FORM_PATH = "/complaints/new/"


def place_url(place: IntakePlace) -> str:
    return f"{settings.PUBLIC_BASE_URL.rstrip('/')}{FORM_PATH}?{urlencode({'place': place.code})}"


def place_qr_svg(place: IntakePlace, *, scale: int = 5) -> str:
    """An inline SVG (no XML declaration), error correction M: survives a scuffed sticker."""
    buffer = io.BytesIO()
    segno.make(place_url(place), error="m").save(
        buffer, kind="svg", scale=scale, border=2, xmldecl=False, svgns=True, nl=False
    )
    return buffer.getvalue().decode()


def place_qr_png(place: IntakePlace, *, scale: int = 10) -> bytes:
    buffer = io.BytesIO()
    segno.make(place_url(place), error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()
