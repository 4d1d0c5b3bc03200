"""The online-shop API: the public list (published only, filters, no contact), the detail,
and the public submission (Chinese field errors, directory match, idempotency, throttle)."""

import pytest
from django.test import override_settings

from registry_api.ecommerce import services
from registry_api.ecommerce.models import OnlineShop
from tests.factories import EnterpriseFactory

from .conftest import CONTACT, PRODUCTS, shop_published, shop_submit

URL = "/api/v1/online-shops/"


def body(firm, **overrides):
    return {
        "enterprise": firm.credit_code,
        "shop_name": "红山五谷旗舰店",
        "platform": "jd",
        "url": "https://mall.jd.com/index-1000.html",
        "category": "farm",
        "introduction": "赤峰本地杂粮。",
        "products": PRODUCTS,
        "name": CONTACT["name"],
        "phone": CONTACT["phone"],
        **overrides,
    }


@pytest.mark.django_db
def test_list_shows_published_shops_only_without_contacts(api, enterprise):
    shown = shop_published(enterprise)
    shop_submit(enterprise, name="待审核的店", url="https://example.com/a")
    rejected = shop_submit(enterprise, name="未通过的店", url="https://example.com/b")
    services.online_shop_set_status(shop=rejected, status=OnlineShop.Status.REJECTED)
    taken = shop_published(enterprise, name="下架的店", url="https://example.com/c")
    services.online_shop_set_status(
        shop=taken, status=OnlineShop.Status.TAKEN_DOWN, note="链接失效"
    )

    response = api.get(URL)

    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["id"] for row in rows] == [shown.pk]
    row = rows[0]
    assert row["enterprise"]["url"] == f"/enterprises/{enterprise.credit_code}/"
    assert row["district"] == {"code": "150402001", "name": "西屯街道"}
    assert row["platform_display"] == "淘宝"
    assert row["category_display"] == "农副土特产"
    assert row["products"][0] == PRODUCTS[0]
    assert row["listed_on"]
    text = response.content.decode()
    assert CONTACT["name"] not in text and CONTACT["phone"] not in text
    assert "链接失效" not in text


@pytest.mark.django_db
def test_filters_by_category_district_platform_and_enterprise(api, enterprise, town):
    farm = shop_published(enterprise)
    other = EnterpriseFactory(district=town, name="红庙子镇巧手文创工作室")
    crafts = shop_published(
        other, name="巧手剪纸", platform="douyin", category="crafts", url="https://v.douyin.com/x/"
    )

    def ids(**params):
        response = api.get(URL, params)
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert ids(category="crafts") == [crafts.pk]
    assert ids(district="150402001") == [farm.pk]
    assert ids(platform="douyin") == [crafts.pk]
    assert ids(enterprise=enterprise.credit_code) == [farm.pk]
    assert api.get(URL, {"category": "weapons"}).status_code == 400


@pytest.mark.django_db
def test_detail_and_conditional_get(api, enterprise):
    shop = shop_published(enterprise)
    pending = shop_submit(enterprise, name="待审核", url="https://example.com/p")

    response = api.get(f"{URL}{shop.pk}/")
    assert response.status_code == 200
    assert response.json()["name"] == "红山五谷旗舰店"
    assert api.get(f"{URL}{pending.pk}/").status_code == 404
    etag = api.get(URL)["ETag"]
    assert api.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.mark.django_db
def test_submission_is_stored_pending_and_answers_a_query_code(api, enterprise):
    response = api.post(URL, body(enterprise), format="json")

    assert response.status_code == 201, response.content
    receipt = response.json()
    assert receipt["tracking_code"].startswith("WD")
    assert receipt["status_display"] == "待审核"
    shop = OnlineShop.objects.get(reference=receipt["tracking_code"])
    assert shop.status == OnlineShop.Status.PENDING
    assert shop.enterprise == enterprise
    assert shop.product_list == PRODUCTS
    assert shop.contact_phone == CONTACT["phone"]
    assert api.get(URL).json()["results"] == []


@pytest.mark.django_db
def test_enterprise_by_registered_name(api, enterprise):
    response = api.post(URL, body(enterprise, enterprise=enterprise.name), format="json")
    assert response.status_code == 201, response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"url": "ftp://shop.example.com/"},
            "url",
            "请填写以 http:// 或 https:// 开头的网店地址。",
        ),
        ({"url": "javascript:alert(1)"}, "url", "请填写以 http:// 或 https:// 开头的网店地址。"),
        ({"shop_name": ""}, "shop_name", "请填写网店名称。"),
        ({"platform": "ebay"}, "platform", "请从列表中选择平台。"),
        ({"category": ""}, "category", "请从列表中选择类别。"),
        ({"enterprise": "不存在的公司"}, "enterprise", "红山区企业名录中没有这个名称的企业"),
        ({"products": [{"name": ""}]}, "products", "请填写商品名称。"),
        ({"products": [{"name": "米"}] * 6}, "products", "推荐商品最多5件。"),
        ({"phone": ""}, "phone", "请填写联系电话。"),
    ],
)
def test_field_errors_are_chinese(api, enterprise, overrides, field, message):
    response = api.post(URL, body(enterprise, **overrides), format="json")

    assert response.status_code == 400
    assert message in str(response.json()), response.json()
    assert field in str(response.json())
    assert not OnlineShop.objects.exists()


@pytest.mark.django_db
def test_an_enterprise_not_in_business_is_refused(api, enterprise):
    enterprise.status = "revoked"
    enterprise.save()
    response = api.post(URL, body(enterprise), format="json")
    assert response.status_code == 400
    assert "存续" in str(response.json())


@pytest.mark.django_db
def test_idempotency_key_retry_answers_the_first_receipt(api, enterprise):
    first = api.post(URL, body(enterprise), format="json", HTTP_IDEMPOTENCY_KEY="shop-key-0001")
    again = api.post(URL, body(enterprise), format="json", HTTP_IDEMPOTENCY_KEY="shop-key-0001")
    other = api.post(
        URL,
        body(enterprise, shop_name="另一家店"),
        format="json",
        HTTP_IDEMPOTENCY_KEY="shop-key-0001",
    )

    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json()["tracking_code"] == first.json()["tracking_code"]
    assert other.status_code == 409
    assert OnlineShop.objects.count() == 1


@pytest.mark.django_db
def test_the_same_content_twice_is_refused(api, enterprise):
    assert api.post(URL, body(enterprise), format="json").status_code == 201
    second = api.post(URL, body(enterprise), format="json")
    assert second.status_code == 400
    assert "请勿重复提交" in str(second.json())


@pytest.mark.django_db
@override_settings(ECOMMERCE_SUBMIT_RATE="2/hour", DUPLICATE_SUBMISSION_MINUTES=0)
def test_submissions_are_throttled(api, enterprise):
    codes = [
        api.post(URL, body(enterprise, phone=f"1384761000{n}"), format="json").status_code
        for n in range(3)
    ]
    assert codes == [201, 201, 429]


@pytest.mark.django_db
def test_a_browser_form_post_gets_an_html_receipt(api, enterprise):
    form = body(enterprise)
    form.pop("products")
    response = api.post(URL, form, HTTP_ACCEPT="text/html")
    assert response.status_code == 201
    html = response.content.decode()
    assert "查询码" in html and "WD" in html
    bad = api.post(URL, {**form, "url": "ftp://x", "phone": "13847619999"}, HTTP_ACCEPT="text/html")
    assert bad.status_code == 400
    assert "网店地址" in bad.content.decode()
