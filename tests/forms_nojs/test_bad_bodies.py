"""Every /forms/ page answers a body it cannot read with its own page and a 4xx, never a 500.

Found by hand against `make run`: `POST /forms/complaints/` with an urlencoded body (the form
takes multipart, for its photos) answered 500, since filling the form again read the refused
body a second time."""

import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver

from .conftest import VISITOR

pytestmark = pytest.mark.django_db

BODIES = {
    "urlencoded": ("application/x-www-form-urlencoded", b"name=%00&phone=%ED%A0%80&a=b"),
    "broken multipart": ("multipart/form-data; boundary=xyz", b"--xyz\r\nbroken"),
    "multipart without boundary": ("multipart/form-data", b"name=a"),
    "json list": ("application/json", b"[1]"),
    "broken json": ("application/json", b'{"name": '),
    "plain text": ("text/plain", "投诉".encode()),
}


def form_pages() -> list[str]:
    (forms,) = [p for p in get_resolver().url_patterns if str(p.pattern) == "forms/"]
    return sorted(
        "/forms/" + str(p.pattern).replace("<row_id:pk>", "1")
        for p in forms.url_patterns
        if isinstance(p, URLPattern)
    )


def test_the_pages_are_found():
    assert {"/forms/complaints/", "/forms/consultations/", "/forms/jobs/"} <= set(form_pages())


@pytest.mark.parametrize("path", form_pages())
@pytest.mark.parametrize("body", BODIES)
def test_a_body_the_page_cannot_read_is_its_page_with_a_4xx(path, body):
    content_type, data = BODIES[body]
    client = Client(raise_request_exception=False, **VISITOR)
    response = client.post(path, data, content_type=content_type)
    assert 400 <= response.status_code < 500, (path, body, response.status_code)
    assert response["Content-Type"].startswith("text/html")
    assert "Traceback" not in response.content.decode()
