"""Registry part 投诉举报: the complaint form and the tracking page.

Pages: /complaints/new/ (the form; complaint.js posts it to the API with an Idempotency-Key
made when the page loads, so a retried submission keeps its tracking code; `?place=<code>`,
what the QR codes open, fills in and locks the place) and /complaints/track/ (status and
history by tracking code and the phone's last four digits). Both work on a phone.
"""

from __future__ import annotations

from .client import ApiClient

CATEGORIES = [
    ("food", "食品安全"),
    ("drugs", "药品医疗器械"),
    ("cosmetics", "化妆品"),
    ("special_equipment", "特种设备"),
    ("pyramid_selling", "传销"),
    ("prices", "价格收费"),
    ("quality", "产品质量"),
    ("contracts", "合同格式条款"),
    ("prepaid_cards", "预付式消费"),
    ("advertising", "虚假广告"),
    ("measurement", "计量"),
    ("unlicensed", "无照经营"),
    ("services", "服务质量"),
    ("other", "其他"),
]
SUBMIT_URL = "/api/v1/complaints/"
TRACK_URL = "/api/v1/complaints/track/"
URLS = ("complaint_form", "complaint_track")


def fetch(client: ApiClient) -> dict:
    return {"places": client.get_json("api/v1/complaints/places/")}


def write(generator, writer, data: dict) -> None:
    generator._write(
        "complaints/new/index.html",
        "complaint_form",
        writer,
        page_title="投诉举报",
        categories=CATEGORIES,
        places=data["places"],
        submit_url=SUBMIT_URL,
    )
    generator._write(
        "complaints/track/index.html",
        "complaint_track",
        writer,
        page_title="投诉举报进度查询",
        track_url=TRACK_URL,
    )
