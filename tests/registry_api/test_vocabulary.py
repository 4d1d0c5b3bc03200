"""GET /api/v1/vocabulary/: the models' choice lists and fixed texts, the one copy clients read."""

import re
from pathlib import Path

import pytest

from registry_api.complaints.models import Category
from registry_api.vocabulary import LISTS, TEXTS

pytestmark = pytest.mark.django_db

PLUGIN_DIR = Path(__file__).resolve().parents[2] / "site" / "plugins" / "hongshan_api"


def test_lists_are_the_models_choices_in_their_order(client):
    response = client.get("/api/v1/vocabulary/")
    assert response.status_code == 200
    assert "max-age" in response["Cache-Control"]
    body = response.json()
    assert set(body["lists"]) == set(LISTS)
    for name, choices in LISTS.items():
        assert body["lists"][name] == [
            {"value": value, "label": label} for value, label in choices.choices
        ]
    assert body["lists"]["complaint_categories"][0] == {"value": "food", "label": "食品安全"}
    assert len(body["lists"]["complaint_categories"]) == len(Category.choices)
    assert body["texts"] == TEXTS


def test_the_schema_names_every_list_and_text(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    assert "/api/v1/vocabulary/" in schema["paths"]
    components = schema["components"]["schemas"]
    assert set(components["VocabularyLists"]["properties"]) == set(LISTS)
    assert set(components["VocabularyTexts"]["properties"]) == set(TEXTS)


def test_the_site_keeps_no_copy_of_a_choice_list():
    """The site read copies of four lists (complaint categories, agency kinds, consultation
    channels, enterprise scales) and the mortgage referral; none of their labels may come
    back as a string literal in the site's plugin code."""
    source = "\n".join(path.read_text("utf-8") for path in PLUGIN_DIR.glob("*.py"))
    literals = set(re.findall(r"\"([^\"\n]+)\"", source))
    copied = {
        label
        for name in ("complaint_categories", "agency_kinds", "consultation_channels")
        for _value, label in LISTS[name].choices
        if label in literals
    }
    assert copied == set()
    assert not any(text[:20] in source for text in TEXTS.values())
