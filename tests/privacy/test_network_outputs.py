"""The network's public API (stations, branches, trainings, food-stall cards: lists, details,
QR codes, CSV and JSON Lines exports) shows no person's or vendor's ID number, mobile or home
address, and names only the people who agreed and are filed (docs/decisions/0016).

Quick: the API alone, through the test client. test_pii_scan.py scans the same planted data
in the built site and the search indices over a live server.
"""

import json

import pytest
from rest_framework.test import APIClient

from core.privacy import personal_numbers
from registry_api.enterprises.reference_data import load_districts
from tests.privacy.network_plant import (
    PLANTED_NETWORK,
    PUBLIC_PERSON,
    VENDOR_DISPLAY,
    detail_paths,
    plant_network,
    private_values,
    with_planted,
)

LISTS = (
    "/api/v1/stations/",
    "/api/v1/branches/",
    "/api/v1/trainings/",
    "/api/v1/food-stall-cards/",
)
EXPORTS = ("csv", "jsonl")


def body(response) -> str:
    content = getattr(response, "streaming_content", None)
    raw = b"".join(content) if content is not None else response.content
    return raw.decode("utf-8", "replace")


@pytest.fixture
def network_outputs(db):
    load_districts()
    planted = plant_network()
    api = APIClient()
    schema = json.loads(body(api.get("/api/v1/schema/", {"format": "json"})))
    texts: dict[str, str] = {}
    for path in LISTS:
        assert path in schema["paths"], path  # each door is documented, so the scan finds it
        texts[path] = body(api.get(path))
        url = json.loads(texts[path]).get("next")
        if url:
            texts[url] = body(api.get(url))
        for fmt in EXPORTS:
            texts[f"{path}?format={fmt}"] = body(api.get(path, {"format": fmt}))
    # Details of the first results of each list, and of the planted station, card, session.
    lists = with_planted({path: texts[path] for path in LISTS}, planted)
    for path in detail_paths(schema, lists):
        texts[path] = body(api.get(path))
    return texts, planted


def test_the_network_api_shows_no_private_data(network_outputs):
    texts, planted = network_outputs
    # The scan reached each door: the station page names its consenting mediator, the card
    # its vendor masked, the details and the QR code were read.
    station = texts[f"/api/v1/stations/{planted['station']}/"]
    assert PUBLIC_PERSON in station and "消费维权调解员" in station
    assert any(path.endswith("/qr.svg") and "<svg" in text for path, text in texts.items())
    card = json.loads(texts[f"/api/v1/food-stall-cards/{planted['card']}/"])
    assert card["vendor_display"] == VENDOR_DISPLAY and card["inspections"]
    assert f"/api/v1/trainings/{planted['session']}/" in texts
    assert any(p.startswith("/api/v1/branches/") and p != "/api/v1/branches/" for p in texts)

    secrets = set(PLANTED_NETWORK) | set(private_values())
    leaks = [
        f"{path}: {value}" for path, text in texts.items() for value in secrets if value in text
    ]
    leaks += [f"{path}: {n}" for path, text in texts.items() for n in personal_numbers(text)]
    assert leaks == []
