"""The registries' choice lists and fixed texts, as the API serves them
(`GET /api/v1/vocabulary/`): the site keeps no copy of a model's choices."""

from __future__ import annotations

from .client import ApiClient

PATH = "api/v1/vocabulary/"


def vocabulary_fetch(client: ApiClient) -> dict:
    """{"lists": {name: {value: label}} in the API's order, "texts": {name: text}}."""
    body = client.get_json(PATH)
    lists = {
        name: {choice["value"]: choice["label"] for choice in choices}
        for name, choices in body["lists"].items()
    }
    return {"lists": lists, "texts": body["texts"]}
