"""Registry part 投诉举报: the complaint form and the tracking page.

Pages: /complaints/new/ (the form; complaint.js posts it to the API with an Idempotency-Key
made when the page loads, so a retried submission keeps its tracking code; `?place=<code>`,
what the QR codes open, fills in and locks the place) and /complaints/track/ (status and
history by tracking code and the phone's last four digits). Both work on a phone, and
without JavaScript: the forms' `action` is then Django's /forms/complaints/ pages, which
answer in this site's look (forms_pages.py).
"""

from __future__ import annotations

from .client import ApiClient
from .forms_pages import COMPLAINT_PAGE, TRACK_PAGE
from .vocabulary import vocabulary_fetch

SUBMIT_URL = "/api/v1/complaints/"
TRACK_URL = "/api/v1/complaints/track/"
URLS = ("complaint_form", "complaint_track")


def fetch(client: ApiClient) -> dict:
    categories = vocabulary_fetch(client)["lists"]["complaint_categories"]
    return {
        "places": client.get_json("api/v1/complaints/places/"),
        "categories": list(categories.items()),
    }


def write(generator, writer, data: dict) -> None:
    generator._write(
        "complaints/new/index.html",
        "complaint_form",
        writer,
        page_title="投诉举报",
        categories=data["categories"],
        places=data["places"],
        page_url=COMPLAINT_PAGE,
        submit_url=SUBMIT_URL,
    )
    generator._write(
        "complaints/track/index.html",
        "complaint_track",
        writer,
        page_title="投诉举报进度查询",
        page_url=TRACK_PAGE,
        track_url=TRACK_URL,
    )
