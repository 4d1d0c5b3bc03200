"""/forms/finance/needs/: the 发布融资需求 form posted without JavaScript gets the site's page
back, with the 查询码 or with each field's Chinese error and the visitor's values."""

import pytest
from django.core.cache import cache
from django.test import Client

from registry_api.finance.models import FinancingNeed

pytestmark = pytest.mark.django_db

PAGE = "/forms/finance/needs/"
# A visitor's address and a browser's Accept (a form post asks for HTML).
VISITOR = {"REMOTE_ADDR": "203.0.113.9", "HTTP_ACCEPT": "text/html"}


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def browser():
    return Client(**VISITOR)


def form(finance, **fields) -> dict:
    return {
        "enterprise": finance["micro"].name,
        "amount": "60",
        "term_months": "24",
        "purpose": "扩建生产车间",
        "collateral_offered": "guarantee",
        "name": "赵会计",
        "phone": "13712345678",
        "website": "",
        **fields,
    }


def test_a_need_posted_without_javascript_shows_its_code(browser, finance):
    response = browser.post(PAGE, form(finance))
    assert response.status_code == 201, response.content.decode()[:2000]
    need = FinancingNeed.objects.get(status=FinancingNeed.Status.PENDING)
    html = response.content.decode()
    assert f'<strong class="consult-receipt__code">{need.reference}</strong>' in html
    assert "<title>" in html and "发布融资需求" in html  # the site's own look
    assert "赵会计" not in html and "13712345678" not in html
    assert response["Cache-Control"] == "no-store"


def test_refused_fields_come_back_with_the_values_escaped(browser, finance):
    sent = form(finance, amount="", phone="12", purpose="<b>扩建</b>")
    response = browser.post(PAGE, sent)
    assert response.status_code == 400
    html = response.content.decode()
    amount_error = 'data-error-for="amount" id="error-amount" role="alert">请填写融资金额（万元）。'
    assert amount_error + "</p>" in html
    assert 'data-error-for="phone" id="error-phone" role="alert">' in html
    assert "&lt;b&gt;扩建&lt;/b&gt;</textarea>" in html and "<b>扩建</b>" not in html
    assert '<option value="guarantee" selected>' in html
    assert 'value="赵会计"' in html
    assert not FinancingNeed.objects.filter(status=FinancingNeed.Status.PENDING).exists()


def test_the_page_is_throttled_as_the_api_is(browser, finance, settings):
    settings.FINANCING_NEED_SUBMIT_RATE = "1/hour"
    assert browser.post(PAGE, form(finance)).status_code == 201
    response = browser.post(PAGE, form(finance, phone="13712340000", amount="9"))
    assert response.status_code == 429
    assert "请求过于频繁" in response.content.decode()


def test_get_goes_to_the_built_form(browser, db):
    response = browser.get(PAGE)
    assert response.status_code == 302 and response["Location"] == "/finance/needs/new/"


# --- /forms/finance/needs/lookup/: the need's review and answers by its 查询码 ---------------

LOOKUP = "/forms/finance/needs/lookup/"


def test_the_receipt_links_the_lookup_page(browser, finance):
    html = browser.post(PAGE, form(finance)).content.decode()
    code = FinancingNeed.objects.get(status=FinancingNeed.Status.PENDING).reference
    assert f'href="{LOOKUP}?code={code}"' in html


def test_the_lookup_page_shows_the_review_then_the_answers(browser, finance):
    from django.db import transaction

    from registry_api.finance import services

    browser.post(PAGE, form(finance))
    need = FinancingNeed.objects.get(status=FinancingNeed.Status.PENDING)
    html = browser.get(LOOKUP, {"code": need.reference}).content.decode()
    assert '<dd class="lookup-status">待审核</dd>' in html and "暂无银行答复。" in html
    assert "赵会计" not in html and "13712345678" not in html
    services.financing_need_review(need=need, status=FinancingNeed.Status.OPEN)
    with transaction.atomic():
        services.financing_answer_submit(need=need, bank="内蒙古银行赤峰分行", text="可到网点办理")
    response = browser.get(LOOKUP, {"code": need.reference.lower()})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "内蒙古银行赤峰分行" in html and "可到网点办理" in html
    assert f'href="/finance/needs/{need.pk}/"' in html
    assert html.count("<h1") == 1


def test_the_lookup_page_without_a_code_and_with_a_wrong_one(browser, db):
    empty = browser.get(LOOKUP)
    assert empty.status_code == 200 and 'id="lookup-form"' in empty.content.decode()
    blank = browser.get(LOOKUP, {"code": ""})
    assert blank.status_code == 400 and "请输入查询码。" in blank.content.decode()
    wrong = browser.get(LOOKUP, {"code": "RZ20990101XXXXXX"})
    assert wrong.status_code == 404 and "审核状态" not in wrong.content.decode()


def test_the_lookup_page_is_throttled_as_the_api(browser, db, settings):
    settings.COMPLAINT_TRACK_RATE = "1/hour"
    assert browser.get(LOOKUP, {"code": "RZ20990101XXXXXX"}).status_code == 404
    assert browser.get(LOOKUP, {"code": "RZ20990101XXXXXY"}).status_code == 429
