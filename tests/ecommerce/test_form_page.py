"""/forms/ecommerce/: a 网店入驻申请 posted without JavaScript gets the site's page back, with
the 查询码 or each field's Chinese error and the values typed again."""

import pytest
from django.test import Client

from registry_api.ecommerce.models import OnlineShop

from .conftest import CONTACT

pytestmark = pytest.mark.django_db

VISITOR = {"REMOTE_ADDR": "203.0.113.8", "HTTP_ACCEPT": "text/html"}


@pytest.fixture
def browser():
    return Client(**VISITOR)


def form(enterprise, **overrides):
    rows = {
        f"products[{n}]{part}": "" for n in range(3) for part in ("name", "price", "description")
    }
    return {
        "enterprise": enterprise.name,
        "shop_name": "红山五谷旗舰店",
        "platform": "pinduoduo",
        "url": "https://mobile.yangkeduo.com/mall_page.html?mall_id=1",
        "category": "farm",
        "introduction": "",
        **rows,
        "products[0]name": "红山小米",
        "products[0]price": "¥39.9起",
        "name": CONTACT["name"],
        "phone": CONTACT["phone"],
        "website": "",
        **overrides,
    }


def test_a_post_answers_the_code_in_the_sites_look(browser, enterprise):
    response = browser.post("/forms/ecommerce/", form(enterprise))

    assert response.status_code == 201, response.content.decode()[:2000]
    text = response.content.decode()
    shop = OnlineShop.objects.get()
    assert shop.reference in text and "提交成功" in text
    assert "/theme/css/" in text
    assert shop.product_list == [{"name": "红山小米", "price": "¥39.9起", "description": ""}]
    assert CONTACT["phone"] not in text


def test_errors_come_back_by_field_with_the_values_typed(browser, enterprise):
    response = browser.post("/forms/ecommerce/", form(enterprise, url="javascript:alert(1)"))

    assert response.status_code == 400
    text = response.content.decode()
    assert "请填写以 http:// 或 https:// 开头的网店地址。" in text
    assert 'value="红山五谷旗舰店"' in text and 'value="红山小米"' in text
    assert not OnlineShop.objects.exists()


def test_get_goes_to_the_built_form(browser):
    response = browser.get("/forms/ecommerce/")
    assert response.status_code == 302 and response["Location"] == "/ecommerce/new/"
