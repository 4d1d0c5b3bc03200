"""The public idle-mark API: shapes, filters, expiry by date, and the inquiry form."""

import datetime

import pytest
from django.utils import timezone

from registry_api.exchange.models import IdleListing, Inquiry
from tests.clock import at_clocks, at_every_clock

from .conftest import INQUIRER, OWNER

pytestmark = [pytest.mark.django_db, at_every_clock]
URL = "/api/v1/idle-marks/"


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def inquiry_body(**fields) -> dict:
    return {
        "name": INQUIRER["name"],
        "phone": INQUIRER["phone"],
        "email": INQUIRER["email"],
        "message": "我公司有意受让该商标，请转达。",
        **fields,
    }


def test_list_shows_published_listings_within_validity_only(api, listings):
    shown = ids(api.get(URL))
    assert shown == {listings[k].pk for k in ("transfer", "licence", "either")}


def test_listing_shape_is_public_fields_only(api, listings):
    row = api.get(f"{URL}{listings['transfer'].pk}/").json()
    assert set(row) == {
        "id",
        "trademark",
        "classes",
        "kind",
        "kind_display",
        "terms",
        "price",
        "negotiable",
        "price_display",
        "listed_on",
        "valid_until",
        "status",
        "status_display",
        "updated_at",
    }
    assert row["classes"] == [29, 30]
    assert row["kind_display"] == "转让" and row["price_display"] == "5万元"
    assert row["trademark"]["registration_number"] == "20000001"
    assert row["trademark"]["url"] == "/trademarks/20000001/"
    negotiable = api.get(f"{URL}{listings['either'].pk}/").json()
    assert negotiable["price"] is None and negotiable["price_display"] == "面议"


@pytest.mark.parametrize("key", ["pending", "withdrawn", "expired"])
def test_listings_not_public_answer_404(api, listings, key):
    response = api.get(f"{URL}{listings[key].pk}/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_a_listing_leaves_the_list_the_day_after_its_validity(api, listings):
    listing = listings["licence"]
    listing.valid_until = timezone.localdate()
    listing.save()
    assert listing.pk in ids(api.get(URL))  # its last day
    IdleListing.objects.filter(pk=listing.pk).update(
        valid_until=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert listing.pk not in ids(api.get(URL))


def test_filters(api, listings):
    transfer, licence, either = (listings[k].pk for k in ("transfer", "licence", "either"))
    assert ids(api.get(URL, {"nice_class": 25})) == {licence}
    assert ids(api.get(URL, {"nice_class": 30})) == {transfer}
    # "either" answers both questions.
    assert ids(api.get(URL, {"kind": "transfer"})) == {transfer, either}
    assert ids(api.get(URL, {"kind": "licence"})) == {licence, either}
    assert ids(api.get(URL, {"negotiable": "true"})) == {either}
    assert ids(api.get(URL, {"price_min": 10000})) == {transfer}
    assert ids(api.get(URL, {"price_max": 10000})) == {licence}
    assert ids(api.get(URL, {"q": "云锦"})) == {licence}
    assert ids(api.get(URL, {"q": "20000003"})) == {either}
    assert ids(api.get(URL, {"q": "赤峰市范围"})) == {licence}


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("nice_class", "0"),
        ("nice_class", "46"),
        ("nice_class", "2.5"),
        ("price_min", "-1"),
        ("price_max", "10000000000"),
    ],
)
def test_filters_outside_their_declared_bounds_are_400(api, listings, name, value):
    response = api.get(URL, {name: value})
    assert response.status_code == 400, response.content
    assert list(response.json()["error"]["fields"]) == [name]


@at_clocks("beijing-00h30")  # the schema has no dates
def test_the_schema_declares_the_filter_bounds(api, db):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()
    params = {p["name"]: p["schema"] for p in schema["paths"][URL]["get"]["parameters"]}
    assert params["nice_class"] == {"type": "integer", "minimum": 1, "maximum": 45}
    for name in ("price_min", "price_max"):
        assert params[name] == {"type": "number", "minimum": 0, "maximum": 9999999999.99}


