"""Every page of the 投诉举报 admin menu opens for a superuser (the complaint listing raised
NoReverseMatch for Wagtail's "copy" view, which complaints do not have)."""

import re

import pytest
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from registry_api.complaints.models import Complaint, IntakePlace, Unit
from tests.complaints.conftest import complaint_form, reference  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db

# The admin viewsets of the complaints app (registry_api/complaints/wagtail_hooks.py).
MODELS = {"complaints": Complaint, "complaint_units": Unit, "intake_places": IntakePlace}
POST_ONLY = {"complaints:handle"}


def admin_url_names(resolver: URLResolver | None = None, namespace: str = "") -> list:
    """(full name, pattern) of every named URL in the admin viewsets of MODELS."""
    found = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace or ""
            found += admin_url_names(entry, inner.strip(":"))
        elif isinstance(entry, URLPattern) and entry.name and namespace in MODELS:
            found.append((f"{namespace}:{entry.name}", str(entry.pattern)))
    return found


COMPLAINT_ADMIN_URLS = admin_url_names()


@pytest.fixture
def complaint(complaint_form):  # noqa: F811 - the fixture imported above
    cache.clear()  # the per-phone submission limit counts in the cache, which outlives tests
    response = APIClient().post("/api/v1/complaints/", complaint_form, format="json")
    assert response.status_code == 201, response.content
    return Complaint.objects.get(tracking_code=response.json()["tracking_code"])


def test_the_complaint_admin_urls_are_found():
    names = {name for name, _ in COMPLAINT_ADMIN_URLS}
    assert {"complaints:index", "complaints:inspect", "intake_places:qr_sheet"} <= names


@pytest.mark.parametrize(("name", "pattern"), COMPLAINT_ADMIN_URLS)
def test_a_superuser_opens_every_complaint_admin_page(client, admin_user, complaint, name, pattern):
    client.force_login(admin_user)
    kwargs = {}
    if "<" in pattern:
        obj = MODELS[name.split(":")[0]].objects.first()
        kwargs = {key: obj.pk for key in re.findall(r"<(?:\w+:)?(\w+)>", pattern)}
    url = reverse(name, kwargs=kwargs)
    if name in POST_ONLY:
        response = client.post(url, {"action": "accept"})
        assert response.status_code == 302, response.content
        return
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:2000])
    if name == "complaints:index":
        assert complaint.tracking_code in response.content.decode()
