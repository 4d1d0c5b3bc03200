"""The network's public API (stations, branches, trainings, food-stall cards: lists, details,
QR codes, CSV and JSON Lines exports) shows no person's or vendor's ID number, mobile or home
address, and names only the people who agreed and are filed (DESIGN.md decision 7).

Quick: the API alone, through the test client. test_pii_scan.py scans the same planted data
in the built site and the search indices over a live server.
"""

import json

import pytest
from rest_framework.test import APIClient

from core.privacy import personal_numbers
from registry_api.enterprises.reference_data import load_districts
from registry_api.network.models import Person, Station
from registry_api.stalls.models import StallCard
from registry_api.training.models import TrainingSession
from tests.privacy.network_plant import (
    PLANTED_NETWORK,
    PUBLIC_PERSON,
    VENDOR_DISPLAY,
    detail_paths,
    plant_network,
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
    # Details of the first results of each list, and of the planted station and card.
    lists = {path: texts[path] for path in LISTS}
    lists["/api/v1/stations/"] = _with(lists["/api/v1/stations/"], "code", planted["station"])
    cards = "/api/v1/food-stall-cards/"
    lists[cards] = _with(lists[cards], "number", planted["card"])
    for path in detail_paths(schema, lists):
        texts[path] = body(api.get(path))
    return texts, planted


def _with(page: str, key: str, value: str) -> str:
    data = json.loads(page)
    data["results"] = [{key: value}, *data.get("results", [])]
    return json.dumps(data, ensure_ascii=False)


def private_values() -> list[str]:
    """Every person's and vendor's ID number, mobile and home address, and the names of
    people not both filed and consenting (3+ characters, and no public name shares them)."""
    public_names = set(
        Person.objects.filter(status=Person.Status.FILED, public_consent=True).values_list(
            "name", flat=True
        )
    )
    public_names |= set(Station.objects.values_list("head", flat=True))
    public_names |= set(TrainingSession.objects.values_list("trainer", flat=True))
    values = []
    for person in Person.objects.all():
        values += [person.id_number, person.mobile, person.home_address]
        named = person.status == Person.Status.FILED and person.public_consent
        if not named and len(person.name) >= 3 and person.name not in public_names:
            values.append(person.name)
    for card in StallCard.objects.all():
        values += [card.vendor_id_number, card.vendor_mobile]
        if len(card.vendor_name) >= 3 and card.vendor_name not in public_names:
            values.append(card.vendor_name)
    return [v for v in values if v]


def test_the_network_api_shows_no_private_data(network_outputs):
    texts, planted = network_outputs
    # The scan reached each door: the station page names its consenting mediator, the card
    # its vendor masked, the details and the QR code were read.
    station = texts[f"/api/v1/stations/{planted['station']}/"]
    assert PUBLIC_PERSON in station and "消费维权调解员" in station
    assert any(path.endswith("/qr.svg") and "<svg" in text for path, text in texts.items())
    card = json.loads(texts[f"/api/v1/food-stall-cards/{planted['card']}/"])
    assert card["vendor_display"] == VENDOR_DISPLAY and card["inspections"]
    assert any(p.startswith("/api/v1/trainings/") and p[-2].isdigit() for p in texts)
    assert any(p.startswith("/api/v1/branches/") and p != "/api/v1/branches/" for p in texts)

    secrets = set(PLANTED_NETWORK) | set(private_values())
    leaks = [
        f"{path}: {value}" for path, text in texts.items() for value in secrets if value in text
    ]
    leaks += [f"{path}: {n}" for path, text in texts.items() for n in personal_numbers(text)]
    assert leaks == []
