"""QR codes of the intake places: each encodes the form's address with the place, and the
printable sheet shows every place's card; the public list of places carries no personal data."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from registry_api.complaints.models import IntakePlace
from registry_api.complaints.qr import place_qr_png, place_url
from tests.complaints.test_admin import handler  # noqa: F401 - fixture


def test_each_place_has_a_qr_code_to_the_prefilled_form(reference, settings):
    settings.PUBLIC_BASE_URL = "https://scjg.example.gov.cn"
    place = IntakePlace.objects.get(code="station-150402004")
    assert place_url(place) == "https://scjg.example.gov.cn/complaints/new/?place=station-150402004"
    image = Image.open(io.BytesIO(place_qr_png(place)))
    assert image.format == "PNG" and image.width == image.height >= 250


def test_the_printable_sheet_has_a_card_per_place(client, handler, reference):  # noqa: F811
    client.force_login(handler)
    page = client.get(reverse("intake_places:qr_sheet")).content.decode()
    assert page.count('class="qr-card"') == IntakePlace.objects.count() == 13
    assert "东城街道消费维权服务站" in page and "扫码投诉举报" in page and "<svg" in page
    one = client.get(reverse("intake_places:qr_sheet"), {"district": "150402004"}).content
    assert one.decode().count('class="qr-card"') == 1


@pytest.mark.django_db
def test_the_places_list_is_public(api, reference):
    places = api.get("/api/v1/complaints/places/").json()
    assert len(places) == 13
    assert places[0] == {
        "code": "station-150402001",
        "name": "西屯街道消费维权服务站",
        "kind": "station",
        "kind_display": "服务站",
        "address": "",
        "district": "150402001",
        "district_name": "西屯街道",
        "station": "西屯街道消费维权服务站",
    }
