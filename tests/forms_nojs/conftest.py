"""Fixtures of the /forms/ pages: the complaint reference data, a small trademark library,
a valid complaint and a browser-like client (a form post asks for HTML)."""

import pytest
from django.test import Client

from tests.complaints.conftest import complaint_form, reference  # noqa: F401 (fixtures)
from tests.trademarks.conftest import indexed, library, nice_classes  # noqa: F401 (fixtures)

# A visitor's address: the machine's own (loopback) is not counted by some throttles.
VISITOR = {"REMOTE_ADDR": "203.0.113.7", "HTTP_ACCEPT": "text/html"}


@pytest.fixture
def browser_client():
    return Client(**VISITOR)


def page_text(response) -> str:
    return response.content.decode()
