"""An application's review by its 查询码: GET /api/v1/online-shops/lookup/<code>/ and the page
/forms/ecommerce/lookup/?code= (no contact, no staff note, any status)."""

import pytest
from django.test import Client

from registry_api.ecommerce import services
from registry_api.ecommerce.models import OnlineShop

from .conftest import CONTACT, shop_published, shop_submit

pytestmark = pytest.mark.django_db

API = "/api/v1/online-shops/lookup/"
PAGE = "/forms/ecommerce/lookup/"


@pytest.fixture
def browser():
    return Client(REMOTE_ADDR="203.0.113.8", HTTP_ACCEPT="text/html")


def test_the_api_answers_a_pending_application_without_the_contact(api, enterprise):
    shop = shop_submit(enterprise)
    found = api.get(f"{API}{shop.reference.lower()}/").json()
    assert found["reference"] == shop.reference
    assert found["status"] == "pending" and found["status_display"] == "待审核"
    assert found["url"] is None and found["enterprise"] == enterprise.name
    assert CONTACT["phone"] not in str(found) and CONTACT["name"] not in str(found)


def test_a_published_shop_gives_its_page(api, enterprise):
    shop = shop_published(enterprise)
    found = api.get(f"{API}{shop.reference}/").json()
    assert found["url"] == f"/ecommerce/{shop.pk}/" and found["listed_on"]


def test_a_refusal_shows_the_status_not_staffs_note(api, enterprise):
    shop = shop_submit(enterprise)
    OnlineShop.objects.filter(pk=shop.pk).update(staff_note="链接打不开")
    shop.refresh_from_db()
    services.online_shop_set_status(shop=shop, status=OnlineShop.Status.REJECTED)
    found = api.get(f"{API}{shop.reference}/").json()
    assert found["status"] == "rejected" and "链接打不开" not in str(found)


def test_an_unknown_code_is_404_and_guesses_are_throttled(api, db, settings):
    settings.COMPLAINT_TRACK_RATE = "2/hour"
    assert api.get(f"{API}WD20990101XXXXXX/").status_code == 404
    assert api.get(f"{API}WD20990101XXXXXY/").status_code == 404
    assert api.get(f"{API}WD20990101XXXXXZ/").status_code == 429


def test_the_page_shows_the_review(browser, enterprise):
    shop = shop_published(enterprise)
    response = browser.get(PAGE, {"code": shop.reference})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert '<dd class="lookup-status">已公开</dd>' in html
    assert f'href="/ecommerce/{shop.pk}/"' in html and html.count("<h1") == 1
    assert CONTACT["phone"] not in html


def test_the_page_without_a_code_and_with_a_wrong_one(browser, db):
    assert 'id="lookup-form"' in browser.get(PAGE).content.decode()
    assert "请输入查询码。" in browser.get(PAGE, {"code": " "}).content.decode()
    wrong = browser.get(PAGE, {"code": "WD20990101XXXXXX"})
    assert wrong.status_code == 404 and "没有找到这个查询码" in wrong.content.decode()


def test_the_receipt_links_the_page(browser, enterprise):
    from .test_form_page import form

    html = browser.post("/forms/ecommerce/", form(enterprise)).content.decode()
    code = OnlineShop.objects.get().reference
    assert f'href="{PAGE}?code={code}"' in html