def test_list_is_cursor_paginated(api, listings):
    body = api.get(URL, {"page_size": 2}).json()
    assert len(body["results"]) == 2 and body["next"] and "cursor=" in body["next"]
    rest = api.get(body["next"]).json()
    assert len(rest["results"]) == 1 and rest["next"] is None


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_exports_carry_no_owner_contact(api, listings, fmt):
    response = api.get(URL, {"format": fmt})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert "草原牧歌" in text
    for value in OWNER.values():
        assert value not in text


def test_inquiry_is_stored_pending_and_answers_a_reference(api, listings):
    listing = listings["transfer"]
    response = api.post(f"{URL}{listing.pk}/inquiries/", inquiry_body(), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    inquiry = Inquiry.objects.get()
    assert body["tracking_code"] == inquiry.reference and inquiry.reference.startswith("XZ")
    assert "工作人员将在3个工作日内转达" in body["message"]
    assert body["status_display"] == "待转达"
    assert inquiry.listing == listing and inquiry.status == Inquiry.Status.PENDING
    assert inquiry.contact_phone == INQUIRER["phone"]
    text = response.content.decode()
    for value in (*OWNER.values(), *INQUIRER.values()):
        assert value not in text


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": ""}, "name", "请填写企业或个人名称。"),
        ({"phone": "12345"}, "phone", "请填写有效的手机号码（11位）或带区号的固定电话"),
        ({"email": "not-an-email"}, "email", "请填写有效的电子邮箱地址。"),
        ({"message": ""}, "message", "请填写意向说明。"),
        ({"message": "长" * 1001}, "message", "不能超过 1000 个字符。"),
        ({"website": "http://spam.example"}, "website", "提交内容无效。"),
    ],
)
def test_inquiry_errors_are_chinese_and_store_nothing(api, listings, fields, field, message):
    url = f"{URL}{listings['transfer'].pk}/inquiries/"
    response = api.post(url, inquiry_body(**fields), format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert any(message in text for text in error["fields"][field]), error
    assert Inquiry.objects.count() == 0


@pytest.mark.parametrize("key", ["pending", "expired", "withdrawn"])
def test_no_inquiry_to_a_listing_not_public(api, listings, key):
    response = api.post(f"{URL}{listings[key].pk}/inquiries/", inquiry_body(), format="json")
    assert response.status_code == 404
    assert Inquiry.objects.count() == 0


def test_inquiries_are_throttled_per_address(api, listings):
    url = f"{URL}{listings['transfer'].pk}/inquiries/"
    # Ten different inquirers behind one address (the same one twice would be a duplicate,
    # the same phone more than five times the phone's limit).
    for i in range(10):
        body = inquiry_body(phone=f"1391234{i:04d}")
        assert api.post(url, body, format="json").status_code == 201
    response = api.post(url, inquiry_body(phone="13912349999"), format="json")
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "throttled"
    assert Inquiry.objects.count() == 10
    assert api.get(URL).status_code == 200  # reading is not throttled


def test_a_browser_form_post_without_javascript_gets_a_chinese_page(api, listings):
    url = f"{URL}{listings['transfer'].pk}/inquiries/"
    accept = "text/html,application/xhtml+xml"
    response = api.post(url, inquiry_body(), format="multipart", HTTP_ACCEPT=accept)
    assert response.status_code == 201 and response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert Inquiry.objects.get().reference in html and "工作人员将在3个工作日内转达" in html
    assert f'href="/trademarks/idle/{listings["transfer"].pk}/"' in html
    for value in OWNER.values():
        assert value not in html
    refused = api.post(url, inquiry_body(phone="1"), format="multipart", HTTP_ACCEPT=accept)
    assert refused.status_code == 400 and "联系电话" in refused.content.decode()
    assert Inquiry.objects.count() == 1
