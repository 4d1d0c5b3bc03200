"""Where a card's QR code leads: its public verification page, `/stalls/<number>/`, made
absolute with PUBLIC_BASE_URL as the intake places' codes are (`complaints.qr`); and the
complaint form pre-filled with the stall and its issuing station."""

from __future__ import annotations

import io
from urllib.parse import urlencode

import segno
from django.conf import settings

from registry_api.complaints.qr import FORM_PATH

from .models import StallCard

PAGE_PATH = "/stalls/{number}/"


def card_path(card: StallCard) -> str:
    return PAGE_PATH.format(number=card.number)


def card_url(card: StallCard) -> str:
    return f"{settings.PUBLIC_BASE_URL.rstrip('/')}{card_path(card)}"


def card_complaint_path(card: StallCard) -> str:
    """`/complaints/new/?place=<station code>&stall=<card number>` (the site's 投诉 button)."""
    return f"{FORM_PATH}?{urlencode({'place': card.station.code, 'stall': card.number})}"


def card_qr_svg(card: StallCard, *, scale: int = 4) -> str:
    """An inline SVG of the card's URL, error correction M (a worn card still scans)."""
    buffer = io.BytesIO()
    qr = segno.make(card_url(card), error="m")
    qr.save(buffer, kind="svg", scale=scale, border=2, xmldecl=False, svgns=True, nl=False)
    return buffer.getvalue().decode()
